import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { drawArm, drawLegs, drawTorso } from './body.ts';
import { drawHead } from './face.ts';
import { animatePole, drawPole } from './iv-pole.ts';
import { drawArterialLine, drawIvLines, drawMonitoringCables, drawOxygenTubing } from './lines.ts';
import { drawHives, skinFor, spots } from './skin.ts';
import { ARM } from './body.ts';
import {
  BACK_ANGLE,
  drawBackrest,
  drawTrolleyBase,
  fromBackrest,
  HINGE,
  POSTURE_ANGLE,
  toBackrest,
} from './trolley.ts';
import { respiration } from './waveforms.ts';

/** Head centre (world) when upright against the pillow. */
const HEAD = { x: 180, y: 296 } as const;

/** Where the head and shoulder sit on the backrest, so they follow it when the posture changes. */
const HEAD_ON_BACKREST = toBackrest(HEAD);
const SHOULDER_ON_BACKREST = toBackrest(ARM.shoulder);

/** The head is drawn a little larger than life so the eyes read on a small screen. */
const HEAD_SCALE = 1.15;

/** How deep the chest is drawn by build (the trunk's scale across the backrest). */
const CHEST_DEPTH = { slim: 0.9, average: 1, heavy: 1.16 } as const;
/** How far the chest rises with each breath: deep (Kussmaul) breaths heave. */
const BREATH_RISE = { usual: 0.06, deep: 0.15 } as const;
/** The neck's width by build. */
const NECK_W = { slim: 28, average: 32, heavy: 40 } as const;

/** How far the head tips over (radians) and sags, by level of consciousness. */
const POSTURE = {
  alert: { rot: -0.04, dx: 0, dy: 0 },
  drowsy: { rot: 0.14, dx: 3, dy: 5 },
  unresponsive: { rot: 0.4, dx: 10, dy: 12 },
} as const;

/** The trolley, the patient on it, the drip stand and every line and cable, driven by `view.patient`. */
export class PatientFigure {
  private readonly pole: Phaser.GameObjects.Graphics;
  private readonly poleAnim: Phaser.GameObjects.Graphics;
  private readonly torso: Phaser.GameObjects.Graphics;
  private readonly neck: Phaser.GameObjects.Graphics;
  private readonly head: Phaser.GameObjects.Graphics;
  private readonly arm: Phaser.GameObjects.Graphics;
  private readonly cables: Phaser.GameObjects.Graphics;
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly backrest: Phaser.GameObjects.Graphics;
  private readonly legs: Phaser.GameObjects.Graphics;
  private key = '';
  private headAt: { x: number; y: number } = HEAD;

  constructor(scene: Phaser.Scene) {
    this.pole = scene.add.graphics();
    this.poleAnim = scene.add.graphics();
    this.base = scene.add.graphics();
    this.backrest = scene.add.graphics().setPosition(HINGE.x, HINGE.y);
    drawBackrest(this.backrest);
    this.legs = scene.add.graphics();
    this.torso = scene.add.graphics().setPosition(HINGE.x, HINGE.y).setRotation(BACK_ANGLE);
    drawTorso(this.torso);
    this.neck = scene.add.graphics();
    this.head = scene.add.graphics();
    this.arm = scene.add.graphics();
    this.cables = scene.add.graphics();
  }

  update(view: BayView, seconds: number): void {
    const p = view.patient;
    const key = [
      p.perfusion,
      p.consciousness,
      p.signs.join(','),
      p.person.ageYears,
      p.person.sex,
      p.person.build,
      p.dead,
      p.oxygenMask,
      p.dripRunning,
      p.infusionRunning,
      p.arterialLine,
      p.posture,
    ].join('|');
    if (key !== this.key) {
      this.key = key;
      this.redraw(p);
    }
    const still = view.reducedMotion || view.paused;
    animatePole(this.poleAnim, p.dripRunning, p.infusionRunning, still, seconds);
    // The chest rises and falls at the respiratory rate (in an arrest, only with the team's ventilations); a dead
    // patient is still.
    const rr = Math.max(1, view.vitals.rr);
    const period = 60 / rr;
    const breath = p.dead || still || view.vitals.rr <= 0 ? 0 : respiration(seconds % period, period);
    const rise = BREATH_RISE[p.signs.includes('deep-breathing') ? 'deep' : 'usual'];
    this.torso.setScale(1, CHEST_DEPTH[p.person.build] * (1 + rise * breath));
    this.head.setY(this.headY(p) - (rise / 0.06) * 3 * breath);
  }

  /** Where the face is now (world), for the close-up. */
  faceCentre(): { x: number; y: number } {
    return { x: this.head.x, y: this.head.y + 6 };
  }

  private headY(p: BayView['patient']): number {
    return this.headAt.y + POSTURE[p.dead ? 'unresponsive' : p.consciousness].dy;
  }

  private redraw(p: BayView['patient']): void {
    const tone = skinFor(p);
    const lean = POSTURE[p.dead ? 'unresponsive' : p.consciousness];
    // The trolley's posture: the backrest, the trunk, the head and the shoulder turn about the hinge together.
    const angle = POSTURE_ANGLE[p.posture];
    const tilt = angle - BACK_ANGLE;
    this.base.clear();
    drawTrolleyBase(this.base, angle);
    this.backrest.setRotation(angle);
    this.torso.setRotation(angle);
    this.legs.clear();
    drawLegs(this.legs, p.posture === 'flat');
    this.headAt = fromBackrest(HEAD_ON_BACKREST[0], HEAD_ON_BACKREST[1], angle);
    const shoulder = fromBackrest(SHOULDER_ON_BACKREST[0], SHOULDER_ON_BACKREST[1], angle);
    const rot = lean.rot + 0.5 * tilt;

    this.pole.clear();
    drawPole(this.pole, p.dripRunning, p.infusionRunning);

    const signs = new Set(p.signs);
    this.neck.clear();
    const neckW = NECK_W[p.person.build];
    const neckX = this.headAt.x - neckW / 2 + lean.dx / 2;
    this.neck.fillStyle(tone.shade, 1);
    this.neck.fillRoundedRect(neckX, this.headAt.y + 30, neckW, 40, 8);
    if (signs.has('flushing')) {
      this.neck.fillStyle(0xe0503f, 0.25);
      this.neck.fillRoundedRect(neckX, this.headAt.y + 30, neckW, 40, 8);
    }
    if (signs.has('urticaria'))
      drawHives(this.neck, spots(53, neckX + 4, this.headAt.y + 44, neckW - 8, 20, 2));

    const hx = this.headAt.x + lean.dx;
    this.head.clear().setPosition(hx, this.headY(p)).setRotation(rot).setScale(HEAD_SCALE);
    drawHead(this.head, {
      tone,
      person: p.person,
      consciousness: p.consciousness,
      dead: p.dead,
      mask: p.oxygenMask,
      signs,
    });

    this.arm.clear();
    drawArm(this.arm, tone, shoulder, { build: p.person.build, signs });

    this.cables.clear();
    drawMonitoringCables(this.cables, angle, shoulder);
    drawIvLines(this.cables, p.dripRunning, p.infusionRunning);
    if (p.arterialLine) drawArterialLine(this.cables);
    if (p.oxygenMask) {
      const c = Math.cos(rot);
      const s = Math.sin(rot);
      const [lx, ly] = [0, 86 * HEAD_SCALE];
      drawOxygenTubing(this.cables, { x: hx + lx * c - ly * s, y: this.headY(p) + lx * s + ly * c });
    }
  }
}
