import { eventMinutes, inputBreakpoints } from './breakpoints.ts';
import { inputsAt, isRunning } from './care.ts';
import {
  currentArrest,
  update,
  type CaseContext,
  type Due,
  type OrderRecord,
  type StopReason,
  type TimelineEntry,
  type TracePoint,
} from '../play/context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { blankVitals, compileCondition, meetsCompiled, observe, type Vitals } from './physiology/observe.ts';
import { copyPatient } from './physiology/state.ts';
import { stepConstants, stepMinute } from './physiology/step.ts';
import { computeResult, flagWords, summarise, valueText, type Sample } from './results.ts';
import { checkChance, draw, isShockable, withCurrent } from './arrest.ts';
import { dueEvents, eventSpecs, eventsReadTheLog, firstDone } from './events.ts';
import { momentOf, readingsOf } from './gate.ts';
import { modelFor } from './model.ts';
import { appended, own } from '../play/lists.ts';
import { clockText } from '../play/clock.ts';
import { consultWords } from './consult-note.ts';
import type { Treatment } from '../case/schema/catalog.ts';

/** A bolus runs until its whole volume is in. */
export function bolusEndsAt(atMin: number, dose: number, treatment: Treatment): number {
  return atMin + Math.max(1, Math.ceil(dose / (treatment.rateMlPerMin ?? dose)));
}

const TRACE_EVERY_MIN = 5;
const NOTHING_DONE: ReadonlyMap<string, number> = new Map();
const MAP_ALERT_BELOW = 55;
const MAP_ALERT_CLEAR = 60;
const SPO2_ALERT_BELOW = 90;
const SPO2_ALERT_CLEAR = 92;

export function vitalsNow(
  ctx: CaseContext,
  resolved: ResolvedCase,
  patient = ctx.patient,
  minute = ctx.nowMin,
): Vitals {
  const model = modelFor(ctx, resolved);
  return observe(
    patient,
    inputsAt(ctx, resolved, minute, model),
    model,
    resolved.data.patient.weightKg.value,
  );
}

/** The patient now, as a sample or a recording taken this minute sees them. */
export function sampleNow(ctx: CaseContext, resolved: ResolvedCase): Sample {
  const model = modelFor(ctx, resolved);
  const inputs = inputsAt(ctx, resolved, ctx.nowMin, model);
  return {
    atMin: ctx.nowMin,
    vitals: observe(ctx.patient, inputs, model, resolved.data.patient.weightKg.value),
    rhythm: ctx.rhythm,
    pacingBpm: inputs.pacingRate,
  };
}

/** Beyond this a vital is no longer a measurement (and rounding it for display overflows to Infinity). */
export const VITAL_LIMIT = 1e9;

/**
 * The first vital the physiology could not compute (not a number, infinite, or beyond any measurement), if any.
 * A valid case never gives one (the loader plays each case's untreated course to check), but a play meets
 * treatments the loader could not try: the engine stops the play with a message rather than let a non-number
 * reach the monitor or the score.
 */
export function brokenVital(v: Vitals): string | null {
  // One sum screens every value each minute (a NaN or an Infinity anywhere makes it one too); only a sum that
  // fails is searched for the culprit. Property by property: a for-in here cost 5 % of a play.
  const screen =
    Math.abs(v.hr) +
    Math.abs(v.sbp) +
    Math.abs(v.dbp) +
    Math.abs(v.map) +
    Math.abs(v.rr) +
    Math.abs(v.spo2) +
    Math.abs(v.temp) +
    Math.abs(v.lactate) +
    Math.abs(v.crt) +
    Math.abs(v.urine) +
    Math.abs(v.gcs) +
    Math.abs(v.creatinine) +
    Math.abs(v.glucose) +
    Math.abs(v.potassium) +
    Math.abs(v.ketones) +
    Math.abs(v.bicarbonate) +
    Math.abs(v.ph) +
    Math.abs(v.pco2) +
    Math.abs(v.anionGap) +
    Math.abs(v.toxin) +
    Math.abs(v.injury) +
    Math.abs(v.severity) +
    Math.abs(v.burden) +
    Math.abs(v.nihss ?? 0);
  if (screen <= VITAL_LIMIT) return null;
  for (const key in v) {
    const x = v[key as keyof Vitals] ?? 0;
    if (!(Math.abs(x) <= VITAL_LIMIT)) return key;
  }
  return null;
}

/** The play stops at a simulation fault, saying where, and keeps the last vitals it could compute. */
export function simulationFault(ctx: CaseContext, atMin: number, vital: string): Partial<CaseContext> {
  return {
    ended: { reason: 'fault', atMin },
    timeline: appended(ctx.timeline, {
      atMin,
      kind: 'alert',
      text:
        `The simulation stopped at T+${clockText(atMin)}: the case's physiology gave no number for ${vital}. ` +
        'This is a fault in the case file, not in your care: tell its author.',
    }),
  };
}

/** The play with its vitals recomputed for this minute (after an action or an event), or stopped at a fault. */
export function withVitalsNow(ctx: CaseContext, resolved: ResolvedCase): CaseContext {
  const vitals = vitalsNow(ctx, resolved);
  const broken = brokenVital(vitals);
  return update(ctx, broken === null ? { vitals } : simulationFault(ctx, ctx.nowMin, broken));
}

const r = Math.round;
const r1 = (x: number) => Math.round(x * 10) / 10;

export function tracePoint(atMin: number, v: Vitals, metabolic = false): TracePoint {
  const point: TracePoint = {
    atMin,
    hr: r(v.hr),
    sbp: r(v.sbp),
    dbp: r(v.dbp),
    map: r(v.map),
    rr: r(v.rr),
    spo2: r(v.spo2),
    temp: r1(v.temp),
    lactate: r1(v.lactate),
    gcs: v.gcs,
  };
  // Only in a case with physiology.neuro: a case without it keeps its trace byte for byte.
  if (v.nihss !== undefined) point.nihss = v.nihss;
  if (!metabolic) return point;
  // The metabolic values lead, as they always have (the output stays byte for byte the same). No spread of a
  // maybe-empty object: this runs every fifth simulated minute.
  const values = {
    glucose: r(v.glucose),
    potassium: r1(v.potassium),
    ph: Math.round(v.ph * 100) / 100,
    bicarbonate: r1(v.bicarbonate),
    ketones: r1(v.ketones),
  };
  return Object.assign({ metabolic: values }, point);
}

/**
 * Move simulated time forward to `toMin`, integrating the physiology minute by minute inside this one call and
 * handling everything due on the way: samples taken, results reported, procedures, alarms, exposures, the arrest
 * clock. It stops early at the first minute something needs the machine (a case event, an arrest, a return of
 * circulation, death): that is left in `due`, and nothing moves until the machine has handled it.
 * `interruptible` (the learner's own advance) also stops at the first minute with something the learner must see
 * (a new alarm, a critical result, the rhythm changing, a consultant arriving), recorded in `stoppedFor`.
 * Returns a new context; the one passed in is not changed.
 */
export function advanceTo(
  ctx: CaseContext,
  resolved: ResolvedCase,
  toMin: number,
  interruptible = false,
): CaseContext {
  if (toMin <= ctx.nowMin || ctx.deathAtMin !== null || ctx.due.length > 0 || ctx.ended?.reason === 'fault')
    return ctx;
  const model = modelFor(ctx, resolved);
  const weightKg = resolved.data.patient.weightKg.value;
  const afterEnd = ctx.ended !== null;
  const patient = copyPatient(ctx.patient);
  const timeline: TimelineEntry[] = own(ctx.timeline);
  const trace = own(ctx.trace);
  const exposureMin = { ...ctx.exposureMin };
  const alarms = { ...ctx.alarms };
  const breakpoints = inputBreakpoints(ctx, resolved);
  const events = eventMinutes(ctx, resolved);
  const exposures = model.exposures;
  const exposureTests = exposures.map(compileCondition);
  const withMetabolic = model.metabolic !== undefined;
  const exposureOpen = exposures.map(() => true);
  const caseEvents = { ...ctx.events };
  const watchEvents = eventSpecs(resolved).length > 0;
  const done = watchEvents && eventsReadTheLog(resolved) ? firstDone(ctx) : NOTHING_DONE;
  const r = model.resuscitation;
  let arrest = currentArrest(ctx);
  if (arrest !== null) arrest = { ...arrest };
  let rhythm = ctx.rhythm;
  let rngState = ctx.rngState;
  let due: Due[] = [];
  let orders = ctx.orders;
  let vitals = ctx.vitals;
  // What the learner must see at the minute being simulated (only looked for in the learner's own advance).
  const heard: StopReason[] = [];
  const listening = interruptible && !afterEnd;
  const note: Note = (atMin, kind, text, ref, stopFor) => {
    timeline.push({
      atMin,
      kind,
      text,
      ...(ref === undefined ? {} : { ref }),
      ...(afterEnd ? { afterEnd } : {}),
    });
    if (listening && stopFor !== undefined) heard.push(stopFor);
  };

  let fault: { minute: number; vital: string } | null = null;
  let minute = ctx.nowMin;
  let inputs = inputsAt(ctx, resolved, minute, model);
  const constants = stepConstants(model);
  // This minute's vitals, rewritten every minute: the play keeps a copy of only the minutes it shows or traces.
  const scratch = blankVitals();
  exposures.forEach(
    (e, i) => (exposureOpen[i] = !e.withoutRunning.some((id) => treatmentRunning(ctx, id, minute))),
  );
  while (minute < toMin) {
    if (minute !== ctx.nowMin && breakpoints.has(minute)) {
      inputs = inputsAt(ctx, resolved, minute, model);
      exposures.forEach(
        (e, i) => (exposureOpen[i] = !e.withoutRunning.some((id) => treatmentRunning(ctx, id, minute))),
      );
    }
    stepMinute(patient, inputs, model, weightKg, constants);
    minute += 1;
    const now = observe(patient, inputs, model, weightKg, scratch);
    const broken = brokenVital(now);
    if (broken !== null) {
      fault = { minute, vital: broken };
      break;
    }
    const { map, spo2 } = now;

    for (let i = 0; i < exposures.length; i++) {
      const e = exposures[i];
      if (e === undefined || exposureOpen[i] !== true) continue;
      const test = exposureTests[i];
      if (test !== undefined && meetsCompiled(test, now)) exposureMin[e.id] = (exposureMin[e.id] ?? 0) + 1;
    }
    if (arrest === null) {
      const shownMap = Math.round(map);
      const shownSpo2 = Math.round(spo2);
      if (!alarms.mapLow && shownMap < MAP_ALERT_BELOW) {
        alarms.mapLow = true;
        note(
          minute,
          'alert',
          `MAP has fallen below ${String(MAP_ALERT_BELOW)} mmHg (${String(shownMap)}).`,
          undefined,
          { kind: 'alarm', text: `MAP ${String(shownMap)} mmHg` },
        );
      } else if (alarms.mapLow && shownMap >= MAP_ALERT_CLEAR) alarms.mapLow = false;
      if (!alarms.spo2Low && shownSpo2 < SPO2_ALERT_BELOW) {
        alarms.spo2Low = true;
        note(
          minute,
          'alert',
          `SpO2 has fallen below ${String(SPO2_ALERT_BELOW)}% (${String(shownSpo2)}%).`,
          undefined,
          { kind: 'alarm', text: `SpO2 ${String(shownSpo2)}%` },
        );
      } else if (alarms.spo2Low && shownSpo2 >= SPO2_ALERT_CLEAR) alarms.spo2Low = false;
    }

    const sampleOrResult = events.has(minute);
    if (sampleOrResult) {
      orders = takeSamplesDue(orders, resolved, {
        atMin: minute,
        vitals: now,
        rhythm,
        pacingBpm: inputs.pacingRate,
      });
      noteEventsAt(ctx, orders, resolved, minute, note);
    }

    // The arrest clock: no flow or CPR, VF that degenerates, rhythm checks, the limits of resuscitation.
    if (arrest !== null) {
      arrest.minutes += 1;
      if (inputs.cpr) {
        arrest.cprMin += 1;
        arrest.cprStartedAt ??= minute - 1;
      } else arrest.noFlowMin += 1;
      // Unshocked, or shocked without success, VF loses its energy and flattens into asystole.
      if (rhythm === 'vf' && arrest.minutes >= r.vfToAsystoleMin) {
        rhythm = 'asystole';
        note(minute, 'alert', 'The ventricular fibrillation has become asystole.', undefined, {
          kind: 'rhythm',
          text: 'Asystole',
        });
      }
      if (arrest.cprStartedAt === null && arrest.minutes >= r.noCprDeathMin)
        due = [
          { kind: 'death', cause: `no CPR in the first ${String(r.noCprDeathMin)} minutes of the arrest` },
        ];
      else if (arrest.minutes >= r.limitMin)
        due = [
          {
            kind: 'death',
            cause: `no return of circulation after ${String(r.limitMin)} minutes of resuscitation`,
          },
        ];
      else if (inputs.cpr && !isShockable(rhythm) && arrest.cprMin % r.rhythmCheckEveryMin === 0) {
        // The play as it stands this minute (its clock, rhythm and arrest record), for the chance at this check.
        const probe = update(ctx, { nowMin: minute, rhythm, arrests: withCurrent(ctx, arrest) });
        const chance = checkChance(probe, resolved, momentOf(probe, readingsOf(now), minute));
        const d = draw(rngState, chance);
        rngState = d.rngState;
        if (d.happens) due = [{ kind: 'rosc' }];
      }
    } else if (patient.arrested) {
      if (minute >= ctx.rearmAt) {
        const arrhythmic = patient.arrestCause === 'arrhythmia';
        due = [
          {
            kind: 'arrest',
            rhythm: arrhythmic ? 'vf' : 'pea',
            cause: arrhythmic
              ? `potassium ${patient.potassium.toFixed(1)} mmol/L`
              : patient.arrestCause === 'acidaemia'
                ? `acidaemia, pH ${now.ph.toFixed(2)}`
                : 'circulatory collapse: MAP too low for too long, or lactate past survival',
            announce: true,
          },
        ];
      }
      patient.arrested = false;
      patient.arrestCause = null;
    }
    if (due.length === 0 && watchEvents) {
      due = dueEvents(
        resolved,
        caseEvents,
        momentOf(ctx, readingsOf(now), minute, rhythm),
        done,
        ctx.seed,
        true,
      );
    }

    const stop = due.length > 0 || heard.length > 0;
    if (stop || sampleOrResult || minute % TRACE_EVERY_MIN === 0 || minute === toMin || arrest !== null)
      vitals = { ...now };
    if (minute % TRACE_EVERY_MIN === 0) trace.push(tracePoint(minute, vitals, withMetabolic));
    else if (stop && due[0]?.kind === 'death') trace.push(tracePoint(minute, vitals, withMetabolic));
    if (stop) break;
  }
  const moved = update(ctx, {
    nowMin: minute,
    patient,
    vitals,
    orders,
    timeline,
    trace,
    exposureMin,
    alarms,
    rhythm,
    rngState,
    events: caseEvents,
    due,
    ...(arrest === null ? {} : { arrests: withCurrent(ctx, arrest) }),
    ...(heard.length === 0 ? {} : { stoppedFor: { atMin: minute, reasons: mostUrgentFirst(heard) } }),
  });
  return fault === null ? moved : update(moved, simulationFault(moved, fault.minute, fault.vital));
}

/** A timeline entry to add; `stopFor` when it is something that stops the learner's advance of the clock. */
type Note = (
  atMin: number,
  kind: TimelineEntry['kind'],
  text: string,
  ref?: string,
  stopFor?: StopReason,
) => void;

const URGENCY: readonly StopReason['kind'][] = ['rhythm', 'alarm', 'critical-result', 'event', 'consultant'];

/** Reasons to stop the clock, the most urgent kind first (a stable sort: same-kind reasons keep their order). */
export function mostUrgentFirst(reasons: readonly StopReason[]): StopReason[] {
  return [...reasons].sort((a, b) => URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind));
}

function noteEventsAt(
  ctx: CaseContext,
  orders: readonly OrderRecord[],
  resolved: ResolvedCase,
  minute: number,
  note: Note,
): void {
  reportResultsDue(orders, resolved, minute, note);
  for (const procedure of ctx.procedures) {
    if (procedure.startsAt === minute)
      note(minute, 'event', `${procedure.label}: started.`, procedure.trigger);
    if (procedure.endsAt === minute)
      note(minute, 'event', `${procedure.label}: completed.`, procedure.trigger);
  }
  for (const given of ctx.treatments) {
    const treatment = resolved.catalog.treatments[given.treatmentId];
    if (
      treatment?.mode === 'bolus' &&
      given.endsAt === minute &&
      bolusEndsAt(given.atMin, given.dose, treatment) === minute
    ) {
      note(
        minute,
        'event',
        `${treatment.name} ${String(given.dose)} ${treatment.doseUnit} has run in.`,
        `treat:${given.treatmentId}`,
      );
    }
  }
  for (const consult of ctx.consults) {
    if (consult.arrivesAt === minute) {
      const words = resolved.data.consultNotes[consult.consultId];
      const said =
        words === undefined ? undefined : consultWords(words, { log: ctx.log, orders, atMin: minute }).value;
      const name = resolved.catalog.consults[consult.consultId]?.name ?? consult.consultId;
      note(
        minute,
        'event',
        `${name} at the bedside.${said === undefined ? '' : ` ${said}`}`,
        `consult:${consult.consultId}`,
        { kind: 'consultant', text: `${name} at the bedside` },
      );
    }
  }
}

function treatmentRunning(ctx: CaseContext, treatmentId: string, minute: number): boolean {
  return ctx.treatments.some((t) => t.treatmentId === treatmentId && isRunning(t, minute));
}

function takeSamplesDue(orders: OrderRecord[], resolved: ResolvedCase, sample: Sample): OrderRecord[] {
  // A cancelled order has no sample to take.
  const toSample = (o: OrderRecord) =>
    o.result === null && o.sampledAt <= sample.atMin && o.cancelledAt === undefined;
  if (!orders.some(toSample)) return orders;
  return orders.map((o) =>
    toSample(o) ? { ...o, result: computeResult(resolved, o.testId, { ...sample, atMin: o.sampledAt }) } : o,
  );
}

function reportResultsDue(
  orders: readonly OrderRecord[],
  resolved: ResolvedCase,
  minute: number,
  note: Note,
): void {
  for (const order of orders) {
    if (order.result === null) continue;
    const name = resolved.catalog.tests[order.testId]?.name ?? order.testId;
    if (order.result.kind === 'culture') {
      for (const stage of order.result.stages) {
        if (stage.atMin === minute)
          note(minute, 'result', `${name} (${stage.status}): ${stage.report.value}`, `order:${order.testId}`);
      }
    } else if (order.resultAt === minute) {
      note(minute, 'result', `${name}: ${summarise(order.result, minute)}`, `order:${order.testId}`);
      // A critical value is telephoned to the team: the learner is alerted, not left to find it in the inbox.
      const critical =
        order.result.kind === 'panel' ? order.result.rows.filter((r) => r.flag.length === 2) : [];
      if (critical.length > 0) {
        const values = critical.map(
          (r) =>
            `${r.name} ${valueText(r.value, r.censored)}${r.unit === '' ? '' : ` ${r.unit}`} (${flagWords(r.flag)})`,
        );
        note(minute, 'alert', `Critical result: ${values.join('; ')}.`, `order:${order.testId}`, {
          kind: 'critical-result',
          text: values.join('; '),
        });
      }
    }
  }
}
