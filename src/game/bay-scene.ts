import * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { FONT, HEIGHT, WIDTH } from './colours.ts';
import { BEZEL } from './monitor-frame.ts';
import { Monitor } from './monitor.ts';
import { PatientFigure } from './patient-figure.ts';
import { drawRoom } from './room.ts';
import { bake } from './bake.ts';
import { SweepLayer } from './sweep-layer.ts';

/** Longest step the sweep takes in one frame, so a tab coming back from the background does not jump. */
const MAX_STEP_SEC = 0.1;

/**
 * How often the patient's half of the bay is drawn when no new view has come: the breathing and the drips move
 * slowly enough for this. The monitor's half is drawn when its heart symbol blinks or its alarms flash, and its
 * traces sweep every frame on a layer of their own (SweepLayer). The Canvas renderer's cost is the pixels it draws:
 * at 60 whole frames a second the bay took 32–39 % of the main thread at 1080p; with the sweep on its own layer and
 * the patient's half at 20 frames a second, 17–21 %; at 15, 14–16 % (npm run bench -- bay; BENCHMARKS.md). A breath
 * takes two seconds or more and a drip falls in a few frames either way.
 */
const PATIENT_FPS = 15;
/** A frame that arrives this early (ms) still counts as on time for a whole redraw (animation frames jitter). */
const FRAME_SLACK_MS = 4;

/**
 * A close-up of the face in the top-left corner of the bay when the bay is shown small (a phone: under this many CSS
 * pixels wide), where the whole figure's face would be a few dozen pixels and its signs lost. Logical pixels.
 */
const CLOSE_UP = { belowCssWidth: 560, x: 10, y: 10, w: 250, h: 214, zoom: 1.65 } as const;

/**
 * The resuscitation bay: a thin view of the latest BayView. It decides nothing; it draws what it is given, and
 * moves only the things a real bay moves (sweeping traces, drips, breathing, flashing alarms).
 */
export class BayScene extends Phaser.Scene {
  private view: BayView;
  private monitor: Monitor | undefined;
  private patient: PatientFigure | undefined;
  private closeUp: Phaser.Cameras.Scene2D.Camera | undefined;
  private closeUpFrame: Phaser.GameObjects.Graphics | undefined;
  /** The bay in two halves, each redrawn alone: the patient (breathing, drips) and the monitor (blink, flash). */
  private halves:
    { patient: Phaser.Cameras.Scene2D.Camera; monitor: Phaser.Cameras.Scene2D.Camera } | undefined;
  /** The monitor's traces, on a canvas of their own over the lanes. */
  private sweep: SweepLayer | undefined;
  /** Whether a view has come that the canvas does not show yet. */
  private stale = true;
  /** When the patient's half was last drawn (ms of the game's clock). */
  private lastPatientDraw = -Infinity;
  /** Whole redraws, and frames that drew only part of the bay (a half, the sweep): for the benchmark and the tests. */
  readonly drawn = { whole: 0, part: 0 };

  constructor(
    initial: BayView,
    private readonly density = 1,
  ) {
    super({ key: 'bay' });
    this.view = initial;
  }

  /** Told each time the monitor draws a QRS. */
  readonly beatListeners = new Set<() => void>();

  setView(view: BayView): void {
    if (view !== this.view) this.stale = true;
    this.view = view;
  }

  create(): void {
    this.game.canvas.setAttribute('aria-hidden', 'true');
    this.cameras.main.setZoom(this.density).centerOn(WIDTH / 2, HEIGHT / 2);
    bake(this, 'bay-room', this.density, (g) => {
      drawRoom(g, HEIGHT);
    });
    this.patient = new PatientFigure(this);
    this.monitor = new Monitor(this, this.view, this.density);
    // Cameras draw in the order they were added: the close-up goes over the patient's half.
    this.halves = { patient: this.addPart(0, BEZEL.x), monitor: this.addPart(BEZEL.x, WIDTH) };
    this.addCloseUp();
    if (typeof document !== 'undefined') {
      const sweep = new SweepLayer(this.game.canvas, Monitor.sweepArea, this.density);
      this.sweep = sweep;
      this.events.once(Phaser.Scenes.Events.DESTROY, () => {
        sweep.destroy();
      });
    }
    this.refreshFontsWhenLoaded();
  }

  /**
   * A camera on a vertical strip of the bay (logical x from `left` to `right`): it sees the same world through a
   * viewport over that strip, so it draws there exactly what the main camera would, and nothing elsewhere.
   */
  private addPart(left: number, right: number): Phaser.Cameras.Scene2D.Camera {
    const d = this.density;
    return this.cameras
      .add(left * d, 0, (right - left) * d, HEIGHT * d)
      .setZoom(d)
      .centerOn((left + right) / 2, HEIGHT / 2)
      .setVisible(false);
  }

  /**
   * What this frame redraws: everything when a new view has come; otherwise the patient's half PATIENT_FPS times a
   * second while something there moves (with reduced motion nothing does), and the monitor's half when its blink or
   * flash changed. Between them the renderer draws nothing, and the traces sweep on their own layer.
   */
  private chooseCameras(time: number, monitorChanged: boolean): 'whole' | 'part' | 'none' {
    const whole = this.stale;
    const patient =
      !whole &&
      !this.view.reducedMotion &&
      time - this.lastPatientDraw >= 1000 / PATIENT_FPS - FRAME_SLACK_MS;
    const monitor = !whole && monitorChanged;
    if (whole || patient) this.lastPatientDraw = time;
    this.stale = false;
    this.cameras.main.setVisible(whole);
    this.halves?.patient.setVisible(patient);
    this.halves?.monitor.setVisible(monitor);
    this.updateCloseUp(whole || patient);
    return whole ? 'whole' : patient || monitor ? 'part' : 'none';
  }

  /** The face close-up: a second camera on the head, framed, shown only while the bay is displayed small. */
  private addCloseUp(): void {
    const d = this.density;
    const { x, y, w, h, zoom } = CLOSE_UP;
    this.closeUpFrame = this.add.graphics();
    this.closeUpFrame.fillStyle(0xe8eef2, 1).fillRoundedRect(x - 4, y - 4, w + 8, h + 8, 8);
    this.closeUp = this.cameras
      .add(x * d, y * d, w * d, h * d)
      .setZoom(zoom * d)
      .setBackgroundColor('#2f4550');
    this.closeUp.ignore(this.closeUpFrame);
  }

  private updateCloseUp(whole: boolean): void {
    const small = this.scale.displaySize.width < CLOSE_UP.belowCssWidth;
    this.closeUp?.setVisible(small && whole);
    this.closeUpFrame?.setVisible(small);
    const face = this.patient?.faceCentre();
    if (small && face !== undefined) this.closeUp?.centerOn(face.x, face.y);
  }

  override update(time: number, delta: number): void {
    const dt = Math.min(MAX_STEP_SEC, Math.max(0, delta / 1000));
    this.patient?.update(this.view, time / 1000);
    const layer = this.sweep?.context;
    const monitor =
      layer === undefined || this.monitor === undefined
        ? { painted: false, changed: false }
        : this.monitor.update(this.view, time, dt, layer);
    if (this.monitor?.takeNewBeat() === true) for (const listener of this.beatListeners) listener();
    const drawn = this.chooseCameras(time, monitor.changed);
    if (drawn === 'whole') this.drawn.whole += 1;
    else if (drawn === 'part' || monitor.painted) this.drawn.part += 1;
  }

  /** Text drawn before the web font arrived used the fallback; measure and draw it again once it is there. */
  private refreshFontsWhenLoaded(): void {
    if (typeof document === 'undefined') return;
    const family = FONT.split(',')[0] ?? FONT;
    const loads = [`16px "${family}"`, `bold 16px "${family}"`].map((f) => document.fonts.load(f));
    void Promise.allSettled(loads).then(() => {
      if (!this.sys.isActive()) return;
      this.stale = true;
      for (const child of this.children.list) {
        if (child instanceof Phaser.GameObjects.Text) child.style.update(true);
      }
    });
  }
}
