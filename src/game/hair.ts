import type * as Phaser from 'phaser';
import type { BayView } from '../view/bay-view.ts';
import { ROOM } from './colours.ts';

type Person = BayView['patient']['person'];

const GREY = 0xb3aea6;

/** Share of grey in the hair by age: none before the mid-thirties, mostly grey by the late sixties. */
function greyShare(ageYears: number): number {
  return Math.min(0.8, Math.max(0, (ageYears - 35) / 40));
}

function mix(a: number, b: number, t: number): number {
  const channel = (shift: number) => {
    const ca = (a >> shift) & 0xff;
    const cb = (b >> shift) & 0xff;
    return Math.round(ca + (cb - ca) * t) << shift;
  };
  return channel(16) | channel(8) | channel(0);
}

/** The hair's colour: dark brown, greying with age. */
export function hairColour(person: Person): number {
  return mix(ROOM.hair, GREY, greyShare(person.ageYears));
}

/** Hair behind the head (drawn before the face): a woman's falls to the shoulders. Head frame, centre (0, 0). */
export function drawHairBehind(g: Phaser.GameObjects.Graphics, person: Person, faceHalfWidth: number): void {
  const colour = hairColour(person);
  g.fillStyle(colour, 1);
  g.fillEllipse(0, -14, faceHalfWidth * 2 + 14, 86);
  if (person.sex === 'female') {
    g.fillEllipse(0, 14, faceHalfWidth * 2 + 26, 120);
    g.fillRoundedRect(-faceHalfWidth - 12, 10, faceHalfWidth * 2 + 24, 70, 22);
  }
}

/** Hair over the forehead: a short fringe, higher and thinner as a man ages; a woman's swept to one side. */
export function drawHairFront(g: Phaser.GameObjects.Graphics, person: Person, faceHalfWidth: number): void {
  g.fillStyle(hairColour(person), 1);
  if (person.sex === 'female') {
    g.fillEllipse(-14, -36, faceHalfWidth * 1.7, 24);
    g.fillEllipse(20, -38, faceHalfWidth * 1.1, 18);
    // Side locks framing the face.
    g.fillEllipse(-faceHalfWidth + 2, 4, 14, 58);
    g.fillEllipse(faceHalfWidth - 2, 4, 14, 58);
    return;
  }
  const receding = person.ageYears >= 50;
  g.fillEllipse(-10, receding ? -39 : -34, faceHalfWidth * 1.6, receding ? 14 : 22);
  g.fillEllipse(18, receding ? -40 : -36, faceHalfWidth * 1.15, receding ? 12 : 18);
}
