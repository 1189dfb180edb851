import {
  isRunning,
  type CaseContext,
  type ComputedResult,
  type ResolvedCase,
  type Rhythm,
} from '../engine/index.ts';

type Order = CaseContext['orders'][number];
type Report = Extract<ComputedResult, { kind: 'report' }>;
/** What the engine recorded with an ECG: its leads, the rate at recording and the case's morphology. */
export type EcgResult = NonNullable<Report['ecg']>;
export type EcgMorphology = NonNullable<EcgResult['morphology']>;

/** Rhythms without a circulation: pacing does not capture in them (the engine's pacing effect says so). */
const PULSELESS: readonly Rhythm[] = ['vf', 'pvt', 'pea', 'asystole'];

/** An ECG as the tracing draws it: the engine's recording, with the rhythm and any pacing of that moment. */
export interface EcgTracing extends EcgResult {
  recordedAt: number;
  rhythm: Rhythm;
  /** The pacing rate when the pacemaker set the heart rate at recording; 0 when not paced. */
  pacedBpm: number;
  /** Seeds the beat-to-beat variation, so a tracing is drawn the same every time: the order's number. */
  seed: number;
}

/** The recorded ECG of an order, or null when the order is not an ECG or its tracing is not recorded yet. */
export function ecgTracing(ctx: CaseContext, resolved: ResolvedCase, order: Order): EcgTracing | null {
  const result = order.result;
  if (result?.kind !== 'report' || result.ecg === undefined) return null;
  const rhythm = rhythmAt(ctx, order.sampledAt);
  return {
    ...result.ecg,
    recordedAt: order.sampledAt,
    rhythm,
    pacedBpm: PULSELESS.includes(rhythm) ? 0 : pacedAt(ctx, resolved, order.sampledAt, result.ecg.rateBpm),
    seed: order.n,
  };
}

/**
 * The rhythm when the ECG was recorded. The log keeps the rhythm of every action, and an ECG is recorded when it is
 * ordered (the catalogue's collectMin 0), so the order's own entry holds it exactly.
 */
function rhythmAt(ctx: CaseContext, minute: number): Rhythm {
  return ctx.log.findLast((e) => e.atMin <= minute)?.rhythm ?? ctx.rhythm;
}

/** The pacing rate if a pacemaker was running and set the rate (the engine's heart rate is the higher of the two). */
function pacedAt(ctx: CaseContext, resolved: ResolvedCase, minute: number, rateBpm: number): number {
  let pacing = 0;
  for (const given of ctx.treatments) {
    const treatment = resolved.catalog.treatments[given.treatmentId];
    if (treatment === undefined || given.atMin > minute || !isRunning(given, minute)) continue;
    const paces = treatment.effects.some((e, i) => e.type === 'pacing' && given.missed?.includes(i) !== true);
    if (paces) pacing = Math.max(pacing, given.dose);
  }
  return pacing > 0 && rateBpm <= Math.round(pacing) ? pacing : 0;
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

/** The catalogue's cardiology read, if it has one: what "Ask for a cardiology read" orders. */
export function cardiologyReadTest(
  resolved: ResolvedCase,
): { id: string; name: string; turnaroundMin: number } | null {
  const found = Object.entries(resolved.catalog.tests).find(([, t]) => t.reads === 'ecg');
  if (found === undefined) return null;
  const [id, test] = found;
  return { id, name: test.name, turnaroundMin: test.turnaroundMin };
}

/** Whether the rhythm the case's written report describes is the one the tracing was recorded in. */
export function readMatchesRhythm(tracing: EcgTracing): boolean {
  return (tracing.morphology?.rhythm ?? 'sinus') === tracing.rhythm;
}
