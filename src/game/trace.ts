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
  /** Whether the layer holds this lane as last painted; if not, the next paint draws the whole lane. */
  private painted = false;
  /** The column the sweep was at when last painted (-1 for a still strip). */
  private paintedAt = -1;
  private paintedColour = -1;
  private paintedGap = false;

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
    this.painted = false;
    const n = this.ys.length;
    for (let c = 0; c < n; c += 1) {
      const age = (((this.head - c) % n) + n) % n || n;
      this.ys[c] = this.column(sample, nowSec - age / this.lane.pxPerSec, gain);
    }
  }

  /** Fill the lane left to right from `startSec`, with no sweep (reduced motion): a still strip. */
  fillStill(startSec: number, sample: Sampler, gain: number): void {
    this.painted = false;
    this.head = 0;
    for (let c = 0; c < this.ys.length; c += 1) {
      this.ys[c] = this.column(sample, startSec + c / this.lane.pxPerSec, gain);
    }
  }

  /**
   * Paint the trace onto the sweep layer: only the columns the sweep has moved over since the last paint (and the
   * erase gap moved on ahead of it), or the whole lane after a refill, a change of colour or a still strip. With
   * `gap` the columns just ahead of the sweep are left blank. Returns whether anything was painted.
   */
  paint(ctx: CanvasRenderingContext2D, gap: boolean, colour = this.lane.colour): boolean {
    const n = this.ys.length;
    // The last column the sweep has written (the one under a whole-number head is not written yet).
    const cut = gap ? (Math.ceil(this.head) - 1 + n) % n : -1;
    const whole = !this.painted || colour !== this.paintedColour || gap !== this.paintedGap;
    if (!whole && cut === this.paintedAt) return false;
    const moved = whole ? n : (cut - this.paintedAt + n) % n;
    ctx.lineWidth = 2.5;
    // Round joins and caps: a stroke painted in pieces, frame by frame, is then the stroke painted whole.
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = `#${colour.toString(16).padStart(6, '0')}`;
    if (whole || moved > n - ERASE_GAP - 2) {
      this.clearColumns(ctx, 0, n);
      this.stroke(ctx, 0, n - 1, cut, gap);
    } else {
      // The gap moves on: what it now covers (the oldest columns) is cleared; what the sweep wrote is drawn.
      this.clearColumns(ctx, this.paintedAt + ERASE_GAP + 1, moved);
      this.stroke(ctx, this.paintedAt, moved, cut, gap);
    }
    this.painted = true;
    this.paintedAt = cut;
    this.paintedColour = colour;
    this.paintedGap = gap;
    return true;
  }

  /** Forget what was painted: the next paint draws the whole lane (the layer was cleared, or the lane hidden). */
  unpaint(ctx: CanvasRenderingContext2D): void {
    if (this.painted) this.clearColumns(ctx, 0, this.ys.length);
    this.painted = false;
  }

  /**
   * Clear `count` columns from column `from` (wrapping round the lane), the full height of the lane: from the
   * column before the first (its stroke reaches into the first) up to the next column kept, or past the lane's edge.
   */
  private clearColumns(ctx: CanvasRenderingContext2D, from: number, count: number): void {
    const n = this.ys.length;
    const { x, y, height } = this.lane;
    const start = ((from % n) + n) % n;
    const first = Math.min(count, n - start);
    ctx.clearRect(x + start - 2, y, first + (start + first < n ? 2 : 4), height);
    if (count > first) ctx.clearRect(x - 2, y, count - first + 2, height);
  }

  /**
   * Stroke from column `from` over the next `count` columns (wrapping round), leaving out the gap's columns ahead of
   * `cut` (none when there is no gap); the path breaks at the gap and at the lane's right edge, as the sweep does.
   */
  private stroke(
    ctx: CanvasRenderingContext2D,
    from: number,
    count: number,
    cut: number,
    gap: boolean,
  ): void {
    const n = this.ys.length;
    const { x, y, height, baseline } = this.lane;
    const base = y + height * baseline;
    let drawing = false;
    ctx.beginPath();
    for (let k = 0; k <= count; k += 1) {
      const c = (from + k) % n;
      // No line from the lane's last column round to its first, nor across the gap.
      if (c === 0 && k > 0) drawing = false;
      if (gap && (c - cut - 1 + n) % n < ERASE_GAP) {
        drawing = false;
        continue;
      }
      const py = Math.max(y + 2, Math.min(y + height - 2, base - (this.ys[c] ?? 0)));
      if (drawing) ctx.lineTo(x + c, py);
      else ctx.moveTo(x + c, py);
      drawing = true;
    }
    ctx.stroke();
  }
}
