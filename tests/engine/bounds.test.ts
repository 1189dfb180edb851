import { describe, expect, it } from 'vitest';
import {
  BUDGET,
  formatProblem,
  loadCase,
  loadCatalog,
  loadScript,
  type Loaded,
  type Problem,
} from '../../src/engine/index.ts';
import { LIST_MAX, TEXT_MAX } from '../../src/engine/case/schema/bounds.ts';
import { CASE_PATH, caseText, loadEditedCase, loadFirstCase, loadShippedCatalog } from '../support/load.ts';

const catalog = loadShippedCatalog();
const resolved = loadFirstCase();

/** The errors of a refused file, as "path  message". */
function errorsOf(loaded: Loaded<unknown>): string[] {
  if (loaded.ok) throw new Error('expected the file to be refused');
  return loaded.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}  ${p.message}`);
}
/** The errors of the shipped case with these values set, by path ("patient.weightKg.value"). */
const withValues = (values: Record<string, unknown>) =>
  errorsOf(
    loadEditedCase(
      CASE_PATH,
      (data) => {
        for (const [path, value] of Object.entries(values)) {
          const keys = path.split('.');
          const last = keys.pop() ?? '';
          let node = data;
          for (const key of keys) node = node[key] as Record<string, unknown>;
          node[last] = value;
        }
      },
      catalog,
    ),
  );
const script = (text: string, name = 'tests/hostile.json') => loadScript({ name, text }, resolved);
const only = (loaded: Loaded<unknown>): Problem => {
  if (loaded.ok) throw new Error('expected the file to be refused');
  const [problem, ...more] = loaded.problems;
  if (problem === undefined || more.length > 0)
    throw new Error(`expected one problem, got ${String(loaded.problems.length)}`);
  return problem;
};

const course = (...effects: unknown[]) => ({
  phases: [{ id: 'stable', label: 'Stable' }],
  events: [{ id: 'turn', label: 'A turn', when: { atMin: 60 }, effects }],
});

describe('a number beyond what a patient or the engine allows is refused, with the bound and its unit', () => {
  it('a horizon of 100,000,000 minutes (a play that would run for hours) is refused at load', () => {
    expect(withValues({ horizonMin: 100_000_000 })).toEqual([
      `horizonMin  expected at most ${String(BUDGET.horizonMin)} (min), got 100000000`,
    ]);
  });

  it('a weight of 0 kg (it would divide every per-kg figure) or of a tonne is refused', () => {
    expect(withValues({ 'patient.weightKg.value': 0 })).toEqual([
      'patient.weightKg.value  expected at least 0.3 (kg), got 0',
    ]);
    expect(withValues({ 'patient.weightKg.value': 1000 })).toEqual([
      'patient.weightKg.value  expected at most 400 (kg), got 1000',
    ]);
  });

  it('a lactate of 1e308 at arrival is an error, not a warning, and so is an age of 200', () => {
    expect(withValues({ 'physiology.initial.lactate': 1e308, 'patient.ageYears.value': 200 })).toEqual([
      'patient.ageYears.value  expected at most 120 (years), got 200',
      'physiology.initial.lactate  expected at most 40 (mmol/L), got 1e+308',
    ]);
  });

  it('negative turnarounds and durations are refused with their unit', () => {
    expect(
      withValues({ testOverrides: { cbc: { turnaroundMin: -30 } }, 'history.0.durationMin': -1 }),
    ).toEqual([
      'history[0].durationMin  expected at least 0 (min), got -1',
      'testOverrides.cbc.turnaroundMin  expected at least 0 (min), got -30',
    ]);
  });

  it("a threshold, a vital at arrival or a value an event sets is held to that value's own range", () => {
    expect(
      withValues({
        'physiology.exposures.0.below.lactate': 50,
        'presentation.arrivalVitals.temp.value': 60,
      }),
    ).toEqual([
      'presentation.arrivalVitals.temp.value  expected at most 47 (°C), got 60',
      'physiology.exposures[0].below.lactate  expected at most 40 (mmol/L), got 50',
    ]);
    expect(
      withValues({ course: course({ type: 'state', add: { lactate: -100 }, set: { potassium: 0 } }) }),
    ).toEqual([
      'course.events[0].effects[0].add.lactate  expected at least -40 (mmol/L), got -100',
      'course.events[0].effects[0].set.potassium  expected at least 0.5 (mmol/L), got 0',
    ]);
  });

  it('an event cannot set a physiology parameter beyond the bounds the physiology block keeps', () => {
    const faster = { type: 'physiology', set: { 'pressor.halfLifeMin': 0, 'driver.growthPerH': 0.6 } };
    expect(withValues({ course: course(faster) })).toEqual([
      'course.events[0].effects[0].set.pressor.halfLifeMin  expected at least 0.1 (min), got 0',
    ]);
  });

  it('zero and negative doses, rates and turnarounds in the catalogue are refused', () => {
    const text = JSON.stringify(
      {
        tests: {
          'slow-test': { name: 'Slow test', category: 'lab', kind: 'report', turnaroundMin: -10, costUsd: 5 },
        },
        treatments: {
          'odd-fluid': {
            name: 'Odd fluid',
            category: 'fluid',
            route: 'IV',
            mode: 'bolus',
            doseUnit: 'mL',
            defaultDose: -500,
            doseMax: 0,
            rateMlPerMin: -5,
          },
        },
      },
      null,
      2,
    );
    expect(errorsOf(loadCatalog([{ name: 'cases/catalog/hostile.json', text }]))).toEqual([
      'tests.slow-test.turnaroundMin  expected at least 0 (min), got -10',
      "treatments.odd-fluid.defaultDose  expected more than 0 (the treatment's dose unit), got -500",
      "treatments.odd-fluid.doseMax  expected more than 0 (the treatment's dose unit), got 0",
      'treatments.odd-fluid.rateMlPerMin  expected more than 0 (mL/min), got -5',
    ]);
  });

  it('a script with a negative or zero dose, or a minute beyond any course, is refused', () => {
    const actions = [
      { at: 0, do: 'treat', id: 'lactated-ringers', dose: -500 },
      { at: 1, do: 'treat', id: 'norepinephrine', dose: 0 },
      { at: 100_000_000, do: 'end' },
    ];
    expect(errorsOf(script(JSON.stringify({ actions }, null, 2)))).toEqual([
      "actions[0].dose  expected more than 0 (the treatment's dose unit), got -500",
      "actions[1].dose  expected more than 0 (the treatment's dose unit), got 0",
      `actions[2].at  expected at most ${String(BUDGET.horizonMin)} (min), got 100000000`,
    ]);
  });
});

describe('enormous lists and texts are refused by their length, not worked through', () => {
  it(`a script of more than ${String(BUDGET.actions)} actions`, () => {
    const actions = Array.from({ length: BUDGET.actions + 1 }, () => ({
      at: 0,
      do: 'examine',
      id: 'general',
    }));
    expect(errorsOf(script(JSON.stringify({ actions })))).toEqual([
      `actions  expected at most ${String(BUDGET.actions)} items, got ${String(BUDGET.actions + 1)}`,
    ]);
  });

  it(`a case of more than ${String(LIST_MAX)} events, or a title of more than ${String(TEXT_MAX)} characters`, () => {
    const tick = (i: number) => ({
      id: `tick-${String(i)}`,
      label: 'Tick',
      when: { atMin: i },
      effects: [{ type: 'phase', phase: 'stable' }],
    });
    expect(
      withValues({
        title: 'x'.repeat(TEXT_MAX + 1),
        course: {
          phases: [{ id: 'stable', label: 'Stable' }],
          events: Array.from({ length: LIST_MAX + 1 }, (_, i) => tick(i)),
        },
      }),
    ).toEqual([
      `title  expected at most ${String(TEXT_MAX)} characters, got ${String(TEXT_MAX + 1)}`,
      `course.events  expected at most ${String(LIST_MAX)} items, got ${String(LIST_MAX + 1)}`,
    ]);
  });
});

describe('a file the parser cannot take safely is refused at once, where the problem is', () => {
  it('a number too large for a double (1e309) is named at its line and column, not read as null', () => {
    const text = caseText().replace(/"horizonMin": \d+/, '"horizonMin": 1e309');
    const line = text.slice(0, text.indexOf('1e309')).split('\n').length;
    expect(formatProblem(only(loadCase({ name: CASE_PATH, text }, catalog)))).toBe(
      `${CASE_PATH}:${String(line)}:17  horizonMin  1e309 is too large for a number (JSON numbers must be within ±1.8e308)`,
    );
    expect(formatProblem(only(script('{ "actions": [{ "at": -1e400, "do": "end" }] }')))).toBe(
      'tests/hostile.json:1:23  actions[0].at  -1e400 is too large for a number (JSON numbers must be within ±1.8e308)',
    );
  });

  it('JSON nested 10,000 deep is refused where it crosses the limit, with no stack overflow', () => {
    const deep = `{\n  "actions":\n    ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}`;
    const problem = only(script(deep));
    // The outer object is one level: the limit is crossed by the array that opens level jsonDepth + 1.
    expect(formatProblem(problem)).toBe(
      `tests/hostile.json:3:${String(4 + BUDGET.jsonDepth)}  (file)  objects and arrays are nested more than ${String(BUDGET.jsonDepth)} deep (a case nests about 8)`,
    );
  });

  it('brackets inside strings, escaped quotes included, do not count towards the nesting', () => {
    const text = JSON.stringify({ actions: [], $comment: `\\"${'['.repeat(1000)}"` });
    expect(script(text).ok).toBe(true);
  });

  it('a file larger than the budget is refused with its size and the limit, before it is parsed', () => {
    const text = `{ "actions": [], "$comment": "${'x'.repeat(BUDGET.fileBytes)}" }`;
    const limit = BUDGET.fileBytes.toLocaleString('en');
    expect(formatProblem(only(script(text)))).toBe(
      `tests/hostile.json:1:1  (file)  the file is ${text.length.toLocaleString('en')} bytes, over the limit of ${limit} bytes (2 MB) for a case, catalogue or script`,
    );
    // Counted in UTF-8 bytes as stored: 700,000 euro signs are 2,100,000 bytes, though 700,000 characters long.
    const wide = `{ "actions": [], "$comment": "${'€'.repeat(700_000)}" }`;
    expect(only(script(wide)).message).toMatch(/^the file is 2,100,0\d\d bytes, over the limit/);
  });
});
