import { gauss } from './complexes.ts';

/**
 * The pulse each beat makes at the periphery, as a function of `s`, the seconds since the pulse arrives, and
 * `interval`, the seconds until the next one. Both return 0 at the start of the pulse and at the next one, so beats of
 * any length join without a step.
 */

/** Plethysmograph: a brisk upstroke, then a decay with a small dicrotic notch (0 to 1). */
export function plethPulse(s: number, interval: number): number {
  if (s < 0 || s >= interval) return 0;
  const rise = Math.min(0.13, 0.3 * interval);
  if (s < rise) return 0.5 - 0.5 * Math.cos((Math.PI * s) / rise);
  const q = (s - rise) / (interval - rise);
  const notch = -0.1 * gauss(q, 0.3, 0.05) + 0.1 * gauss(q, 0.38, 0.07);
  return Math.max(0, (1 - q) ** 1.5 + notch);
}

/** How steeply the pressure runs off in diastole (an exponential with this many time constants per diastole). */
const RUNOFF = 1.6;

/**
 * Arterial pressure: 0 is the diastolic and 1 the systolic. A steep upstroke, a rounded systolic peak, the dicrotic
 * notch where the aortic valve closes (about 0.3 s in, earlier at fast rates), then the diastolic run-off.
 */
export function arterialPulse(s: number, interval: number): number {
  if (s < 0 || s >= interval) return 0;
  const up = Math.min(0.07, 0.25 * interval);
  const closes = Math.min(0.32, 0.5 * interval);
  const notch = -0.07 * gauss(s, closes + 0.01, 0.012) + 0.05 * gauss(s, closes + 0.06, 0.025);
  if (s < up) return Math.sin((Math.PI / 2) * (s / up)) ** 2;
  // A rounded shoulder: the pressure holds near the peak while the ventricle still ejects, then falls to the notch.
  if (s < closes) return 1 - 0.38 * ((s - up) / (closes - up)) ** 1.8 + notch;
  const x = (s - closes) / (interval - closes);
  const runoff = (Math.exp(-RUNOFF * x) - Math.exp(-RUNOFF)) / (1 - Math.exp(-RUNOFF));
  return 0.62 * runoff + notch * (1 - x);
}
