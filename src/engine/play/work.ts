import { actionMinutes, applyAction } from './actions.ts';
import { advanceTo, mostUrgentFirst, withVitalsNow } from '../sim/advance.ts';
import {
  currentArrest,
  update,
  type CaseContext,
  type LearnerAction,
  type ReplayStep,
  type Settle,
  type StopReason,
  type TimelineEntry,
  type WorkItem,
} from './context.ts';
import { rhythmName } from '../sim/arrest.ts';
import { BUDGET } from '../budget.ts';
import { appended, growingInPlace } from './lists.ts';

export type { ReplayStep } from './context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { afterRefs, dueEvents, eventSpecs, firstDone } from '../sim/events.ts';
import { momentOf, readingsOf } from '../sim/gate.ts';

/**
 * The work queue the statechart drains: what each event asks for, and each piece of work (time moving, an action
 * and the minutes it takes, the learner's end, the handover). Pure functions of the play; the machine decides when.
 */
export type CaseEvent =
  | { type: 'START' }
  /**
   * Move the clock to toMin. Interruptible (the learner's own advance): stop early at the first minute with something
   * the learner must see (a new alarm, a critical result, a rhythm change, an event's words, a consultant arriving),
   * recorded in the play's stoppedFor.
   */
  | { type: 'ADVANCE'; toMin: number; interruptible?: boolean }
  | { type: 'ADVANCE_TO_NEXT_RESULT' }
  | { type: 'ACT'; action: LearnerAction }
  /** A replay step: move to atMin, then take these actions in order (one event for a whole script minute). */
  | { type: 'STEP'; atMin: number; actions: LearnerAction[] }
  /** A whole action log in one event (saved plays, the CLI): the same work as STEP, in order. */
  | { type: 'REPLAY'; steps: ReplayStep[] }
  | { type: 'END' };

/** The minute the next pending result (or culture stage) arrives, if any. */
export function nextResultAt(ctx: CaseContext): number | null {
  let next: number | null = null;
  for (const order of ctx.orders) {
    if (order.cancelledAt !== undefined) continue;
    const times =
      order.result?.kind === 'culture' ? order.result.stages.map((s) => s.atMin) : [order.resultAt];
    for (const t of times) if (t > ctx.nowMin && (next === null || t < next)) next = t;
  }
  return next;
}

/** The work an event asks for, added to the queue the machine then drains. */
export function workFor(play: CaseContext, event: CaseEvent): WorkItem[] {
  const advance = (toMin: number, interruptible = false): WorkItem => ({
    kind: 'advance',
    toMin: Math.floor(toMin),
    interruptible,
  });
  switch (event.type) {
    case 'ADVANCE':
      return [advance(event.toMin, event.interruptible)];
    case 'ADVANCE_TO_NEXT_RESULT': {
      const next = nextResultAt(play);
      return next === null ? [] : [advance(next, true)];
    }
    case 'ACT':
      return [{ kind: 'act', action: event.action }];
    case 'STEP':
      return [advance(event.atMin), ...event.actions.map((action) => ({ kind: 'act' as const, action }))];
    case 'REPLAY':
      return event.steps.length === 0 ? [] : [{ kind: 'replay', steps: event.steps, step: 0 }];
    case 'END':
      return [{ kind: 'end' }];
    case 'START':
      return [];
    default:
      return event satisfies never;
  }
}

/**
 * Do the first piece of queued work: move time (stopping at whatever needs the machine), take an action (then let
 * the time it takes pass), or end the learner's part. The machine calls this until the queue is empty.
 */
export function work(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const [item, ...rest] = play.queue;
  // The schema keeps a case's horizon within the budget; the engine holds to it even if handed a longer one.
  const horizon = Math.min(resolved.data.horizonMin, BUDGET.horizonMin);
  if (item === undefined) return play;
  switch (item.kind) {
    case 'advance': {
      if (item.settle !== undefined) return settled(play, item, item.settle, rest, horizon);
      const target = Math.min(horizon, item.toMin);
      if (play.nowMin >= target || play.deathAtMin !== null)
        return reachedHorizon(update(play, { queue: rest }), horizon);
      const moved = advanceTo(play, resolved, target, item.interruptible);
      if (moved.due.length > 0) {
        // Stopped for something the machine must handle. A learner's advance then looks at what it brought.
        if (!item.interruptible || moved.ended !== null) return moved;
        const settle: Settle = { timelineFrom: moved.timeline.length, rhythm: moved.rhythm };
        return update(moved, { queue: [{ ...item, settle }, ...rest] });
      }
      // A learner's advance stopped short for something they must see (stoppedFor says what).
      if (item.interruptible && moved.nowMin < target && moved.ended === null)
        return update(moved, { queue: rest });
      return reachedHorizon(update(moved, { queue: rest }), horizon);
    }
    case 'replay':
      return update(play, { queue: [...replayed(item), ...rest] });
    case 'act': {
      // After the learner's part only the receiving team acts; past the budget, nobody does.
      if ((play.ended !== null && item.by === undefined) || play.log.length >= BUDGET.actions)
        return update(play, { queue: rest });
      const ready = withVitalsNow(play, resolved);
      if (ready.ended?.reason === 'fault') return ready;
      const before = applyAction(ready, resolved, item.action, item.by);
      // What the action does at once shows at once (compressions make a pressure, legs raised lift it).
      const now = withVitalsNow(before, resolved);
      if (now.ended?.reason === 'fault') return now;
      const acted =
        now.log.length === BUDGET.actions
          ? update(now, { timeline: appended(now.timeline, overBudget(play)) })
          : now;
      if (acted.ended !== null && play.ended === null) return handOver(acted, resolved); // the learner's later actions do not happen
      const busy = acted.log.at(-1)?.accepted === true ? actionMinutes(resolved, item.action) : 0;
      const queue: WorkItem[] =
        busy > 0
          ? [{ kind: 'advance', toMin: acted.nowMin + busy, interruptible: false, busy: true }, ...rest]
          : rest;
      return eventsAfterAction(update(acted, { queue }), resolved, `${item.action.do}:${item.action.id}`);
    }
    case 'end':
      if (play.ended !== null) return update(play, { queue: rest });
      return update(play, {
        ended: { reason: 'learner', atMin: play.nowMin },
        queue: [{ kind: 'advance', toMin: horizon, interruptible: false }],
      });
    default:
      return item satisfies never;
  }
}

/**
 * A learner's advance, once the machine has handled what stopped it (a course event, an arrest, a return of
 * circulation): it stops there if that changed the rhythm or said something at the bedside (or an alarm sounded in
 * the same minute), and records why; an event the learner cannot see (a silent change of course) lets it go on.
 */
function settled(
  play: CaseContext,
  item: Extract<WorkItem, { kind: 'advance' }>,
  settle: Settle,
  rest: WorkItem[],
  horizon: number,
): CaseContext {
  const earlier = play.stoppedFor?.atMin === play.nowMin ? play.stoppedFor.reasons : [];
  const heard = [...earlier, ...seenAfterDue(play, settle)];
  if (heard.length === 0)
    return update(play, {
      queue: [{ kind: 'advance', toMin: item.toMin, interruptible: item.interruptible }, ...rest],
    });
  const stoppedFor = { atMin: play.nowMin, reasons: mostUrgentFirst(heard) };
  return reachedHorizon(update(play, { stoppedFor, queue: rest }), horizon);
}

/** What the machine's handling of an event or an arrest showed at the bedside: a rhythm change, words said. */
function seenAfterDue(play: CaseContext, settle: Settle): StopReason[] {
  const seen: StopReason[] = [];
  if (play.rhythm !== settle.rhythm) seen.push({ kind: 'rhythm', text: rhythmWords(play) });
  for (let i = settle.timelineFrom; i < play.timeline.length; i++) {
    const e = play.timeline[i];
    if (e?.atMin !== play.nowMin || e.debriefOnly === true || e.afterEnd === true) continue;
    // What people say, and the course moving into a new phase (the event's own name is for the debrief).
    if (e.kind === 'message' || (e.kind === 'event' && e.ref?.startsWith('phase:') === true))
      seen.push({ kind: 'event', text: e.text.replace(/\.$/, '') });
  }
  return seen;
}

/** The rhythm as the monitor shows it now, or the arrest (or the return of circulation) that changed it. */
function rhythmWords(play: CaseContext): string {
  const name = rhythmName(play.rhythm, play.vitals.hr);
  if (currentArrest(play)?.startedAt === play.nowMin) return `Cardiac arrest: ${name.toLowerCase()}`;
  const last = play.arrests.at(-1);
  if (last?.outcome === 'rosc' && last.endedAt === play.nowMin)
    return `Return of spontaneous circulation: ${name.toLowerCase()}`;
  return name;
}

/** The next minute of a replayed log as work, and the rest of the log after it. */
function replayed(item: Extract<WorkItem, { kind: 'replay' }>): WorkItem[] {
  const step = item.steps[item.step];
  if (step === undefined) return [];
  const queue: WorkItem[] = [{ kind: 'advance', toMin: Math.floor(step.atMin), interruptible: false }];
  // A minute's actions beyond the budget would not be taken: they are not queued either.
  for (const action of step.actions.slice(0, BUDGET.actions)) queue.push({ kind: 'act', action });
  if (step.end) queue.push({ kind: 'end' });
  queue.push({ ...item, step: item.step + 1 });
  return queue;
}

/** Said once, when a play reaches the most actions the engine takes (BUDGET.actions). */
function overBudget(play: CaseContext): TimelineEntry {
  return {
    atMin: play.nowMin,
    kind: 'alert',
    text: `This play has reached Bedside's limit of ${String(BUDGET.actions)} actions: later actions are not taken.`,
  };
}

/**
 * An event set off by the action itself ("after treat:x" with no delay), or set for minute 0, happens in the same
 * minute; everything else is looked for minute by minute as time moves.
 */
export function eventsAfterAction(
  play: CaseContext,
  resolved: ResolvedCase,
  ref: string | null,
): CaseContext {
  const now = eventSpecs(resolved).some((e) =>
    ref === null
      ? e.when.atMin === 0
      : e.when.after !== undefined && afterRefs(e.when.after).includes(ref) && e.when.delayMin === 0,
  );
  if (!now || play.due.length > 0) return play;
  const events = { ...play.events };
  const due = dueEvents(
    resolved,
    events,
    momentOf(play, readingsOf(play.vitals)),
    firstDone(play),
    play.seed,
    false,
  );
  return update(play, { events, due });
}

/** With nothing left to do at the horizon, the case ends there. */
function reachedHorizon(play: CaseContext, horizon: number): CaseContext {
  if (play.nowMin < horizon || play.ended !== null || play.queue.length > 0 || play.due.length > 0)
    return play;
  return update(play, { ended: { reason: 'horizon', atMin: play.nowMin } });
}

/**
 * The learner has sent the patient on: the receiving team's standing orders (the case's handover for that
 * disposition) are queued as the team's actions, and the course runs on to the horizon.
 */
function handOver(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const horizon = resolved.data.horizonMin;
  const where = play.disposition?.id ?? '';
  const plan = resolved.data.handover.find((h) => h.dispositions.includes(where));
  const queue: WorkItem[] = [];
  if (plan !== undefined) {
    for (const id of plan.stop) queue.push({ kind: 'act', action: { do: 'stop', id }, by: 'team' });
    for (const order of [...plan.orders].sort((a, b) => a.afterMin - b.afterMin)) {
      queue.push({ kind: 'advance', toMin: play.nowMin + order.afterMin, interruptible: false });
      const action: LearnerAction =
        order.do === 'treat'
          ? { do: 'treat', id: order.id, ...(order.dose === undefined ? {} : { dose: order.dose }) }
          : { do: 'stop', id: order.id };
      queue.push({ kind: 'act', action, by: 'team' });
    }
  }
  queue.push({ kind: 'advance', toMin: horizon, interruptible: false });
  const timeline =
    plan === undefined
      ? play.timeline
      : [
          ...play.timeline,
          { atMin: play.nowMin, kind: 'event' as const, text: `Handover: ${plan.note}`, afterEnd: true },
        ];
  return update(play, { queue, timeline });
}

/**
 * Do queued work until something needs a transition of the statechart (a course event, an arrest, a return of
 * circulation, death) or the queue is empty: one machine step for what would otherwise be dozens.
 */
export function drain(play: CaseContext, resolved: ResolvedCase): CaseContext {
  return growingInPlace(() => {
    let next = play;
    while (next.queue.length > 0 && next.due.length === 0) {
      next = work(next, resolved);
      // A simulation fault stops the play: nothing queued can happen after it.
      if (next.ended?.reason === 'fault') return update(next, { queue: [], due: [] });
    }
    return next;
  });
}
