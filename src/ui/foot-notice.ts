import { h } from './dom.ts';

/**
 * A line at the foot of the page (role status) with Dismiss, and optionally one action. Dismissed, a text stays away
 * until something else is to be said. `show(null)` hides it.
 */
export function footNotice(opts: {
  className: string;
  dismissHook: string;
  action?: { label: string; hook: string; run(): void };
}): { el: HTMLElement; show(text: string | null, withAction?: boolean): void } {
  let dismissed: string | null = null;
  const text = h('p', {});
  const act = opts.action;
  const action =
    act === undefined
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-action': act.hook,
            on: {
              click: () => {
                act.run();
              },
            },
          },
          act.label,
        );
  const el = h(
    'div',
    { class: `foot-notice ${opts.className}`, role: 'status', hidden: true },
    text,
    action,
    h(
      'button',
      {
        type: 'button',
        'data-action': opts.dismissHook,
        on: {
          click: () => {
            dismissed = text.textContent;
            el.hidden = true;
          },
        },
      },
      'Dismiss',
    ),
  );
  return {
    el,
    show(said, withAction = false) {
      text.textContent = said ?? '';
      el.hidden = said === null || said === dismissed;
      if (action !== null) action.hidden = !withAction;
    },
  };
}

/**
 * The page's foot notices, stacked in one fixed strip at the bottom. The page keeps room for the strip below its
 * content (padding as tall as the notices shown), so no notice ever covers a control the learner needs: on a phone a
 * two-line notice would otherwise sit over the briefing's Start button.
 */
export function footNotices(doc: Document, ...notices: HTMLElement[]): HTMLElement {
  const strip = h('div', { class: 'foot-notices' }, ...notices);
  const body = doc.body;
  const observer = new ResizeObserver(() => {
    const height = strip.getBoundingClientRect().height;
    body.style.paddingBottom = height > 0 ? `${String(Math.ceil(height) + 8)}px` : '';
  });
  observer.observe(strip);
  return strip;
}
