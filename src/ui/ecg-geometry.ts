import type { EcgMorphology, EcgTracing } from '../view/ecg-reads.ts';

/**
 * The 12-lead ECG as numbers: when each beat falls and the voltage of each lead at each instant, built from simple
 * parametric waves (P, Q, R, S, the ST segment, T). A teaching drawing, not a physiological model: the rhythm and the
 * rate are the simulated patient's at recording, every lead's shape the case's morphology over textbook amplitudes.
 * Pure and seeded by the order number, so a tracing is the same every time it is drawn.
 */

export type LeadName = keyof EcgMorphology['leads'];
type Lead = NonNullable<EcgMorphology['leads'][LeadName]>;
export type Tracing = Pick<EcgTracing, 'leads' | 'rhythm' | 'rateBpm' | 'pacedBpm' | 'morphology' | 'seed'>;

/** Standard paper: 25 mm/s and 10 mm/mV. */
export const MM_PER_S = 25;
export const MM_PER_MV = 10;
/** Ten seconds of recording: four columns of 2.5 s, and the lead II rhythm strip under them. */
export const RECORD_S = 10;
export const COLUMN_S = 2.5;

/** The 3 × 4 layout, column by column: limb leads, augmented leads, then the chest leads. */
export function layout(leads: Tracing['leads']): LeadName[][] {
  const chest: LeadName[][] =
    leads === 'right-sided'
      ? [
          ['V1', 'V2', 'V3R'],
          ['V4R', 'V5R', 'V6R'],
        ]
      : [
          ['V1', 'V2', 'V3'],
          ['V4', 'V5', 'V6'],
        ];
  return [['I', 'II', 'III'], ['aVR', 'aVL', 'aVF'], ...chest];
}

/** A normal adult complex in each lead (mV): textbook amplitudes, rounded. */
interface Shape {
  p: number;
  q: number;
  r: number;
  s: number;
  t: number;
}
const NORMAL: Record<LeadName, Shape> = {
  I: { p: 0.1, q: -0.05, r: 0.7, s: -0.1, t: 0.25 },
  II: { p: 0.15, q: -0.05, r: 1.1, s: -0.2, t: 0.3 },
  III: { p: 0.06, q: -0.05, r: 0.5, s: -0.15, t: 0.1 },
  aVR: { p: -0.1, q: 0, r: 0.1, s: -0.8, t: -0.25 },
  aVL: { p: 0.04, q: -0.05, r: 0.35, s: -0.2, t: 0.1 },
  aVF: { p: 0.1, q: -0.05, r: 0.8, s: -0.15, t: 0.2 },
  V1: { p: 0.06, q: 0, r: 0.2, s: -1.0, t: 0.05 },
  V2: { p: 0.08, q: 0, r: 0.4, s: -1.3, t: 0.5 },
  V3: { p: 0.08, q: 0, r: 0.8, s: -0.8, t: 0.5 },
  V4: { p: 0.08, q: -0.05, r: 1.4, s: -0.5, t: 0.45 },
  V5: { p: 0.08, q: -0.07, r: 1.4, s: -0.2, t: 0.35 },
  V6: { p: 0.08, q: -0.07, r: 1.1, s: -0.1, t: 0.3 },
  V3R: { p: 0.05, q: 0, r: 0.3, s: -0.9, t: 0.1 },
  V4R: { p: 0.05, q: 0, r: 0.25, s: -0.7, t: 0.1 },
  V5R: { p: 0.04, q: 0, r: 0.2, s: -0.6, t: 0.05 },
  V6R: { p: 0.04, q: 0, r: 0.15, s: -0.5, t: 0.05 },
};

/** Mulberry32 from the order number: the same beats every time the tracing is drawn, in any browser. */
function seeded(seed: number): () => number {
  let state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** When each wave starts (s from the start of the recording), over the whole recording and a little before it. */
export interface Beats {
  /** QRS onsets, with whether a pacing spike starts them. */
  qrs: { atS: number; paced: boolean }[];
  /** P-wave onsets: before their QRS when conducted, on their own in complete heart block. */
  p: number[];
  /** QRS width used for every complex (s). */
  qrsS: number;
  /** Whether complexes are ventricular (VT, paced): wide, with no ST morphology of the case's. */
  ventricular: boolean;
}

/** An atrial rate for complete heart block: the sinus node goes on at a normal rate (a teaching choice). */
const CHB_ATRIAL_BPM = 80;
const PACED_QRS_S = 0.15;
const VT_QRS_S = 0.16;

/** The beats of a recording: regular, irregular (AF), dissociated (heart block), paced or none (VF, asystole). */
export function beats(tracing: Tracing): Beats {
  const random = seeded(tracing.seed);
  const m = tracing.morphology;
  const narrow = (m?.qrsMs ?? 90) / 1000;
  const prS = (m?.prMs ?? 160) / 1000;
  const rate = Math.max(tracing.rateBpm, 1);
  const from = -2;
  // Beat times from `from` on; the RR intervals vary by ±jitter/2 around 60/bpm, their mean kept at exactly 60/bpm
  // so that counting the complexes on the paper gives the rate.
  const regular = (bpm: number, jitter: number) => {
    const rr = 60 / bpm;
    const count = Math.ceil((RECORD_S - from) / rr) + 1;
    const factors = Array.from({ length: count }, () => 1 + (random() - 0.5) * jitter);
    const mean = factors.reduce((a, b) => a + b, 0) / count;
    const times: number[] = [];
    let t = from + random() * rr;
    for (const f of factors) {
      if (t >= RECORD_S) break;
      times.push(t);
      t += (rr * f) / mean;
    }
    return times;
  };
  const none: Beats = { qrs: [], p: [], qrsS: narrow, ventricular: false };
  if (tracing.pacedBpm > 0) {
    const qrs = regular(tracing.pacedBpm, 0).map((atS) => ({ atS, paced: true }));
    const p = tracing.rhythm === 'chb' ? regular(CHB_ATRIAL_BPM, 0.04) : [];
    return { qrs, p, qrsS: PACED_QRS_S, ventricular: true };
  }
  const unpaced = (times: number[]) => times.map((atS) => ({ atS, paced: false }));
  switch (tracing.rhythm) {
    case 'sinus': {
      // A little sinus arrhythmia; each P precedes its QRS by the PR interval.
      const qrs = regular(rate, 0.03);
      return { ...none, qrs: unpaced(qrs), p: qrs.map((t) => t - prS) };
    }
    case 'pea':
      return { ...none, qrs: unpaced(regular(rate, 0.03)), qrsS: Math.max(narrow, 0.12) };
    case 'af':
      // Irregularly irregular: every RR interval drawn anew, averaging the rate.
      return { ...none, qrs: unpaced(regular(rate, 0.8)) };
    case 'svt':
      return { ...none, qrs: unpaced(regular(rate, 0)) };
    case 'junctional':
      // The junction paces the heart: narrow complexes, regular, with no P wave before them (any atrial activity is
      // hidden in the QRS).
      return { ...none, qrs: unpaced(regular(rate, 0.02)) };
    case 'vt':
    case 'pvt':
      return { ...none, qrs: unpaced(regular(rate, 0)), qrsS: VT_QRS_S, ventricular: true };
    case 'chb':
      return { ...none, qrs: unpaced(regular(rate, 0.02)), p: regular(CHB_ATRIAL_BPM, 0.04) };
    case 'vf':
    case 'asystole':
      return none;
    default:
      return tracing.rhythm satisfies never;
  }
}

/** A smooth bump of height 1 at `centre`, zero beyond `half` either side (a raised cosine). */
function bump(t: number, centre: number, half: number): number {
  const x = (t - centre) / half;
  return x <= -1 || x >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * x));
}

/** A bump rising over `rise` to its peak and falling over `fall`: a T wave's slow upstroke and quicker fall. */
function skewedBump(t: number, start: number, peak: number, end: number): number {
  if (t <= start || t >= end) return 0;
  return t < peak ? bump(t, peak, peak - start) : bump(t, peak, end - peak);
}

/** The T wave of a lead as the morphology has it. */
function tAmplitude(normal: number, finding: Lead['t']): number {
  switch (finding) {
    case undefined:
    case 'upright':
      return normal;
    case 'inverted':
      return -Math.max(Math.abs(normal), 0.2);
    case 'flat':
      return normal * 0.15;
    case 'peaked':
      return Math.max(normal * 1.7, 0.6);
    default:
      return finding satisfies never;
  }
}

/** The rate-corrected QT (Bazett at a QTc of 400 ms), within what a heart can do. */
function qtSeconds(rrS: number): number {
  return Math.min(0.48, Math.max(0.26, 0.4 * Math.sqrt(rrS)));
}

/** One lead's voltage (mV) from one complex whose QRS starts at `q0`. */
function complex(
  t: number,
  q0: number,
  rrS: number,
  lead: LeadName,
  tracing: Tracing,
  b: Beats,
  paced: boolean,
): number {
  const dt = t - q0;
  if (dt < -0.05 || dt > 0.6) return 0;
  const shape = NORMAL[lead];
  const finding: Lead = b.ventricular ? {} : (tracing.morphology?.leads[lead] ?? {});
  const w = b.qrsS;
  const voltage = tracing.morphology?.lowVoltage === true ? 0.35 : 1;
  let v = 0;
  if (paced) v += 2 * bump(dt, -0.012, 0.003); // the pacing spike, a sharp vertical line
  if (b.ventricular) {
    // One broad complex, its main deflection the way the lead's normal QRS points, and a T against it.
    const main = Math.abs(shape.r) >= Math.abs(shape.s) ? 1 : -1;
    v += voltage * main * 1.3 * bump(dt, w * 0.45, w * 0.45);
    v += -main * 0.35 * skewedBump(dt, w, w + 0.12, w + 0.3);
    return v;
  }
  const q = finding.q === true ? Math.min(shape.q, -0.3) : shape.q;
  const r = finding.q === true ? shape.r * 0.5 : shape.r;
  v += voltage * q * bump(dt, w * 0.12, finding.q === true ? 0.02 : w * 0.12);
  v += voltage * r * bump(dt, w * 0.42, w * 0.24);
  v += voltage * shape.s * bump(dt, w * 0.74, w * 0.2);
  const qt = qtSeconds(rrS);
  const tStart = w + (qt - w) * 0.3;
  const tEnd = qt;
  const peaked = finding.t === 'peaked';
  const tPeak = peaked ? (tStart + tEnd) / 2 + 0.02 : tStart + (tEnd - tStart) * 0.62;
  v += tAmplitude(shape.t, finding.t) * skewedBump(dt, peaked ? tStart + 0.03 : tStart, tPeak, tEnd);
  // The ST segment: from the end of the QRS (the J point) at its offset, blending into the T wave.
  const st = (finding.stMm ?? 0) / MM_PER_MV;
  if (st !== 0) {
    const rising = dt < w ? bump(dt, w, w * 0.45) : 1;
    const falling = dt <= tPeak ? 1 : bump(dt, tPeak, tEnd - tPeak + 0.04);
    v += st * Math.min(rising, falling);
  }
  return v;
}

/** A P wave (and the PR segment after it) starting at `p0`. */
function pWave(t: number, p0: number, lead: LeadName, tracing: Tracing, conducted: boolean): number {
  const dt = t - p0;
  if (dt < 0 || dt > 0.4) return 0;
  let v = NORMAL[lead].p * bump(dt, 0.05, 0.05);
  const prMv = (tracing.morphology?.leads[lead]?.prMm ?? 0) / MM_PER_MV;
  const prS = (tracing.morphology?.prMs ?? 160) / 1000;
  // PR-segment deviation from the end of the P wave to the QRS, only where a P conducts.
  if (conducted && prMv !== 0) v += prMv * bump(dt, (0.1 + prS) / 2, (prS - 0.1) / 2 + 0.01);
  return v;
}

/** Fibrillation: a few seeded sinusoids of 4–7 Hz, waxing and waning (coarse VF), or AF's fine f waves. */
function fibrillation(tracing: Tracing, amplitude: number): (t: number, lead: LeadName) => number {
  const random = seeded(tracing.seed * 7919 + 17);
  const parts = [0, 1, 2, 3].map(() => ({
    hz: 4 + random() * 3,
    phase: random() * 2 * Math.PI,
    gain: 0.5 + random() * 0.5,
  }));
  const leadGain = new Map<LeadName, number>(
    (Object.keys(NORMAL) as LeadName[]).map((l) => [l, 0.6 + random() * 0.6]),
  );
  return (t, lead) => {
    const envelope = 0.7 + 0.3 * Math.sin(2 * Math.PI * 0.35 * t + (parts[0]?.phase ?? 0));
    const sum = parts.reduce((acc, p) => acc + p.gain * Math.sin(2 * Math.PI * p.hz * t + p.phase), 0);
    return (amplitude * envelope * sum * (leadGain.get(lead) ?? 1)) / parts.length;
  };
}

/** The voltage function of a whole recording: voltageAt(lead, t) in mV for t in [0, RECORD_S]. */
export function recording(tracing: Tracing): {
  beats: Beats;
  voltageAt: (lead: LeadName, t: number) => number;
} {
  const b = beats(tracing);
  const vf = tracing.rhythm === 'vf' ? fibrillation(tracing, 0.9) : null;
  const fWaves = tracing.rhythm === 'af' ? fibrillation(tracing, 0.12) : null;
  const conducted = tracing.rhythm === 'sinus' && tracing.pacedBpm === 0;
  const wander = seeded(tracing.seed * 31 + 5)() * 2 * Math.PI;
  const voltageAt = (lead: LeadName, t: number) => {
    // A slow baseline wander of a few hundredths of a millivolt, as breathing gives.
    let v = 0.03 * Math.sin(2 * Math.PI * 0.2 * t + wander);
    if (vf !== null) return v + vf(t, lead);
    if (fWaves !== null) v += fWaves(t, lead) * (lead === 'V1' || lead === 'II' ? 1 : 0.5);
    for (const p0 of b.p) if (t - p0 >= 0 && t - p0 < 0.4) v += pWave(t, p0, lead, tracing, conducted);
    b.qrs.forEach((beat, i) => {
      const dt = t - beat.atS;
      if (dt < -0.05 || dt > 0.6) return;
      const next = b.qrs[i + 1]?.atS ?? beat.atS + 60 / Math.max(tracing.rateBpm, 1);
      v += complex(t, beat.atS, next - beat.atS, lead, tracing, b, beat.paced);
    });
    return v;
  };
  return { beats: b, voltageAt };
}

/** The J point's height (mV) in a lead, for checks: the voltage at the end of the first whole QRS + 40 ms. */
export function stLevel(tracing: Tracing, lead: LeadName): number {
  const { beats: b, voltageAt } = recording(tracing);
  const first = b.qrs.find((q) => q.atS > 0.1);
  if (first === undefined) return 0;
  return voltageAt(lead, first.atS + b.qrsS + 0.04) - voltageAt(lead, first.atS - 0.03);
}
