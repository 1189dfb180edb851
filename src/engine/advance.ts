import { eventMinutes, inputBreakpoints } from './breakpoints.ts';
import { inputsAt, isRunning } from './care.ts';
import {
  update,
  type CaseContext,
  type OrderRecord,
  type TimelineEntry,
  type TracePoint,
} from './context.ts';
import type { ResolvedCase } from './load/load-case.ts';
import { meets, observe, type Vitals } from './physiology/observe.ts';
import { copyPatient } from './physiology/state.ts';
import { stepConstants, stepMinute } from './physiology/step.ts';
import { computeResult, flagWords, summarise } from './results.ts';
import type { Treatment } from './schema/catalog.ts';

/** A bolus runs until its whole volume is in. */
export function bolusEndsAt(atMin: number, dose: number, treatment: Treatment): number {
  return atMin + Math.max(1, Math.ceil(dose / (treatment.rateMlPerMin ?? dose)));
}

const TRACE_EVERY_MIN = 5;
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
  return observe(
    patient,
    inputsAt(ctx, resolved, minute),
    resolved.data.physiology,
    resolved.data.patient.weightKg.value,
  );
}

export function tracePoint(atMin: number, v: Vitals, metabolic = false): TracePoint {
  const r = (x: number) => Math.round(x);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    ...(metabolic
      ? {
          metabolic: {
            glucose: r(v.glucose),
            potassium: r1(v.potassium),
            ph: Math.round(v.ph * 100) / 100,
            bicarbonate: r1(v.bicarbonate),
            ketones: r1(v.ketones),
          },
        }
      : {}),
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
}

/**
 * Move simulated time forward to `toMin`, integrating the physiology minute by minute inside this one call and
 * handling everything due on the way: samples taken, results reported, procedures, alarms, exposures, death.
 * Returns a new context; the one passed in is not changed.
 */
export function advanceTo(ctx: CaseContext, resolved: ResolvedCase, toMin: number): CaseContext {
  if (toMin <= ctx.nowMin || ctx.deathAtMin !== null) return ctx;
  const model = resolved.data.physiology;
  const weightKg = resolved.data.patient.weightKg.value;
  const afterEnd = ctx.ended !== null;
  const patient = copyPatient(ctx.patient);
  const timeline: TimelineEntry[] = [...ctx.timeline];
  const trace = [...ctx.trace];
  const exposureMin = { ...ctx.exposureMin };
  const alarms = { ...ctx.alarms };
  const breakpoints = inputBreakpoints(ctx, resolved);
  const events = eventMinutes(ctx, resolved);
  const exposures = model.exposures;
  const withMetabolic = model.metabolic !== undefined;
  const exposureOpen = exposures.map(() => true);
  let orders = ctx.orders;
  let vitals = ctx.vitals;
  let deathAtMin: number | null = null;
  const note = (atMin: number, kind: TimelineEntry['kind'], text: string, ref?: string) =>
    timeline.push({
      atMin,
      kind,
      text,
      ...(ref === undefined ? {} : { ref }),
      ...(afterEnd ? { afterEnd } : {}),
    });

  let minute = ctx.nowMin;
  let inputs = inputsAt(ctx, resolved, minute);
  const constants = stepConstants(model);
  exposures.forEach(
    (e, i) => (exposureOpen[i] = !e.withoutRunning.some((id) => treatmentRunning(ctx, id, minute))),
  );
  while (minute < toMin) {
    if (minute !== ctx.nowMin && breakpoints.has(minute)) {
      inputs = inputsAt(ctx, resolved, minute);
      exposures.forEach(
        (e, i) => (exposureOpen[i] = !e.withoutRunning.some((id) => treatmentRunning(ctx, id, minute))),
      );
    }
    stepMinute(patient, inputs, model, weightKg, constants);
    minute += 1;
    const now = observe(patient, inputs, model, weightKg);
    const { map, spo2 } = now;

    for (let i = 0; i < exposures.length; i++) {
      const e = exposures[i];
      if (e === undefined || exposureOpen[i] !== true) continue;
      if (meets(e, now)) exposureMin[e.id] = (exposureMin[e.id] ?? 0) + 1;
    }
    const shownMap = Math.round(map);
    const shownSpo2 = Math.round(spo2);
    if (!alarms.mapLow && shownMap < MAP_ALERT_BELOW) {
      alarms.mapLow = true;
      note(minute, 'alert', `MAP has fallen below ${String(MAP_ALERT_BELOW)} mmHg (${String(shownMap)}).`);
    } else if (alarms.mapLow && shownMap >= MAP_ALERT_CLEAR) alarms.mapLow = false;
    if (!alarms.spo2Low && shownSpo2 < SPO2_ALERT_BELOW) {
      alarms.spo2Low = true;
      note(minute, 'alert', `SpO2 has fallen below ${String(SPO2_ALERT_BELOW)}% (${String(shownSpo2)}%).`);
    } else if (alarms.spo2Low && shownSpo2 >= SPO2_ALERT_CLEAR) alarms.spo2Low = false;

    const due = events.has(minute);
    if (due || minute % TRACE_EVERY_MIN === 0 || minute === toMin || patient.arrested) vitals = now;
    if (due) {
      orders = takeSamplesDue(orders, resolved, vitals, minute);
      noteEventsAt(ctx, orders, resolved, minute, note);
    }
    if (minute % TRACE_EVERY_MIN === 0) trace.push(tracePoint(minute, vitals, withMetabolic));
    if (patient.arrested) {
      deathAtMin = minute;
      note(
        minute,
        'alert',
        patient.arrestCause === 'arrhythmia'
          ? `Cardiac arrest (ventricular fibrillation; potassium ${patient.potassium.toFixed(1)} mmol/L). Resuscitation is unsuccessful.`
          : 'Cardiac arrest (pulseless electrical activity). Resuscitation is unsuccessful.',
      );
      if (minute % TRACE_EVERY_MIN !== 0) trace.push(tracePoint(minute, vitals, withMetabolic));
      break;
    }
  }
  return update(ctx, {
    nowMin: minute,
    patient,
    vitals,
    orders,
    timeline,
    trace,
    exposureMin,
    alarms,
    deathAtMin,
  });
}

type Note = (atMin: number, kind: TimelineEntry['kind'], text: string, ref?: string) => void;

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
      const said = resolved.data.consultNotes[consult.consultId]?.value;
      note(
        minute,
        'event',
        `${resolved.catalog.consults[consult.consultId]?.name ?? consult.consultId} at the bedside.${said === undefined ? '' : ` ${said}`}`,
        `consult:${consult.consultId}`,
      );
    }
  }
}

function treatmentRunning(ctx: CaseContext, treatmentId: string, minute: number): boolean {
  return ctx.treatments.some((t) => t.treatmentId === treatmentId && isRunning(t, minute));
}

function takeSamplesDue(
  orders: OrderRecord[],
  resolved: ResolvedCase,
  vitals: Vitals,
  minute: number,
): OrderRecord[] {
  if (!orders.some((o) => o.result === null && o.sampledAt <= minute)) return orders;
  return orders.map((o) =>
    o.result === null && o.sampledAt <= minute
      ? { ...o, result: computeResult(resolved, o.testId, vitals, o.sampledAt) }
      : o,
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
          (r) => `${r.name} ${String(r.value)}${r.unit === '' ? '' : ` ${r.unit}`} (${flagWords(r.flag)})`,
        );
        note(minute, 'alert', `Critical result: ${values.join('; ')}.`, `order:${order.testId}`);
      }
    }
  }
}
