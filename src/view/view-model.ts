import {
  currentArrest,
  isRunning,
  rhythmName,
  type CaseContext,
  type ResolvedCase,
  type Rhythm,
} from '../engine/index.ts';
import { ALARM_LIMITS, type AlarmLevel, type BayView } from './bay-view.ts';

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
  // An arrest is not death: the heart has stopped, and the team can still bring it back.
  const arrest = !dead && currentArrest(ctx) !== null;
  const arterialLine = atBedside(ctx, resolved, 'arterial-line');
  // An arterial line reads beat to beat; otherwise the cuff cycles every few minutes and shows its last reading.
  const nibpAtMin = Math.floor(ctx.nowMin / NIBP_EVERY_MIN) * NIBP_EVERY_MIN;
  const nibp = arterialLine
    ? v
    : ([...ctx.trace].reverse().find((p) => p.atMin <= nibpAtMin) ?? { sbp: v.sbp, dbp: v.dbp, map: v.map });
  const rhythm = dead ? 'asystole' : ctx.rhythm;
  const vitals = {
    hr: NO_RATE.includes(rhythm) ? null : Math.round(v.hr),
    ...pressure(dead, arrest, arrest ? v : nibp),
    spo2: dead || arrest ? null : Math.round(v.spo2),
    rr: dead ? 0 : Math.round(v.rr),
    temp: Math.round(v.temp * 10) / 10,
  };
  const lost = dead || arrest;
  return {
    nowMin: ctx.nowMin,
    vitals,
    rhythm: { id: rhythm, name: rhythmName(rhythm, v.hr) },
    nibpAtMin,
    bpSource: arterialLine ? 'arterial' : 'nibp',
    alarms: {
      hr: lost ? 'low' : level(vitals.hr ?? 0, ALARM_LIMITS.hr),
      map: lost ? 'low' : level(vitals.map ?? 0, ALARM_LIMITS.map),
      spo2: lost ? 'low' : level(vitals.spo2 ?? 0, ALARM_LIMITS.spo2),
      rr: dead ? 'low' : level(vitals.rr, ALARM_LIMITS.rr),
      temp: level(vitals.temp, ALARM_LIMITS.temp),
    },
    patient: {
      perfusion: v.crt > 4 ? 'mottled' : v.crt > 3 ? 'pale' : 'normal',
      consciousness: lost || v.gcs < 9 ? 'unresponsive' : v.gcs >= 14 ? 'alert' : 'drowsy',
      dripRunning: atBedside(ctx, resolved, 'drip'),
      infusionRunning: atBedside(ctx, resolved, 'syringe-driver'),
      oxygenMask: atBedside(ctx, resolved, 'oxygen-mask'),
      arterialLine,
      arrest,
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

/** Rhythms with no rate a monitor can count: it shows "---". */
const NO_RATE: readonly Rhythm[] = ['vf', 'asystole'];

/**
 * The pressure as the monitor shows it. In an arrest the engine's live value (what compressions make), or none
 * without compressions; a cuff's last reading from before the arrest would pretend there is a circulation.
 */
function pressure(
  dead: boolean,
  arrest: boolean,
  reading: { sbp: number; dbp: number; map: number },
): { sbp: number | null; dbp: number | null; map: number | null } {
  if (dead || (arrest && reading.map <= 0)) return { sbp: null, dbp: null, map: null };
  return { sbp: Math.round(reading.sbp), dbp: Math.round(reading.dbp), map: Math.round(reading.map) };
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
