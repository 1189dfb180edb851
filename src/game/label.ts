import type * as Phaser from 'phaser';
import { FONT } from './colours.ts';

/**
 * A Text that only re-renders when its string or colour really changes, so the scene can set it every frame.
 */
export class Label {
  readonly text: Phaser.GameObjects.Text;
  private current: string;
  private colour: string;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    opts: {
      size: number;
      colour: string;
      bold?: boolean;
      originX?: number;
      originY?: number;
      value?: string;
    },
  ) {
    this.current = opts.value ?? '';
    this.colour = opts.colour;
    this.text = scene.add
      .text(x, y, this.current, {
        fontFamily: FONT,
        fontSize: `${String(opts.size)}px`,
        fontStyle: opts.bold === true ? 'bold' : '',
        color: opts.colour,
        resolution: 2,
      })
      .setOrigin(opts.originX ?? 0, opts.originY ?? 0);
  }

  set(value: string): void {
    if (value === this.current) return;
    this.current = value;
    this.text.setText(value);
  }

  setColour(colour: string): void {
    if (colour === this.colour) return;
    this.colour = colour;
    this.text.setColor(colour);
  }

  get value(): string {
    return this.current;
  }
}
