import type { BayView } from '../view/bay-view.ts';

/**
 * Lead II deflections, each a pure function of the seconds `dt` from its own moment (the QRS for a complex, the
 * peak for a P wave or a pacing spike). Values are in "units": 1 is a normal R wave (about 1 mV), which the monitor
 * draws at the ECG lane's gain. Sources for the shapes: the textbook lead II (P 0.08–0.10 s, PR 0.12–0.20 s, QRS
 * 0.06–0.10 s narrow and ≥ 0.12 s broad, QT shortening with the rate as √RR).
 */

export function gauss(t: number, centre: number, sigma: number): number {
  const z = (t - centre) / sigma;
  return Math.exp(-0.5 * z * z);
}

/** Straight line through (x0, y0) and (x1, y1), evaluated at x, for x0 <= x <= x1. */
function lerp(x: number, x0: number, y0: number, x1: number, y1: number): number {
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}

/** A sinus P wave, small and rounded, centred on dt = 0. */
export const pWave = (dt: number): number => 0.12 * gauss(dt, 0, 0.022);

/** Seconds from the P wave's peak to the R wave: the PR shortens a little as the rate rises. */
export const prSec = (rrSec: number): number => 0.06 + 0.07 * Math.sqrt(Math.min(1, rrSec / 0.75));

/** Lead II as the case's 12-lead ECG has it (ST, T, Q, voltage), for conducted beats. */
export type LeadIIShape = NonNullable<BayView['leadII']>;

/** ECG paper's 10 mm/mV: a unit (about 1 mV) is 10 mm, the scale of the case's ST deviation. */
const MM_PER_UNIT = 10;

/** The end of the QRS, the J point where the ST segment begins, in seconds after the R wave. */
export const J_POINT_SEC = 0.052;

/** Seconds from the R wave to the T wave's peak, later as the beat is slower (QT ∝ √RR). */
const tPeakSec = (rrSec: number): number => 0.39 * Math.sqrt(Math.min(1.6, rrSec)) - 0.105;

/** A QRS as straight strokes: Q from its onset to its nadir, up to a flat-topped R, down to the S, up to the J point. */
interface Qrs {
  qOnset: number;
  qAt: number;
  q: number;
  r: number;
  s: number;
  /** The height at the J point (the ST segment starts there). */
  j: number;
}

const R_FROM = -0.006;
const R_TO = 0.006;
const S_AT = 0.03;
const Q_AT = -0.025;
/** The textbook lead II QRS: a small q, an R of one unit, an S. */
const USUAL_QRS: Qrs = { qOnset: Q_AT - 0.012, qAt: Q_AT, q: -0.1, r: 1, s: -0.28, j: 0.02 };

function qrsWave(dt: number, c: Qrs): number {
  if (dt >= c.qOnset && dt < c.qAt) return lerp(dt, c.qOnset, 0, c.qAt, c.q);
  if (dt >= c.qAt && dt < R_FROM) return lerp(dt, c.qAt, c.q, R_FROM, c.r);
  if (dt >= R_FROM && dt <= R_TO) return c.r;
  if (dt > R_TO && dt < S_AT) return lerp(dt, R_TO, c.r, S_AT, c.s);
  if (dt >= S_AT && dt < J_POINT_SEC) return lerp(dt, S_AT, c.s, J_POINT_SEC, c.j);
  return 0;
}

/**
 * A narrow QRS (Q, a flat-topped R wide enough that a one-pixel column never misses it, S) and its T wave, the T
 * later as the beat is slower (QT ∝ √RR). With a shape, lead II as the case's ECG has it (see shapedComplex).
 */
export function narrowComplex(dt: number, rrSec: number, shape: LeadIIShape | null = null): number {
  if (shape !== null) return shapedComplex(dt, rrSec, shape);
  if (dt < -0.05 || dt > 0.6) return 0;
  let v = 0.26 * gauss(dt, tPeakSec(rrSec), 0.045);
  v += qrsWave(dt, USUAL_QRS);
  return v;
}

/** Low QRS voltage (an effusion, obesity): every deflection of the QRS this fraction of the usual. */
const LOW_VOLTAGE = 0.45;
/**
 * A pathological Q: about 40 ms wide and a quarter of the R deep or more (an established infarct), the R after it smaller
 * as the dead muscle no longer adds to it.
 */
const PATHOLOGICAL_Q = { qOnset: -0.068, qAt: -0.04, q: -0.3, r: 0.65 } as const;
/** An elevated ST segment bows up (is coved) by up to this fraction of its height on its way into the T. */
const ST_COVE = 0.25;
/** The ST deviation is back on the baseline this long after the T wave's peak (the end of the T). */
const ST_TAIL_SEC = 0.12;
/** Over an elevated ST the T's upstroke is slower (its sigma, s): the two merge into one wave, as in an acute infarct. */
const BROAD_T_RISE_SEC = 0.055;

/**
 * Lead II with the case's findings: the QRS with a pathological Q or low voltage, the ST segment leaving the baseline
 * at the J point by the case's deviation and running on, a little coved, into the T wave, which is upright, inverted,
 * flat or peaked. The deviation holds at J + 60 ms, where ST deviation is measured.
 */
function shapedComplex(dt: number, rrSec: number, shape: LeadIIShape): number {
  if (dt < -0.08 || dt > 0.6) return 0;
  const tPeak = tPeakSec(rrSec);
  const st = shape.stMm / MM_PER_UNIT;
  const voltage = shape.lowVoltage ? LOW_VOLTAGE : 1;
  const base = shape.q ? { ...USUAL_QRS, ...PATHOLOGICAL_Q } : USUAL_QRS;
  const qrs = { ...base, q: base.q * voltage, r: base.r * voltage, s: base.s * voltage, j: base.j + st };
  return qrsWave(dt, qrs) + tWave(dt, tPeak, shape.t, st > 0) + stDeviation(dt, tPeak, st);
}

/**
 * The T wave. Upright: the usual T, its upstroke broader over an elevated ST; inverted: symmetrical and negative
 * (ischaemia); flat: barely there; peaked: tall, narrow and tented (hyperkalaemia, the hyperacute phase of an infarct).
 */
function tWave(dt: number, tPeak: number, t: LeadIIShape['t'], overElevatedSt: boolean): number {
  switch (t) {
    case 'upright':
      return 0.26 * gauss(dt, tPeak, overElevatedSt && dt < tPeak ? BROAD_T_RISE_SEC : 0.045);
    case 'inverted':
      return -0.24 * gauss(dt, tPeak, 0.04);
    case 'flat':
      return 0.04 * gauss(dt, tPeak, 0.045);
    case 'peaked':
      return 0.62 * gauss(dt, tPeak - 0.01, 0.028);
    default:
      return t satisfies never;
  }
}

/**
 * The ST deviation `st` from the J point: level at first (J + 60 ms reads `st`), bowing a little away from the
 * baseline as it runs into the T (coved), and back on the baseline, smoothly, by the end of the T wave.
 */
function stDeviation(dt: number, tPeak: number, st: number): number {
  const end = tPeak + ST_TAIL_SEC;
  if (st === 0 || dt < J_POINT_SEC || dt >= end) return 0;
  const x = (dt - J_POINT_SEC) / (end - J_POINT_SEC);
  return st * (1 + ST_COVE * Math.sin(Math.PI * x) ** 2) * 0.5 * (1 + Math.cos(Math.PI * x * x));
}

/**
 * A broad complex of ventricular origin (an escape beat, a paced beat, PEA): a slurred R over about 0.14 s, a deep
 * S, and a T wave that points the other way (discordant), as ventricular depolarisation is abnormal.
 */
export function wideComplex(dt: number, rrSec: number, size = 1): number {
  if (dt < -0.1 || dt > 0.9) return 0;
  const tAt = Math.min(0.44, 0.3 + 0.12 * Math.sqrt(Math.min(1.6, rrSec)));
  return size * (0.8 * gauss(dt, 0.05, 0.038) - 0.45 * gauss(dt, 0.15, 0.038) - 0.26 * gauss(dt, tAt, 0.08));
}

/**
 * One complex of monomorphic ventricular tachycardia: broad (≥ 0.12 s) and large, its T merged into the next
 * complex at these rates, so the strip reads as a regular broad-complex rhythm with no P waves.
 */
export function vtComplex(dt: number, rrSec: number): number {
  if (dt < -0.1 || dt > 0.9) return 0;
  const tAt = Math.min(0.34, 0.62 * rrSec);
  return 0.9 * gauss(dt, 0.05, 0.045) - 0.38 * gauss(dt, 0.16, 0.045) - 0.16 * gauss(dt, tAt, 0.06);
}

/** A transcutaneous pacing spike: tall and very brief (8 ms), centred on dt = 0. */
export const pacingSpike = (dt: number): number => (dt >= -0.004 && dt <= 0.004 ? 1 : 0);

/** Seconds from a pacing spike to the broad complex it captures. */
export const SPIKE_TO_QRS_SEC = 0.03;

/**
 * The fibrillatory baseline of atrial fibrillation: fine, irregular f waves at 5–7 Hz (300–400/min), from sines at
 * unrelated rates so it never repeats within the screen.
 */
export function fibrillatoryWaves(t: number): number {
  const tau = 2 * Math.PI * t;
  const swell = 0.75 + 0.25 * Math.sin(tau * 0.37);
  return (
    swell * (0.032 * Math.sin(tau * 5.3) + 0.022 * Math.sin(tau * 7.1 + 1) + 0.014 * Math.sin(tau * 6.2 + 2))
  );
}

/** Asystole: an almost flat line with a slow wander, never a perfect ruler line. */
export const asystoleDrift = (t: number): number => 0.015 * Math.sin(t * 2.1) + 0.01 * Math.sin(t * 5.3);

/** Chest compressions at this rate (ERC/AHA: 100–120 a minute). */
export const COMPRESSIONS_PER_MIN = 110;

/** Where `t` falls in its compression, 0–1 (the monitor's clock may be negative before the first frame). */
function compressionPhase(t: number): number {
  const cycles = t / (60 / COMPRESSIONS_PER_MIN);
  return cycles - Math.floor(cycles);
}

/**
 * The artefact chest compressions put on the ECG: a large, rounded deflection with each compression, which hides the
 * rhythm beneath (which is why compressions pause for a rhythm check).
 */
export function compressionArtefact(t: number): number {
  const x = compressionPhase(t);
  return x < 0.4 ? 0.75 * Math.sin((Math.PI * x) / 0.4) : -0.12 * Math.sin((Math.PI * (x - 0.4)) / 0.6);
}

/** The pressure of one compression, 0 at the end of release and 1 at the deepest point (for the arterial line). */
export function compressionPressure(t: number): number {
  const x = compressionPhase(t);
  return x < 0.45
    ? Math.sin((Math.PI * x) / 0.9) ** 2
    : Math.max(0, Math.cos((Math.PI * (x - 0.45)) / 1.1)) ** 2;
}
