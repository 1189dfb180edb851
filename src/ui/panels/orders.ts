import { orderStatus } from '../../app/view-model.ts';
import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { panel } from './panel.ts';

const GROUPS: [string, string][] = [
  ['lab', 'Laboratory'],
  ['microbiology', 'Microbiology'],
  ['imaging', 'Imaging'],
  ['bedside', 'Bedside'],
  ['procedure', 'Procedures'],
];

/** Search-as-you-type order entry over the whole catalogue ("lac" finds lactate), grouped, with turnaround. */
export function ordersPanel(intents: Intents): Component {
  const { el, body, badge } = panel('orders', 'Order tests', 'testTubes');
  const search = h('input', {
    type: 'search',
    id: 'order-search',
    autocomplete: 'off',
    'aria-describedby': 'order-search-hint',
    placeholder: 'Type to find a test, e.g. lac',
  });
  const hint = h(
    'p',
    { id: 'order-search-hint', class: 'meta' },
    'Filters the list below by name or abbreviation.',
  );
  const list = h('div', { class: 'order-list' });
  const pending = h('div', { class: 'pending', 'aria-label': 'Orders in progress' });
  body.append(
    h('label', { for: 'order-search' }, 'Find a test'),
    search,
    hint,
    list,
    h('h3', {}, 'Your orders'),
    pending,
  );

  let searchable: { el: HTMLElement; text: string }[] = [];
  const filter = () => {
    const q = search.value.trim().toLowerCase();
    for (const item of searchable) item.el.hidden = q !== '' && !item.text.includes(q);
  };
  search.addEventListener('input', filter);

  const renderCatalogue = memo(
    ({ resolved }: PlayModel) => {
      searchable = [];
      const groups = GROUPS.map(([category, title]) => {
        const items = Object.entries(resolved.catalog.tests)
          .filter(([, t]) => t.category === category)
          .map(([id, t]) => {
            const minutes = Math.round(t.collectMin + t.turnaroundMin);
            const eta = t.kind === 'culture' ? 'hours to days' : `~${String(minutes)} min`;
            const li = h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  'data-action': `order:${id}`,
                  on: {
                    click: () => {
                      intents.act({ do: 'order', id });
                    },
                  },
                },
                t.name,
                h('span', { class: 'meta' }, ` · ${eta}`),
              ),
            );
            searchable.push({ el: li, text: [id, t.name, ...t.synonyms].join(' ').toLowerCase() });
            return li;
          });
        return h(
          'section',
          { 'aria-label': title },
          h('h3', {}, title),
          h('ul', { class: 'choices' }, ...items),
        );
      });
      list.replaceChildren(...groups);
      filter();
    },
    ({ resolved }) => resolved.data.id,
  );

  const renderPending = memo(
    ({ ctx, resolved }: PlayModel) => {
      const rows = ctx.orders.map((o) => {
        const status = orderStatus(o, ctx.nowMin);
        return h(
          'li',
          {},
          `${resolved.catalog.tests[o.testId]?.name ?? o.testId} — ${status}`,
          status === 'ordered' || status === 'in lab'
            ? h(
                'span',
                { class: 'meta' },
                ` (result about ${String(Math.max(0, o.resultAt - ctx.nowMin))} min)`,
              )
            : null,
        );
      });
      badge.textContent =
        ctx.orders.filter((o) => ['ordered', 'in lab'].includes(orderStatus(o, ctx.nowMin))).length > 0
          ? '…'
          : '';
      replaceKeepingFocus(
        pending,
        rows.length > 0 ? h('ul', {}, ...rows) : h('p', { class: 'meta' }, 'None yet.'),
      );
    },
    ({ ctx }) =>
      ctx.orders
        .map(
          (o) =>
            `${String(o.n)}:${orderStatus(o, ctx.nowMin)}:${String(Math.max(0, o.resultAt - ctx.nowMin))}`,
        )
        .join(),
  );

  return {
    el,
    update(model) {
      renderCatalogue(model);
      renderPending(model);
    },
  };
}
