import { describe, expect, it } from 'vitest';
import { J_POINT_SEC, narrowComplex, type LeadIIShape } from '../../src/game/complexes.ts';
import { Heart } from '../../src/game/heart.ts';
import type { HeartSpec } from '../../src/game/heart-spec.ts';
import { heartSpec } from '../support/heart.ts';

const usual: LeadIIShape = { stMm: 0, t: 'upright', q: false, lowVoltage: false };
const shaped = (over: Partial<LeadIIShape>): LeadIIShape => ({ ...usual, ...over });
/** An inferior STEMI's lead II: 3 mm of ST elevation (cases/inferior-stemi-rv.json has 2.5). */
const stemi = shaped({ stMm: 3 });

/** At 60/min (RR 1 s), where the T peaks well after the ST is measured. */
const RR = 1;
const MS = 0.001;
/** One complex sampled every millisecond from `from` to `to` seconds after the R wave. */
function sample(shape: LeadIIShape | null, from: number, to: number, rr = RR): number[] {
  const out: number[] = [];
  for (let dt = from; dt <= to; dt += MS) out.push(narrowComplex(dt, rr, shape));
  return out;
}
const T_WINDOW: [number, number] = [0.15, 0.45];
const tPeak = (shape: LeadIIShape | null) => Math.max(...sample(shape, ...T_WINDOW));
const tTrough = (shape: LeadIIShape | null) => Math.min(...sample(shape, ...T_WINDOW));

describe("lead II on the monitor draws the case's ST segment and T wave", () => {
  it('3 mm of ST elevation stands 0.3 mV above the baseline at J + 60 ms; the usual complex is on the baseline', () => {
    const st60 = J_POINT_SEC + 0.06;
    expect(narrowComplex(st60, RR, stemi)).toBeCloseTo(0.3, 1);
    expect(Math.abs(narrowComplex(st60, RR))).toBeLessThan(0.02);
    // Faster, at 75/min, it is measured the same.
    expect(narrowComplex(st60, 0.8, stemi)).toBeCloseTo(0.3, 1);
    // ST depression goes the other way.
    expect(narrowComplex(st60, RR, shaped({ stMm: -2 }))).toBeCloseTo(-0.2, 1);
  });

  it('the elevated ST runs on into the T wave, raised all the way and without a step', () => {
    const st = sample(stemi, J_POINT_SEC, 0.6);
    const peakAt = st.indexOf(Math.max(...st));
    // From the J point to the T's peak the segment never falls back towards the baseline …
    expect(Math.min(...st.slice(0, peakAt))).toBeGreaterThan(0.27);
    // … and no millisecond jumps: a step of 0.3 mV would show as one.
    const jumps = st.slice(1).map((v, i) => Math.abs(v - (st[i] ?? v)));
    expect(Math.max(...jumps)).toBeLessThan(0.01);
    // By the end of the T it is back on the baseline.
    expect(Math.abs(st.at(-1) ?? 1)).toBeLessThan(0.01);
  });

  it('an inverted T is negative, a flat T barely there, a peaked T taller than the upright one', () => {
    expect(tPeak(null)).toBeCloseTo(0.26, 2);
    expect(tPeak(shaped({ t: 'upright' }))).toBeCloseTo(tPeak(null), 5);
    expect(tTrough(shaped({ t: 'inverted' }))).toBeLessThan(-0.15);
    expect(tPeak(shaped({ t: 'inverted' }))).toBeLessThan(0.01);
    expect(tPeak(shaped({ t: 'flat' }))).toBeLessThan(0.06);
    expect(tPeak(shaped({ t: 'peaked' }))).toBeGreaterThan(2 * tPeak(null));
  });

  it('low voltage makes the R wave less than half its usual height', () => {
    const r = (shape: LeadIIShape | null) => Math.max(...sample(shape, -0.02, 0.02));
    expect(r(null)).toBeCloseTo(1, 2);
    expect(r(shaped({ lowVoltage: true }))).toBeCloseTo(0.45, 2);
  });

  it('a pathological Q is deeper and wider than the usual small q', () => {
    const before = (shape: LeadIIShape | null) => sample(shape, -0.09, -0.006);
    const depth = (shape: LeadIIShape | null) => Math.min(...before(shape));
    const widthSec = (shape: LeadIIShape | null) => before(shape).filter((v) => v < -0.01).length * MS;
    expect(depth(null)).toBeCloseTo(-0.1, 2);
    expect(depth(shaped({ q: true }))).toBeLessThan(-0.25);
    expect(widthSec(shaped({ q: true }))).toBeGreaterThan(0.03);
    expect(widthSec(shaped({ q: true }))).toBeGreaterThan(2 * widthSec(null));
  });
});

const spec = (over: Partial<HeartSpec>): HeartSpec => heartSpec({ rateBpm: 60, ...over });

/** The heart's ECG at J + 60 ms after each QRS in the first `seconds`, and the whole strip, every millisecond. */
function stripOf(s: HeartSpec, seconds = 6): { st60: number[]; strip: number[] } {
  const heart = new Heart(s, 0);
  const strip: number[] = [];
  const beats = new Set<number>();
  for (let t = 0; t < seconds; t += MS) {
    heart.prepare(t);
    strip.push(heart.ecg(t));
    const last = heart.lastBeatBefore(t);
    if (last !== null) beats.add(last);
  }
  const st60 = [...beats].map((at) => {
    heart.prepare(at);
    return heart.ecg(at + J_POINT_SEC + 0.06);
  });
  return { st60, strip };
}

describe("the monitor's heart beats with the case's lead II", () => {
  it('every sinus beat carries the ST elevation; without a morphology every one is on the baseline', () => {
    const elevated = stripOf(spec({ leadII: stemi })).st60;
    expect(elevated.length).toBeGreaterThanOrEqual(5);
    for (const v of elevated) expect(v).toBeCloseTo(0.3, 1);
    for (const v of stripOf(spec({})).st60) expect(Math.abs(v)).toBeLessThan(0.02);
  });

  it('AF and a junctional escape carry it too', () => {
    for (const v of stripOf(spec({ rhythm: 'af', rateBpm: 70, leadII: stemi })).st60)
      expect(v).toBeGreaterThan(0.2);
    for (const v of stripOf(spec({ rhythm: 'chb', rateBpm: 38, leadII: stemi }), 8).st60)
      expect(v).toBeGreaterThan(0.2);
  });

  it('ventricular complexes (VT, a broad escape, paced beats) keep their own ST and T', () => {
    const ventricular: Partial<HeartSpec>[] = [
      { rhythm: 'vt', rateBpm: 170 },
      { rhythm: 'chb', qrs: 'wide', rateBpm: 38 },
      { rhythm: 'chb', rateBpm: 70, pacing: { rateBpm: 70, state: 'capture' } },
    ];
    for (const over of ventricular)
      expect(stripOf(spec({ ...over, leadII: stemi })).strip).toEqual(stripOf(spec(over)).strip);
  });
});
