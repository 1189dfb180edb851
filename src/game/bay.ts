import * as Phaser from 'phaser';
import type { BayHandle, BayView } from '../view/bay-view.ts';
import { BayScene } from './bay-scene.ts';
import { HEIGHT, WIDTH } from './colours.ts';

/**
 * Mounts the bay canvas inside `parent`. The canvas is decorative (aria-hidden): the app gives the same
 * information as text. `update` hands the scene the latest view; `onBeat` hears each QRS the monitor draws;
 * `destroy` removes the game and its canvas.
 */
export function mountBay(parent: HTMLElement, initial: BayView): BayHandle {
  // The scene is laid out in 1280×720 logical pixels. Where the bay is shown much larger than that (a 4K screen),
  // the canvas gets twice the pixels and the camera zooms, so lines and text stay sharp instead of being stretched.
  const shown = parent.clientWidth * (window.devicePixelRatio || 1);
  const density = shown > WIDTH * 1.25 ? 2 : 1;
  const scene = new BayScene(initial, density);
  const game = new Phaser.Game({
    // The bay is vector shapes and text, which the Canvas renderer draws natively. In Chromium without a GPU
    // (software WebGL) WebGL drew 14–16 frames/s and Canvas 60 (npm run bench:browser; BENCHMARKS.md).
    type: Phaser.CANVAS,
    parent,
    width: WIDTH * density,
    height: HEIGHT * density,
    backgroundColor: '#0d1418',
    clearBeforeRender: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    audio: { noAudio: true },
    banner: false,
    scene,
  });
  let destroyed = false;
  // The monitor's sweep layer is positioned inside the parent, over Phaser's canvas (src/game/sweep-layer.ts).
  parent.style.position = 'relative';
  return {
    // Frames that drew anything: the whole bay, or a part of it (a half, or only the monitor's sweep).
    frames: () => scene.drawn.whole + scene.drawn.part,
    wholeFrames: () => scene.drawn.whole,
    update(view: BayView): void {
      if (!destroyed) scene.setView(view);
    },
    onBeat(listener: () => void): () => void {
      scene.beatListeners.add(listener);
      return () => scene.beatListeners.delete(listener);
    },
    texts() {
      if (destroyed) return [];
      const perLogical = game.canvas.getBoundingClientRect().width / (WIDTH * density);
      return scene.children.list.flatMap((child) =>
        child instanceof Phaser.GameObjects.Text && child.visible && child.text.trim() !== ''
          ? [
              {
                text: child.text,
                cssPx: Number.parseFloat(String(child.style.fontSize)) * child.scaleY * density * perLogical,
              },
            ]
          : [],
      );
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      game.destroy(true);
    },
  };
}
