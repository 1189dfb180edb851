import { h } from './dom.ts';

/** What the offline layer has to say: nothing, ready to work offline, or a new version waiting. */
export type OfflineNotice = 'none' | 'offline-ready' | 'update-ready' | 'update-after-case';

/**
 * A line at the foot of the page for the offline layer: "works offline now", or a new version waiting with "Update
 * now" (offered only between cases: during one the line says the update waits for its end, and nothing reloads).
 * Hooks: `data-action="update-now"`, `data-action="update-dismiss"`.
 */
export function updateBanner(update: () => void): { el: HTMLElement; show(notice: OfflineNotice): void } {
  let dismissed: OfflineNotice = 'none';
  const text = h('p', {});
  const now = h(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'update-now', on: { click: update } },
    'Update now',
  );
  let shown: OfflineNotice = 'none';
  const dismiss = h(
    'button',
    {
      type: 'button',
      'data-action': 'update-dismiss',
      on: {
        click: () => {
          dismissed = shown;
          el.hidden = true;
        },
      },
    },
    'Dismiss',
  );
  const el = h(
    'div',
    { class: 'app-notice update-banner', role: 'status', hidden: true },
    text,
    now,
    dismiss,
  );
  return {
    el,
    show(notice) {
      shown = notice;
      el.hidden = notice === 'none' || notice === dismissed;
      now.hidden = notice !== 'update-ready';
      text.textContent =
        notice === 'offline-ready'
          ? 'Bedside is saved on this device: it now plays without a network.'
          : notice === 'update-ready'
            ? 'A new version of Bedside is ready.'
            : notice === 'update-after-case'
              ? 'A new version of Bedside is ready: it will be offered when this case ends.'
              : '';
    },
  };
}
