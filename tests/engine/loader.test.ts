import { describe, expect, it } from 'vitest';
import { formatProblem, loadCase, loadCatalog, type Problem } from '../../src/engine/index.ts';
import { CASE_PATH, caseText, catalogFiles, loadEditedCase, loadShippedCatalog } from '../support/load.ts';

const catalog = loadShippedCatalog();

function loadEdited(edit: (text: string) => string, name = CASE_PATH) {
  return loadCase({ name, text: edit(caseText()) }, catalog);
}
function problemsOf(result: ReturnType<typeof loadCase>): Problem[] {
  if (result.ok) throw new Error('expected the case to be refused');
  return result.problems;
}
/** 1-based line of the first occurrence of `needle` in the shipped case. */
function lineOf(needle: string, text = caseText()): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, index).split('\n').length;
}

describe('loading the shipped content', () => {
  it('loads the catalogue and the first case with no errors and no warnings', () => {
    const loaded = loadCase({ name: CASE_PATH, text: caseText() }, catalog);
    expect(loaded.ok ? loaded.warnings : loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('a misspelt action id is reported even when the structure has errors too', () => {
    const problems = problemsOf(
      loadEdited((text) =>
        text
          .replace('"ageYears": {', '"ageYears": { "valu": 1,')
          .replace('"order:lactate",', '"order:lactat",'),
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['patient.ageYears.valu', 'scoring.rules[0].actions[0]']),
    );
    expect(problems.find((p) => p.path === 'scoring.rules[0].actions[0]')?.message).toContain(
      'did you mean "lactate"',
    );
  });

  it('a misspelt best-path id is reported in the same run as a schema error, each with file:line:col', () => {
    const edit = (text: string) =>
      text
        .replace('"horizonMin": 720', '"horizonMin": "long"')
        .replace('"do": "examine",\n        "id": "gluteal"', '"do": "examine",\n        "id": "glutael"')
        .replace('"exam": {\n    "general": {', '"exam": {\n    "genral": {');
    const problems = problemsOf(loadEdited(edit));
    const edited = edit(caseText());
    expect(problems.map(formatProblem)).toEqual([
      `${CASE_PATH}:${String(lineOf('"horizonMin"', edited))}:17  horizonMin  expected a number, got the string "long"`,
      `${CASE_PATH}:${String(lineOf('"genral"', edited))}:15  exam.genral  unknown exam region "genral" (did you mean "general"?)`,
      `${CASE_PATH}:${String(lineOf('"glutael"', edited))}:15  bestPath.actions[1].id  no examine target "glutael" (did you mean "gluteal"?)`,
    ]);
  });

  it("the handover's dispositions and orders name what exists", () => {
    const problems = problemsOf(
      loadEdited((t) =>
        t.replace(
          '"diagnoses": [',
          `"handover": [{ "dispositions": ["wardd"], "orders": [{ "afterMin": 5, "do": "treat", "id": "ceftriaxon" }],
            "note": "x" }],\n  "diagnoses": [`,
        ),
      ),
    );
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'handover[0].dispositions[0]: unknown disposition "wardd" (did you mean "ward"?)',
      'handover[0].orders[0].id: unknown treatment "ceftriaxon" (did you mean "ceftriaxone"?)',
    ]);
  });

  it('a best-path id that also breaks the schema is reported once', () => {
    const problems = problemsOf(
      loadEdited((t) =>
        t.replace('"do": "examine",\n        "id": "gluteal"', '"do": "examine",\n        "id": "Gluteal"'),
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(['bestPath.actions[1].id']);
    expect(problems[0]?.message).toMatch(/kebab-case/);
  });

  it('"$comment" notes may stand in any object and change nothing; problems keep their lines', () => {
    const commented = loadEdited((text) =>
      text
        .replace('{', '{ "$comment": "top-level note",')
        .replace('"ageYears": {', '"ageYears": { "$comment": "as reported",'),
    );
    const plain = loadCase({ name: CASE_PATH, text: caseText() }, catalog);
    if (!commented.ok || !plain.ok) throw new Error('expected both to load');
    expect(commented.value.data).toEqual(plain.value.data);
    const broken = problemsOf(
      loadEdited((text) => text.replace('"ageYears": {', '"ageYears": { "$comment": "x", "valu": 1,')),
    );
    expect(broken.map((p) => [p.path, p.line])).toEqual([['patient.ageYears.valu', lineOf('"ageYears": {')]]);
  });

  it('warns, where they stand, about legal but suspicious content', () => {
    const warningsOf = (edit: (text: string) => string) => {
      const loaded = loadEdited(edit);
      if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
      return loaded.warnings.map((w) => `${w.path}  ${w.message}`);
    };
    // A synthetic value without a note (the weight's note removed).
    expect(
      warningsOf((t) =>
        t.replace(/("weightKg": \{[^}]*?"provenance": "synthetic"),\s*"note": "[^"]*"/, '$1'),
      ),
    ).toEqual(['patient.weightKg.provenance  a synthetic value needs a "note" saying why it is plausible']);
    // TODO left in a text.
    expect(warningsOf((t) => t.replace('"title": "', '"title": "TODO '))).toEqual(['title  still says TODO']);
    // Glucose given in mmol/L where the catalogue reads mg/dL.
    expect(warningsOf((t) => t.replace(/("glucose": \{\s*"value": )168/, '$19.3'))).toEqual([
      'results.bmp.values.glucose.value  9.3 looks like mmol/L; this value is read in mg/dL (that would be 167.6)',
    ]);
    // A scoring rule rewards a test the case gives no result for.
    const withoutTroponin = (t: string) => {
      const data = JSON.parse(t) as {
        results: Record<string, unknown>;
        scoring: { rules: { actions: string[] }[] };
      };
      delete data.results.troponin;
      data.scoring.rules[0]?.actions.unshift('order:troponin');
      return JSON.stringify(data, null, 2);
    };
    expect(warningsOf(withoutTroponin)).toEqual([
      'scoring.rules[0].actions[0]  the case names "troponin" but gives no result for it: the learner would see "assumed normal"',
    ]);
  });

  it('the catalogue defines every id the case format promises', () => {
    const required = {
      tests:
        'cbc bmp lft coagulation lactate procalcitonin crp esr ldh ck troponin d-dimer blood-gas blood-cultures urinalysis urine-culture type-and-screen ecg chest-xray ct-abdomen-pelvis mri-spine pocus',
      treatments:
        'lactated-ringers normal-saline norepinephrine vasopressin ceftriaxone cloxacillin piperacillin-tazobactam meropenem vancomycin hydrocortisone oxygen paracetamol morphine diclofenac sodium-bicarbonate hydroxyethyl-starch',
      consults: 'general-surgery icu infectious-diseases interventional-radiology',
      dispositions: 'operating-room icu ward discharge',
      examRegions: 'general skin cardiovascular respiratory abdomen back gluteal neurological extremities',
    } as const;
    for (const [section, ids] of Object.entries(required)) {
      expect(Object.keys(catalog[section as keyof typeof required]), section).toEqual(
        expect.arrayContaining(ids.split(' ')),
      );
    }
    expect(catalog.treatments['lactated-ringers']).toMatchObject({
      doseUnit: 'mL',
      defaultDose: 500,
      mode: 'bolus',
    });
    expect(catalog.treatments.norepinephrine).toMatchObject({ doseUnit: 'mcg/kg/min', mode: 'infusion' });
  });
});

describe('problems are reported where they are, all at once', () => {
  it('a JSON syntax error names the file, line and column', () => {
    const problems = problemsOf(loadEdited((t) => t.replace('"horizonMin": 720,', '"horizonMin": 720,,')));
    expect(problems).toHaveLength(1);
    expect(problems.map(formatProblem)[0]).toMatch(
      new RegExp(`^${CASE_PATH}:${String(lineOf('"horizonMin"'))}:\\d+  \\(file\\)  invalid JSON`),
    );
  });

  it('a wrong type in the catalogue reads "file:line:col  path  expected a number"', () => {
    const files = catalogFiles().map((f) =>
      f.name.endsWith('tests.json')
        ? { ...f, text: f.text.replace('"turnaroundMin": 30,', '"turnaroundMin": "thirty",') }
        : f,
    );
    const loaded = loadCatalog(files);
    const problems = loaded.ok ? [] : loaded.problems.map(formatProblem);
    const testsText = files.find((f) => f.name.endsWith('tests.json'))?.text ?? '';
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^cases/catalog/tests.json:${String(lineOf('"thirty"', testsText))}:\\d+  tests\\.cbc\\.turnaroundMin  expected a number, got the string "thirty"$`,
        ),
      ),
    ]);
  });

  it('reports every problem in one pass, not just the first', () => {
    const problems = problemsOf(
      loadEdited((t) =>
        t
          .replace('"horizonMin": 720', '"horizonMin": -5')
          .replace('"difficulty": "advanced"', '"difficulty": "hard"')
          .replace('"estimatedMinutes": 25', '"estimatedMinutes": "25"'),
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(['difficulty', 'estimatedMinutes', 'horizonMin']);
    expect(problems[0]?.message).toContain('expected one of "introductory", "intermediate", "advanced"');
  });

  it('an id that nothing defines is named, with the nearest valid ids', () => {
    const problems = problemsOf(
      loadEdited((t) => t.replace(/("actions": \[\s*)"treat:ceftriaxone"/, '$1"treat:ceftriaxon"')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(
      '"treat:ceftriaxon": no treat target "ceftriaxon" (did you mean "ceftriaxone"?)',
    );
    expect(problems[0]?.path).toMatch(/^scoring\.rules\[\d+\]\.actions\[0\]$/);
  });

  it("a phase's classroom question names its options' problems where they are", () => {
    const problems = problemsOf(
      loadEdited((t) =>
        t
          .replace(/"options": \[\s*"order:blood-cultures"/, '"options": ["order:blood-culture"')
          .replace(
            '["treat:norepinephrine", "treat:lactated-ringers", "treat:dopamine", "treat:albumin"]',
            '["treat:dopamine", "treat:dopamine"]',
          ),
      ),
    );
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'course.phases[0].decisions[0].options[0]: "order:blood-culture": no order target "blood-culture" (did you mean "blood-cultures"?)',
      'course.phases[0].decisions[2].options: an option is listed twice',
    ]);
  });

  it('cross-references are checked: tests, components, exposures, diagnoses', () => {
    const problems = problemsOf(
      loadEdited((t) =>
        t
          .replace('"wbc": {', '"wcc": {')
          .replace('"exposure": "hypotension-without-vasopressor"', '"exposure": "hypotension"')
          .replace('"diagnosis": "spondylodiscitis"', '"diagnosis": "discitis"'),
      ),
    );
    const messages = problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^results\.cbc\.values\.wcc: unknown component of cbc "wcc" \(did you mean "wbc"/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /exposure: unknown exposure "hypotension" \(did you mean "hypotension-without-vasopressor"\?\)/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/diagnosis: unknown diagnosis "discitis"/));
  });

  it('a corrected fact must keep the original wording', () => {
    const problems = problemsOf(loadEdited((t) => t.replace('"reported": "neutrophils 22%",', '')));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'results.cbc.values.neutrophils.reported',
        'a "corrected" fact must keep the report\'s wording in "reported"',
      ],
    ]);
  });

  it('duplicate keys are errors, because JSON silently keeps the last', () => {
    const problems = problemsOf(
      loadEdited((t) => t.replace('"horizonMin": 720,', '"horizonMin": 720,\n  "horizonMin": 600,')),
    );
    expect(problems[0]?.message).toBe('duplicate key "horizonMin" (JSON keeps only the last)');
  });

  it('an unknown field is reported (typos in field names do not pass silently)', () => {
    const problems = problemsOf(
      loadEdited((t) => t.replace('"horizonMin": 720,', '"horizonMin": 720,\n  "horizon": 600,')),
    );
    expect(problems.map((p) => [p.path, p.message])).toEqual([['horizon', 'unknown field "horizon"']]);
  });

  it('the case id must match its file name', () => {
    const problems = problemsOf(loadEdited((t) => t, 'cases/another-name.json'));
    expect(problems[0]?.message).toBe(
      'the id "septic-shock-spondylodiscitis" must match the file name "another-name"',
    );
  });

  it('a scoring rule anchored only on an unconfirmed source may not score', () => {
    const problems = problemsOf(
      loadEdited((t) =>
        t
          .replace('"anchor": "SSC26-R44",', '"anchor": "SSC26-R44",')
          .replace(/("anchor": "SSC26-R44",[\s\S]*?"confidence": )"V2"/, '$1"U"'),
      ),
    );
    expect(problems[0]?.message).toMatch(/unconfirmed \(U\) source must not score/);
  });

  it('warns (without refusing) when the physiology does not start at the reported vitals', () => {
    const loaded = loadEdited((t) => t.replace('"base": 91,', '"base": 101,'));
    expect(loaded.ok).toBe(true);
    const warnings = loaded.ok ? loaded.warnings : [];
    expect(warnings.map((w) => w.path)).toEqual([
      'presentation.arrivalVitals.sbp',
      'presentation.arrivalVitals.dbp',
    ]);
    expect(warnings[0]?.message).toMatch(/the physiology starts at 90, not 80/);
  });
});

describe("a sign on the patient's face", () => {
  it('that reads glucose is refused in a case without a metabolic model (it would read 0 and show for ever)', () => {
    const result = loadEditedCase(CASE_PATH, (data) => {
      (data.appearance as unknown[]).push({
        sign: 'sweating',
        when: { below: { glucose: 60 } },
        provenance: 'synthetic',
        note: 'A test.',
      });
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path} ${p.message}`)).toContainEqual(
      expect.stringMatching(/^appearance\[\d+\]\.when\.below\.glucose "glucose" needs a metabolic model/),
    );
  });
});
