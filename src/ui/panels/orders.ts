import { orderStatus, type OrderStatus } from '../../view/view-model.ts';
import { durationText } from '../../engine/index.ts';
import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { catalogueSearch } from '../search.ts';
import { actionButton, panel } from './panel.ts';
import { wetReadControl } from './wet-read.ts';

const GROUPS: [string, string][] = [
  ['lab', 'Laboratory'],
  ['microbiology', 'Microbiology'],
  ['imaging', 'Imaging'],
  ['bedside', 'Bedside'],
  ['procedure', 'Procedures'],
];

/** Where an order is, in the words of the ward: a sample is taken for a lab test, a scan is done then reported. */
function statusText(status: OrderStatus, category: string): string {
  const imaging = category === 'imaging' || category === 'bedside';
  switch (status) {
    case 'ordered':
      return 'ordered';
    case 'in lab':
      return imaging ? 'done, being reported' : 'sample taken';
    case 'preliminary':
      return 'preliminary result';
    case 'resulted':
      return imaging ? 'reported' : 'resulted';
    case 'cancelled':
      return 'cancelled';
    default:
      return status satisfies never;
  }
}

/** Search-as-you-type order entry over the whole catalogue ("lac" finds lactate), grouped, with turnaround. */
export function ordersPanel(intents: Intents): Component {
  const { el, body, badge } = panel('orders', 'Order tests', 'testTubes');
  const list = h('div', { class: 'order-list' });
  const search = catalogueSearch({
    id: 'order-search',
    label: 'Find a test',
    placeholder: 'Type to find a test, e.g. lac',
    hint: 'Filters the list below by name or abbreviation.',
    results: list,
    nothing: 'No test matches',
  });
  const pending = h('div', { class: 'pending', 'aria-label': 'Orders in progress' });
  // What is already on its way comes first, then the order entry.
  body.append(h('h3', {}, 'Your orders'), pending, ...search.parts, list);

  const renderCatalogue = memo(
    ({ resolved }: PlayModel) => {
      search.clear();
      const groups = GROUPS.map(([category, title]) => {
        const items = Object.entries(resolved.catalog.tests)
          .filter(([, t]) => t.category === category)
          .map(([id, t]) => {
            const minutes = Math.round(t.collectMin + t.turnaroundMin);
            const eta = t.kind === 'culture' ? 'hours to days' : `~${String(minutes)} min`;
            const li = h(
              'li',
              {},
              actionButton(intents, { do: 'order', id }, [t.name, h('span', { class: 'meta' }, ` · ${eta}`)]),
            );
            search.add(li, t.name, [id, ...t.synonyms]);
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
      search.filter();
    },
    ({ resolved }) => resolved.data.id,
  );

  const renderPending = memo(
    ({ ctx, resolved }: PlayModel) => {
      // One "Cancel" per test (the latest order still waiting for its sample), so its hook names one control.
      const cancellable = new Map(
        ctx.orders.filter((o) => orderStatus(o, ctx.nowMin) === 'ordered').map((o) => [o.testId, o.n]),
      );
      const rows = ctx.orders.map((o) => {
        const test = resolved.catalog.tests[o.testId];
        const name = test?.name ?? o.testId;
        const status = orderStatus(o, ctx.nowMin);
        const waiting = status === 'ordered' || status === 'in lab';
        return h(
          'li',
          { class: `order-${status.replace(' ', '-')}` },
          h('span', { class: 'order-name' }, name),
          ' ',
          h('span', { class: 'order-status' }, statusText(status, test?.category ?? 'lab')),
          waiting
            ? h(
                'span',
                { class: 'meta' },
                ` · result in about ${durationText(Math.max(0, o.resultAt - ctx.nowMin))}`,
              )
            : null,
          status === 'in lab' ? wetReadControl(ctx, resolved, o, intents) : null,
          cancellable.get(o.testId) === o.n
            ? h(
                'span',
                { class: 'order-cancel' },
                ' ',
                actionButton(intents, { do: 'cancel', id: o.testId }, [
                  'Cancel',
                  h('span', { class: 'sr-only' }, ` ${name}`),
                ]),
              )
            : null,
        );
      });
      const inProgress = ctx.orders.filter((o) =>
        ['ordered', 'in lab'].includes(orderStatus(o, ctx.nowMin)),
      ).length;
      badge.textContent = inProgress > 0 ? `${String(inProgress)} pending` : '';
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
