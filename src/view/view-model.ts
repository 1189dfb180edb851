import {
  currentArrest,
  inputsAt,
  isRunning,
  rhythmName,
  type CaseContext,
  type ResolvedCase,
  type Rhythm,
} from '../engine/index.ts';
import { personOf, signsNow } from './appearance.ts';
import { ALARM_LIMITS, type AlarmLevel, type BayView } from './bay-view.ts';
import type { EcgMorphology } from './ecg-reads.ts';

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
  options: { paused: boolean; reducedMotion: boolean; steadyAlarms?: boolean; largeType?: boolean },
): BayView {
  const v = ctx.vitals;
  const dead = ctx.deathAtMin !== null;
  // An arrest is not death: the heart has stopped, and the team can still bring it back.
  const arrestRecord = dead ? null : currentArrest(ctx);
  const arrest = arrestRecord !== null;
  // What the care given does this minute, as the engine reads it: pacing, compressions, analgesia.
  const inputs = inputsAt(ctx, resolved, ctx.nowMin);
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
  const unresponsive = lost || v.gcs < 9;
  const signs = signsNow(ctx, resolved, { painRelieved: inputs.painRelieved, unresponsive, dead });
  const pacing = dead || inputs.pacingRate <= 0 ? null : pacingOf(rhythm, v.hr, inputs.pacingRate);
  const qrs = qrsWidth(rhythm, resolved);
  return {
    nowMin: ctx.nowMin,
    vitals,
    rhythm: {
      id: rhythm,
      // With capture the rate on the monitor is the pacer's: the rhythm's own rate is not known (NaN names it plainly).
      name: pacedName(rhythmName(rhythm, pacing?.state === 'capture' ? Number.NaN : v.hr), pacing),
      arrestMin: arrestRecord === null ? null : ctx.nowMin - arrestRecord.startedAt,
      qrs,
    },
    pacing,
    leadII: leadIIOf(resolved, rhythm, qrs, pacing),
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
      person: personOf(resolved),
      perfusion: v.crt > 4 ? 'mottled' : v.crt > 3 ? 'pale' : 'normal',
      consciousness: unresponsive ? 'unresponsive' : signs.includes('drowsiness') ? 'drowsy' : 'alert',
      signs,
      cpr: !dead && inputs.cpr,
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
    steadyAlarms: options.steadyAlarms ?? false,
    largeType: options.largeType ?? false,
    paused: options.paused,
  };
}

/** Rhythms with no rate a monitor can count: it shows "---". */
const NO_RATE: readonly Rhythm[] = ['vf', 'asystole'];

/**
 * How wide the complexes are. Complete heart block's escape is the case's: a nodal block that atropine can quicken
 * (drugsChangeRate) escapes from the junction, narrow; an infranodal one from the ventricles, wide.
 */
function qrsWidth(rhythm: Rhythm, resolved: ResolvedCase): 'narrow' | 'wide' {
  switch (rhythm) {
    case 'sinus':
    case 'af':
    case 'svt':
    case 'junctional':
    case 'vf':
    case 'asystole':
      return 'narrow';
    case 'chb':
      return resolved.data.physiology.rhythms.chb.drugsChangeRate ? 'narrow' : 'wide';
    case 'vt':
    case 'pvt':
    case 'pea':
      return 'wide';
    default:
      return rhythm satisfies never;
  }
}

/**
 * Rhythms whose beats reach the ventricles down the bundle branches (narrow when the branches conduct): an ECG's ST
 * segments and T waves recorded in one of them show in any other. A ventricular beat (VT, a broad escape, a paced
 * beat) depolarises the ventricles another way and has an ST and T of its own.
 */
const CONDUCTED: readonly Rhythm[] = ['sinus', 'af', 'svt', 'chb', 'junctional'];

/** The morphology of the case's standard 12-lead ECG (the one the monitor's lead II shares), or null if it has none. */
function standardEcgMorphology(resolved: ResolvedCase): EcgMorphology | null {
  for (const [testId, result] of Object.entries(resolved.data.results)) {
    const standard = resolved.catalog.tests[testId]?.ecg === 'standard';
    if (standard && result.kind === 'report' && result.morphology !== undefined) return result.morphology;
  }
  return null;
}

/**
 * Lead II as the case's ECG has it, while the monitor's beats are conducted ones like those the ECG was recorded in;
 * null otherwise, or when the case gives lead II nothing beyond the usual complex (the monitor's own is drawn).
 */
function leadIIOf(
  resolved: ResolvedCase,
  rhythm: Rhythm,
  qrs: 'narrow' | 'wide',
  pacing: BayView['pacing'],
): BayView['leadII'] {
  const morphology = standardEcgMorphology(resolved);
  if (morphology === null || !CONDUCTED.includes(morphology.rhythm)) return null;
  if (!CONDUCTED.includes(rhythm) || qrs === 'wide' || pacing?.state === 'capture') return null;
  const finding = morphology.leads.II ?? {};
  const shape: NonNullable<BayView['leadII']> = {
    stMm: finding.stMm ?? 0,
    t: finding.t ?? 'upright',
    q: finding.q ?? false,
    lowVoltage: morphology.lowVoltage,
  };
  const usual = shape.stMm === 0 && shape.t === 'upright' && !shape.q && !shape.lowVoltage;
  return usual ? null : shape;
}

/** Arrest rhythms: pacing does not capture in them (the engine gives them no output whatever the pacer does). */
const ARREST: readonly Rhythm[] = ['vf', 'pvt', 'pea', 'asystole'];

/**
 * What a demand pacer does: in an arrest it fires without capture; otherwise it captures when the patient's own
 * rhythm is slower than its rate (the engine's heart rate is then the pacing rate) and holds back when faster.
 */
function pacingOf(rhythm: Rhythm, hr: number, rateBpm: number): NonNullable<BayView['pacing']> {
  const state = ARREST.includes(rhythm) ? 'no-capture' : hr > rateBpm + 0.5 ? 'inhibited' : 'capture';
  return { rateBpm: Math.round(rateBpm), state };
}

/** The monitor's rhythm name with what the pacer does to it ("Complete heart block, paced"). */
function pacedName(name: string, pacing: BayView['pacing']): string {
  if (pacing?.state === 'capture') return `${name}, paced`;
  if (pacing?.state === 'no-capture') return `${name}, pacing without capture`;
  return name;
}

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

export type OrderStatus = 'ordered' | 'in lab' | 'resulted' | 'preliminary' | 'cancelled';

export function orderStatus(order: CaseContext['orders'][number], nowMin: number): OrderStatus {
  // Cancelled before its sample was taken: no sample, no result ever.
  if (order.cancelledAt !== undefined) return 'cancelled';
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
