import { WIDTH } from './colours.ts';

/** A rectangle in the bay's logical pixels (1280×720). */
export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A transparent canvas laid over the monitor's waveform lanes, where the traces sweep. The bay's own canvas is
 * redrawn a few times a second; the sweep moves every frame, and here it costs only the few columns it has moved
 * (the Canvas renderer would redraw, and the browser recomposite, the whole bay for each of them).
 *
 * It follows the bay's canvas as the page resizes it, and draws in the bay's logical coordinates at the canvas's
 * density, so a trace looks exactly as it would on the canvas beneath.
 */
export class SweepLayer {
  readonly canvas: HTMLCanvasElement;
  readonly context: CanvasRenderingContext2D;
  private readonly observer: ResizeObserver | undefined;

  constructor(
    private readonly under: HTMLCanvasElement,
    private readonly area: Area,
    density: number,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'bay-sweep';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.width = Math.round(area.w * density);
    this.canvas.height = Math.round(area.h * density);
    Object.assign(this.canvas.style, { position: 'absolute', pointerEvents: 'none', margin: '0' });
    under.insertAdjacentElement('afterend', this.canvas);
    const context = this.canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas for the monitor sweep');
    this.context = context;
    context.setTransform(density, 0, 0, density, -area.x * density, -area.y * density);
    this.place();
    if (typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver(() => {
        this.place();
      });
      this.observer.observe(under);
      if (under.parentElement !== null) this.observer.observe(under.parentElement);
    }
  }

  /** Put the layer over its area of the bay's canvas, wherever the page has put and scaled that. */
  place(): void {
    const parent = this.canvas.offsetParent ?? this.under.parentElement;
    if (parent === null) return;
    const box = this.under.getBoundingClientRect();
    const origin = parent.getBoundingClientRect();
    const scale = box.width / WIDTH;
    Object.assign(this.canvas.style, {
      left: `${String(box.left - origin.left - parent.clientLeft + this.area.x * scale)}px`,
      top: `${String(box.top - origin.top - parent.clientTop + this.area.y * scale)}px`,
      width: `${String(this.area.w * scale)}px`,
      height: `${String(this.area.h * scale)}px`,
    });
  }

  destroy(): void {
    this.observer?.disconnect();
    this.canvas.remove();
  }
}
