import type { CaseContext, ResolvedCase } from '../engine/index.ts';
import { readTest } from './ecg-reads.ts';

type Order = CaseContext['orders'][number];

/** A scan the radiologist reports: an imaging test with a written report, not itself a read. */
function isScan(resolved: ResolvedCase, order: Order): boolean {
  const test = resolved.catalog.tests[order.testId];
  return test?.category === 'imaging' && test.kind === 'report' && test.reads === undefined;
}

const isWetRead = (resolved: ResolvedCase, order: Order) =>
  resolved.catalog.tests[order.testId]?.reads === 'imaging';

/** Whether the scan's images existed and its report was still to come when the read was asked for. */
const awaitingReportAt = (scan: Order, minute: number) => scan.sampledAt <= minute && minute < scan.resultAt;

/** The catalogue's wet read, if it has one: what "Ask for a wet read" orders. */
export const wetReadTest = (resolved: ResolvedCase) => readTest(resolved, 'imaging');

/**
 * The scans a wet read covers, oldest first: every one already done but not yet reported when the read was asked
 * for. A scan still to be done, or already reported, has nothing for a wet read to add.
 */
export function scansReadBy(ctx: CaseContext, resolved: ResolvedCase, read: Order): Order[] {
  return ctx.orders.filter(
    (o) => isScan(resolved, o) && o.cancelledAt === undefined && awaitingReportAt(o, read.orderedAt),
  );
}

/** The first wet read asked for between this scan being done and its report (back or not), or null if none was. */
export function wetReadOf(ctx: CaseContext, resolved: ResolvedCase, scan: Order): Order | null {
  if (!isScan(resolved, scan)) return null;
  return ctx.orders.find((o) => isWetRead(resolved, o) && awaitingReportAt(scan, o.orderedAt)) ?? null;
}

/** Whether a wet read may be asked for this scan now: it is done, its report is not back, and none was asked. */
export function wetReadAskable(ctx: CaseContext, resolved: ResolvedCase, scan: Order): boolean {
  return (
    wetReadTest(resolved) !== null &&
    isScan(resolved, scan) &&
    scan.cancelledAt === undefined &&
    awaitingReportAt(scan, ctx.nowMin) &&
    wetReadOf(ctx, resolved, scan) === null
  );
}
