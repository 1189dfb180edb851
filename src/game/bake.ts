import type * as Phaser from 'phaser';
import { HEIGHT, WIDTH } from './colours.ts';

/**
 * Draw a layer that never changes (the room, the monitor's case) once into a texture and show it as one image. The
 * Canvas renderer redraws every game object every frame, so a layer of shapes costs its every gradient, rounded
 * rectangle and line sixty times a second; a baked layer costs one image copy. The texture has the canvas's pixel
 * density (2 on a 4K screen), so the image stays as sharp as the shapes were.
 */
export function bake(
  scene: Phaser.Scene,
  key: string,
  density: number,
  draw: (g: Phaser.GameObjects.Graphics) => void,
): Phaser.GameObjects.Image {
  const g = scene.make.graphics({}, false);
  draw(g);
  g.setScale(density);
  if (scene.textures.exists(key)) scene.textures.remove(key);
  g.generateTexture(key, WIDTH * density, HEIGHT * density);
  g.destroy();
  return scene.add
    .image(0, 0, key)
    .setOrigin(0, 0)
    .setScale(1 / density);
}
