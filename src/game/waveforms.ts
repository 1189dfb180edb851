/**
 * Shapes of one cycle of each monitor waveform. `t` is seconds since the cycle began, `period` the cycle length
 * in seconds. Values are in "units": 1 is the full height the lane gives that wave.
 */

export type Waveform = (t: number, period: number) => number;

function gauss(t: number, centre: number, sigma: number): number {
  const z = (t - centre) / sigma;
  return Math.exp(-0.5 * z * z);
}

/** Straight line through (x0, y0) and (x1, y1), evaluated at x, for x0 <= x <= x1. */
function lerp(x: number, x0: number, y0: number, x1: number, y1: number): number {
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}

/**
 * Lead II: a small P wave, a sharp QRS with a flat-topped R (wide enough that a one-pixel column never misses it)
 * and a T wave. The PR and QT shorten as the rate rises, as they do in a real heart.
 */
export const ecgLeadII: Waveform = (t, period) => {
  const squeeze = Math.sqrt(Math.min(1, period / 0.75));
  const tR = 0.06 + 0.13 * squeeze;
  const qt = 0.39 * Math.sqrt(period);
  const tT = tR - 0.025 + qt - 0.08;
  let v = 0.12 * gauss(t, 0.06 * squeeze, 0.022) + 0.26 * gauss(t, tT, 0.045);
  const q = tR - 0.025;
  const r0 = tR - 0.006;
  const r1 = tR + 0.006;
  const s = tR + 0.03;
  const j = tR + 0.052;
  if (t >= q - 0.012 && t < q) v += lerp(t, q - 0.012, 0, q, -0.1);
  else if (t >= q && t < r0) v += lerp(t, q, -0.1, r0, 1);
  else if (t >= r0 && t <= r1) v += 1;
  else if (t > r1 && t < s) v += lerp(t, r1, 1, s, -0.28);
  else if (t >= s && t < j) v += lerp(t, s, -0.28, j, 0.02);
  return v;
};

/** Asystole: an almost flat line with a slow wander, never a perfect ruler line. */
export const flatLine: Waveform = (t) => 0.015 * Math.sin(t * 2.1) + 0.01 * Math.sin(t * 5.3);

/** Plethysmograph: a brisk upstroke about 0.22 s after the R wave, then a decay with a dicrotic notch. */
export const pleth: Waveform = (t, period) => {
  const delayed = (((t - 0.22) % period) + period) % period;
  const p = delayed / period;
  const rise = 0.16;
  if (p < rise) return 0.5 - 0.5 * Math.cos((Math.PI * p) / rise);
  const q = (p - rise) / (1 - rise);
  const decay = Math.pow(1 - q, 1.5);
  const notch = -0.1 * gauss(q, 0.3, 0.05) + 0.1 * gauss(q, 0.38, 0.07);
  return Math.max(0, decay + notch);
};

/** Impedance respiration: inspiration over 40% of the cycle, a slower expiration. */
export const respiration: Waveform = (t, period) => {
  const p = t / period;
  if (p < 0.4) return 0.5 - 0.5 * Math.cos((Math.PI * p) / 0.4);
  return 0.5 + 0.5 * Math.cos((Math.PI * (p - 0.4)) / 0.6);
};

/**
 * Ventricular fibrillation: coarse, chaotic undulations with no QRS. Sines at incommensurate-looking rates, all
 * multiples of 0.1 Hz so that one 10-second cycle (VF_CYCLES_PER_MIN) joins up with the next without a step.
 */
export const VF_CYCLES_PER_MIN = 6;
export const ventricularFibrillation: Waveform = (t) => {
  const tau = 2 * Math.PI * t;
  const envelope = 0.65 + 0.35 * Math.sin(tau * 0.3);
  return (
    envelope *
    (0.28 * Math.sin(tau * 4.7) +
      0.18 * Math.sin(tau * 6.3 + 1.1) +
      0.12 * Math.sin(tau * 3.1 + 2.3) +
      0.08 * Math.sin(tau * 9.7 + 0.4))
  );
};

/** Ventricular tachycardia: broad, regular, sine-like complexes, one per cycle. */
export const ventricularTachycardia: Waveform = (t, period) =>
  0.7 * Math.sin((2 * Math.PI * t) / period) + 0.1;
