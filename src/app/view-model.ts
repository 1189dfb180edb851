import { isRunning, type CaseContext, type ResolvedCase } from '../engine/index.ts';
import { ALARM_LIMITS, type AlarmLevel, type BayView } from '../game/bay-view.ts';

const level = (value: number, limits: { low: number; high: number }): AlarmLevel =>
  value < limits.low ? 'low' : value > limits.high ? 'high' : 'ok';

const NIBP_EVERY_MIN = 5;

type Bedside = NonNullable<ResolvedCase['catalog']['treatments'][string]['bedside']>;

/** Whether something the catalogue draws at the bedside is there now: running, or (a one-off like a line) placed. */
function atBedside(ctx: CaseContext, resolved: ResolvedCase, what: Bedside): boolean {
  return ctx.treatments.some((t) => {
    const treatment = resolved.catalog.treatments[t.treatmentId];
    if (treatment?.bedside !== what || t.atMin > ctx.nowMin) return false;
    return treatment.mode === 'dose' || isRunning(t, ctx.nowMin);
  });
}

/** The monitor and the patient as the bay draws them. */
export function bayView(
  ctx: CaseContext,
  resolved: ResolvedCase,
  options: { paused: boolean; reducedMotion: boolean },
): BayView {
  const v = ctx.vitals;
  const dead = ctx.deathAtMin !== null;
  const arterialLine = atBedside(ctx, resolved, 'arterial-line');
  // An arterial line reads beat to beat; otherwise the cuff cycles every few minutes and shows its last reading.
  const nibpAtMin = Math.floor(ctx.nowMin / NIBP_EVERY_MIN) * NIBP_EVERY_MIN;
  const nibp = arterialLine
    ? v
    : ([...ctx.trace].reverse().find((p) => p.atMin <= nibpAtMin) ?? { sbp: v.sbp, dbp: v.dbp, map: v.map });
  const vitals = {
    hr: dead ? 0 : Math.round(v.hr),
    sbp: dead ? 0 : Math.round(nibp.sbp),
    dbp: dead ? 0 : Math.round(nibp.dbp),
    map: dead ? 0 : Math.round(nibp.map),
    spo2: dead ? 0 : Math.round(v.spo2),
    rr: dead ? 0 : Math.round(v.rr),
    temp: Math.round(v.temp * 10) / 10,
  };
  return {
    nowMin: ctx.nowMin,
    vitals,
    nibpAtMin,
    bpSource: arterialLine ? 'arterial' : 'nibp',
    alarms: {
      hr: dead ? 'low' : level(vitals.hr, ALARM_LIMITS.hr),
      map: dead ? 'low' : level(vitals.map, ALARM_LIMITS.map),
      spo2: dead ? 'low' : level(vitals.spo2, ALARM_LIMITS.spo2),
      rr: dead ? 'low' : level(vitals.rr, ALARM_LIMITS.rr),
      temp: level(vitals.temp, ALARM_LIMITS.temp),
    },
    patient: {
      perfusion: v.crt > 4 ? 'mottled' : v.crt > 3 ? 'pale' : 'normal',
      consciousness: v.gcs >= 14 ? 'alert' : v.gcs >= 9 ? 'drowsy' : 'unresponsive',
      dripRunning: atBedside(ctx, resolved, 'drip'),
      infusionRunning: atBedside(ctx, resolved, 'syringe-driver'),
      oxygenMask: atBedside(ctx, resolved, 'oxygen-mask'),
      arterialLine,
      dead,
      posture: atBedside(ctx, resolved, 'legs-raised')
        ? 'flat'
        : atBedside(ctx, resolved, 'upright')
          ? 'upright'
          : 'reclined',
    },
    reducedMotion: options.reducedMotion,
    paused: options.paused,
  };
}

export type OrderStatus = 'ordered' | 'in lab' | 'resulted' | 'preliminary';

export function orderStatus(order: CaseContext['orders'][number], nowMin: number): OrderStatus {
  if (order.result?.kind === 'culture') {
    const stages = order.result.stages.filter((s) => s.atMin <= nowMin);
    if (stages.length === 0) return nowMin < order.sampledAt ? 'ordered' : 'in lab';
    return stages.at(-1)?.status === 'final' ? 'resulted' : 'preliminary';
  }
  if (nowMin < order.sampledAt) return 'ordered';
  return nowMin < order.resultAt ? 'in lab' : 'resulted';
}

/** Orders whose (first) result is visible now. */
export function visibleResults(ctx: CaseContext): CaseContext['orders'] {
  return ctx.orders.filter((o) => {
    const status = orderStatus(o, ctx.nowMin);
    return status === 'resulted' || status === 'preliminary';
  });
}
