import {
  changeSince,
  clockText,
  flagWords,
  valueText,
  type CaseContext,
  type Change,
  type ResultRow,
} from '../../engine/index.ts';
import { visibleResults } from '../../view/view-model.ts';
import { h, memo, replaceKeepingFocus, type Child } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { panel, provenanceTag } from './panel.ts';

function range(r: ResultRow['range']): string {
  if (r === null) return '';
  if (r.low !== undefined && r.high !== undefined) return `${String(r.low)}–${String(r.high)}`;
  if (r.high !== undefined) return `≤ ${String(r.high)}`;
  return r.low !== undefined ? `≥ ${String(r.low)}` : '';
}

/** The value cell: "> 600" beyond the analyser's range, said in words to a screen reader. */
function valueCell(value: number | string, censored: ResultRow['censored']): Child[] {
  if (censored === undefined) return [String(value)];
  const words = `${censored} the measurable range of ${String(value)}`;
  return [
    h('span', { 'aria-hidden': 'true' }, valueText(value, censored)),
    h('span', { class: 'sr-only' }, words),
  ];
}

const ARROW: Record<Change, string> = { up: '↑', down: '↓', same: '=' };

/** "↑ from 5.8": the change since the previous sample, the arrow hidden from screen readers that hear "up". */
function trend(
  previous: ResultRow | undefined,
  now: ResultRow,
  units: PlayModel['units'],
): HTMLElement | null {
  if (previous === undefined) return null;
  const change = changeSince(previous, now);
  if (change === null) return null;
  const before = units === 'si' && previous.si !== null ? previous.si.value : previous.value;
  return h(
    'span',
    { class: 'trend' },
    h('span', { 'aria-hidden': 'true' }, `${ARROW[change]} `),
    // Said after the value: "6.1, down from 7.3".
    h('span', { class: 'sr-only' }, change === 'same' ? ', unchanged ' : `, ${change} `),
    `from ${valueText(before, previous.censored)}`,
  );
}

/**
 * A result table: value, unit, reference range, flag in words and provenance on every row; given the previous sample
 * of the same test, each number shows how it changed since.
 */
export function resultTable(
  rows: ResultRow[],
  units: PlayModel['units'],
  caption: string,
  previous: ResultRow[] = [],
): HTMLElement {
  const body = rows.map((r) => {
    const si = units === 'si' && r.si !== null ? r.si : null;
    const value = si?.value ?? r.value;
    const flag = r.flag === '' ? '' : `${r.flag} (${flagWords(r.flag)})`;
    const source = () => provenanceTag(r.provenance) ?? h('span', { class: 'prov prov-source' }, 'report');
    const before = previous.find((p) => p.componentId === r.componentId);
    // On a phone the source moves under the test name, so six columns need not fit a 390-px screen.
    return h(
      'tr',
      { class: r.flag === '' ? '' : r.flag.length === 2 ? 'critical' : 'abnormal' },
      h('th', { scope: 'row' }, r.name, h('span', { class: 'source-inline' }, ' ', source())),
      h('td', { class: 'num' }, ...valueCell(value, r.censored), trend(before, r, units)),
      h('td', {}, si?.unit ?? r.unit),
      h('td', {}, range(si?.range ?? r.range)),
      h('td', { class: 'flag' }, flag),
      h('td', { class: 'source-col' }, source()),
    );
  });
  return h(
    'table',
    { class: 'results' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Test', 'Value', 'Units', 'Reference', 'Flag'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col', class: 'source-col' }, 'Source'),
      ),
    ),
    h('tbody', {}, ...body),
  );
}

type Order = CaseContext['orders'][number];

/**
 * The inbox order: the most recently ordered test first, and a repeated test's results together, newest sample first,
 * each with the sample before it so its numbers can show their trend.
 */
function inboxOrder(orders: Order[]): { order: Order; previous: Order | undefined }[] {
  const byTest = new Map<string, Order[]>();
  for (const order of [...orders].reverse())
    byTest.set(order.testId, [...(byTest.get(order.testId) ?? []), order]);
  return [...byTest.values()].flatMap((repeats) => {
    const newestFirst = [...repeats].sort((a, b) => b.sampledAt - a.sampledAt);
    return newestFirst.map((order, i) => ({ order, previous: newestFirst[i + 1] }));
  });
}

/** The results inbox: labs as tables (conventional or SI), reports as text, cultures as they mature. */
export function resultsPanel(intents: Intents): Component {
  const { el, body, badge } = panel('results', 'Results', 'microscope');
  badge.classList.add('attention');
  let seen = 0;
  el.addEventListener('toggle', () => {
    if (el.open) {
      seen = Number(badge.dataset.count ?? '0');
      badge.textContent = '';
    }
  });
  const update = memo(
    ({ ctx, resolved, units }: PlayModel) => {
      const visible = visibleResults(ctx);
      badge.dataset.count = String(visible.length);
      const fresh = visible.length - seen;
      badge.textContent = !el.open && fresh > 0 ? `${String(fresh)} new` : '';
      if (el.open) seen = visible.length;
      const unitSwitch = h(
        'fieldset',
        { class: 'units' },
        h('legend', {}, 'Units'),
        ...(['conventional', 'si'] as const).map((u) =>
          h(
            'label',
            {},
            h('input', {
              type: 'radio',
              name: 'units',
              value: u,
              checked: units === u,
              'data-focus': `units:${u}`,
              on: {
                change: () => {
                  intents.setUnits(u);
                },
              },
            }),
            u === 'si' ? ' SI' : ' Conventional',
          ),
        ),
      );
      const items = inboxOrder(visible).map(({ order: o, previous }) => {
        const test = resolved.catalog.tests[o.testId];
        const result = o.result;
        const name = test?.name ?? o.testId;
        const taken = test?.category === 'imaging' || test?.category === 'bedside' ? 'done' : 'sampled';
        const when =
          result?.kind === 'culture'
            ? `${taken} T+ ${clockText(o.sampledAt)}`
            : `${taken} T+ ${clockText(o.sampledAt)}, reported T+ ${clockText(o.resultAt)}`;
        if (result === null) return null;
        switch (result.kind) {
          case 'panel':
            return h(
              'article',
              { class: 'result' },
              resultTable(
                result.rows,
                units,
                `${name} (${when})`,
                previous?.result?.kind === 'panel' ? previous.result.rows : [],
              ),
              result.comment === null ? null : h('p', { class: 'meta' }, result.comment.value),
            );
          case 'report':
            return h(
              'article',
              { class: 'result report' },
              h('h3', {}, `${name} (${when})`),
              result.impression === null
                ? null
                : h('p', {}, h('strong', {}, 'Impression: '), result.impression.value),
              h('p', {}, result.report.value, ' ', provenanceTag(result.report.provenance)),
            );
          case 'culture':
            return h(
              'article',
              { class: 'result culture' },
              h('h3', {}, `${name} (${when})`),
              h(
                'ul',
                {},
                ...result.stages
                  .filter((s) => s.atMin <= ctx.nowMin)
                  .map((s) =>
                    h(
                      'li',
                      {},
                      h(
                        'strong',
                        {},
                        `${s.status === 'final' ? 'Final' : 'Preliminary'} (T+ ${clockText(s.atMin)}): `,
                      ),
                      s.report.value,
                      ' ',
                      provenanceTag(s.report.provenance),
                    ),
                  ),
              ),
            );
          default:
            return result satisfies never;
        }
      });
      replaceKeepingFocus(
        body,
        unitSwitch,
        ...(items.length > 0
          ? items.filter((x) => x !== null)
          : [h('p', { class: 'meta' }, 'No results yet.')]),
      );
    },
    ({ ctx, units }) =>
      `${units}|${String(visibleResults(ctx).length)}|${visibleResults(ctx)
        .map((o) =>
          o.result?.kind === 'culture'
            ? String(o.result.stages.filter((s) => s.atMin <= ctx.nowMin).length)
            : '',
        )
        .join()}`,
  );
  return { el, update };
}
