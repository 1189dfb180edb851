import { describe, expect, it } from 'vitest';
import { Heart } from '../../src/game/heart.ts';
import type { HeartSpec } from '../../src/game/heart-spec.ts';
import { heartSpec } from '../support/heart.ts';

const spec = heartSpec;

const STEP = 0.001;

/** The ECG sampled every millisecond over `seconds`, from a heart started at 0. */
function strip(s: HeartSpec, seconds = 8): number[] {
  const heart = new Heart(s, 0);
  const out: number[] = [];
  for (let i = 0; i * STEP < seconds; i += 1) {
    heart.prepare(i * STEP);
    out.push(heart.ecg(i * STEP));
  }
  return out;
}

/** Times (s) where the strip crosses `level` upwards: the R waves (or pacing spikes). */
function crossings(values: number[], level: number): number[] {
  const at: number[] = [];
  values.forEach((v, i) => {
    if (v >= level && (values[i - 1] ?? 0) < level) at.push(i * STEP);
  });
  return at;
}
const gaps = (at: number[]) => at.slice(1).map((t, i) => t - (at[i] ?? 0));

describe('the heart behind the monitor', () => {
  it('draws the same strip for the same rhythm every time (no Math.random)', () => {
    const af = spec({ rhythm: 'af', rateBpm: 120 });
    expect(strip(af)).toEqual(strip(af));
  });

  it('beats regularly in sinus rhythm and irregularly in AF, at the rate the view gives', () => {
    const sinus = gaps(crossings(strip(spec({ rateBpm: 75 })), 0.6));
    for (const gap of sinus) expect(gap).toBeCloseTo(0.8, 1);
    const af = gaps(crossings(strip(spec({ rhythm: 'af', rateBpm: 120 }), 12), 0.6));
    expect(Math.max(...af) - Math.min(...af)).toBeGreaterThan(0.15);
    const mean = af.reduce((a, b) => a + b, 0) / af.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });

  it('beats a junctional rhythm regularly at its slow rate, with no P wave before its complexes', () => {
    const junctional = strip(spec({ rhythm: 'junctional', rateBpm: 26 }), 12);
    const beats = crossings(junctional, 0.6);
    expect(beats.length).toBeGreaterThanOrEqual(4);
    for (const gap of gaps(beats)) expect(gap).toBeCloseTo(60 / 26, 1);
    // The 60–250 ms before an R wave: a sinus beat's P wave is there (about 0.12), a junctional one has none.
    const beforeR = (values: number[], r: number) =>
      Math.max(...values.slice(Math.round(r / STEP) - 250, Math.round(r / STEP) - 60));
    for (const r of beats.slice(1)) expect(beforeR(junctional, r)).toBeLessThan(0.02);
    const sinus = strip(spec({ rateBpm: 40 }), 12);
    expect(beforeR(sinus, crossings(sinus, 0.6)[2] ?? 0)).toBeGreaterThan(0.08);
  });

  it('has no pulse without output: the pleth is flat in an arrest, the arterial line shows compressions', () => {
    const arrest = new Heart(spec({ rhythm: 'pea', rateBpm: 40, output: false, pressure: null }), 0);
    const cpr = new Heart(
      spec({ rhythm: 'pea', rateBpm: 40, output: false, cpr: true, pressure: { sbp: 57, dbp: 32 } }),
      0,
    );
    const pressures: number[] = [];
    for (let t = 0; t < 3; t += 0.01) {
      arrest.prepare(t);
      cpr.prepare(t);
      expect(arrest.pleth(t)).toBe(0);
      pressures.push(cpr.arterial(t));
    }
    expect(Math.max(...pressures)).toBeCloseTo(57, 0);
    expect(Math.min(...pressures)).toBeCloseTo(32, 0);
  });

  it('paces with capture: a spike before every broad complex, at the pacing rate', () => {
    const paced = strip(
      spec({ rhythm: 'chb', qrs: 'narrow', rateBpm: 70, pacing: { rateBpm: 70, state: 'capture' } }),
    );
    // A spike is a jump of most of a millivolt within a millisecond; nothing else on the strip rises so fast.
    const spikes: number[] = [];
    paced.forEach((v, i) => {
      if (v - (paced[i - 1] ?? v) > 0.8) spikes.push(i * STEP);
    });
    expect(spikes.length).toBeGreaterThanOrEqual(8);
    for (const gap of gaps(spikes)) expect(gap).toBeCloseTo(60 / 70, 2);
    // Each spike is followed by a broad complex (a tall R within the next 120 ms).
    for (const at of spikes) {
      const after = paced.slice(Math.round(at / STEP) + 10, Math.round(at / STEP) + 120);
      expect(Math.max(...after)).toBeGreaterThan(0.6);
    }
  });

  it('in complete heart block, the P waves march on at their own rate, unrelated to the slow escape', () => {
    const block = strip(spec({ rhythm: 'chb', rateBpm: 38, qrs: 'wide' }), 20);
    const complexes = crossings(block, 0.5);
    // A P wave: a small rounded bump (about 0.12 mV) on a flat stretch, not part of a QRS.
    const pWaves = crossings(block, 0.08).filter((t) => {
      const i = Math.round(t / STEP);
      return Math.max(...block.slice(i, i + 60)) < 0.2 && Math.min(...block.slice(i - 60, i + 60)) > -0.05;
    });
    expect(gaps(complexes).every((gap) => Math.abs(gap - 60 / 38) < 0.02)).toBe(true);
    // The sinus node goes on at 90/min: more P waves than complexes (some hide in a QRS or T), at no fixed distance.
    expect(pWaves.length).toBeGreaterThan(complexes.length);
    const prIntervals = complexes.map((r) => r - Math.max(...pWaves.filter((p) => p < r)));
    expect(Math.max(...prIntervals) - Math.min(...prIntervals)).toBeGreaterThan(0.1);
  });
});
