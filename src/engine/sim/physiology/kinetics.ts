import type { Kinetics } from '../../case/schema/physiology.ts';

/** Below this share of its peak a one-off dose is treated as gone, so its effect (and its breakpoints) end. */
const GONE_BELOW = 0.01;

interface Curve {
  ka: number;
  ke: number;
  peakMin: number;
  peak: number;
  endMin: number;
}

const curves = new WeakMap<Kinetics, Curve>();

function rawBateman(ka: number, ke: number, t: number): number {
  return Math.abs(ka - ke) < 1e-9
    ? ke * t * Math.exp(-ke * t)
    : (Math.exp(-ke * t) - Math.exp(-ka * t)) / (ka - ke);
}

function curveOf(k: Kinetics): Curve {
  let curve = curves.get(k);
  if (curve !== undefined) return curve;
  const ka = Math.LN2 / k.onsetHalfLifeMin;
  const ke = Math.LN2 / k.offsetHalfLifeMin;
  const peakMin = Math.abs(ka - ke) < 1e-9 ? 1 / ke : Math.log(ka / ke) / (ka - ke);
  const peak = rawBateman(ka, ke, peakMin);
  // The curve falls monotonically after its peak: walk to where it drops below GONE_BELOW.
  let endMin = Math.ceil(peakMin);
  while (rawBateman(ka, ke, endMin) / peak >= GONE_BELOW) endMin += 1;
  curve = { ka, ke, peakMin, peak, endMin };
  curves.set(k, curve);
  return curve;
}

/**
 * Share of its peak effect (0–1) that a one-off dose has `sinceMin` minutes after it was given: a one-compartment
 * absorption/elimination (Bateman) curve scaled to 1 at its peak, and 0 once it has fallen below 1 % of it.
 * E.g. IM adrenaline (onset half-life ~3 min, offset ~10 min) peaks about 8 min after the dose and is mostly gone
 * by 40 min.
 */
export function doseProfile(k: Kinetics, sinceMin: number): number {
  if (sinceMin <= 0) return 0;
  const c = curveOf(k);
  if (sinceMin >= c.endMin) return 0;
  return rawBateman(c.ka, c.ke, sinceMin) / c.peak;
}

/** Minutes after the dose at which doseProfile reaches 0 for good. */
export function doseEndMin(k: Kinetics): number {
  return curveOf(k).endMin;
}

/** Minutes from the dose to its peak effect (for documentation and tests). */
export function dosePeakMin(k: Kinetics): number {
  return curveOf(k).peakMin;
}
