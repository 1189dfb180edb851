import type { Sampler } from './trace.ts';

/**
 * Shape of one cycle of a periodic wave. `t` is seconds since the cycle began, `period` the cycle length in seconds.
 * Values are in "units": 1 is the full height the lane gives that wave.
 */
export type Waveform = (t: number, period: number) => number;

/** Impedance respiration: inspiration over 40% of the cycle, a slower expiration. */
export const respiration: Waveform = (t, period) => {
  const p = t / period;
  if (p < 0.4) return 0.5 - 0.5 * Math.cos((Math.PI * p) / 0.4);
  return 0.5 + 0.5 * Math.cos((Math.PI * (p - 0.4)) / 0.6);
};

/**
 * A periodic wave whose rate may change between frames without a jump: it keeps its phase at an anchor time and
 * runs at the current rate from there, forwards and backwards.
 */
export class Periodic {
  private anchorSec = 0;
  private anchorPhase = 0;
  private rate = 0;

  constructor(private readonly wave: Waveform) {}

  /** Carry the phase to `nowSec` at the old rate, then run at `ratePerMin` from there. */
  at(nowSec: number, ratePerMin: number): Sampler {
    this.anchorPhase += ((nowSec - this.anchorSec) * this.rate) / 60;
    this.anchorPhase -= Math.floor(this.anchorPhase);
    this.anchorSec = nowSec;
    this.rate = Math.max(0, ratePerMin);
    if (this.rate <= 0) return () => 0;
    const period = 60 / this.rate;
    const { anchorSec, anchorPhase, wave } = this;
    return (t) => {
      const phase = anchorPhase + (t - anchorSec) / period;
      return wave((phase - Math.floor(phase)) * period, period);
    };
  }
}
