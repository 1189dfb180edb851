import type { BayHandle, BayView } from '../view/bay-view.ts';

type BayModule = typeof import('../game/bay.ts');

let fetched: Promise<BayModule> | null = null;

/**
 * The bay's code (Phaser, about two thirds of the game's weight) is not part of the page that opens: it is fetched
 * the first time it is wanted. The briefing asks for it while the learner reads, so it is usually there by Start.
 */
export function prefetchBay(): Promise<BayModule> {
  fetched ??= import('../game/bay.ts');
  return fetched;
}

/**
 * A bay that can be used at once: until Phaser has arrived it keeps the latest view and the beat listeners, and
 * hands them over when the real bay mounts (drawing the newest view, never a stale one). If its code cannot be
 * fetched (a lost connection with no offline copy), the panels and the vitals strip still carry the case, and
 * `failed` says why.
 */
export function mountLazyBay(
  parent: HTMLElement,
  initial: BayView,
  failed: (why: string) => void,
): BayHandle {
  let view = initial;
  let real: BayHandle | null = null;
  let destroyed = false;
  const listeners = new Map<() => void, () => void>();
  prefetchBay().then(
    ({ mountBay }) => {
      if (destroyed) return;
      real = mountBay(parent, view);
      for (const listener of listeners.keys()) listeners.set(listener, real.onBeat(listener));
    },
    (error: unknown) => {
      fetched = null;
      if (!destroyed) failed(error instanceof Error ? error.message : String(error));
    },
  );
  return {
    update(next) {
      view = next;
      real?.update(next);
    },
    onBeat(listener) {
      listeners.set(listener, real?.onBeat(listener) ?? (() => undefined));
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
    texts: () => real?.texts() ?? [],
    frames: () => real?.frames() ?? 0,
    wholeFrames: () => real?.wholeFrames() ?? 0,
    destroy() {
      destroyed = true;
      real?.destroy();
    },
  };
}
