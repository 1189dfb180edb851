import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { ROOM, type SkinTone } from './colours.ts';

type Consciousness = BayView['patient']['consciousness'];

const IRIS = 0x4a3222;
const DARK = 0x2a1a16;

/**
 * The head in its own frame (centre 0,0, about 84 x 100), facing the viewer: hair, ears, face, eyes by level of
 * consciousness, mouth, and the oxygen mask with its reservoir bag when one is on.
 */
export function drawHead(
  g: Phaser.GameObjects.Graphics,
  tone: SkinTone,
  consciousness: Consciousness,
  dead: boolean,
  mask: boolean,
): void {
  g.fillStyle(ROOM.hair, 1);
  g.fillEllipse(0, -14, 94, 86);
  g.fillStyle(tone.shade, 1);
  g.fillEllipse(-41, 6, 14, 24);
  g.fillEllipse(41, 6, 14, 24);
  g.fillStyle(tone.base, 1);
  g.fillEllipse(0, 8, 80, 96);
  // Fringe over the forehead.
  g.fillStyle(ROOM.hair, 1);
  g.fillEllipse(-10, -34, 64, 22);
  g.fillEllipse(18, -36, 46, 18);
  if (tone.blush > 0) {
    g.fillStyle(0xe0705c, tone.blush);
    g.fillCircle(-23, 18, 9);
    g.fillCircle(23, 18, 9);
  }
  // No livedo on the face: mottling shows on the limbs (the arm here), and the face is pale with dusky lips.
  const closed = dead || consciousness === 'unresponsive';
  drawEyes(g, tone, closed ? 'closed' : consciousness === 'drowsy' ? 'half' : 'open');
  // Brows: level when alert, relaxed and lower otherwise.
  g.lineStyle(3, ROOM.hair, 1);
  const browY = consciousness === 'alert' && !dead ? -14 : -11;
  g.lineBetween(-26, browY, -9, browY - 2);
  g.lineBetween(9, browY - 2, 26, browY);
  // Nose.
  g.lineStyle(2, tone.shade, 1);
  g.beginPath();
  g.moveTo(-1, 0);
  g.lineTo(-5, 17);
  g.lineTo(2, 19);
  g.strokePath();
  // Mouth: closed line when awake, slack and open when unresponsive or dead.
  if (closed) {
    g.fillStyle(tone.lip, 1);
    g.fillEllipse(0, 32, 22, 11);
    g.fillStyle(DARK, 0.85);
    g.fillEllipse(0, 33, 15, 6);
  } else {
    g.lineStyle(3.5, tone.lip, 1);
    g.beginPath();
    g.moveTo(-11, 31);
    g.lineTo(0, 33);
    g.lineTo(11, 31);
    g.strokePath();
  }
  if (mask) drawMask(g);
}

function drawEyes(g: Phaser.GameObjects.Graphics, tone: SkinTone, state: 'open' | 'half' | 'closed'): void {
  for (const side of [-1, 1]) {
    const ex = side * 16;
    const ey = -1;
    if (state === 'closed') {
      g.lineStyle(2.5, DARK, 1);
      g.beginPath();
      g.moveTo(ex - 9, ey);
      g.lineTo(ex - 3, ey + 3);
      g.lineTo(ex + 3, ey + 3);
      g.lineTo(ex + 9, ey);
      g.strokePath();
      continue;
    }
    g.fillStyle(0xf8f5f0, 1);
    g.fillEllipse(ex, ey, 19, 11);
    g.fillStyle(IRIS, 1);
    g.fillCircle(ex, ey + (state === 'half' ? 2 : 0), 4.5);
    g.fillStyle(0x000000, 1);
    g.fillCircle(ex, ey + (state === 'half' ? 2 : 0), 2);
    if (state === 'half') {
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
