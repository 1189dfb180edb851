import type { ResolvedCase } from '../case/load/load-case.ts';
import type { ExamFinding } from '../case/schema/case.ts';
import type { TextFact } from '../case/schema/fact.ts';
import { bolusEndsAt, sampleNow, vitalsNow } from '../sim/advance.ts';
import { isRunning } from '../sim/care.ts';
import { observedFrom } from '../sim/gate.ts';
import { meets, type Vitals } from '../sim/physiology/observe.ts';
import { computeResult } from '../sim/results.ts';
import {
  update,
  type CaseContext,
  type LearnerAction,
  type OrderRecord,
  type ProcedureRecord,
  type TimelineEntry,
  type TreatmentRecord,
} from './context.ts';
import { actOnRhythm, intubated } from './rhythm-actions.ts';
import { nextRandom, triangular } from './rng.ts';
import { checkAction, diagnosisName } from './targets.ts';
import { appended } from './lists.ts';

export { actionWords, checkAction, describeAction, targetsFor } from './targets.ts';
export { intubated } from './rhythm-actions.ts';

/** Why an action cannot be done now, in this play (nothing to stop, already called), or null. */
function checkNow(ctx: CaseContext, resolved: ResolvedCase, action: LearnerAction): string | null {
  const treatments = resolved.catalog.treatments;
  if (
    action.do === 'treat' &&
    treatments[action.id]?.effects.some((e) => e.type === 'ventilator') === true &&
    !intubated(ctx, resolved)
  )
    return 'the patient is not intubated: there is no ventilator to set';
  if (
    action.do === 'stop' &&
    !ctx.treatments.some((t) => t.treatmentId === action.id && isRunning(t, ctx.nowMin))
  ) {
    return `nothing of "${action.id}" is running`;
  }
  if (action.do === 'consult' && ctx.consults.some((c) => c.consultId === action.id))
    return `"${action.id}" has already been called`;
  if (action.do === 'cancel') return whyNotCancel(ctx, resolved, action.id);
  return null;
}

/** The order a cancel would withdraw: the latest of that test still waiting for its sample (none once it is taken). */
function cancellable(ctx: CaseContext, testId: string): OrderRecord | undefined {
  return ctx.orders.findLast((o) => o.testId === testId && o.cancelledAt === undefined && o.result === null);
}

/** Why an order cannot be cancelled now: never ordered, already cancelled, or its sample already taken (the scan done). */
function whyNotCancel(ctx: CaseContext, resolved: ResolvedCase, testId: string): string | null {
  if (cancellable(ctx, testId) !== undefined) return null;
  const test = resolved.catalog.tests[testId];
  const name = test?.name ?? testId;
  const orders = ctx.orders.filter((o) => o.testId === testId);
  if (orders.length === 0) return `${name} has not been ordered`;
  if (orders.every((o) => o.cancelledAt !== undefined)) return `${name} has already been cancelled`;
  // A lab sample is taken and sent; a scan or a bedside test is simply done.
  const sampled = test?.category === 'lab' || test?.category === 'microbiology';
  return sampled
    ? `the sample for ${name} has already been taken: too late to cancel`
    : `${name} has already been done: too late to cancel`;
}

/** Apply one learner action at the current minute. Refused actions are logged with their reason, never thrown. */
export function applyAction(
  ctx: CaseContext,
  resolved: ResolvedCase,
  action: LearnerAction,
  by?: 'team',
): CaseContext {
  const now = ctx.nowMin;
  const at = {
    atMin: now,
    action,
    observed: observedFrom(ctx.vitals),
    phase: ctx.phase,
    rhythm: ctx.rhythm,
    ...(by === undefined ? {} : { by }),
  };
  const reason = checkAction(resolved, action) ?? checkNow(ctx, resolved, action);
  // A receiving team's standing order with nothing to act on (stop an infusion the learner never started) is
  // simply not needed: kept in the log, not said in the projected course as a refusal.
  if (reason !== null && by === 'team')
    return update(ctx, { log: appended(ctx.log, { ...at, accepted: false, reason }) });
  if (reason !== null) {
    return update(ctx, {
      log: appended(ctx.log, { ...at, accepted: false, reason }),
      timeline: appended(ctx.timeline, {
        atMin: now,
        kind: 'refused',
        text: `Not done: ${reason}.`,
        ref: `${action.do}:${action.id}`,
      }),
    });
  }
  const said = ctx.timeline.length;
  const changes = perform(ctx, resolved, action);
  // The receiving team's standing orders are part of the projected course, and say whose they are.
  if (by === 'team' && changes.timeline !== undefined)
    changes.timeline = changes.timeline.map((e, i) =>
      i < said ? e : { ...e, text: `Receiving team: ${e.text}`, afterEnd: true },
    );
  const procedures = proceduresFor(ctx, resolved, `${action.do}:${action.id}`);
  return update(ctx, {
    ...changes,
    log: appended(ctx.log, { ...at, accepted: true }),
    ...(procedures.length > 0 ? { procedures: [...ctx.procedures, ...procedures] } : {}),
  });
}

/** What an accepted action changes in the context (only the changed fields, merged once by the caller). */
function perform(ctx: CaseContext, resolved: ResolvedCase, action: LearnerAction): Partial<CaseContext> {
  const { catalog, data } = resolved;
  const now = ctx.nowMin;
  const ref = `${action.do}:${action.id}`;
  // Called once, for the one line the action adds.
  const say = (text: string): TimelineEntry[] =>
    appended(ctx.timeline, { atMin: now, kind: 'action', text, ref });
  switch (action.do) {
    case 'examine': {
      const region = catalog.examRegions[action.id];
      const finding = ctx.examNow[action.id] ?? findingNow(data.exam[action.id], vitalsNow(ctx, resolved));
      const text = finding?.value ?? region?.normal ?? '';
      return {
        examined: addOnce(ctx.examined, action.id),
        findings:
          finding === null ? ctx.findings : [...ctx.findings, { region: action.id, atMin: now, finding }],
        timeline: say(`Examined ${region?.name ?? action.id}: ${text}`),
      };
    }
    case 'ask': {
      const item = data.history.find((h) => h.id === action.id);
      return {
        asked: addOnce(ctx.asked, action.id),
        timeline: say(`Asked: ${item?.question ?? action.id} — ${item?.answer.value ?? ''}`),
      };
    }
    case 'order':
      return orderTest(ctx, resolved, action.id, say);
    case 'cancel': {
      const order = cancellable(ctx, action.id);
      return {
        orders: ctx.orders.map((o) => (o === order ? { ...o, cancelledAt: now } : o)),
        timeline: say(`Cancelled ${catalog.tests[action.id]?.name ?? action.id}.`),
      };
    }
    case 'treat':
      return giveTreatment(ctx, resolved, action.id, action.dose, say);
    case 'stop': {
      const treatments = ctx.treatments.map((t) =>
        t.treatmentId === action.id && isRunning(t, now) ? { ...t, endsAt: now } : t,
      );
      return { treatments, timeline: say(`Stopped ${catalog.treatments[action.id]?.name ?? action.id}.`) };
    }
    case 'consult': {
      const consult = catalog.consults[action.id];
      const arrivesAt = now + Math.round(consult?.responseMin ?? 0);
      return {
        consults: [...ctx.consults, { consultId: action.id, atMin: now, arrivesAt }],
        timeline: say(`Called ${consult?.name ?? action.id} (expected in ${String(arrivesAt - now)} min).`),
      };
    }
    case 'diagnose':
      // The catalogue's general name, never the case's own wording: that would say which diagnoses the case lists.
      return {
        diagnoses: addOnce(ctx.diagnoses, action.id),
        timeline: say(`Working diagnosis: ${diagnosisName(resolved, action.id)}.`),
      };
    case 'dispose': {
      const disposition = catalog.dispositions[action.id];
      const leaves = disposition?.stopsTreatment === true;
      const treatments = leaves
        ? ctx.treatments.map((t) => (isRunning(t, now) ? { ...t, endsAt: now } : t))
        : ctx.treatments;
      // A patient who goes home takes no pending procedure with them (a cath lab activated, then discharged).
      const procedures = leaves ? ctx.procedures.filter((p) => p.startsAt <= now) : ctx.procedures;
      return {
        treatments,
        procedures,
        disposition: { id: action.id, atMin: now },
        ended: { reason: 'disposition', atMin: now },
        timeline: say(`Disposition: ${disposition?.name ?? action.id}.`),
      };
    }
    default:
      return action satisfies never;
  }
}

function orderTest(
  ctx: CaseContext,
  resolved: ResolvedCase,
  testId: string,
  say: (text: string) => TimelineEntry[],
): Partial<CaseContext> {
  const test = resolved.catalog.tests[testId];
  if (test === undefined) return {};
  const override = resolved.data.testOverrides[testId];
  const timing = {
    collectMin: override?.collectMin ?? test.collectMin,
    turnaroundMin: override?.turnaroundMin ?? test.turnaroundMin,
    turnaroundRangeMin: override?.turnaroundRangeMin ?? test.turnaroundRangeMin,
  };
  const now = ctx.nowMin;
  const sampledAt = now + Math.round(timing.collectMin);
  let rngState = ctx.rngState;
  let turnaround = timing.turnaroundMin;
  const given = resolved.data.results[testId];
  if (given?.kind === 'culture') turnaround = given.stages[0]?.afterMin ?? turnaround;
  else if (timing.turnaroundRangeMin !== undefined) {
    const draw = nextRandom(rngState);
    rngState = draw.state;
    turnaround = triangular(
      draw.value,
      timing.turnaroundRangeMin[0],
      timing.turnaroundMin,
      timing.turnaroundRangeMin[1],
    );
  }
  const resultAt = sampledAt + Math.max(1, Math.round(turnaround));
  const result = sampledAt === now ? computeResult(resolved, testId, sampleNow(ctx, resolved)) : null;
  const n = ctx.orders.length + 1;
  return {
    rngState,
    orders: appended(ctx.orders, { n, testId, orderedAt: now, sampledAt, resultAt, result }),
    timeline: say(`Ordered ${test.name}.`),
  };
}

function giveTreatment(
  ctx: CaseContext,
  resolved: ResolvedCase,
  treatmentId: string,
  requestedDose: number | undefined,
  say: (text: string) => TimelineEntry[],
): Partial<CaseContext> {
  const treatment = resolved.catalog.treatments[treatmentId];
  if (treatment === undefined) return {};
  const now = ctx.nowMin;
  const dose = requestedDose ?? treatment.defaultDose;
  const amount = `${String(dose)} ${treatment.doseUnit}${treatment.route === 'none' ? '' : ` ${treatment.route}`}`;
  let treatments = ctx.treatments;
  // A written order with nothing given (hold the regular medicines) is said as an order, not as a dose.
  let text =
    treatment.category === 'monitoring'
      ? `Placed ${treatment.name}.`
      : treatment.category === 'other' && treatment.route === 'none'
        ? `Ordered: ${treatment.name}.`
        : `Gave ${treatment.name} ${amount}.`;
  if (treatment.category === 'position') {
    // One position at a time: the new one replaces whichever was held.
    treatments = treatments.map((t) =>
      resolved.catalog.treatments[t.treatmentId]?.category === 'position' && isRunning(t, now)
        ? { ...t, endsAt: now }
        : t,
    );
  }
  let endsAt: number | null = now;
  if (treatment.mode === 'bolus') {
    endsAt = bolusEndsAt(now, dose, treatment);
    text = `Started ${treatment.name} ${amount} (runs over ${String(endsAt - now)} min).`;
  } else if (treatment.mode === 'infusion') {
    endsAt = null;
    const wasRunning = treatments.some((t) => t.treatmentId === treatmentId && isRunning(t, now));
    treatments = treatments.map((t) =>
      t.treatmentId === treatmentId && isRunning(t, now) ? { ...t, endsAt: now } : t,
    );
    text =
      treatment.category === 'position'
        ? `Positioned the patient: ${treatment.name}.`
        : wasRunning
          ? `${treatment.name} changed to ${amount}.`
          : `Started ${treatment.name} at ${amount}.`;
  }
  // Effects that happen only in some patients are drawn now, from the play's seed: the same log, the same patient.
  let rngState = ctx.rngState;
  const missed: number[] = [];
  treatment.effects.forEach((effect, index) => {
    if (effect.chance === undefined) return;
    const draw = nextRandom(rngState);
    rngState = draw.state;
    if (draw.value >= effect.chance) missed.push(index);
  });
  const record: TreatmentRecord = {
    n: ctx.treatments.length + 1,
    treatmentId,
    atMin: now,
    dose,
    endsAt,
    ...(missed.length > 0 ? { missed } : {}),
  };
  const given = update(ctx, { treatments: [...treatments, record], rngState });
  const onRhythm = actOnRhythm(given, resolved, treatment, dose, missed);
  const timeline = say(onRhythm.text === '' ? text : `${text} ${onRhythm.text}`);
  return { ...onRhythm.changes, treatments: given.treatments, timeline, rngState: onRhythm.rngState };
}

/** Minutes an action keeps the learner busy: the case's override, else the catalogue's (exam 2, history 1). */
export function actionMinutes(resolved: ResolvedCase, action: LearnerAction): number {
  const { catalog, data } = resolved;
  const override = data.timeCosts[`${action.do}:${action.id}`];
  if (override !== undefined) return override;
  switch (action.do) {
    case 'examine':
      return catalog.examRegions[action.id]?.durationMin ?? 0;
    case 'ask':
      return data.history.find((h) => h.id === action.id)?.durationMin ?? 0;
    case 'treat':
      return catalog.treatments[action.id]?.durationMin ?? 0;
    default:
      return 0;
  }
}

/** What examining a region finds with the patient as they are now (null: the case says nothing, so normal). */
function findingNow(given: ExamFinding | undefined, vitals: Vitals): TextFact | null {
  if (given === undefined) return null;
  if (!('changes' in given)) return given;
  return given.changes.find((c) => meets(c.when, vitals))?.finding ?? given.otherwise;
}

/** Procedures the case ties to this action (e.g. drainage once the patient goes to theatre), each at most once. */
function proceduresFor(ctx: CaseContext, resolved: ResolvedCase, ref: string): ProcedureRecord[] {
  return resolved.data.physiology.interventions
    .filter((i) => i.trigger === ref && !ctx.procedures.some((p) => p.label === i.label))
    .map((i) => {
      const startsAt = ctx.nowMin + Math.round(i.afterMin);
      return {
        label: i.label,
        trigger: ref,
        startsAt,
        endsAt: startsAt + Math.max(1, Math.round(i.durationMin)),
        burdenFactor: i.burdenFactor,
        controlsSource: i.controlsSource,
        inductionMapDropMmHg: i.inductionMapDropMmHg,
        inductionMin: i.inductionMin,
      };
    });
}

function addOnce(list: readonly string[], id: string): string[] {
  return list.includes(id) ? [...list] : [...list, id];
}
