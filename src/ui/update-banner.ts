import { footNotice } from './foot-notice.ts';

/** What the offline layer has to say: nothing, ready to work offline, or a new version waiting. */
export type OfflineNotice = 'none' | 'offline-ready' | 'update-ready' | 'update-after-case';

const WORDS: Record<OfflineNotice, string | null> = {
  none: null,
  'offline-ready': 'Bedside is saved on this device: it now plays without a network.',
  'update-ready': 'A new version of Bedside is ready.',
  'update-after-case': 'A new version of Bedside is ready: it will be offered when this case ends.',
};

/**
 * The offline layer's line at the foot of the page: "works offline now", or a new version waiting with "Update now"
 * (offered only between cases: during one the line says the update waits for its end, and nothing reloads).
 * Hooks: `data-action="update-now"`, `data-action="update-dismiss"`.
 */
export function updateBanner(update: () => void): { el: HTMLElement; show(notice: OfflineNotice): void } {
  const notice = footNotice({
    className: 'update-banner',
    dismissHook: 'update-dismiss',
    action: { label: 'Update now', hook: 'update-now', run: update },
  });
  return {
    el: notice.el,
    show(said) {
      notice.show(WORDS[said], said === 'update-ready');
    },
  };
}
