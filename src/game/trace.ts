import type * as Phaser from 'phaser';

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

/** A wave read at a time on the monitor's clock (seconds), in the lane's units. */
export type Sampler = (t: number) => number;

/** Pixels blanked ahead of the sweep, as on a real monitor. */
const ERASE_GAP = 18;
const SUBSAMPLES = 4;

/**
 * One sweeping waveform. Each one-pixel column holds the height drawn when the sweep passed it; the sweep writes
 * new columns in real time and leaves older ones in place until it comes round again.
 */
export class Trace {
  private readonly ys: Float32Array;
  /** The sweep's position, in (fractional) columns. */
  private head = 0;

  constructor(private readonly lane: TraceLane) {
    this.ys = new Float32Array(Math.max(1, Math.floor(lane.width)));
  }

  /** Seconds of wave the lane shows across its width. */
  get windowSec(): number {
    return this.ys.length / this.lane.pxPerSec;
  }

  /** One column's value from its sub-samples, the column starting at time `t`. */
  private column(sample: Sampler, t: number, gain: number): number {
    const dt = 1 / this.lane.pxPerSec;
    if (!this.lane.peaks) return sample(t + dt / 2) * gain;
    let best = 0;
    for (let k = 0; k < SUBSAMPLES; k += 1) {
      const v = sample(t + (dt * k) / SUBSAMPLES);
      if (Math.abs(v) > Math.abs(best)) best = v;
    }
    return best * gain;
  }

  /** Move the sweep on by `dtSec`, writing the wave from `fromSec` (the monitor's clock at the sweep) onwards. */
  advance(fromSec: number, dtSec: number, sample: Sampler, gain: number): void {
    const { pxPerSec } = this.lane;
    const from = this.head;
    const to = from + dtSec * pxPerSec;
    const n = this.ys.length;
    for (let c = Math.ceil(from); c < to; c += 1) {
      this.ys[c % n] = this.column(sample, fromSec + (c - from) / pxPerSec, gain);
    }
    this.head = to % n;
  }

  /**
   * Redraw every column as the sweep would have left it by `nowSec`: the column behind the sweep is the newest, the
   * one ahead of it the oldest (a new rhythm shows across the whole screen at once).
   */
  refill(nowSec: number, sample: Sampler, gain: number): void {
    const n = this.ys.length;
    for (let c = 0; c < n; c += 1) {
      const age = (((this.head - c) % n) + n) % n || n;
      this.ys[c] = this.column(sample, nowSec - age / this.lane.pxPerSec, gain);
    }
  }

  /** Fill the lane left to right from `startSec`, with no sweep (reduced motion): a still strip. */
  fillStill(startSec: number, sample: Sampler, gain: number): void {
    this.head = 0;
    for (let c = 0; c < this.ys.length; c += 1) {
      this.ys[c] = this.column(sample, startSec + c / this.lane.pxPerSec, gain);
    }
  }

  /** Stroke the trace; with `gap` the columns just ahead of the sweep are left blank. */
  draw(g: Phaser.GameObjects.Graphics, gap: boolean, colour = this.lane.colour): void {
    const { x, y, height, baseline } = this.lane;
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
