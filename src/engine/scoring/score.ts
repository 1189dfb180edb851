import { forEachDone, type CaseContext, type LogEntry } from '../play/context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { actionWords, describeAction } from '../play/actions.ts';
import { fluidRateMlPerMin } from '../sim/care.ts';
import { durationText } from '../play/clock.ts';
import { firstAvailableAt } from '../sim/results.ts';
import type { Source } from '../case/schema/fact.ts';
import type { DoseRange, ScoringRule } from '../case/schema/scoring.ts';
import type { StateGate } from '../case/schema/course.ts';
import { gateHolds, gateWords } from '../sim/gate.ts';

export interface ScoreItem {
  id: string;
  label: string;
  category: ScoringRule['category'];
  earned: number;
  max: number;
  /** What happened in this play, in a sentence. */
  reason: string;
  /** Why it matters (from the case). */
  rationale: string;
  source: Source;
  /** False for an item about something that did not happen in this play (an arrest, a course event): 0 of 0. */
  applies: boolean;
}

export interface Score {
  earned: number;
  max: number;
  percent: number;
  items: ScoreItem[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const minutes = durationText;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A done action, in play order. */
interface Done {
  ref: string;
  atMin: number;
  index: number;
  entry: LogEntry;
}

/**
 * The learner's accepted actions (never the receiving team's standing orders). An order cancelled before its sample
 * was taken was never done: it answers no "ordered within" rule, costs nothing and harms no one.
 */
function doneActions(ctx: CaseContext): Done[] {
  const done: Done[] = [];
  forEachDone(ctx, (entry, index) => {
    if (entry.by === undefined)
      done.push({ ref: `${entry.action.do}:${entry.action.id}`, atMin: entry.atMin, index, entry });
  });
  return done;
}

/** Orders that went ahead (a cancelled one has no result to wait for). */
const kept = (ctx: CaseContext) => ctx.orders.filter((o) => o.cancelledAt === undefined);

/** Whether the patient was in the gate's state when the action was done (no gate: always). */
function heldAt(gate: StateGate | undefined, d: Done, ctx: CaseContext): boolean {
  if (gate === undefined) return true;
  return gateHolds(gate, {
    observed: d.entry.observed,
    phase: d.entry.phase,
    rhythm: d.entry.rhythm,
    atMin: d.atMin,
    running: (id) =>
      ctx.treatments.some(
        (t) => t.treatmentId === id && t.atMin <= d.atMin && (t.endsAt === null || d.atMin < t.endsAt),
      ),
  });
}

type Gated = Extract<ScoringRule, { type: 'timed' | 'regimen' }>;

/** A dose range in words: "50 mg", "40–60 mg", "at least 50 mg". */
function rangeWords(range: DoseRange, unit: string): string {
  const { atLeast, atMost } = range;
  if (atLeast !== undefined && atMost !== undefined)
    return atLeast === atMost ? `${String(atLeast)} ${unit}` : `${String(atLeast)}–${String(atMost)} ${unit}`;
  return atLeast !== undefined ? `at least ${String(atLeast)} ${unit}` : `at most ${String(atMost)} ${unit}`;
}

/**
 * Why a done action does not count for a rule with a dose range or a state gate, in words; null when it counts. The
 * dose is the one ordered, or the catalogue default when none was.
 */
function whyNotCounted(rule: Gated, d: Done, ctx: CaseContext, resolved: ResolvedCase): string | null {
  const { action } = d.entry;
  const range = action.do === 'treat' ? rule.doses?.[action.id] : undefined;
  const treatment = resolved.catalog.treatments[action.id];
  if (range !== undefined && treatment !== undefined) {
    const dose = (action.do === 'treat' ? action.dose : undefined) ?? treatment.defaultDose;
    if (!((range.atLeast ?? 0) <= dose && dose <= (range.atMost ?? Infinity)))
      return `${String(dose)} ${treatment.doseUnit}, but only ${rangeWords(range, treatment.doseUnit)} counts`;
  }
  if (!heldAt(rule.when, d, ctx)) {
    const name = (id: string) => resolved.catalog.treatments[id]?.name ?? id;
    return `but not while ${gateWords(rule.when ?? {}, name)}`;
  }
  return null;
}

/** "Hydrocortisone given at 1 h: 10 mg, but only 50 mg counts: no credit." */
function refusedReason(resolved: ResolvedCase, d: Done, why: string): string {
  const joint = why.startsWith('but') ? ',' : ':';
  return `${capital(describeAction(resolved, d.ref))} at ${minutes(d.atMin)}${joint} ${why}: no credit.`;
}

/**
 * Score a play: a pure function of the case, the learner's record and the simulated patient. Positive items add
 * up to the maximum; harms and costs subtract; the total is kept within [0, max].
 */
export function scoreCase(resolved: ResolvedCase, ctx: CaseContext): Score {
  const done = doneActions(ctx);
  const harmed = harmedRefs(resolved.data.scoring.rules, done, ctx);
  const items = resolved.data.scoring.rules.map((rule): ScoreItem => {
    const { earned, reason, applies = true } = evaluate(rule, resolved, ctx, done, harmed);
    const max = 'points' in rule && applies ? rule.points : 0;
    return {
      id: rule.id,
      label: rule.label,
      category: rule.category,
      earned: round1(earned),
      max,
      reason,
      rationale: rule.rationale,
      source: rule.source,
      applies,
    };
  });
  const max = items.reduce((sum, item) => sum + item.max, 0);
  const total = items.reduce((sum, item) => sum + item.earned, 0);
  const earned = round1(Math.min(max, Math.max(0, total)));
  return { earned, max, percent: max === 0 ? 0 : round1((100 * earned) / max), items };
}

/** "Blood cultures never ordered", "Ceftriaxone (or an alternative) never given". */
function never(resolved: ResolvedCase, refs: readonly string[]): string {
  const { what, done } = actionWords(resolved, refs[0] ?? '');
  return `${what}${refs.length > 1 ? ' (or an alternative)' : ''} never ${done}`;
}

/** Actions already penalised as harms: a harmful test is not charged again as an unnecessary one. */
function harmedRefs(rules: readonly ScoringRule[], done: Done[], ctx: CaseContext): Set<string> {
  const refs = new Set<string>();
  for (const rule of rules) {
    if (rule.type !== 'harm') continue;
    const hit = done.find((d) => rule.actions.includes(d.ref) && harmApplies(rule, d, done, ctx));
    if (hit !== undefined) refs.add(hit.ref);
  }
  return refs;
}

function evaluate(
  rule: ScoringRule,
  resolved: ResolvedCase,
  ctx: CaseContext,
  done: Done[],
  harmed: ReadonlySet<string>,
): { earned: number; reason: string; applies?: boolean } {
  const matching = (refs: readonly string[]) => done.filter((d) => refs.includes(d.ref));
  const said = (ref: string) => describeAction(resolved, ref);
  switch (rule.type) {
    case 'timed': {
      const anchor = anchorMinute(rule.from, resolved, ctx, done);
      if (anchor === null) return { earned: 0, reason: notApplicable(rule.from, resolved), applies: false };
      const anchoredOnCourse =
        rule.from === 'arrest' || (typeof rule.from === 'object' && 'event' in rule.from);
      // An arrest or event after the learner had left is not theirs to answer.
      if (anchoredOnCourse && anchor.atMin > (ctx.ended?.atMin ?? Infinity))
        return {
          earned: 0,
          reason: `${capital(anchor.what)} at ${minutes(anchor.atMin)}, after your part ended: does not apply.`,
          applies: false,
        };
      // After an arrest or a course event, only what was done once it happened answers it.
      const candidates = matching(rule.actions).filter((d) => !anchoredOnCourse || d.atMin >= anchor.atMin);
      const gated = candidates.filter((d) => whyNotCounted(rule, d, ctx, resolved) === null);
      const hit = occurrences(gated, rule.minGapMin)[rule.occurrence - 1];
      if (hit === undefined) {
        const refused = candidates.find((d) => !gated.includes(d));
        const why = refused === undefined ? null : whyNotCounted(rule, refused, ctx, resolved);
        return {
          earned: 0,
          reason:
            refused !== undefined && why !== null
              ? refusedReason(resolved, refused, why)
              : rule.occurrence > 1
                ? 'Not repeated.'
                : 'Not done.',
        };
      }
      const delay = Math.max(0, hit.atMin - anchor.atMin);
      const early = hit.atMin < anchor.atMin;
      // Done before the result it waits for: on time or no credit, as the rule says; the reason says which.
      if (early && rule.beforeResult === 'no-credit')
        return {
          earned: 0,
          reason: `${capital(said(hit.ref))} ${minutes(anchor.atMin - hit.atMin)} before ${anchor.what}: too early for credit.`,
        };
      const band = rule.bands.find((b) => delay <= b.withinMin);
      const fraction = band?.fraction ?? 0;
      const when = early
        ? `${minutes(anchor.atMin - hit.atMin)} before ${anchor.what}`
        : `${minutes(delay)} after ${anchor.what}`;
      return {
        earned: rule.points * fraction,
        reason: `${capital(said(hit.ref))} ${when}${band === undefined ? ', too late for credit' : ''}.`,
      };
    }
    case 'sequence': {
      const first = matching(rule.first)[0];
      const then = matching(rule.then)[0];
      if (then === undefined) return { earned: 0, reason: `${capital(never(resolved, rule.then))}.` };
      if (first === undefined)
        return {
          earned: 0,
          reason: `${capital(never(resolved, rule.first))} (${said(then.ref)} at ${minutes(then.atMin)}).`,
        };
      if (first.index > then.index)
        return {
          earned: 0,
          reason: `${capital(said(then.ref))} (${minutes(then.atMin)}) came before ${said(first.ref)} (${minutes(first.atMin)}).`,
        };
      return {
        earned: rule.points,
        reason: `${capital(said(first.ref))} (${minutes(first.atMin)}) before ${said(then.ref)} (${minutes(then.atMin)}).`,
      };
    }
    case 'regimen': {
      const inWindow = done.filter((d) => rule.withinMin === undefined || d.atMin <= rule.withinMin);
      const refs = new Set(
        inWindow.filter((d) => whyNotCounted(rule, d, ctx, resolved) === null).map((d) => d.ref),
      );
      const tier = rule.tiers.find((t) => t.requires.every((group) => group.some((ref) => refs.has(ref))));
      if (tier !== undefined) return { earned: rule.points * tier.fraction, reason: `${tier.label}.` };
      // Nothing scored: say so of an action a tier names that was done, but at the wrong dose or in the wrong state.
      const named = new Set(rule.tiers.flatMap((t) => t.requires.flat()));
      for (const d of inWindow) {
        const why = named.has(d.ref) ? whyNotCounted(rule, d, ctx, resolved) : null;
        if (why !== null) return { earned: 0, reason: refusedReason(resolved, d, why) };
      }
      return { earned: 0, reason: 'Not done.' };
    }
    case 'cumulative-volume': {
      const ml = volumeGiven(resolved, ctx, rule.treatments, rule.withinMin);
      // The schema keeps the weight in a human range; a weight of 0 must still never make "Infinity mL/kg".
      const weightKg = resolved.data.patient.weightKg.value;
      const perKg = weightKg > 0 ? ml / weightKg : 0;
      const band = rule.bands.find((b) => perKg >= b.atLeastMlPerKg);
      return {
        earned: rule.points * (band?.fraction ?? 0),
        reason: `${String(Math.round(ml))} mL (${String(round1(perKg))} mL/kg) by ${minutes(rule.withinMin)}.`,
      };
    }
    case 'exposure': {
      const spent = ctx.exposureMin[rule.exposure] ?? 0;
      const band = rule.bands.find((b) => spent <= b.atMostMin);
      const what =
        resolved.data.physiology.exposures.find((e) => e.id === rule.exposure)?.label ?? rule.exposure;
      if (ctx.deathAtMin !== null)
        return {
          earned: 0,
          reason: `The patient died ${minutes(ctx.deathAtMin)} after arrival: the tally stopped there.`,
        };
      if (rule.requires !== undefined && matching(rule.requires).length === 0)
        return {
          earned: 0,
          reason: `${capital(never(resolved, rule.requires))}: no credit for not treating.`,
        };
      return {
        earned: rule.points * (band?.fraction ?? 0),
        reason: spent === 0 ? `Never: ${what}.` : `${capital(what)}: ${minutes(spent)} in all.`,
      };
    }
    case 'harm': {
      const hit = matching(rule.actions).find((d) => harmApplies(rule, d, done, ctx));
      return hit === undefined
        ? { earned: 0, reason: 'Avoided.' }
        : { earned: -rule.penalty, reason: `${capital(said(hit.ref))} at ${minutes(hit.atMin)}.` };
    }
    case 'unnecessary-tests': {
      const extra = [
        ...new Set(
          done
            .filter(
              (d) =>
                d.entry.action.do === 'order' &&
                !rule.indicated.includes(d.entry.action.id) &&
                !harmed.has(d.ref),
            )
            .map((d) => d.entry.action.id),
        ),
      ];
      if (extra.length === 0) return { earned: 0, reason: 'No test without an indication.' };
      const cost = extra.reduce((sum, id) => sum + (resolved.catalog.tests[id]?.costUsd ?? 0), 0);
      return {
        earned: -Math.min(rule.maxPenalty, extra.length * rule.penaltyEach),
        reason: `${extra.map((id) => resolved.catalog.tests[id]?.name ?? id).join(', ')} (about $${String(cost)}).`,
      };
    }
    case 'diagnosis':
      return ctx.diagnoses.includes(rule.diagnosis)
        ? { earned: rule.points, reason: 'Named.' }
        : { earned: 0, reason: 'Not named.' };
    case 'disposition': {
      const id = ctx.disposition?.id;
      const tier = rule.tiers.find((t) => t.disposition === id);
      if (id === undefined) return { earned: 0, reason: 'No disposition decided.' };
      return {
        earned: rule.points * (tier?.fraction ?? 0),
        reason: `${resolved.catalog.dispositions[id]?.name ?? id} at ${minutes(ctx.disposition?.atMin ?? 0)}.`,
      };
    }
    case 'outcome':
      return ctx.deathAtMin === null
        ? { earned: rule.points, reason: `Alive at ${minutes(resolved.data.horizonMin)}.` }
        : { earned: 0, reason: `Died at ${minutes(ctx.deathAtMin)}.` };
    default:
      return rule satisfies never;
  }
}

/** Occurrences at least `gapMin` apart: ordering lactate and a blood gas together is one measurement, not a repeat. */
function occurrences(hits: Done[], gapMin: number): Done[] {
  const counted: Done[] = [];
  for (const hit of hits) {
    const previous = counted.at(-1);
    if (previous === undefined || hit.atMin - previous.atMin >= gapMin) counted.push(hit);
  }
  return counted;
}

type From = Extract<ScoringRule, { type: 'timed' }>['from'];

function notApplicable(from: From, resolved: ResolvedCase): string {
  if (from === 'arrest') return 'No cardiac arrest in this play: does not apply.';
  const label =
    typeof from === 'object' && 'event' in from
      ? (resolved.data.course?.events.find((e) => e.id === from.event)?.label ?? from.event)
      : '';
  return `Did not happen in this play (${label}): does not apply.`;
}

/** When a timed rule's clock starts; null when its anchor (an arrest, a course event) never happened. */
function anchorMinute(
  from: From,
  resolved: ResolvedCase,
  ctx: CaseContext,
  done: Done[],
): { atMin: number; what: string } | null {
  if (from === 'arrival') return { atMin: 0, what: 'arrival' };
  if (from === 'arrest') {
    const first = ctx.arrests[0];
    return first === undefined ? null : { atMin: first.startedAt, what: 'the arrest' };
  }
  if ('event' in from) {
    const at = ctx.events[from.event]?.firedAt[0];
    const label = resolved.data.course?.events.find((e) => e.id === from.event)?.label ?? from.event;
    return at === undefined ? null : { atMin: at, what: label.toLowerCase() };
  }
  if ('after' in from) {
    const first = done.find((d) => d.ref === from.after);
    const { what, done: verb } = actionWords(resolved, from.after);
    return first === undefined
      ? { atMin: 0, what: `arrival (${what} never ${verb})` }
      : { atMin: first.atMin, what: `the first ${what}` };
  }
  const name = resolved.catalog.tests[from.resultOf]?.name ?? from.resultOf;
  const order = kept(ctx).find((o) => o.testId === from.resultOf);
  if (order === undefined) return { atMin: 0, what: `arrival (${name} never ordered)` };
  return { atMin: firstAvailableAt(order.result, order.resultAt), what: `the ${name} result` };
}

function harmApplies(
  rule: Extract<ScoringRule, { type: 'harm' }>,
  hit: Done,
  done: Done[],
  ctx: CaseContext,
): boolean {
  const when = rule.onlyIf;
  if (when === undefined) return true;
  const reported = (testId: string) =>
    kept(ctx).some((o) => o.testId === testId && firstAvailableAt(o.result, o.resultAt) <= hit.atMin);
  if (when.beforeResultOf?.some(reported) === true) return false;
  if (when.mapBelow !== undefined && !(hit.entry.observed.map < when.mapBelow)) return false;
  if (when.spo2Above !== undefined && !(hit.entry.observed.spo2 > when.spo2Above)) return false;
  if (when.state !== undefined && !heldAt(when.state, hit, ctx)) return false;
  if (when.before !== undefined && done.some((d) => d.index < hit.index && when.before?.includes(d.ref)))
    return false;
  if (when.without !== undefined && done.some((d) => when.without?.includes(d.ref))) return false;
  if (when.after !== undefined && !done.some((d) => d.index < hit.index && when.after?.includes(d.ref)))
    return false;
  return true;
}

/** mL of the given treatments actually run in by `byMin` (boluses and infusions at their rate; a stop cuts them short). */
export function volumeGiven(
  resolved: ResolvedCase,
  ctx: CaseContext,
  treatmentIds: readonly string[],
  byMin: number,
): number {
  let total = 0;
  for (const given of ctx.treatments) {
    if (!treatmentIds.includes(given.treatmentId) || given.atMin > byMin) continue;
    const treatment = resolved.catalog.treatments[given.treatmentId];
    if (treatment === undefined) continue;
    const until = Math.min(byMin, given.endsAt ?? byMin);
    const volume = fluidRateMlPerMin(treatment, given.dose) * Math.max(0, until - given.atMin);
    total += treatment.mode === 'infusion' ? volume : Math.min(given.dose, volume);
  }
  return total;
}
