import type * as Phaser from 'phaser';
import { SCREEN } from './colours.ts';

/** The monitor's outer case and its screen, in logical pixels. */
export const BEZEL = { x: 706, y: 22, w: 560, h: 680 } as const;
export const SCR = { x: 724, y: 40, w: 524, h: 610 } as const;

/** Case, screen glass, header strip, row dividers, and the hard keys under the screen. Drawn once. */
export function drawBezel(g: Phaser.GameObjects.Graphics): void {
  const { x, y, w, h } = BEZEL;
  // Wall arm behind the monitor.
  g.fillStyle(0x1d2a31, 1);
  g.fillRect(x + w / 2 - 30, 0, 60, y + 10);
  g.fillStyle(0x000000, 0.35);
  g.fillRoundedRect(x + 6, y + 10, w, h, 26);
  g.fillStyle(SCREEN.bezelShadow, 1);
  g.fillRoundedRect(x, y, w, h, 24);
  g.fillStyle(SCREEN.bezel, 1);
  g.fillRoundedRect(x + 3, y + 2, w - 6, h - 7, 22);
  g.lineStyle(2, SCREEN.bezelEdge, 0.9);
  g.strokeRoundedRect(x + 5, y + 4, w - 10, h - 11, 20);
  // Screen recess and glass.
  g.fillStyle(0x2a3136, 1);
  g.fillRoundedRect(SCR.x - 5, SCR.y - 5, SCR.w + 10, SCR.h + 10, 10);
  g.fillStyle(SCREEN.glass, 1);
  g.fillRect(SCR.x, SCR.y, SCR.w, SCR.h);
  g.fillStyle(SCREEN.header, 1);
  g.fillRect(SCR.x, SCR.y, SCR.w, 42);
  g.lineStyle(1, SCREEN.divider, 1);
  for (const rowY of [234, 358, 474]) {
    g.lineBetween(SCR.x + 6, rowY, SCR.x + 302, rowY);
  }
  // Hard keys and the power light along the bottom of the case.
  const keysY = SCR.y + SCR.h + 16;
  for (let i = 0; i < 5; i += 1) {
    g.fillStyle(0xb7bec3, 1);
    g.fillRoundedRect(SCR.x + 200 + i * 56, keysY, 44, 18, 6);
    g.fillStyle(0xe9ecee, 1);
    g.fillRoundedRect(SCR.x + 202 + i * 56, keysY + 2, 40, 12, 5);
  }
  g.fillStyle(0x2bd45a, 1);
  g.fillCircle(SCR.x + SCR.w - 14, keysY + 9, 5);
  // Glass reflection.
  g.fillStyle(0xffffff, 0.035);
  g.fillTriangle(SCR.x, SCR.y, SCR.x + SCR.w * 0.55, SCR.y, SCR.x, SCR.y + SCR.h * 0.45);
}

/** A small filled heart centred on (cx, cy). */
export function drawHeart(
  g: Phaser.GameObjects.Graphics,
  cx: number,
  cy: number,
  r: number,
  colour: number,
  alpha: number,
): void {
  g.fillStyle(colour, alpha);
  g.fillCircle(cx - r * 0.5, cy - r * 0.2, r * 0.55);
  g.fillCircle(cx + r * 0.5, cy - r * 0.2, r * 0.55);
  g.fillTriangle(cx - r * 1.02, cy, cx + r * 1.02, cy, cx, cy + r);
}
