import type * as Phaser from 'phaser';
import type { Waveform } from './waveforms.ts';

export interface TraceLane {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the zero line sits, as a fraction of the lane height from the top. */
  baseline: number;
  colour: number;
  /** Sweep speed in logical pixels per real second. */
  pxPerSec: number;
  /** Keep the sub-sample furthest from the baseline in each column (sharp waves such as the QRS). */
  peaks: boolean;
}

/** Pixels blanked ahead of the sweep, as on a real monitor. */
const ERASE_GAP = 18;
const SUBSAMPLES = 4;

/**
 * One sweeping waveform. Each one-pixel column holds the height drawn when the sweep passed it; the sweep writes
 * new columns in real time at the current rate and leaves older ones in place until it comes round again.
 */
export class Trace {
  private readonly ys: Float32Array;
  private head = 0;
  /** Position in the cycle, in cycles (only the fraction matters). */
  private phase = 0;
  private staticKey = '';
  /** Counts columns whose value crossed `beatThreshold` upwards: the R waves, for the beating heart symbol. */
  beats = 0;
  beatThreshold = Number.POSITIVE_INFINITY;
  private lastValue = 0;

  constructor(private readonly lane: TraceLane) {
    this.ys = new Float32Array(Math.max(1, Math.floor(lane.width)));
  }

  private sample(wave: Waveform, phase: number, period: number, gain: number): number {
    const frac = phase - Math.floor(phase);
    return wave(frac * period, period) * gain;
  }

  /** One column's value from its sub-samples; `phase` is the cycle position at the column's left edge. */
  private column(wave: Waveform, phase: number, perColumn: number, period: number, gain: number): number {
    if (!this.lane.peaks) return this.sample(wave, phase + perColumn / 2, period, gain);
    let best = 0;
    for (let k = 0; k < SUBSAMPLES; k += 1) {
      const v = this.sample(wave, phase + (perColumn * k) / SUBSAMPLES, period, gain);
      if (Math.abs(v) > Math.abs(best)) best = v;
    }
    return best;
  }

  /** Move the sweep on by `dtSec` real seconds at `ratePerMin` cycles a minute. */
  advance(dtSec: number, ratePerMin: number, wave: Waveform, gain: number): void {
    const rate = Math.max(1, ratePerMin);
    const period = 60 / rate;
    const cyclesPerPx = rate / 60 / this.lane.pxPerSec;
    const from = this.head;
    const to = from + dtSec * this.lane.pxPerSec;
    const n = this.ys.length;
    for (let c = Math.ceil(from); c < to; c += 1) {
      const phase = this.phase + (c - from) * cyclesPerPx;
      const v = this.column(wave, phase, cyclesPerPx, period, gain);
      if (v >= this.beatThreshold && this.lastValue < this.beatThreshold) this.beats += 1;
      this.lastValue = v;
      this.ys[c % n] = v;
    }
    this.phase += (to - from) * cyclesPerPx;
    this.phase -= Math.floor(this.phase);
    this.head = to % n;
    this.staticKey = '';
  }

  /** Fill every column with a still trace (reduced motion, or before the first sweep). */
  fillStatic(ratePerMin: number, wave: Waveform, gain: number): void {
    const key = `${String(ratePerMin)}|${String(gain)}|${wave.name}`;
    if (key === this.staticKey) return;
    this.staticKey = key;
    const rate = Math.max(1, ratePerMin);
    const period = 60 / rate;
    const cyclesPerPx = rate / 60 / this.lane.pxPerSec;
    for (let c = 0; c < this.ys.length; c += 1) {
      this.ys[c] = this.column(wave, c * cyclesPerPx, cyclesPerPx, period, gain);
    }
  }

  /** Stroke the trace; with `gap` the columns just ahead of the sweep are left blank. */
  draw(g: Phaser.GameObjects.Graphics, gap: boolean): void {
    const { x, y, height, baseline, colour } = this.lane;
    const base = y + height * baseline;
    const n = this.ys.length;
    const cut = gap ? Math.floor(this.head) : -1;
    g.lineStyle(2.5, colour, 1);
    let drawing = false;
    for (let c = 0; c < n; c += 1) {
      if (gap && (c - cut - 1 + n) % n < ERASE_GAP) {
        if (drawing) g.strokePath();
        drawing = false;
        continue;
      }
      const py = Math.max(y + 2, Math.min(y + height - 2, base - (this.ys[c] ?? 0)));
      if (!drawing) {
        g.beginPath();
        g.moveTo(x + c, py);
        drawing = true;
      } else {
        g.lineTo(x + c, py);
      }
    }
    if (drawing) g.strokePath();
  }
}
