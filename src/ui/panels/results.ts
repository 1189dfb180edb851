import {
  clockText,
  valueText,
  type CaseContext,
  type ComputedResult,
  type ResultRow,
} from '../../engine/index.ts';
import { visibleResults } from '../../view/view-model.ts';
import { h, memo, replaceKeepingFocus, type Child } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { ecgArticle, readArticle } from './ecg-result.ts';
import { wetReadArticle } from './wet-read.ts';
import { flagCell, severity, trend, type Units } from './result-grade.ts';
import { panel, provenanceLegend, provenanceTag } from './panel.ts';

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

/**
 * A result table: value, unit, reference range and flag in words on every row, and a mark beside a value not as the
 * report gives it. Given the earlier samples of the same test (oldest first), each number shows its trend. How far a
 * value lies outside its range sets how loudly it is marked: mild, marked, critical.
 */
export function resultTable(
  rows: ResultRow[],
  units: Units,
  caption: string,
  earlier: ResultRow[][] = [],
): HTMLElement {
  const body = rows.map((r) => {
    const si = units === 'si' && r.si !== null ? r.si : null;
    const value = si?.value ?? r.value;
    const graded = si === null ? r : { ...r, value: si.value, range: si.range };
    const grade = severity(graded);
    const history = earlier.flatMap((sample) => sample.filter((p) => p.componentId === r.componentId));
    // A value not as the report gives it carries its mark beside the number; the legend and the debrief say more.
    const mark = provenanceTag(r.provenance);
    return h(
      'tr',
      { class: grade === 'normal' ? '' : grade === 'mild' ? 'abnormal' : grade },
      h('th', { scope: 'row' }, r.name),
      h(
        'td',
        { class: 'num' },
        // The mark stays on the number's line, however narrow the column.
        h('span', { class: 'value-mark' }, ...valueCell(value, r.censored), ...(mark === null ? [] : [mark])),
        trend(history, r, units),
      ),
      h('td', {}, si?.unit ?? r.unit),
      h('td', {}, range(si?.range ?? r.range)),
      h('td', { class: 'flag' }, ...flagCell(graded)),
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
      ),
    ),
    h('tbody', {}, ...body),
  );
}

type Order = CaseContext['orders'][number];
type Report = Extract<ComputedResult, { kind: 'report' }>;

/**
 * A written report: the findings first, then the impression, as a reader builds the conclusion from what is seen.
 * The impression of a scan is the radiologist's.
 */
function reportArticle(result: Report, caption: string, imaging: boolean, testId: string): HTMLElement {
  return h(
    'article',
    { class: 'result report', 'data-result': testId },
    h('h3', {}, caption),
    h(
      'p',
      {},
      h('strong', {}, result.impression === null ? 'Report: ' : 'Findings: '),
      result.report.value,
      ' ',
      provenanceTag(result.report.provenance),
    ),
    result.impression === null
      ? null
      : h(
          'p',
          { class: 'impression' },
          h('strong', {}, imaging ? "Impression (radiologist's): " : 'Impression: '),
          result.impression.value,
          ' ',
          provenanceTag(result.impression.provenance),
        ),
  );
}

/** When a result was last added to: its report, or a culture's latest stage so far. */
function shownAt(order: Order, nowMin: number): number {
  if (order.result?.kind !== 'culture') return order.resultAt;
  return order.result.stages.filter((s) => s.atMin <= nowMin).at(-1)?.atMin ?? order.resultAt;
}

/**
 * The inbox order: newest result first (a culture by its latest stage), the later order first when two arrive
 * together; each with the earlier samples of the same test, oldest first, for its trend.
 */
export function inboxOrder(orders: Order[], nowMin: number): { order: Order; earlier: Order[] }[] {
  return [...orders]
    .sort((a, b) => shownAt(b, nowMin) - shownAt(a, nowMin) || b.n - a.n)
    .map((order) => ({
      order,
      earlier: orders
        .filter((o) => o.testId === order.testId && o.sampledAt < order.sampledAt)
        .sort((a, b) => a.sampledAt - b.sampledAt || a.n - b.n),
    }));
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
      const items = inboxOrder(visible, ctx.nowMin).map(({ order: o, earlier }) => {
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
              { class: 'result', 'data-result': o.testId },
              resultTable(
                result.rows,
                units,
                `${name} (${when})`,
                earlier.flatMap((e) => (e.result?.kind === 'panel' ? [e.result.rows] : [])),
              ),
              result.comment === null ? null : h('p', { class: 'meta' }, result.comment.value),
            );
          case 'report':
            if (test?.reads === 'ecg') return readArticle(ctx, resolved, o);
            if (test?.reads === 'imaging') return wetReadArticle(ctx, resolved, o);
            if (result.ecg !== undefined) return ecgArticle(ctx, resolved, o, intents);
            return reportArticle(result, `${name} (${when})`, test?.category === 'imaging', o.testId);
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
      const shown = items.filter((x) => x !== null);
      const legend = provenanceLegend(...shown);
      replaceKeepingFocus(
        body,
        unitSwitch,
        ...(shown.length > 0 ? shown : [h('p', { class: 'meta' }, 'No results yet.')]),
        ...(legend === null ? [] : [legend]),
      );
    },
    ({ ctx, units }) =>
      // Every order counts: asking for a cardiology read changes what an ECG's result says about its read.
      `${units}|${String(ctx.orders.length)}|${String(visibleResults(ctx).length)}|${visibleResults(ctx)
        .map((o) =>
          o.result?.kind === 'culture'
            ? String(o.result.stages.filter((s) => s.atMin <= ctx.nowMin).length)
            : '',
        )
        .join()}`,
  );
  return { el, update };
}
