import type * as Phaser from 'phaser';
import { ROOM } from './colours.ts';

/** The hinge between the raised backrest and the flat leg section, and the backrest angle (radians). */
export const HINGE = { x: 292, y: 470 } as const;
export const BACK_ANGLE = 0.7;
export const BACK_LEN = 228;
export const MATTRESS = 34;
export const FOOT_X = 654;

/** The backrest angle for each posture: flat (legs raised), the usual 40° recline, sitting up. */
export const POSTURE_ANGLE = { flat: 0.12, reclined: BACK_ANGLE, upright: 0.95 } as const;

/** Maps a point in the backrest's frame (x along it towards the head is negative, y < 0 is above it). */
export function fromBackrest(lx: number, ly: number, angle: number = BACK_ANGLE): { x: number; y: number } {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return { x: HINGE.x + lx * c - ly * s, y: HINGE.y + lx * s + ly * c };
}

/** The inverse of fromBackrest at the usual recline: a world point of the body as drawn, in the backrest's frame. */
export function toBackrest(p: { x: number; y: number }): [number, number] {
  const dx = p.x - HINGE.x;
  const dy = p.y - HINGE.y;
  const c = Math.cos(BACK_ANGLE);
  const s = Math.sin(BACK_ANGLE);
  return [dx * c + dy * s, -dx * s + dy * c];
}

/** Chassis, column, base and wheels, and the flat leg section of the mattress. */
export function drawTrolleyBase(g: Phaser.GameObjects.Graphics, angle: number = BACK_ANGLE): void {
  g.fillStyle(ROOM.metalDark, 1);
  g.fillRect(378, 516, 44, 86);
  g.fillStyle(ROOM.metal, 1);
  g.fillRect(384, 516, 12, 86);
  g.fillStyle(ROOM.metalDark, 1);
  g.fillRoundedRect(140, 596, 500, 18, 8);
  g.fillStyle(ROOM.metal, 1);
  g.fillRoundedRect(140, 596, 500, 7, 4);
  for (const wx of [172, 608]) {
    g.fillStyle(ROOM.metalDark, 1);
    g.fillRect(wx - 5, 610, 10, 14);
    g.fillStyle(0x1a1f22, 1);
    g.fillCircle(wx, 636, 18);
    g.fillStyle(0x8a949a, 1);
    g.fillCircle(wx, 636, 6);
  }
  // Backrest strut from the chassis to the underside of the backrest.
  const strut = fromBackrest(-120, MATTRESS + 6, angle);
  g.lineStyle(8, ROOM.metalDark, 1);
  g.lineBetween(250, 514, strut.x, strut.y);
  // Chassis rail.
  g.fillStyle(ROOM.metalDark, 1);
  g.fillRoundedRect(118, 506, FOOT_X - 116, 14, 6);
  g.fillStyle(ROOM.metal, 1);
  g.fillRoundedRect(118, 506, FOOT_X - 116, 6, 3);
  // Leg section of the mattress.
  g.fillStyle(ROOM.mattress, 1);
  g.fillRoundedRect(HINGE.x - 10, HINGE.y, FOOT_X - HINGE.x + 10, MATTRESS, 10);
  g.fillStyle(ROOM.mattressTop, 1);
  g.fillRect(HINGE.x, HINGE.y + 2, FOOT_X - HINGE.x - 8, 6);
  // Foot board.
  g.fillStyle(0xc5ccd1, 1);
  g.fillRoundedRect(FOOT_X - 6, 404, 16, 112, 6);
}

/** The raised backrest and its pillow, drawn in the backrest's own (rotated) frame. */
export function drawBackrest(g: Phaser.GameObjects.Graphics): void {
  g.fillStyle(ROOM.metalDark, 1);
  g.fillRoundedRect(-BACK_LEN, MATTRESS - 4, BACK_LEN + 6, 10, 4);
  g.fillStyle(ROOM.mattress, 1);
  g.fillRoundedRect(-BACK_LEN, 0, BACK_LEN + 14, MATTRESS, 10);
  g.fillStyle(ROOM.mattressTop, 1);
  g.fillRect(-BACK_LEN + 8, 2, BACK_LEN, 6);
  g.fillStyle(ROOM.sheetShade, 1);
  g.fillRoundedRect(-BACK_LEN + 4, -36, 96, 40, 18);
  g.fillStyle(ROOM.pillow, 1);
  g.fillRoundedRect(-BACK_LEN + 6, -38, 90, 36, 18);
}
