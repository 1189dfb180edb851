import type { CaseContext, ComputedResult, ResolvedCase } from '../engine/index.ts';

type Order = CaseContext['orders'][number];
type Report = Extract<ComputedResult, { kind: 'report' }>;
/** What the engine recorded with an ECG: its leads, the rate at recording and the case's morphology. */
export type EcgResult = NonNullable<Report['ecg']>;
export type EcgMorphology = NonNullable<EcgResult['morphology']>;

/** An ECG as the tracing draws it: the engine's recording (rhythm, rate, pacing, morphology) and its moment. */
export interface EcgTracing extends EcgResult {
  recordedAt: number;
  /** Seeds the beat-to-beat variation, so a tracing is drawn the same every time: the order's number. */
  seed: number;
}

/** The recorded ECG of an order, or null when the order is not an ECG or its tracing is not recorded yet. */
export function ecgTracing(order: Order): EcgTracing | null {
  const result = order.result;
  if (result?.kind !== 'report' || result.ecg === undefined) return null;
  return { ...result.ecg, recordedAt: order.sampledAt, seed: order.n };
}

const readsEcg = (resolved: ResolvedCase, order: Order) =>
  resolved.catalog.tests[order.testId]?.reads === 'ecg';
const isEcg = (resolved: ResolvedCase, order: Order) =>
  resolved.catalog.tests[order.testId]?.ecg !== undefined;

/** The ECGs a cardiology read covers: every one recorded by the time the read was asked for, oldest first. */
export function ecgsReadBy(ctx: CaseContext, resolved: ResolvedCase, read: Order): Order[] {
  return ctx.orders.filter((o) => isEcg(resolved, o) && o.result !== null && o.sampledAt <= read.orderedAt);
}

/** The first cardiology read asked for once this ECG was recorded (back or not), or null if none was. */
export function readOf(ctx: CaseContext, resolved: ResolvedCase, ecg: Order): Order | null {
  return ctx.orders.find((o) => readsEcg(resolved, o) && o.orderedAt >= ecg.sampledAt) ?? null;
}

/** The catalogue's read of a kind ("ecg": a cardiology read; "imaging": a wet read), if it has one. */
export function readTest(
  resolved: ResolvedCase,
  kind: 'ecg' | 'imaging',
): { id: string; name: string; turnaroundMin: number } | null {
  const found = Object.entries(resolved.catalog.tests).find(([, t]) => t.reads === kind);
  if (found === undefined) return null;
  const [id, test] = found;
  return { id, name: test.name, turnaroundMin: test.turnaroundMin };
}

/** The catalogue's cardiology read, if it has one: what "Ask for a cardiology read" orders. */
export const cardiologyReadTest = (resolved: ResolvedCase) => readTest(resolved, 'ecg');

/** Whether the rhythm the case's written report describes is the one the tracing was recorded in. */
export function readMatchesRhythm(tracing: EcgTracing): boolean {
  return (tracing.morphology?.rhythm ?? 'sinus') === tracing.rhythm;
}
