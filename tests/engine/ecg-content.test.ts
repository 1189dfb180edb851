import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/index.ts';
import {
  catalogFiles,
  editedCase,
  loadEditedCase,
  loadShippedCase,
  shippedCasePaths,
} from '../support/load.ts';

const shipped = shippedCasePaths().map((path) => loadShippedCase(path));

describe('every shipped ECG has a tracing to draw, faithful to its report', () => {
  it.each(shipped.map((c) => [c.data.id, c] as const))(
    '%s: each ECG result declares its morphology, with provenance',
    (_, resolved) => {
      const ecgs = Object.entries(resolved.data.results).filter(
        ([id]) => resolved.catalog.tests[id]?.ecg !== undefined,
      );
      expect(ecgs.length).toBeGreaterThan(0);
      for (const [, result] of ecgs) {
        expect(result.kind).toBe('report');
        if (result.kind !== 'report') continue;
        expect(result.morphology?.provenance).toBe('synthetic');
        expect(result.morphology?.note).toBeTruthy();
      }
    },
  );

  it('the STEMI: inferior ST elevation with III > II, reciprocal depression in I and aVL, V4R ≥ 1 mm on the right', () => {
    const stemi = shipped.find((c) => c.data.id === 'inferior-stemi-rv');
    const ecg = stemi?.data.results.ecg;
    const right = stemi?.data.results['ecg-right-sided'];
    if (ecg?.kind !== 'report' || right?.kind !== 'report') throw new Error('no STEMI ECGs');
    const leads = ecg.morphology?.leads ?? {};
    expect(leads.III?.stMm).toBeGreaterThan(leads.II?.stMm ?? Infinity);
    expect(leads.aVF?.stMm).toBeGreaterThanOrEqual(1);
    expect(leads.I?.stMm).toBeLessThan(0);
    expect(leads.aVL?.stMm).toBeLessThan(0);
    expect(ecg.morphology?.prMs).toBe(220);
    expect(leads.V4R).toBeUndefined();
    expect(right.morphology?.leads.V4R?.stMm).toBeGreaterThanOrEqual(1);
  });

  it('the DKA ECG has peaked T waves in V2–V4 and nothing else; sepsis and anaphylaxis are plain sinus', () => {
    const morphology = (id: string) => {
      const r = shipped.find((c) => c.data.id === id)?.data.results.ecg;
      return r?.kind === 'report' ? r.morphology : undefined;
    };
    expect(morphology('diabetic-ketoacidosis')?.leads).toEqual({
      V2: { t: 'peaked' },
      V3: { t: 'peaked' },
      V4: { t: 'peaked' },
    });
    expect(morphology('septic-shock-spondylodiscitis')?.leads).toEqual({});
    expect(morphology('anaphylaxis-peanut')?.leads).toEqual({});
  });
});

describe('the schema keeps ECGs drawable', () => {
  it('an ST deviation beyond 10 mm is refused, with its unit', () => {
    const loaded = loadEditedCase('cases/inferior-stemi-rv.json', (data) => {
      const results = data.results as Record<string, { morphology: { leads: Record<string, unknown> } }>;
      if (results.ecg !== undefined) results.ecg.morphology.leads.III = { stMm: 35 };
    });
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.message).join()).toContain(
      'expected at most 10 (mm)',
    );
  });

  it('an existing report without a morphology still loads (drawn as a normal tracing)', () => {
    const plain = editedCase('cases/anaphylaxis-peanut.json', (data) => {
      const results = data.results as Record<string, Record<string, unknown>>;
      delete results.ecg?.morphology;
    });
    const ecg = plain.data.results.ecg;
    expect(ecg?.kind === 'report' ? ecg.morphology : 'not a report').toBeUndefined();
  });

  it('a catalogue ECG or read must be a written report', () => {
    const files = catalogFiles().map((f) =>
      f.name.endsWith('tests.json')
        ? {
            ...f,
            text: f.text
              .replace('"reads": "ecg"', '"reads": "ecg", "kind": "panel"')
              .replace(/("ecg-cardiology-read": \{[^}]*?)"kind": "report",/s, '$1'),
          }
        : f,
    );
    const loaded = loadCatalog(files);
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.message).join()).toContain('kind must be "report"');
  });
});
