import type * as Phaser from 'phaser';
import { ROOM } from './colours.ts';

/** Width of the bay (the monitor takes the rest of the canvas) and where wall meets floor. */
export const BAY_W = 700;
export const FLOOR_Y = 440;

/** Wall, floor, curtain, the bed-head gas panel and a glove dispenser. Drawn once. */
export function drawRoom(g: Phaser.GameObjects.Graphics, height: number): void {
  g.fillGradientStyle(ROOM.wallTop, ROOM.wallTop, ROOM.wallBottom, ROOM.wallBottom, 1);
  g.fillRect(0, 0, 1280, FLOOR_Y);
  g.fillGradientStyle(ROOM.floorFar, ROOM.floorFar, ROOM.floor, ROOM.floor, 1);
  g.fillRect(0, FLOOR_Y, 1280, height - FLOOR_Y);
  g.lineStyle(1, ROOM.floorLine, 0.5);
  for (let i = 1; i < 6; i += 1) g.lineBetween(0, FLOOR_Y + i * i * 9, 1280, FLOOR_Y + i * i * 9);
  g.fillStyle(ROOM.skirting, 1);
  g.fillRect(0, FLOOR_Y - 12, 1280, 12);
  // Shadow under the trolley.
  g.fillStyle(0x000000, 0.22);
  g.fillEllipse(390, 652, 560, 44);
  drawGasPanel(g);
  drawGloves(g);
  drawCurtain(g, height);
}

function drawGasPanel(g: Phaser.GameObjects.Graphics): void {
  const y = 150;
  g.fillStyle(0x000000, 0.25);
  g.fillRoundedRect(48, y + 6, 600, 66, 8);
  g.fillStyle(ROOM.panel, 1);
  g.fillRoundedRect(44, y, 600, 66, 8);
  g.lineStyle(2, ROOM.panelEdge, 1);
  g.strokeRoundedRect(44, y, 600, 66, 8);
  // Oxygen outlet with its flowmeter (white and green), air (black and white), suction (yellow).
  g.fillStyle(0xffffff, 1);
  g.fillCircle(96, y + 33, 17);
  g.fillStyle(0x1f9d55, 1);
  g.fillCircle(96, y + 33, 11);
  g.fillStyle(0xe9edf0, 1);
  g.fillRoundedRect(88, y + 40, 16, 44, 4);
  g.lineStyle(1.5, 0x6d7880, 1);
  g.strokeRoundedRect(88, y + 40, 16, 44, 4);
  g.fillStyle(0x1f9d55, 1);
  g.fillCircle(96, y + 58, 4);
  g.fillStyle(0x222222, 1);
  g.fillCircle(146, y + 33, 14);
  g.fillStyle(0xffffff, 1);
  g.fillCircle(146, y + 33, 6);
  g.fillStyle(0xf2c230, 1);
  g.fillCircle(196, y + 33, 14);
  g.fillStyle(0x6d5a10, 1);
  g.fillCircle(196, y + 33, 5);
  // Suction canister hanging below.
  g.fillStyle(0xdfe7ec, 0.85);
  g.fillRoundedRect(184, y + 70, 28, 54, 6);
  g.fillStyle(0xf2c230, 1);
  g.fillRect(184, y + 70, 28, 8);
  // Power sockets along the rest of the rail.
  for (let i = 0; i < 4; i += 1) {
    const sx = 300 + i * 78;
    g.fillStyle(0xf4f6f7, 1);
    g.fillRoundedRect(sx, y + 16, 48, 34, 5);
    g.fillStyle(i === 3 ? 0xd03a3a : 0x59636a, 1);
    g.fillRect(sx + 14, y + 26, 4, 10);
    g.fillRect(sx + 30, y + 26, 4, 10);
  }
}

function drawGloves(g: Phaser.GameObjects.Graphics): void {
  const colours = [0x6f8fe0, 0x9a6fd6, 0x6fc7a2];
  g.fillStyle(0xd8dde0, 1);
  g.fillRoundedRect(556, 250, 132, 70, 6);
  colours.forEach((c, i) => {
    g.fillStyle(c, 1);
    g.fillRect(562 + i * 42, 258, 36, 54);
    g.fillStyle(0xffffff, 0.8);
    g.fillEllipse(580 + i * 42, 268, 18, 6);
  });
}

function drawCurtain(g: Phaser.GameObjects.Graphics, height: number): void {
  g.fillStyle(0x8d979d, 1);
  g.fillRect(0, 14, 60, 6);
  for (let i = 0; i < 4; i += 1) {
    g.fillStyle(i % 2 === 0 ? ROOM.curtain : ROOM.curtainDark, 1);
    g.fillRect(i * 11, 20, 12, height - 60);
  }
  g.fillStyle(0x000000, 0.18);
  g.fillRect(44, 20, 6, height - 60);
}
