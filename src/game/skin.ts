import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { SKIN, type SkinTone } from './colours.ts';

/** The skin's tone: grey in death, mottled or pale when those signs show (from the state or the case). */
export function skinFor(patient: BayView['patient']): SkinTone {
  if (patient.dead) return SKIN.dead;
  return SKIN[
    patient.signs.includes('mottling') ? 'mottled' : patient.signs.includes('pallor') ? 'pale' : 'normal'
  ];
}

export interface Spot {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

/**
 * Fixed pseudo-random blotches inside a box, the same every time (no flicker between redraws); `size` is the range
 * of their radii.
 */
export function spots(
  seed: number,
  x: number,
  y: number,
  w: number,
  h: number,
  count: number,
  size: readonly [number, number] = [3, 9],
): Spot[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out: Spot[] = [];
  for (let i = 0; i < count; i += 1) {
    const [min, max] = size;
    out.push({
      x: x + next() * w,
      y: y + next() * h,
      rx: min + next() * (max - min),
      ry: min + next() * (max - min) * 0.85,
    });
  }
  return out;
}

/** Livedo: irregular purple blotches with a lacy edge over pale skin. Nothing for a tone without mottling. */
export function drawMottle(g: Phaser.GameObjects.Graphics, tone: SkinTone, blotches: Spot[]): void {
  if (tone.mottleAlpha <= 0) return;
  g.fillStyle(tone.mottle, tone.mottleAlpha * 0.55);
  for (const s of blotches) {
    g.fillEllipse(s.x, s.y, s.rx * 2, s.ry * 2);
    g.fillEllipse(s.x + s.rx * 0.9, s.y + s.ry * 0.6, s.rx * 1.3, s.ry * 1.1);
    g.fillEllipse(s.x - s.rx * 0.7, s.y + s.ry * 0.3, s.rx, s.ry * 0.9);
  }
}

/** The red of a hive's flare and the pale pink of its raised centre. */
const HIVE_FLARE = 0xd8384e;
const HIVE_WHEAL = 0xf7c4c4;

/** Urticaria: raised wheals, a pale swollen centre in a red flare, on the skin that shows. */
export function drawHives(g: Phaser.GameObjects.Graphics, wheals: readonly Spot[]): void {
  for (const s of wheals) {
    g.fillStyle(HIVE_FLARE, 0.6);
    g.fillEllipse(s.x, s.y, s.rx * 2.3, s.ry * 2.1);
    g.fillEllipse(s.x + s.rx * 0.9, s.y + s.ry * 0.4, s.rx * 1.5, s.ry * 1.3);
    g.fillStyle(HIVE_WHEAL, 0.85);
    g.fillEllipse(s.x + s.rx * 0.2, s.y, s.rx * 1.1, s.ry);
  }
}

/** Beads of sweat: clear drops with a bright highlight, and a sheen on the skin around them. */
export function drawSweat(g: Phaser.GameObjects.Graphics, drops: readonly Spot[]): void {
  for (const d of drops) {
    g.fillStyle(0xffffff, 0.16);
    g.fillEllipse(d.x, d.y, d.rx * 5, d.ry * 2.6);
  }
  for (const d of drops) {
    g.fillStyle(0xcfe6f2, 0.85);
    g.fillEllipse(d.x, d.y, d.rx * 1.4, d.ry * 1.8);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(d.x - d.rx * 0.2, d.y - d.ry * 0.35, Math.max(0.9, d.rx * 0.32));
  }
}
