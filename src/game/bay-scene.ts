import * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { FONT, HEIGHT, WIDTH } from './colours.ts';
import { Monitor } from './monitor.ts';
import { PatientFigure } from './patient-figure.ts';
import { drawRoom } from './room.ts';
import { bake } from './bake.ts';

/** Longest step the sweep takes in one frame, so a tab coming back from the background does not jump. */
const MAX_STEP_SEC = 0.1;

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
    this.addCloseUp();
    this.refreshFontsWhenLoaded();
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

  private updateCloseUp(): void {
    const small = this.scale.displaySize.width < CLOSE_UP.belowCssWidth;
    this.closeUp?.setVisible(small);
    this.closeUpFrame?.setVisible(small);
    const face = this.patient?.faceCentre();
    if (small && face !== undefined) this.closeUp?.centerOn(face.x, face.y);
  }

  override update(time: number, delta: number): void {
    const dt = Math.min(MAX_STEP_SEC, Math.max(0, delta / 1000));
    this.patient?.update(this.view, time / 1000);
    this.monitor?.update(this.view, time, dt);
    if (this.monitor?.takeNewBeat() === true) for (const listener of this.beatListeners) listener();
    this.updateCloseUp();
  }

  /** Text drawn before the web font arrived used the fallback; measure and draw it again once it is there. */
  private refreshFontsWhenLoaded(): void {
    if (typeof document === 'undefined') return;
    const family = FONT.split(',')[0] ?? FONT;
    const loads = [`16px "${family}"`, `bold 16px "${family}"`].map((f) => document.fonts.load(f));
    void Promise.allSettled(loads).then(() => {
      if (!this.sys.isActive()) return;
      for (const child of this.children.list) {
        if (child instanceof Phaser.GameObjects.Text) child.style.update(true);
      }
    });
  }
}
