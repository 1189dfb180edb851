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

/**
 * A narrow QRS (Q, a flat-topped R wide enough that a one-pixel column never misses it, S) and its T wave, the T
 * later as the beat is slower (QT ∝ √RR).
 */
export function narrowComplex(dt: number, rrSec: number): number {
  if (dt < -0.05 || dt > 0.6) return 0;
  const qt = 0.39 * Math.sqrt(Math.min(1.6, rrSec));
  let v = 0.26 * gauss(dt, qt - 0.105, 0.045);
  const q = -0.025;
  const r0 = -0.006;
  const r1 = 0.006;
  const s = 0.03;
  const j = 0.052;
  if (dt >= q - 0.012 && dt < q) v += lerp(dt, q - 0.012, 0, q, -0.1);
  else if (dt >= q && dt < r0) v += lerp(dt, q, -0.1, r0, 1);
  else if (dt >= r0 && dt <= r1) v += 1;
  else if (dt > r1 && dt < s) v += lerp(dt, r1, 1, s, -0.28);
  else if (dt >= s && dt < j) v += lerp(dt, s, -0.28, j, 0.02);
  return v;
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
