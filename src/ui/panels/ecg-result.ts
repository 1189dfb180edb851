import { clockText, rhythmName, type CaseContext, type ResolvedCase } from '../../engine/index.ts';
import {
  cardiologyReadTest,
  ecgsReadBy,
  ecgTracing,
  readMatchesRhythm,
  readOf,
  type EcgTracing,
} from '../../view/ecg-reads.ts';
import { orderStatus } from '../../view/view-model.ts';
import { h } from '../dom.ts';
import { ecgFigure } from '../ecg.ts';
import type { Intents } from '../model.ts';
import { provenanceTag, readRequest } from './panel.ts';

type Order = CaseContext['orders'][number];

/** Drawn tracings by what they show: re-rendering the inbox moves the same drawing, it does not redraw it. */
const drawn = new Map<string, HTMLElement>();

function tracingFigure(tracing: EcgTracing, order: Order, name: string, place: string): HTMLElement {
  // What the drawing depends on, exactly: the same tracing in another case or play is drawn afresh.
  const key = `${place}|${order.testId}|${String(order.n)}|${JSON.stringify(tracing)}`;
  let figure = drawn.get(key);
  if (figure === undefined) {
    figure = ecgFigure(tracing, `${place}-${String(order.n)}`, name);
    if (drawn.size > 50) drawn.clear();
    drawn.set(key, figure);
  }
  return figure;
}

/** Where the written read of this ECG stands, with the control that asks for one. */
function readStatus(ctx: CaseContext, resolved: ResolvedCase, ecg: Order, intents: Intents): HTMLElement {
  const read = readOf(ctx, resolved, ecg);
  const test = cardiologyReadTest(resolved);
  if (read !== null) {
    const back = orderStatus(read, ctx.nowMin) === 'resulted';
    return h(
      'p',
      { class: 'read-status meta' },
      back
        ? `The cardiology read came back at T+ ${clockText(read.resultAt)}: it is in Results, newest first.`
        : `Cardiology read asked for at T+ ${clockText(read.orderedAt)}; not back yet.`,
    );
  }
  if (test === null)
    return h('p', { class: 'read-status meta' }, 'No written read: read the tracing yourself.');
  return h(
    'p',
    { class: 'read-status' },
    'No written read yet: read the tracing yourself, or ',
    ...readRequest(intents, test, ['Ask for a cardiology read']),
  );
}

/** An ECG in the inbox: the tracing to read, and no written interpretation until a cardiology read is back. */
export function ecgArticle(
  ctx: CaseContext,
  resolved: ResolvedCase,
  order: Order,
  intents: Intents,
): HTMLElement | null {
  const tracing = ecgTracing(order);
  if (tracing === null) return null;
  const name = resolved.catalog.tests[order.testId]?.name ?? order.testId;
  return h(
    'article',
    { class: 'result ecg-result', 'data-result': order.testId },
    h('h3', {}, `${name} (recorded T+ ${clockText(order.sampledAt)}, ready T+ ${clockText(order.resultAt)})`),
    tracingFigure(tracing, order, name, 'inbox'),
    readStatus(ctx, resolved, order, intents),
  );
}

/** The written read of one ECG: its findings, then the impression, with a word when the rhythm has changed. */
export function writtenRead(ecg: Order): HTMLElement[] {
  const result = ecg.result;
  const tracing = ecgTracing(ecg);
  if (result?.kind !== 'report' || tracing === null) return [];
  const rhythmNote = readMatchesRhythm(tracing)
    ? null
    : h(
        'p',
        { class: 'meta' },
        `Rhythm at recording: ${rhythmName(tracing.rhythm, tracing.rateBpm).toLowerCase()}` +
          `${tracing.pacedBpm > 0 ? `, paced at ${String(Math.round(tracing.pacedBpm))}/min` : ''}. ` +
          'The report below was written for the tracing at arrival: read the rhythm from this tracing.',
      );
  return [
    ...(rhythmNote === null ? [] : [rhythmNote]),
    h(
      'p',
      {},
      h('strong', {}, 'Findings: '),
      result.report.value,
      ' ',
      provenanceTag(result.report.provenance),
    ),
    ...(result.impression === null
      ? []
      : [
          h(
            'p',
            {},
            h('strong', {}, 'Impression: '),
            result.impression.value,
            ' ',
            provenanceTag(result.impression.provenance),
          ),
        ]),
  ];
}

/** A cardiology read in the inbox: the written read of every ECG recorded before it was asked for. */
export function readArticle(ctx: CaseContext, resolved: ResolvedCase, read: Order): HTMLElement {
  const name = resolved.catalog.tests[read.testId]?.name ?? read.testId;
  const ecgs = ecgsReadBy(ctx, resolved, read);
  return h(
    'article',
    { class: 'result report ecg-read', 'data-result': read.testId },
    h('h3', {}, `${name} (asked T+ ${clockText(read.orderedAt)}, reported T+ ${clockText(read.resultAt)})`),
    ...(ecgs.length === 0
      ? [h('p', {}, 'No ECG had been recorded when the read was asked for: record one, then ask again.')]
      : ecgs.map((ecg) =>
          h(
            'section',
            { class: 'read-of' },
            h(
              'h4',
              {},
              `${resolved.catalog.tests[ecg.testId]?.name ?? ecg.testId}, recorded T+ ${clockText(ecg.sampledAt)}`,
            ),
            ...writtenRead(ecg),
          ),
        )),
  );
}

/** The debrief's ECGs: each tracing the learner recorded with its written read, which the debrief always shows. */
export function debriefEcgs(ctx: CaseContext, resolved: ResolvedCase): HTMLElement | null {
  const recorded = ctx.orders.filter((o) => ecgTracing(o) !== null);
  const unrecorded = Object.entries(resolved.data.results).filter(
    ([testId, r]) =>
      r.kind === 'report' &&
      resolved.catalog.tests[testId]?.ecg !== undefined &&
      !recorded.some((o) => o.testId === testId),
  );
  if (recorded.length === 0 && unrecorded.length === 0) return null;
  return h(
    'section',
    { class: 'debrief-ecgs' },
    h('h3', {}, 'The ECGs and their read'),
    ...recorded.map((o) => {
      const tracing = ecgTracing(o);
      const name = resolved.catalog.tests[o.testId]?.name ?? o.testId;
      return h(
        'article',
        { class: 'result ecg-result' },
        h('h4', {}, `${name}, recorded T+ ${clockText(o.sampledAt)}`),
        tracing === null ? null : tracingFigure(tracing, o, name, 'debrief'),
        ...writtenRead(o),
      );
    }),
    ...unrecorded.map(([testId, r]) =>
      r.kind === 'report'
        ? h(
            'article',
            { class: 'result' },
            h('h4', {}, `${resolved.catalog.tests[testId]?.name ?? testId}: not recorded in your play`),
            h(
              'p',
              {},
              h('strong', {}, 'Findings: '),
              r.report.value,
              ' ',
              provenanceTag(r.report.provenance),
            ),
            r.impression === undefined
              ? null
              : h(
                  'p',
                  {},
                  h('strong', {}, 'Impression: '),
                  r.impression.value,
                  ' ',
                  provenanceTag(r.impression.provenance),
                ),
          )
        : null,
    ),
  );
}
