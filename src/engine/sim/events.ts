import { BUDGET } from '../budget.ts';
import type { CaseContext, Due, EventState, TimelineEntry } from '../play/context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { copyPatient } from './physiology/state.ts';
import type { CaseEventSpec } from '../case/schema/course.ts';
import { ARREST_RHYTHMS } from '../case/vocabulary.ts';
import { currentArrest, forEachDone } from '../play/context.ts';
import { keyedRandom } from '../play/rng.ts';
import { gateHolds, type Moment } from './gate.ts';

const noEvents: readonly CaseEventSpec[] = [];

export function eventSpecs(resolved: ResolvedCase): readonly CaseEventSpec[] {
  return resolved.data.course?.events ?? noEvents;
}

const readsLog = new WeakMap<ResolvedCase, boolean>();

/** Whether any course event is triggered (or prevented) by what the learner did. */
export function eventsReadTheLog(resolved: ResolvedCase): boolean {
  let reads = readsLog.get(resolved);
  if (reads === undefined)
    readsLog.set(
      resolved,
      (reads = eventSpecs(resolved).some((e) => e.when.after !== undefined || e.when.unless !== undefined)),
    );
  return reads;
}

/** First minute each action ("verb:id") was done, from the log: a cancelled order was never done. */
export function firstDone(ctx: CaseContext): Map<string, number> {
  const done = new Map<string, number>();
  forEachDone(ctx, (e) => {
    const ref = `${e.action.do}:${e.action.id}`;
    if (!done.has(ref)) done.set(ref, e.atMin);
  });
  return done;
}

/** The actions an event follows: one, or any of a list. */
export const afterRefs = (after: string | readonly string[]): readonly string[] =>
  typeof after === 'string' ? [after] : after;

/** The first minute any of the actions was done, or undefined if none was. */
function firstOf(after: string | readonly string[], done: ReadonlyMap<string, number>): number | undefined {
  let first: number | undefined;
  for (const ref of afterRefs(after)) {
    const at = done.get(ref);
    if (at !== undefined && (first === undefined || at < first)) first = at;
  }
  return first;
}

/** Whether an event's trigger holds at this minute (its state part: held for forMin, counted by the caller). */
function triggered(
  spec: CaseEventSpec,
  state: EventState,
  moment: Moment,
  done: ReadonlyMap<string, number>,
): boolean {
  const when = spec.when;
  if (when.inPhase !== undefined && !when.inPhase.includes(moment.phase)) return false;
  if (when.atMin !== undefined && moment.atMin < when.atMin) return false;
  if (when.state !== undefined && state.heldMin < when.forMin) return false;
  if (when.after !== undefined) {
    const at = firstOf(when.after, done);
    if (at === undefined || moment.atMin < at + when.delayMin) return false;
    if (when.windowMin !== undefined && moment.atMin > at + when.delayMin + when.windowMin) return false;
  }
  return true;
}

/** Case events fired so far in the play (counted only when one is about to fire: that is rare). */
function firings(events: Readonly<Record<string, EventState>>): number {
  let n = 0;
  for (const id in events) n += events[id]?.firedAt.length ?? 0;
  return n;
}

/**
 * The case events due at this minute, in the case's order: each one whose trigger holds, not spent, drawn against
 * its chance (from the play's seed, the event and the minute, never from the stream that actions draw from). `tick` counts this minute towards "held for N minutes" (the integrator
 * calls it once per simulated minute; after an action it is called without counting).
 */
export function dueEvents(
  resolved: ResolvedCase,
  events: Record<string, EventState>,
  moment: Moment,
  done: ReadonlyMap<string, number>,
  seed: number,
  tick: boolean,
): Due[] {
  const due: Due[] = [];
  const specs = eventSpecs(resolved);
  for (const spec of specs) {
    const state = events[spec.id];
    if (state === undefined || state.spent) continue;
    if (spec.when.unless?.some((ref) => (done.get(ref) ?? Infinity) <= moment.atMin) === true) {
      events[spec.id] = { ...state, spent: true };
      continue;
    }
    if (tick && spec.when.state !== undefined) {
      // Held only counts in the phases where the event can happen.
      const inPhase = spec.when.inPhase === undefined || spec.when.inPhase.includes(moment.phase);
      const holds = inPhase && gateHolds(spec.when.state, moment);
      // A new record only when the count changes (most minutes a gate that does not hold stays at 0).
      if (holds || state.heldMin !== 0)
        events[spec.id] = { ...state, heldMin: holds ? state.heldMin + 1 : 0 };
    }
    const now = events[spec.id] ?? state;
    if (!triggered(spec, now, moment, done)) continue;
    if (spec.chance !== undefined) {
      if (keyedRandom(seed, spec.id, moment.atMin) >= spec.chance) {
        // Missed this time: a one-off event is spent; a repeating one must see its trigger anew.
        events[spec.id] = { ...now, heldMin: 0, spent: !spec.repeat || spec.when.state === undefined };
        continue;
      }
    }
    // Past the budget of firings (a repeating event whose trigger keeps holding), the course's events stop.
    if (firings(events) + due.length >= BUDGET.eventFirings) {
      events[spec.id] = { ...now, spent: true };
      continue;
    }
    events[spec.id] = { ...now, heldMin: 0, spent: !spec.repeat || spec.when.state === undefined };
    due.push({ kind: 'event', id: spec.id });
  }
  return due;
}

/**
 * What a case event does, applied at the current minute: parameters, hidden state, rhythm, exam, messages, death.
 * A phase change is the machine's transition (its target); an arrest rhythm queues the arrest.
 */
export function fireEvent(ctx: CaseContext, resolved: ResolvedCase, id: string): Partial<CaseContext> {
  const spec = eventSpecs(resolved).find((e) => e.id === id);
  if (spec === undefined) return {};
  const now = ctx.nowMin;
  const afterEnd = ctx.ended !== null;
  const timeline: TimelineEntry[] = [...ctx.timeline];
  const note = (kind: TimelineEntry['kind'], text: string, debriefOnly = false) =>
    timeline.push({
      atMin: now,
      kind,
      text,
      ref: `event:${id}`,
      ...(afterEnd ? { afterEnd } : {}),
      ...(debriefOnly ? { debriefOnly } : {}),
    });
  // The event's name is for the debrief; at the bedside the learner sees only what it does.
  note('event', `${spec.label}.`, true);
  let patient = ctx.patient;
  let overrides = ctx.overrides;
  let examNow = ctx.examNow;
  let rhythm = ctx.rhythm;
  const due: Due[] = [];
  for (const effect of spec.effects) {
    switch (effect.type) {
      case 'physiology':
        overrides = { ...overrides, ...effect.set };
        break;
      case 'state': {
        const next = copyPatient(patient);
        for (const [k, v] of Object.entries(effect.add)) next[k as keyof typeof effect.add] += v;
        for (const [k, v] of Object.entries(effect.set)) next[k as keyof typeof effect.set] = v;
        next.burden = Math.min(1, Math.max(0, next.burden));
        next.severity = Math.min(1, Math.max(0, next.severity));
        next.gcs = Math.min(15, Math.max(3, Math.round(next.gcs)));
        next.toxin = Math.max(0, next.toxin);
        next.injury = Math.max(0, next.injury);
        patient = next;
        break;
      }
      case 'rhythm': {
        const arrested = currentArrest(ctx) !== null;
        const stops = ARREST_RHYTHMS.includes(effect.rhythm);
        if (stops && !arrested)
          due.push({ kind: 'arrest', rhythm: effect.rhythm, cause: spec.label, announce: false });
        else if (!stops && arrested) due.push({ kind: 'rosc' });
        rhythm = effect.rhythm;
        break;
      }
      case 'exam':
        examNow = { ...examNow, [effect.region]: effect.finding };
        break;
      case 'message':
        note('message', `${capital(effect.from)}: ${effect.text.value}`);
        break;
      case 'phase':
        break; // the machine's transition
      case 'end':
        due.push({ kind: 'death', cause: spec.label });
        break;
      default:
        effect satisfies never;
    }
  }
  return {
    patient,
    overrides,
    examNow,
    // An arrest rhythm is set by the arrest itself (so that the arrest records what it began in).
    rhythm: due.some((d) => d.kind === 'arrest') ? ctx.rhythm : rhythm,
    timeline,
    due: [...due, ...ctx.due.slice(1)],
    events: {
      ...ctx.events,
      [id]: {
        ...(ctx.events[id] ?? { heldMin: 0, spent: true }),
        firedAt: [...(ctx.events[id]?.firedAt ?? []), now],
      },
    },
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
