import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsIn, loadShippedCase, ROOT, shippedCasePaths } from '../support/load.ts';
import { firstCase } from '../support/play.ts';

/**
 * The text a real case was built from (`source.file`: the verbatim report, or a fact sheet of it), when the shared
 * folder is beside the project (it is in CI and on developer machines), with the marks of a Markdown table or
 * emphasis and runs of spaces made one space: a quote of a fact sheet's row ("HR 26 bpm") reads across its cells.
 */
function sourceText(file: string): string | null {
  try {
    return plain(readFileSync(join(ROOT, '..', file), 'utf8'));
  } catch {
    return null;
  }
}
const plain = (text: string) => text.replace(/[|*`]/g, ' ').replace(/\s+/g, ' ');

describe('every real case quotes what its source really says', () => {
  const real = shippedCasePaths()
    .map((path) => loadShippedCase(path))
    .filter((c) => c.data.kind === 'real-case');

  it('there is at least one, and each names the text it was built from', () => {
    expect(real.length).toBeGreaterThan(0);
    for (const c of real) expect(c.data.source.file, c.data.id).toMatch(/^shared\/(seeds|sources)\//);
  });

  it("reads a fact sheet's table rows across their cells, so a quote of a row is found", () => {
    const sheet = sourceText('shared/sources/brash-hyperkalaemia-bradycardia-shock.md');
    if (sheet === null) return; // shared/ not beside this checkout
    expect(sheet).toContain('HR 26 bpm');
    expect(sheet).toContain('Potassium 5.2 → 7.3 → 4.9 (ref 3.5–5.0) mEq/L');
    expect(sheet).not.toContain('HR 62 bpm');
  });

  it.each(real.map((c) => [c.data.id, c] as const))(
    '%s: every "source" or "corrected" fact quotes words that are in its source',
    (_id, resolved) => {
      const text = sourceText(resolved.data.source.file ?? '');
      if (text === null) return; // shared/ not beside this checkout: nothing to compare against
      const quoted = factsIn(resolved.data).filter(({ fact }) => fact.provenance !== 'synthetic');
      expect(quoted.length).toBeGreaterThan(10);
      for (const { path, fact } of quoted) {
        for (const fragment of plain(fact.reported ?? '').split(/\s*\.\.\.\s*/)) {
          expect(text, `${path}: "${fragment}"`).toContain(fragment.trim());
        }
      }
    },
  );
});

describe("the first case keeps the report's facts exactly", () => {
  const data = firstCase.data;
  const all = factsIn(data);

  it('the reported numbers are present with their real meaning', () => {
    expect(data.patient.ageYears.value).toBe(47);
    expect(data.presentation.arrivalVitals).toMatchObject({
      sbp: { value: 80 },
      dbp: { value: 50 },
      hr: { value: 109 },
      temp: { value: 37.5 },
    });
    const cbc = data.results.cbc;
    expect(cbc?.kind === 'panel' && cbc.values.wbc).toMatchObject({ value: 27.4, provenance: 'source' });
    expect(cbc?.kind === 'panel' && cbc.values.hemoglobin).toMatchObject({ value: 9.9 });
    for (const [test, component, value] of [
      ['procalcitonin', 'procalcitonin', 0.84],
      ['crp', 'crp', 115],
      ['ldh', 'ldh', 313],
    ] as const) {
      const result = data.results[test];
      expect(result?.kind === 'panel' && result.values[component]).toMatchObject({ value });
    }
  });

  it('every synthetic fact says why it was invented', () => {
    for (const { path, fact } of all.filter(({ fact }) => fact.provenance === 'synthetic')) {
      expect(fact.note, path).toBeTruthy();
    }
  });

  it('the real course names what the team did, each tied to an action in the game', () => {
    expect(data.realCourse.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'treat:ceftriaxone',
        'treat:cloxacillin',
        'treat:norepinephrine',
        'consult:general-surgery',
        'dispose:operating-room',
        'order:blood-cultures',
      ]),
    );
    expect(data.realCourse.outcome).toMatchObject({ value: 'He had a good course.', provenance: 'source' });
  });

  it('offers the three true diagnoses among plausible distractors', () => {
    const correct = data.diagnoses.filter((d) => d.correct).map((d) => d.id);
    expect(correct.sort()).toEqual(['gluteal-abscess', 'septic-shock', 'spondylodiscitis']);
    expect(data.diagnoses.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'mechanical-back-pain',
        'renal-colic',
        'pyelonephritis',
        'necrotizing-fasciitis',
      ]),
    );
  });

  it('applies the 2026 guideline update: source control within 6 h, SSC 2026 anchors, HES still cited to 2021', () => {
    const rules = data.scoring.rules;
    const source = rules.find((r) => r.id === 'source-control-within-6h');
    expect(source?.type === 'timed' && source.bands[0]).toEqual({ withinMin: 360, fraction: 1 });
    expect(rules.filter((r) => r.source.anchor.startsWith('SSC26')).length).toBeGreaterThan(10);
    expect(rules.find((r) => r.id === 'harm-starch')?.source.anchor).toBe('SSC21-25');
  });
});
