import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { ROOM, type SkinTone } from './colours.ts';
import { drawHives, drawMottle, drawSweat, spots } from './skin.ts';
import { FOOT_X, HINGE } from './trolley.ts';

/** Where the near arm lies (world): shoulder, elbow, wrist, and the cannula on the forearm. */
export const ARM = {
  shoulder: { x: 222, y: 354 },
  elbow: { x: 262, y: 438 },
  wrist: { x: 372, y: 436 },
  cannula: { x: 338, y: 438 },
  finger: { x: 408, y: 436 },
} as const;

const ARM_SPOTS = [
  ...spots(11, ARM.elbow.x, ARM.elbow.y - 12, ARM.wrist.x - ARM.elbow.x, 22, 12),
  ...spots(23, ARM.wrist.x, ARM.wrist.y - 10, 30, 20, 4),
];
/** Hives along the forearm (clear of the cannula's dressing) and on the back of the hand. */
const ARM_WHEALS = [
  ...spots(41, ARM.elbow.x + 2, ARM.elbow.y - 8, 60, 14, 7, [2.5, 5]),
  ...spots(43, ARM.cannula.x + 18, ARM.wrist.y - 7, 14, 12, 2, [2.5, 4.5]),
  ...spots(47, ARM.wrist.x + 6, ARM.wrist.y - 6, 22, 10, 3, [2, 4]),
];
const ARM_SWEAT = [
  { x: ARM.elbow.x + 30, y: ARM.elbow.y - 6, rx: 1.8, ry: 2.4 },
  { x: ARM.elbow.x + 56, y: ARM.elbow.y + 2, rx: 1.6, ry: 2.2 },
  { x: ARM.wrist.x + 14, y: ARM.wrist.y - 4, rx: 1.6, ry: 2.2 },
];

/** How thick the limbs are drawn, by build (upper arm, forearm). */
const LIMB = { slim: [22, 20], average: [27, 24], heavy: [33, 29] } as const;

type Patient = BayView['patient'];

/**
 * The legs under the sheet on the flat section, with the feet lifting it at the end (world frame). Raised: a
 * pillow under the calves lifts the feet (lying flat with the legs raised).
 */
export function drawLegs(g: Phaser.GameObjects.Graphics, raised = false): void {
  const lift = raised ? 34 : 0;
  const top = (x: number): number => {
    const t = (x - HINGE.x) / (FOOT_X - HINGE.x);
    const feet = 30 * Math.exp(-Math.pow((t - 0.88) / 0.06, 2));
    return 436 + t * 12 - feet - lift * Math.max(0, (t - 0.35) / 0.65);
  };
  if (raised) {
    g.fillStyle(ROOM.sheetShade, 1);
    g.fillRoundedRect(470, 452, 170, 40, 18);
    g.fillStyle(ROOM.pillow, 1);
    g.fillRoundedRect(472, 448, 164, 36, 18);
  }
  g.fillStyle(ROOM.sheet, 1);
  g.beginPath();
  g.moveTo(HINGE.x - 40, 500);
  for (let x = HINGE.x - 40; x <= FOOT_X + 4; x += 8) g.lineTo(x, top(Math.max(HINGE.x, x)));
  g.lineTo(FOOT_X + 6, 500);
  // Hem hanging over the mattress side, slightly wavy.
  for (let x = FOOT_X; x >= HINGE.x - 40; x -= 20) g.lineTo(x, 512 + 4 * Math.sin(x / 17));
  g.closePath();
  g.fillPath();
  g.lineStyle(2, ROOM.sheetShade, 1);
  for (const [x0, x1] of [
    [360, 440],
    [470, 540],
    [560, 610],
  ] as const) {
    g.lineBetween(x0, top(x0) + 14, x1, top(x1) + 22);
  }
}

/** The trunk in the backrest's frame (hip at 0,0, head towards -x, chest towards -y): gown, then the sheet. */
export function drawTorso(g: Phaser.GameObjects.Graphics): void {
  g.fillStyle(ROOM.gown, 1);
  g.beginPath();
  g.moveTo(16, 0);
  g.lineTo(12, -52);
  g.lineTo(-40, -64);
  g.lineTo(-110, -70);
  g.lineTo(-146, -64);
  g.lineTo(-162, -44);
  g.lineTo(-164, -14);
  g.lineTo(-150, 0);
  g.closePath();
  g.fillPath();
  // Gown print.
  g.fillStyle(ROOM.gownShade, 1);
  for (let x = -150; x < -70; x += 16) {
    for (let y = -60; y < -6; y += 16) g.fillCircle(x + ((y / 16) % 2) * 8, y, 2.5);
  }
  g.fillStyle(ROOM.sheet, 1);
  g.beginPath();
  g.moveTo(26, 6);
  g.lineTo(22, -58);
  g.lineTo(-40, -70);
  g.lineTo(-76, -74);
  g.lineTo(-80, 6);
  g.closePath();
  g.fillPath();
  // The folded-back top edge of the sheet.
  g.fillStyle(0xffffff, 1);
  g.fillRect(-84, -74, 14, 80);
  g.lineStyle(2, ROOM.sheetShade, 1);
  g.lineBetween(-70, -72, -70, 6);
}

/**
 * The near arm over the sheet: short gown sleeve, BP cuff, bare forearm and hand, cannula, SpO2 probe. The forearm
 * rests on the lap; the shoulder follows the backrest (`shoulder`), so the upper arm follows the posture.
 */
export function drawArm(
  g: Phaser.GameObjects.Graphics,
  tone: SkinTone,
  shoulder: { x: number; y: number } = ARM.shoulder,
  look: { build: Patient['person']['build']; signs: ReadonlySet<Patient['signs'][number]> } = {
    build: 'average',
    signs: new Set(),
  },
): void {
  const { elbow: e, wrist: w, cannula: c, finger: f } = ARM;
  const s = shoulder;
  const at = (t: number) => ({ x: s.x + (e.x - s.x) * t, y: s.y + (e.y - s.y) * t });
  const [upper, fore] = LIMB[look.build];
  g.lineStyle(upper, tone.base, 1);
  g.lineBetween(s.x, s.y, e.x, e.y);
  g.lineStyle(fore, tone.base, 1);
  g.lineBetween(e.x, e.y, w.x, w.y);
  g.fillStyle(tone.base, 1);
  g.fillCircle(e.x, e.y, fore / 2 + 1);
  g.fillEllipse(w.x + 16, w.y + 1, 38, 22);
  g.fillStyle(tone.shade, 1);
  g.fillEllipse(w.x + 8, w.y - 10, 16, 8);
  g.lineStyle(1.5, tone.shade, 1);
  for (const dy of [-4, 1, 6]) g.lineBetween(w.x + 20, w.y + dy, w.x + 34, w.y + dy);
  drawMottle(g, tone, ARM_SPOTS);
  if (look.signs.has('urticaria')) drawHives(g, ARM_WHEALS);
  if (look.signs.has('sweating')) drawSweat(g, ARM_SWEAT);
  if (look.signs.has('cyanosis')) {
    // Blue fingertips and nail beds beyond the probe.
    g.fillStyle(0x5d62a6, 0.55);
    g.fillEllipse(w.x + 30, w.y + 1, 12, 16);
  }
  // Sleeve over the top of the arm, then the cuff below it.
  const sleeveEnd = at(0.34);
  g.fillStyle(ROOM.gown, 1);
  g.fillCircle(s.x - 2, s.y - 4, upper / 2 + 2.5);
  g.fillCircle(sleeveEnd.x, sleeveEnd.y, upper / 2 + 1.5);
  g.lineStyle(upper + 4, ROOM.gown, 1);
  g.lineBetween(s.x - 2, s.y - 4, sleeveEnd.x, sleeveEnd.y);
  const cuff0 = at(0.42);
  const cuff1 = at(0.8);
  g.lineStyle(upper + 7, ROOM.cuff, 1);
  g.lineBetween(cuff0.x, cuff0.y, cuff1.x, cuff1.y);
  g.lineStyle(2, 0x4a6aa0, 1);
  g.lineBetween(cuff0.x + 8, cuff0.y - 4, cuff1.x + 8, cuff1.y - 4);
  // Cannula under a clear dressing, with a pink (20G) hub.
  g.fillStyle(0xffffff, 0.75);
  g.fillRoundedRect(c.x - 14, c.y - 11, 28, 22, 4);
  g.fillStyle(0xe58cb4, 1);
  g.fillRoundedRect(c.x - 10, c.y - 4, 12, 8, 2);
  // Pulse oximeter probe on the middle finger, glowing red.
  g.fillStyle(0x2c3a44, 1);
  g.fillRoundedRect(f.x - 8, f.y - 9, 20, 18, 5);
  g.fillStyle(0xff3b3b, 0.9);
  g.fillCircle(f.x + 2, f.y, 3);
}
