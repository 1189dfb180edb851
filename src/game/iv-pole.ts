import type * as Phaser from 'phaser';
import { ROOM } from './colours.ts';

const X = 486;
const BAG = { x: X - 30, y: 58, w: 60, h: 104 } as const;
const CHAMBER = { x: X - 9, y: 176, w: 18, h: 44 } as const;
const DRIVER = { x: X - 52, y: 262, w: 104, h: 44 } as const;

/** Where the giving set leaves the drip chamber, and where the syringe driver's line leaves the syringe. */
export const DRIP_OUT = { x: X, y: CHAMBER.y + CHAMBER.h + 8 } as const;
export const DRIVER_OUT = { x: DRIVER.x + DRIVER.w + 6, y: DRIVER.y + 10 } as const;

/** Seconds between drops in the drip chamber. */
const DROP_EVERY = 0.9;

/** The drip stand behind the trolley: a bag of fluid and its drip chamber, and a syringe driver clamped on. */
export function drawPole(g: Phaser.GameObjects.Graphics, drip: boolean, infusion: boolean): void {
  if (!drip && !infusion) return;
  g.fillStyle(ROOM.metalDark, 1);
  g.fillRect(X - 3, 44, 6, 470);
  g.fillStyle(ROOM.metal, 1);
  g.fillRect(X - 2, 44, 2, 470);
  g.lineStyle(4, ROOM.metal, 1);
  g.lineBetween(X - 34, 46, X + 34, 46);
  if (drip) drawBag(g);
  if (infusion) drawDriver(g);
}

function drawBag(g: Phaser.GameObjects.Graphics): void {
  g.lineStyle(2, ROOM.metal, 1);
  g.lineBetween(X, 46, X, BAG.y);
  g.fillStyle(0xeef6fb, 0.55);
  g.fillRoundedRect(BAG.x, BAG.y, BAG.w, BAG.h, 12);
  g.fillStyle(0xcfe8f7, 0.7);
  g.fillRoundedRect(BAG.x + 3, BAG.y + 34, BAG.w - 6, BAG.h - 37, 10);
  g.lineStyle(2, 0xdfeaf0, 1);
  g.strokeRoundedRect(BAG.x, BAG.y, BAG.w, BAG.h, 12);
  // Printed label and graduations.
  g.fillStyle(0xffffff, 0.9);
  g.fillRect(BAG.x + 10, BAG.y + 16, BAG.w - 20, 24);
  g.fillStyle(0x1b5fa8, 1);
  g.fillRect(BAG.x + 14, BAG.y + 21, BAG.w - 28, 4);
  g.fillRect(BAG.x + 14, BAG.y + 30, BAG.w - 38, 3);
  g.lineStyle(1, 0x1b5fa8, 0.8);
  for (let i = 0; i < 4; i += 1)
    g.lineBetween(BAG.x + 4, BAG.y + 48 + i * 12, BAG.x + 12, BAG.y + 48 + i * 12);
  // Spike and drip chamber.
  g.fillStyle(0xffffff, 0.9);
  g.fillRect(X - 4, BAG.y + BAG.h, 8, CHAMBER.y - BAG.y - BAG.h);
  g.fillStyle(0xe6f2f8, 0.45);
  g.fillRoundedRect(CHAMBER.x, CHAMBER.y, CHAMBER.w, CHAMBER.h, 5);
  g.fillStyle(0xbfe3f5, 0.85);
  g.fillRect(CHAMBER.x + 2, CHAMBER.y + CHAMBER.h - 14, CHAMBER.w - 4, 12);
  g.lineStyle(1.5, 0xf4fbff, 1);
  g.strokeRoundedRect(CHAMBER.x, CHAMBER.y, CHAMBER.w, CHAMBER.h, 5);
  g.fillStyle(0xffffff, 0.9);
  g.fillRect(X - 3, CHAMBER.y + CHAMBER.h, 6, 8);
  // Roller clamp on the line.
  g.fillStyle(0x3a86c8, 1);
  g.fillRoundedRect(X - 8, DRIP_OUT.y + 30, 16, 22, 3);
}

function drawDriver(g: Phaser.GameObjects.Graphics): void {
  const { x, y, w, h } = DRIVER;
  g.fillStyle(0x000000, 0.3);
  g.fillRoundedRect(x + 3, y + 4, w, h, 7);
  g.fillStyle(0xe9eef1, 1);
  g.fillRoundedRect(x, y, w, h, 7);
  g.fillStyle(0x3c5f86, 1);
  g.fillRoundedRect(x, y + h - 12, w, 12, { tl: 0, tr: 0, bl: 7, br: 7 });
  // Syringe across the top, plunger to the left.
  g.fillStyle(0xffffff, 1);
  g.fillRect(x + 22, y - 14, 74, 14);
  g.fillStyle(0xf0c6d6, 0.9);
  g.fillRect(x + 40, y - 12, 54, 10);
  g.fillStyle(0x7b8790, 1);
  g.fillRect(x + 4, y - 10, 20, 6);
  g.fillRect(x + 20, y - 16, 4, 18);
  // Display.
  g.fillStyle(0x0c1a14, 1);
  g.fillRect(x + 8, y + 8, 48, 20);
  g.fillStyle(0x47e07a, 0.9);
  g.fillRect(x + 12, y + 14, 12, 8);
  g.fillRect(x + 28, y + 14, 8, 8);
  g.fillRect(x + 40, y + 14, 12, 8);
  // Clamp to the pole.
  g.fillStyle(ROOM.metalDark, 1);
  g.fillRect(X - 8, y + h, 16, 10);
}

/** The falling drop and the running light; both stand still when `still`. */
export function animatePole(
  g: Phaser.GameObjects.Graphics,
  drip: boolean,
  infusion: boolean,
  still: boolean,
  seconds: number,
): void {
  g.clear();
  if (drip) {
    const t = still ? 0.55 : (seconds % DROP_EVERY) / DROP_EVERY;
    const fall = Math.min(1, t / 0.45);
    const dy = CHAMBER.y + 5 + fall * (CHAMBER.h - 20);
    g.fillStyle(0x9fd8f5, fall >= 1 ? 0 : 1);
    g.fillEllipse(X, dy, 6, 8);
    g.fillStyle(0x9fd8f5, 1);
    g.fillEllipse(X, CHAMBER.y + 6, 5, fall < 1 ? 4 : 4 + 3 * t);
  }
  if (infusion) {
    const on = still || seconds % 1.6 < 1.0;
    g.fillStyle(0x2ee06a, on ? 1 : 0.25);
    g.fillCircle(DRIVER.x + DRIVER.w - 16, DRIVER.y + 16, 6);
    g.fillStyle(0xffffff, on ? 0.6 : 0);
    g.fillCircle(DRIVER.x + DRIVER.w - 18, DRIVER.y + 14, 2);
  }
}
