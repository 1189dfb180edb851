import { describe, expect, it } from 'vitest';
import { beats, layout, recording, stLevel, RECORD_S, type Tracing } from '../../src/ui/ecg-geometry.ts';
import type { EcgMorphology } from '../../src/view/ecg-reads.ts';
import { loadShippedCase } from '../support/load.ts';

const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
const dka = loadShippedCase('cases/diabetic-ketoacidosis.json');

function morphologyOf(resolved: typeof stemi, testId: string): EcgMorphology {
  const result = resolved.data.results[testId];
  if (result?.kind !== 'report' || result.morphology === undefined)
    throw new Error(`no morphology for ${testId}`);
  return result.morphology;
}

const tracing = (over: Partial<Tracing>): Tracing => ({
  leads: 'standard',
  rhythm: 'sinus',
  rateBpm: 75,
  pacedBpm: 0,
  morphology: null,
  seed: 1,
  ...over,
});

/** QRS onsets inside the ten seconds on paper. */
const onPaper = (t: Tracing) => beats(t).qrs.filter((q) => q.atS >= 0 && q.atS < RECORD_S);
const intervals = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? t));
function variation(xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return sd / mean;
}

describe('the STEMI ECG is drawn from the case', () => {
  const ecg = tracing({ rateBpm: 58, morphology: morphologyOf(stemi, 'ecg') });

  it('ST elevation in III is higher than in II, both well above the baseline (the RCA pattern)', () => {
    const iii = stLevel(ecg, 'III');
    const ii = stLevel(ecg, 'II');
    expect(ii).toBeGreaterThan(0.15);
    expect(iii).toBeGreaterThan(ii + 0.05);
    expect(stLevel(ecg, 'aVF')).toBeGreaterThan(0.15);
  });

  it('I and aVL show reciprocal ST depression; the chest leads stay on the baseline', () => {
    expect(stLevel(ecg, 'I')).toBeLessThan(-0.05);
    expect(stLevel(ecg, 'aVL')).toBeLessThan(-0.1);
    expect(Math.abs(stLevel(ecg, 'V4'))).toBeLessThan(0.05);
  });

  it('the same case without its morphology draws no ST elevation', () => {
    expect(Math.abs(stLevel(tracing({ rateBpm: 58 }), 'III'))).toBeLessThan(0.05);
  });

  it('V4R is drawn only on the right-sided ECG, where it shows ST elevation of at least 1 mm', () => {
    const standard = layout('standard').flat();
    const right = layout('right-sided').flat();
    expect(standard).toHaveLength(12);
    expect(right).toHaveLength(12);
    expect(standard).not.toContain('V4R');
    expect(right).toContain('V4R');
    expect(right).not.toContain('V4');
    const rightEcg = tracing({
      leads: 'right-sided',
      rateBpm: 58,
      morphology: morphologyOf(stemi, 'ecg-right-sided'),
    });
    expect(stLevel(rightEcg, 'V4R')).toBeGreaterThanOrEqual(0.1);
  });

  it('the first-degree AV block shows: each P starts 220 ms before its QRS', () => {
    const b = beats(ecg);
    b.qrs.forEach((q, i) => {
      expect(q.atS - (b.p[i] ?? 0)).toBeCloseTo(0.22, 5);
    });
  });
});

describe('the rhythm follows the engine', () => {
  it.each([
    ['sinus', 58],
    ['sinus', 109],
    ['svt', 180],
    ['vt', 150],
    ['af', 110],
    ['chb', 38],
    ['junctional', 26],
    ['junctional', 45],
  ] as const)('%s at %i/min has that many QRS complexes in ten seconds (±1)', (rhythm, rate) => {
    expect(Math.abs(onPaper(tracing({ rhythm, rateBpm: rate })).length - rate / 6)).toBeLessThanOrEqual(1.5);
  });

  it('sinus rhythm is regular, with a P wave before every QRS', () => {
    const t = tracing({ rateBpm: 80 });
    const b = beats(t);
    expect(b.p).toHaveLength(b.qrs.length);
    expect(variation(intervals(b.qrs.map((q) => q.atS)))).toBeLessThan(0.03);
  });

  it('atrial fibrillation has no P waves and an irregularly irregular RR', () => {
    const b = beats(tracing({ rhythm: 'af', rateBpm: 110 }));
    expect(b.p).toHaveLength(0);
    expect(variation(intervals(b.qrs.map((q) => q.atS)))).toBeGreaterThan(0.12);
  });

  it('SVT is narrow and regular; VT is wide', () => {
    const svt = beats(tracing({ rhythm: 'svt', rateBpm: 180 }));
    expect(svt.qrsS).toBeLessThan(0.12);
    expect(svt.p).toHaveLength(0);
    expect(variation(intervals(svt.qrs.map((q) => q.atS)))).toBeLessThan(0.001);
    expect(beats(tracing({ rhythm: 'vt', rateBpm: 150 })).qrsS).toBeGreaterThanOrEqual(0.12);
  });

  it('complete heart block: P waves march at their own rate, dissociated from the QRS', () => {
    const b = beats(tracing({ rhythm: 'chb', rateBpm: 38 }));
    const ps = b.p.filter((p) => p >= 0 && p < RECORD_S);
    expect(ps.length).toBeGreaterThan(onPaper(tracing({ rhythm: 'chb', rateBpm: 38 })).length * 1.5);
    // No fixed PR: the time from each QRS back to the last P before it varies.
    const pr = b.qrs.filter((q) => q.atS > 0).map((q) => q.atS - Math.max(...b.p.filter((p) => p < q.atS)));
    expect(Math.max(...pr) - Math.min(...pr)).toBeGreaterThan(0.15);
  });

  it('a junctional rhythm is narrow and regular, with no P wave before its complexes', () => {
    const b = beats(tracing({ rhythm: 'junctional', rateBpm: 26 }));
    expect(b.p).toHaveLength(0);
    expect(b.qrsS).toBeLessThan(0.12);
    expect(b.qrs.every((q) => !q.paced)).toBe(true);
    expect(variation(intervals(b.qrs.map((q) => q.atS)))).toBeLessThan(0.03);
    // Paced, it is the pacer's rhythm: a spike before every wide complex, and still no P waves.
    const paced = beats(tracing({ rhythm: 'junctional', rateBpm: 70, pacedBpm: 70 }));
    expect(paced.qrs.every((q) => q.paced)).toBe(true);
    expect(paced.p).toHaveLength(0);
  });

  it('VF has no complexes but a chaotic baseline; asystole is flat', () => {
    const vf = recording(tracing({ rhythm: 'vf', rateBpm: 0 }));
    expect(vf.beats.qrs).toHaveLength(0);
    const samples = Array.from({ length: 500 }, (_, i) => vf.voltageAt('II', i * 0.02));
    expect(Math.max(...samples) - Math.min(...samples)).toBeGreaterThan(0.3);
    const flat = recording(tracing({ rhythm: 'asystole', rateBpm: 0 }));
    const still = Array.from({ length: 500 }, (_, i) => flat.voltageAt('II', i * 0.02));
    expect(Math.max(...still.map(Math.abs))).toBeLessThan(0.05);
  });

  it('a paced rhythm has a spike before every wide complex, at the pacing rate', () => {
    const paced = tracing({ rhythm: 'chb', rateBpm: 70, pacedBpm: 70 });
    const b = beats(paced);
    expect(b.qrs.every((q) => q.paced)).toBe(true);
    expect(b.qrsS).toBeGreaterThanOrEqual(0.12);
    expect(Math.abs(onPaper(paced).length - 70 / 6)).toBeLessThanOrEqual(1.5);
  });

  it('is drawn the same from the same order number, and differently from another (AF)', () => {
    const af = (seed: number) => beats(tracing({ rhythm: 'af', rateBpm: 110, seed })).qrs.map((q) => q.atS);
    expect(af(3)).toEqual(af(3));
    expect(af(3)).not.toEqual(af(4));
  });
});

describe('the DKA ECG', () => {
  it('has taller T waves in V2–V4 than a normal tracing (mildly peaked, potassium 5.8)', () => {
    const peakT = (t: Tracing) => {
      const { beats: b, voltageAt } = recording(t);
      const q = b.qrs.find((x) => x.atS > 1);
      if (q === undefined) throw new Error('no beat');
      return Math.max(...Array.from({ length: 100 }, (_, i) => voltageAt('V3', q.atS + 0.12 + i * 0.003)));
    };
    const normal = tracing({ rateBpm: 120 });
    const peaked = tracing({ rateBpm: 120, morphology: morphologyOf(dka, 'ecg') });
    expect(peakT(peaked)).toBeGreaterThan(peakT(normal) * 1.4);
  });
});
