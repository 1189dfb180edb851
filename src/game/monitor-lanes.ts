import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { PARAM, SCREEN } from './colours.ts';
import { Heart } from './heart.ts';
import { heartSpec, type HeartSpec } from './heart-spec.ts';
import { Label } from './label.ts';
import { Trace, type Sampler, type TraceLane } from './trace.ts';
import { Periodic, respiration } from './waveforms.ts';

/** Where each lane sits on the screen (logical pixels). */
export interface LaneLayout {
  ecg: Omit<TraceLane, 'colour' | 'pxPerSec' | 'peaks'>;
  pleth: Omit<TraceLane, 'colour' | 'pxPerSec' | 'peaks'>;
  resp: Omit<TraceLane, 'colour' | 'pxPerSec' | 'peaks'>;
  art: Omit<TraceLane, 'colour' | 'pxPerSec' | 'peaks'>;
}

/** Pixels per unit: an R wave of 1 mV is 70 px high. */
const ECG_GAIN = 70;
/** Pleth amplitude falls as the periphery shuts down. */
const PLETH_GAIN = { normal: 78, pale: 58, mottled: 34 } as const;
/** Impedance respiration follows the tidal volume: deep (Kussmaul) breaths draw larger. */
const RESP_GAIN = { usual: 58, deep: 84 } as const;
/** The arterial line's scale (mmHg at the top of the lane): the smallest that holds the systolic. */
const ART_SCALES = [100, 120, 160, 200, 240] as const;

/** The arterial scale for a systolic pressure: the smallest that leaves 10 mmHg above it. */
function artScale(sbp: number | null): number {
  return ART_SCALES.find((top) => (sbp ?? 0) <= top - 10) ?? 240;
}

/** The arterial scale's top sits this far below the top of its lane, so the top line and label stay clear. */
const ART_TOP_INSET = 8;

interface Samplers {
  ecg: Sampler;
  pleth: Sampler;
  art: Sampler;
  gains: { ecg: number; pleth: number; resp: number; art: number };
}

/** What changes the strip at once rather than from the next beat: a new rhythm, pacing, compressions, output. */
const heartKey = (s: HeartSpec): string =>
  [s.rhythm, s.pacing?.state ?? 'none', s.cpr, s.output, s.pressure === null].join('|');

/**
 * The monitor's four waveform lanes (ECG, pleth, respiration and, with an arterial line, the arterial pressure), all
 * read from one deterministic Heart on the monitor's own clock, so a beat's QRS, its pleth pulse and its arterial
 * upstroke line up.
 */
export class MonitorLanes {
  private readonly ecg: Trace;
  private readonly pleth: Trace;
  private readonly resp: Trace;
  private readonly art: Trace;
  private readonly heart: Heart;
  private readonly breaths = new Periodic(respiration);
  private readonly scaleLabels: [Label, Label];
  private nowSec = 0;
  private heartKey = '';
  private arterial = false;
  private stillKey = '';

  constructor(
    scene: Phaser.Scene,
    private readonly layout: LaneLayout,
    view: BayView,
    scaleSize = 14,
  ) {
    this.ecg = new Trace({ ...layout.ecg, colour: PARAM.ecg.num, pxPerSec: 80, peaks: true });
    this.pleth = new Trace({ ...layout.pleth, colour: PARAM.spo2.num, pxPerSec: 80, peaks: false });
    this.resp = new Trace({ ...layout.resp, colour: PARAM.rr.num, pxPerSec: 25, peaks: false });
    this.art = new Trace({ ...layout.art, colour: PARAM.bp.num, pxPerSec: 60, peaks: false });
    const scaleLabel = (y: number) =>
      new Label(scene, layout.art.x - 4, y, {
        size: scaleSize,
        colour: SCREEN.muted,
        originX: 1,
        originY: 0.5,
      });
    this.scaleLabels = [scaleLabel(layout.art.y), scaleLabel(layout.art.y)];
    this.heart = new Heart(heartSpec(view), 0);
  }

  /**
   * Move the strips on by `dtSec` (nothing when paused; a still strip with reduced motion) and paint what moved onto
   * the sweep layer; the arterial scale goes on the bay's canvas (`g`). `artFlash`: the arterial panel is in the
   * bright half of its alarm flash, so its wave is drawn white to stay visible. Returns whether any trace was painted.
   */
  update(
    view: BayView,
    dtSec: number,
    g: Phaser.GameObjects.Graphics,
    layer: CanvasRenderingContext2D,
    artFlash = false,
  ): boolean {
    const spec = heartSpec(view);
    const arterial = view.bpSource === 'arterial';
    const samplers = this.samplers(view);
    if (view.reducedMotion) {
      this.fillStill(view, spec, arterial);
    } else {
      // Time moves in steps: after one, the monitor shows the new rhythm across the whole screen at once.
      const key = heartKey(spec);
      if (key !== this.heartKey) this.heart.reset(spec, this.nowSec - this.ecg.windowSec - 1);
      this.heart.set(spec);
      if (key !== this.heartKey || arterial !== this.arterial || this.stillKey !== '') {
        this.heartKey = key;
        this.arterial = arterial;
        this.stillKey = '';
        this.refill(view, samplers);
      }
      if (!view.paused) this.advance(view, dtSec, samplers);
    }
    const gap = !view.reducedMotion;
    // Each lane paints, whether or not another did (no short-circuit).
    let painted = [this.ecg, this.pleth, this.resp].map((t) => t.paint(layer, gap)).includes(true);
    for (const label of this.scaleLabels) label.text.setVisible(arterial);
    if (arterial) {
      this.drawScale(g, view);
      painted = this.art.paint(layer, gap, artFlash ? 0xffffff : PARAM.bp.num) || painted;
    } else this.art.unpaint(layer);
    return painted;
  }

  /** The moment of the last QRS drawn (seconds of the monitor's clock), or null before the first. */
  lastBeat(): number | null {
    return this.heart.lastBeatBefore(this.nowSec);
  }

  /** Whether the QRS of a beat was drawn in the last moment (the heart symbol flashes with it). */
  beatJustNow(windowSec: number): boolean {
    const last = this.heart.lastBeatBefore(this.nowSec);
    return last !== null && this.nowSec - last < windowSec;
  }

  private samplers(view: BayView): Samplers {
    const h = this.heart;
    const deep = view.patient.signs.includes('deep-breathing');
    return {
      ecg: (t) => h.ecg(t),
      pleth: (t) => h.pleth(t),
      art: (t) => h.arterial(t),
      gains: {
        ecg: ECG_GAIN,
        pleth: PLETH_GAIN[view.patient.perfusion],
        resp: RESP_GAIN[deep ? 'deep' : 'usual'],
        art: (this.layout.art.height - ART_TOP_INSET) / artScale(view.vitals.sbp),
      },
    };
  }

  private respRate(view: BayView): number {
    return view.patient.dead ? 0 : view.vitals.rr;
  }

  private advance(view: BayView, dtSec: number, s: Samplers): void {
    const from = this.nowSec;
    this.heart.prepare(from + dtSec);
    const breath = this.breaths.at(from, this.respRate(view));
    this.ecg.advance(from, dtSec, s.ecg, s.gains.ecg);
    this.pleth.advance(from, dtSec, s.pleth, s.gains.pleth);
    this.resp.advance(from, dtSec, breath, s.gains.resp);
    this.art.advance(from, dtSec, s.art, s.gains.art);
    this.nowSec = from + dtSec;
  }

  private refill(view: BayView, s: Samplers): void {
    this.heart.prepare(this.nowSec);
    const breath = this.breaths.at(this.nowSec, this.respRate(view));
    this.ecg.refill(this.nowSec, s.ecg, s.gains.ecg);
    this.pleth.refill(this.nowSec, s.pleth, s.gains.pleth);
    this.resp.refill(this.nowSec, breath, s.gains.resp);
    this.art.refill(this.nowSec, s.art, s.gains.art);
  }

  /** A still strip for reduced motion: drawn afresh from the start of a new heart whenever what it shows changes. */
  private fillStill(view: BayView, spec: HeartSpec, arterial: boolean): void {
    const s = this.samplers(view);
    const key = JSON.stringify([spec, arterial, s.gains, Math.round(view.vitals.rr)]);
    if (key === this.stillKey) return;
    this.stillKey = key;
    this.heartKey = '';
    this.heart.reset(spec, 0);
    this.heart.prepare(this.ecg.windowSec + 1);
    const breaths = new Periodic(respiration);
    breaths.at(0, this.respRate(view));
    this.ecg.fillStill(1, s.ecg, s.gains.ecg);
    this.pleth.fillStill(1, s.pleth, s.gains.pleth);
    this.resp.fillStill(0, breaths.at(0, this.respRate(view)), s.gains.resp);
    this.art.fillStill(1, s.art, s.gains.art);
    this.nowSec = 1;
  }

  /** Dotted scale lines and their pressures behind the arterial wave. */
  private drawScale(g: Phaser.GameObjects.Graphics, view: BayView): void {
    const { x, y, width, height, baseline } = this.layout.art;
    const top = artScale(view.vitals.sbp);
    const zero = y + height * baseline;
    const perMmHg = (height - ART_TOP_INSET) / top;
    g.lineStyle(1, PARAM.bp.num, 0.4);
    [top, top / 2].forEach((mmHg, i) => {
      const ly = zero - mmHg * perMmHg;
      for (let dx = 0; dx < width; dx += 8) g.lineBetween(x + dx, ly, x + dx + 3, ly);
      const label = this.scaleLabels[i];
      label?.set(String(mmHg));
      label?.text.setY(ly);
    });
  }
}
