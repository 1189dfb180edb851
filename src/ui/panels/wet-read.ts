import { clockText, type CaseContext, type ResolvedCase } from '../../engine/index.ts';
import { orderStatus } from '../../view/view-model.ts';
import { scansReadBy, wetReadAskable, wetReadOf, wetReadTest } from '../../view/wet-reads.ts';
import { h } from '../dom.ts';
import type { Intents } from '../model.ts';
import { provenanceTag, readRequest } from './panel.ts';

type Order = CaseContext['orders'][number];

/**
 * Beside a scan that is done and being reported: the control that asks the radiologist for a wet read, or where the
 * one asked for stands. Null when neither applies (no images yet, report back, or no wet read in the catalogue).
 */
export function wetReadControl(
  ctx: CaseContext,
  resolved: ResolvedCase,
  scan: Order,
  intents: Intents,
): HTMLElement | null {
  const read = wetReadOf(ctx, resolved, scan);
  if (read !== null && scan.resultAt > ctx.nowMin) {
    const back = orderStatus(read, ctx.nowMin) === 'resulted';
    return h(
      'span',
      { class: 'meta wet-read-status' },
      back ? ' · wet read back: in Results' : ` · wet read asked T+ ${clockText(read.orderedAt)}`,
    );
  }
  const test = wetReadTest(resolved);
  if (test === null || !wetReadAskable(ctx, resolved, scan)) return null;
  const name = resolved.catalog.tests[scan.testId]?.name ?? scan.testId;
  return h(
    'span',
    { class: 'wet-read-ask' },
    ' ',
    ...readRequest(intents, test, ['Ask for a wet read', h('span', { class: 'sr-only' }, ` of the ${name}`)]),
  );
}

/**
 * A wet read in the inbox: the radiologist's preliminary impression of each scan it covers. The findings come only
 * with the report, and the inbox says when that is due.
 */
export function wetReadArticle(ctx: CaseContext, resolved: ResolvedCase, read: Order): HTMLElement {
  const name = resolved.catalog.tests[read.testId]?.name ?? read.testId;
  const scans = scansReadBy(ctx, resolved, read);
  return h(
    'article',
    { class: 'result report wet-read', 'data-result': read.testId },
    h('h3', {}, `${name} (asked T+ ${clockText(read.orderedAt)}, given T+ ${clockText(read.resultAt)})`),
    ...(scans.length === 0
      ? [
          h(
            'p',
            {},
            'No scan was waiting for its report when the wet read was asked for: ask once the images are done.',
          ),
        ]
      : scans.map((scan) => {
          const result = scan.result;
          const said = result?.kind === 'report' ? (result.impression ?? result.report) : null;
          const scanName = resolved.catalog.tests[scan.testId]?.name ?? scan.testId;
          const reported =
            scan.resultAt <= ctx.nowMin
              ? `the report came at T+ ${clockText(scan.resultAt)}`
              : `the report is due about T+ ${clockText(scan.resultAt)}`;
          return h(
            'section',
            { class: 'read-of' },
            h('h4', {}, `${scanName}, done T+ ${clockText(scan.sampledAt)}`),
            h(
              'p',
              { class: 'impression' },
              h('strong', {}, 'Preliminary impression (wet read): '),
              said?.value ?? '—',
              ' ',
              said === null ? null : provenanceTag(said.provenance),
            ),
            h('p', { class: 'meta' }, `Preliminary, by phone; ${reported} with the findings.`),
          );
        })),
  );
}
