import * as Phaser from 'phaser';
import type { BayHandle, BayView } from './bay-view.ts';
import { BayScene } from './bay-scene.ts';
import { HEIGHT, WIDTH } from './colours.ts';

/**
 * Mounts the bay canvas inside `parent`. The canvas is decorative (aria-hidden): the app gives the same
 * information as text. `update` hands the scene the latest view; `destroy` removes the game and its canvas.
 */
export function mountBay(parent: HTMLElement, initial: BayView): BayHandle {
  const scene = new BayScene(initial);
  const game = new Phaser.Game({
    // The bay is vector shapes and text, which the Canvas renderer draws natively. Measured in headless Chromium
    // without a GPU (software WebGL): WebGL held the page to 15 frames/s and ~64 ms per input round trip, Canvas
    // to 60 frames/s and ~4 ms (tmp/fps.ts in the issue 3 notes). Phones without a good GPU benefit the same way.
    type: Phaser.CANVAS,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: '#0d1418',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    audio: { noAudio: true },
    banner: false,
    scene,
  });
  let destroyed = false;
  return {
    update(view: BayView): void {
      if (!destroyed) scene.setView(view);
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      game.destroy(true);
    },
  };
}
