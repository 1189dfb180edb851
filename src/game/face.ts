import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import type { SkinTone } from './colours.ts';
import { drawHairBehind, drawHairFront, hairColour } from './hair.ts';
import { drawHives, drawSweat, spots, type Spot } from './skin.ts';

type Patient = BayView['patient'];
type Sign = Patient['signs'][number];

/** Everything the head shows: who it is, how awake, and the signs on the skin and in the face. */
export interface HeadLook {
  tone: SkinTone;
  person: Patient['person'];
  consciousness: Patient['consciousness'];
  dead: boolean;
  mask: boolean;
  signs: ReadonlySet<Sign>;
}

type Expression = 'open' | 'drowsy' | 'closed' | 'pain';

const IRIS = 0x4a3222;
const DARK = 0x2a1a16;
/** Lips of central cyanosis: blue-grey. */
const CYANOSED_LIP = 0x5d62a6;
const FLUSH = 0xe0503f;
const SWOLLEN_LIP = 0xc4566a;

/** Half the face's width by build: a fuller face on a heavier patient. */
const FACE_HALF = { slim: 36, average: 40, heavy: 45 } as const;

/** Wheals on the forehead, cheeks and chin, and beads of sweat on the forehead and temples (head frame). */
const FACE_WHEALS: Spot[] = [
  ...spots(5, -28, -30, 56, 12, 4, [2, 4.5]),
  ...spots(9, -36, 6, 18, 28, 4, [2, 4.5]),
  ...spots(17, 18, 6, 18, 28, 4, [2, 4.5]),
  ...spots(29, -12, 44, 24, 8, 2, [2, 4]),
];
const SWEAT: Spot[] = [
  { x: -20, y: -25, rx: 2.2, ry: 2.8 },
  { x: 4, y: -28, rx: 2, ry: 2.6 },
  { x: 22, y: -23, rx: 2.2, ry: 2.8 },
  { x: -33, y: -6, rx: 1.8, ry: 2.4 },
  { x: 34, y: -3, rx: 1.8, ry: 2.4 },
  { x: -10, y: -19, rx: 1.6, ry: 2 },
  { x: 31, y: 24, rx: 1.7, ry: 2.2 },
  { x: -30, y: 26, rx: 1.7, ry: 2.2 },
];

function expressionOf(look: HeadLook): Expression {
  if (look.dead || look.consciousness === 'unresponsive') return 'closed';
  if (look.signs.has('pain')) return 'pain';
  return look.consciousness === 'drowsy' ? 'drowsy' : 'open';
}

/**
 * The head in its own frame (centre 0,0, about 84 x 100), facing the viewer: hair by sex and age, a face as full as
 * the build, eyes, brows and mouth by expression (awake, drowsy, unresponsive, in pain), the signs on the skin
 * (flushing, hives, sweat, blue or swollen lips), and the oxygen mask with its reservoir bag when one is on.
 */
export function drawHead(g: Phaser.GameObjects.Graphics, look: HeadLook): void {
  const { tone, person, signs } = look;
  const half = FACE_HALF[person.build];
  drawHairBehind(g, person, half);
  g.fillStyle(tone.shade, 1);
  g.fillEllipse(-half - 1, 6, 14, 24);
  g.fillEllipse(half + 1, 6, 14, 24);
  g.fillStyle(tone.base, 1);
  g.fillEllipse(0, 8, half * 2, 96);
  if (person.build === 'heavy') g.fillEllipse(0, 36, half * 2 - 6, 44);
  if (signs.has('flushing')) {
    g.fillStyle(FLUSH, 0.24);
    g.fillEllipse(0, 10, half * 2 - 6, 86);
    g.fillStyle(FLUSH, 0.28);
    g.fillCircle(-23, 16, 12);
    g.fillCircle(23, 16, 12);
  } else if (tone.blush > 0) {
    g.fillStyle(0xe0705c, tone.blush);
    g.fillCircle(-23, 18, 9);
    g.fillCircle(23, 18, 9);
  }
  if (signs.has('cyanosis')) {
    // Central cyanosis: a dusky blue round the mouth as well as the lips.
    g.fillStyle(CYANOSED_LIP, 0.2);
    g.fillEllipse(0, 33, 40, 22);
  }
  if (person.ageYears >= 50) drawAgeLines(g, tone);
  drawHairFront(g, person, half);
  if (signs.has('urticaria')) drawHives(g, FACE_WHEALS);
  // No livedo on the face: mottling shows on the limbs (the arm here), and the face is pale with dusky lips.
  const expression = expressionOf(look);
  drawEyes(g, tone, expression);
  drawBrows(g, person, expression);
  g.lineStyle(2, tone.shade, 1);
  g.beginPath();
  g.moveTo(-1, 0);
  g.lineTo(-5, 17);
  g.lineTo(2, 19);
  g.strokePath();
  drawMouth(g, lipColour(tone, signs), expression, signs.has('lip-swelling'));
  if (signs.has('sweating')) drawSweat(g, SWEAT);
  if (look.mask) drawMask(g);
}

/** Blue in cyanosis; swollen lips in a flushed face are red and shiny; otherwise the skin tone's own. */
function lipColour(tone: SkinTone, signs: ReadonlySet<Sign>): number {
  if (signs.has('cyanosis')) return CYANOSED_LIP;
  if (signs.has('lip-swelling') && signs.has('flushing')) return SWOLLEN_LIP;
  return tone.lip;
}

/** Lines of the fifties and sixties: across the forehead, from the nose to the mouth, at the corners of the eyes. */
function drawAgeLines(g: Phaser.GameObjects.Graphics, tone: SkinTone): void {
  g.lineStyle(1.5, tone.shade, 0.9);
  for (const y of [-27, -22]) {
    g.beginPath();
    g.moveTo(-16, y + 1);
    g.lineTo(0, y);
    g.lineTo(16, y + 1);
    g.strokePath();
  }
  g.lineBetween(-9, 20, -15, 31);
  g.lineBetween(9, 20, 15, 31);
}

function drawBrows(g: Phaser.GameObjects.Graphics, person: HeadLook['person'], expression: Expression): void {
  g.lineStyle(person.sex === 'female' ? 2.5 : 3.5, hairColour(person), 1);
  if (expression === 'pain') {
    // Knitted: the inner ends pulled down and together, with a furrow between them.
    g.lineBetween(-27, -16, -8, -9);
    g.lineBetween(8, -9, 27, -16);
    g.lineStyle(1.5, DARK, 0.5);
    g.lineBetween(-3, -16, -2, -7);
    g.lineBetween(3, -16, 2, -7);
    return;
  }
  // Level when awake, relaxed and lower otherwise.
  const y = expression === 'open' ? -14 : -11;
  g.lineBetween(-26, y, -9, y - 2);
  g.lineBetween(9, y - 2, 26, y);
}

function drawEyes(g: Phaser.GameObjects.Graphics, tone: SkinTone, expression: Expression): void {
  for (const side of [-1, 1]) {
    const ex = side * 16;
    const ey = -1;
    if (expression === 'closed' || expression === 'pain') {
      g.lineStyle(2.5, DARK, 1);
      g.beginPath();
      g.moveTo(ex - 9, ey);
      g.lineTo(ex - 3, ey + (expression === 'pain' ? 1 : 3));
      g.lineTo(ex + 3, ey + (expression === 'pain' ? 1 : 3));
      g.lineTo(ex + 9, ey);
      g.strokePath();
      if (expression === 'pain') {
        // Screwed shut: creases fanning out from the outer corner.
        g.lineStyle(1.5, DARK, 0.7);
        g.lineBetween(ex + side * 10, ey - 1, ex + side * 15, ey - 5);
        g.lineBetween(ex + side * 10, ey + 1, ex + side * 15, ey + 5);
      }
      continue;
    }
    const half = expression === 'drowsy';
    g.fillStyle(0xf8f5f0, 1);
    g.fillEllipse(ex, ey, 19, 11);
    g.fillStyle(IRIS, 1);
    g.fillCircle(ex, ey + (half ? 2 : 0), 4.5);
    g.fillStyle(0x000000, 1);
    g.fillCircle(ex, ey + (half ? 2 : 0), 2);
    if (half) {
      // Heavy upper lid down to the middle of the eye.
      g.fillStyle(tone.shade, 1);
      g.fillRect(ex - 11, ey - 7, 22, 7);
      g.lineStyle(2.5, DARK, 1);
      g.lineBetween(ex - 10, ey, ex + 10, ey);
    } else {
      g.lineStyle(2, DARK, 1);
      g.beginPath();
      g.moveTo(ex - 10, ey + 1);
      g.lineTo(ex - 4, ey - 5);
      g.lineTo(ex + 4, ey - 5);
      g.lineTo(ex + 10, ey + 1);
      g.strokePath();
    }
  }
}

/**
 * The mouth: a closed line when awake, slack and open when unresponsive, teeth clenched in a grimace of pain. Swollen
 * lips (angio-oedema) are full and pouting whatever the expression.
 */
function drawMouth(
  g: Phaser.GameObjects.Graphics,
  lip: number,
  expression: Expression,
  swollen: boolean,
): void {
  if (swollen) {
    g.fillStyle(lip, 1);
    g.fillEllipse(0, 29, 34, 13);
    g.fillEllipse(0, 37, 36, 15);
    g.fillStyle(0xffffff, 0.25);
    g.fillEllipse(-4, 38, 16, 5);
  }
  if (expression === 'closed') {
    if (!swollen) {
      g.fillStyle(lip, 1);
      g.fillEllipse(0, 32, 22, 11);
    }
    g.fillStyle(DARK, 0.85);
    g.fillEllipse(0, 33, 15, 6);
    return;
  }
  if (expression === 'pain') {
    const w = swollen ? 22 : 26;
    g.fillStyle(lip, 1);
    g.fillRoundedRect(-w / 2 - 2, 27, w + 4, 12, 5);
    g.fillStyle(0xf4efe6, 1);
    g.fillRoundedRect(-w / 2, 29, w, 8, 3);
    g.lineStyle(1.2, 0x9a8f86, 1);
    g.lineBetween(-w / 2, 33, w / 2, 33);
    return;
  }
  if (swollen) {
    g.lineStyle(2, DARK, 0.6);
    g.lineBetween(-13, 33, 13, 33);
    return;
  }
  g.lineStyle(3.5, lip, 1);
  g.beginPath();
  g.moveTo(-11, 31);
  g.lineTo(0, 33);
  g.lineTo(11, 31);
  g.strokePath();
}

/** A clear green non-rebreather mask over nose and mouth, its elastic, and the reservoir bag below the chin. */
function drawMask(g: Phaser.GameObjects.Graphics): void {
  g.lineStyle(2, 0xe8f0ea, 0.9);
  g.lineBetween(-24, 14, -42, 2);
  g.lineBetween(24, 14, 42, 2);
  g.fillStyle(0x9fe3bf, 0.45);
  g.fillEllipse(0, 66, 34, 40);
  g.lineStyle(1.5, 0x4fae80, 0.9);
  g.strokeEllipse(0, 66, 34, 40);
  g.beginPath();
  g.moveTo(-10, 2);
  g.lineTo(10, 2);
  g.lineTo(25, 22);
  g.lineTo(20, 44);
  g.lineTo(-20, 44);
  g.lineTo(-25, 22);
  g.closePath();
  g.fillPath();
  g.lineStyle(2.5, 0x4fae80, 1);
  g.strokePath();
  g.fillStyle(0x4fae80, 0.8);
  g.fillRoundedRect(-6, 42, 12, 10, 3);
}
