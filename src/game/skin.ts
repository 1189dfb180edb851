import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { SKIN, type SkinTone } from './colours.ts';

export function skinFor(patient: BayView['patient']): SkinTone {
  return patient.dead ? SKIN.dead : SKIN[patient.perfusion];
}

export interface Spot {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

/** Fixed pseudo-random blotches inside a box, the same every time (no flicker between redraws). */
export function spots(seed: number, x: number, y: number, w: number, h: number, count: number): Spot[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out: Spot[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push({ x: x + next() * w, y: y + next() * h, rx: 3 + next() * 6, ry: 3 + next() * 5 });
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
