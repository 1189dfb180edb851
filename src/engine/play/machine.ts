import { assign, setup } from 'xstate';
import { actionMinutes, applyAction } from './actions.ts';
import { advanceTo, tracePoint, vitalsNow } from '../sim/advance.ts';
import {
  currentArrest,
  initialContext,
  phasesOf,
  update,
  type CaseContext,
  type EndReason,
  type LearnerAction,
  type WorkItem,
} from './context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { observe } from '../sim/physiology/observe.ts';
import { copyPatient, initialPatient, NO_INPUTS } from '../sim/physiology/state.ts';
import type { Phase } from '../case/schema/course.ts';
import { newArrest, rhythmName, withCurrent } from '../sim/arrest.ts';
import { dueEvents, eventSpecs, fireEvent, firstDone } from '../sim/events.ts';
import { momentOf, readingsOf } from '../sim/gate.ts';
import { durationText } from './clock.ts';

export type CaseEvent =
  | { type: 'START' }
  /** Move the clock to toMin. Interruptible: stop early when the patient needs the learner (an arrest, an event). */
  | { type: 'ADVANCE'; toMin: number; interruptible?: boolean }
  | { type: 'ADVANCE_TO_NEXT_RESULT' }
  | { type: 'ACT'; action: LearnerAction }
  /** A replay step: move to atMin, then take these actions in order (one event for a whole script minute). */
  | { type: 'STEP'; atMin: number; actions: LearnerAction[] }
  /** A whole action log in one event (saved plays, the CLI): the same work as STEP, in order. */
  | { type: 'REPLAY'; steps: ReplayStep[] }
  | { type: 'END' };

/**
 * The machine's context holds the play under one key. xstate merges every assign with
 * Object.assign({}, context, update); with the play's fields spread out at the top level that leaves V8
 * dictionary-mode objects and makes every later copy ~100× slower (see BENCHMARKS.md).
 */
export interface MachineContext {
  play: CaseContext;
}

/** One minute of an action log: the actions taken at atMin, then "end" if the learner ended there. */
export interface ReplayStep {
  atMin: number;
  actions: LearnerAction[];
  end: boolean;
}

export interface CaseMachineOptions {
  seed?: number;
}

/** The minute the next pending result (or culture stage) arrives, if any. */
export function nextResultAt(ctx: CaseContext): number | null {
  let next: number | null = null;
  for (const order of ctx.orders) {
    const times =
      order.result?.kind === 'culture' ? order.result.stages.map((s) => s.atMin) : [order.resultAt];
    for (const t of times) if (t > ctx.nowMin && (next === null || t < next)) next = t;
  }
  return next;
}

/** The work an event asks for, added to the queue the machine then drains. */
function workFor(play: CaseContext, event: CaseEvent): WorkItem[] {
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
      return event.steps.flatMap((step) => [
        advance(step.atMin),
        ...step.actions.map((action) => ({ kind: 'act' as const, action })),
        ...(step.end ? [{ kind: 'end' as const }] : []),
      ]);
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
function work(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const [item, ...rest] = play.queue;
  const horizon = resolved.data.horizonMin;
  if (item === undefined) return play;
  switch (item.kind) {
    case 'advance': {
      const target = Math.min(horizon, item.toMin);
      if (play.nowMin >= target || play.deathAtMin !== null)
        return reachedHorizon(update(play, { queue: rest }), horizon);
      const moved = advanceTo(play, resolved, target);
      // Stopped for something the machine must handle: a learner's interruptible advance ends there.
      if (moved.due.length > 0)
        return item.interruptible && moved.ended === null ? update(moved, { queue: rest }) : moved;
      return reachedHorizon(update(moved, { queue: rest }), horizon);
    }
    case 'act': {
      // After the learner's part only the receiving team acts.
      if (play.ended !== null && item.by === undefined) return update(play, { queue: rest });
      const acted = applyAction(
        update(play, { vitals: vitalsNow(play, resolved) }),
        resolved,
        item.action,
        item.by,
      );
      if (acted.ended !== null && play.ended === null) return handOver(acted, resolved); // the learner's later actions do not happen
      const busy = acted.log.at(-1)?.accepted === true ? actionMinutes(resolved, item.action) : 0;
      const queue: WorkItem[] =
        busy > 0 ? [{ kind: 'advance', toMin: acted.nowMin + busy, interruptible: false }, ...rest] : rest;
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
 * An event set off by the action itself ("after treat:x" with no delay), or set for minute 0, happens in the same
 * minute; everything else is looked for minute by minute as time moves.
 */
function eventsAfterAction(play: CaseContext, resolved: ResolvedCase, ref: string | null): CaseContext {
  const now = eventSpecs(resolved).some((e) =>
    ref === null ? e.when.atMin === 0 : e.when.after === ref && e.when.delayMin === 0,
  );
  if (!now || play.due.length > 0) return play;
  const events = { ...play.events };
  const found = dueEvents(
    resolved,
    events,
    momentOf(play, readingsOf(play.vitals)),
    firstDone(play),
    play.rngState,
    false,
  );
  return update(play, { events, due: found.due, rngState: found.rngState });
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

/** The heart has stopped: a new arrest, its rhythm, unconsciousness, and the monitor shows it at once. */
function beginArrest(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const due = play.due[0];
  if (due?.kind !== 'arrest') return play;
  const patient = copyPatient(play.patient);
  patient.gcs = 3;
  patient.lowMapMin = 0;
  const started = update(play, {
    arrests: [...play.arrests, newArrest(play, due.rhythm, due.cause ?? lastEventLabel(play))],
    rhythm: due.rhythm,
    patient,
    // After the learner's part the projected course has nobody to resuscitate: the arrest is the end.
    due:
      play.ended === null
        ? play.due.slice(1)
        : [
            {
              kind: 'death',
              cause: "cardiac arrest after the learner's part (the projected course does not resuscitate)",
            },
          ],
    timeline: [
      ...play.timeline,
      {
        atMin: play.nowMin,
        kind: 'alert',
        text: `Cardiac arrest: ${rhythmName(due.rhythm, 0).toLowerCase()}${due.cause === null ? '' : ` (${due.cause})`}.`,
        ...(play.ended === null ? {} : { afterEnd: true }),
      },
    ],
  });
  return update(started, { vitals: vitalsNow(started, resolved) });
}

/** The label of the course event that fired last (what caused an arrest it set off). */
function lastEventLabel(play: CaseContext): string {
  const entry = play.timeline.findLast((e) => e.ref?.startsWith('event:') === true && e.kind === 'event');
  return entry?.text.replace(/\.$/, '') ?? 'a course event';
}

/** A return of spontaneous circulation: the arrest ends; the criteria are watched again after a short while. */
function returnOfCirculation(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const arrest = currentArrest(play);
  if (arrest === null) return update(play, { due: play.due.slice(1) });
  const patient = copyPatient(play.patient);
  patient.lowMapMin = 0;
  const ended = update(play, {
    arrests: withCurrent(play, { ...arrest, endedAt: play.nowMin, outcome: 'rosc' }),
    rhythm:
      play.rhythm === arrest.firstRhythm || ['vf', 'pvt', 'pea', 'asystole'].includes(play.rhythm)
        ? 'sinus'
        : play.rhythm,
    patient,
    rearmAt: play.nowMin + resolved.data.physiology.resuscitation.rearrestAfterMin,
    due: play.due.slice(1),
    timeline: [
      ...play.timeline,
      {
        atMin: play.nowMin,
        kind: 'alert',
        text: `Return of spontaneous circulation after ${durationText(play.nowMin - arrest.startedAt)} of arrest.`,
      },
    ],
  });
  return update(ended, { vitals: vitalsNow(ended, resolved) });
}

/** Death: the arrest (if any) ends, and so does the learner's part if it had not already. */
function die(play: CaseContext): CaseContext {
  const due = play.due[0];
  const cause = due?.kind === 'death' ? due.cause : 'death';
  const arrest = currentArrest(play);
  const ended =
    play.ended?.reason === 'disposition' ? play.ended : { reason: 'death' as const, atMin: play.nowMin };
  return update(play, {
    deathAtMin: play.nowMin,
    ended,
    arrests:
      arrest === null
        ? play.arrests
        : withCurrent(play, { ...arrest, endedAt: play.nowMin, outcome: 'death' }),
    due: [],
    queue: [],
    timeline: [
      ...play.timeline,
      {
        atMin: play.nowMin,
        kind: 'alert',
        text: `The patient dies: ${cause}.`,
        ...(play.ended === null ? {} : { afterEnd: true }),
      },
    ],
  });
}

/** The phase's label on the timeline when the course moves into it (and what is said at the bedside then). */
function enterPhase(play: CaseContext, phase: Phase): CaseContext {
  if (play.phase === phase.id) return play;
  // Back where the arrest interrupted: the phase goes on, nothing new to say.
  const last = play.arrests.at(-1);
  if (last?.outcome === 'rosc' && last.endedAt === play.nowMin && last.fromPhase === phase.id)
    return update(play, { phase: phase.id });
  const afterEnd = play.ended === null ? {} : { afterEnd: true };
  const notes = phase.arrest
    ? []
    : [
        {
          atMin: play.nowMin,
          kind: 'event' as const,
          text: `Phase: ${phase.label}.`,
          ref: `phase:${phase.id}`,
          ...afterEnd,
        },
        ...(phase.message === undefined
          ? []
          : [
              {
                atMin: play.nowMin,
                kind: 'message' as const,
                text: phase.message.value,
                ref: `phase:${phase.id}`,
                ...afterEnd,
              },
            ]),
      ];
  return update(play, { phase: phase.id, timeline: [...play.timeline, ...notes] });
}

/**
 * Build the statechart for one case. The case supplies everything: a state per phase of its course, a guarded
 * transition per course event (into the phase the event moves to), the arrest phase and the return of
 * circulation, an ending per disposition. Time moves only through ADVANCE-like events; the physiology is
 * integrated inside the work the machine does for them, which stops wherever the patient's course needs a
 * transition.
 */
export function createCaseMachine(resolved: ResolvedCase, options: CaseMachineOptions = {}) {
  const data = resolved.data;
  const seed = options.seed ?? data.defaultSeed;
  const start = initialPatient(data.physiology);
  const startVitals = observe(start, NO_INPUTS, data.physiology, data.patient.weightKg.value);
  const dispositionIds = Object.keys(resolved.catalog.dispositions);
  const phases = phasesOf(resolved);
  const arrestPhase = phases.find((p) => p.arrest) ?? phases[phases.length - 1];
  const livePhases = phases.filter((p) => !p.arrest);
  const specs = eventSpecs(resolved);

  /** The transitions a phase state has: the events that can fire in it, the arrest, the return of circulation. */
  const transitionsOf = (phase: Phase) => {
    const events = specs
      .filter((e) => e.when.inPhase === undefined || e.when.inPhase.includes(phase.id))
      .map((e) => {
        const to = e.effects.find((f) => f.type === 'phase')?.phase;
        return {
          guard: { type: 'eventDue' as const, params: { event: e.id } },
          ...(to === undefined || to === phase.id ? {} : { target: to }),
          actions: { type: 'fire' as const, params: { event: e.id } },
        };
      });
    if (phase.arrest)
      return [
        ...events,
        ...livePhases.map((p) => ({
          guard: { type: 'roscTo' as const, params: { phase: p.id } },
          target: p.id,
          actions: 'rosc' as const,
        })),
      ];
    return [
      ...events,
      ...(arrestPhase === undefined
        ? []
        : [{ guard: 'arrestDue' as const, target: arrestPhase.id, actions: 'beginArrest' as const }]),
    ];
  };

  return setup({
    types: { context: {} as MachineContext, events: {} as CaseEvent },
    actions: {
      begin: assign(({ context: { play } }) => ({
        // An event set for minute 0 happens as the case starts.
        play: eventsAfterAction(
          update(play, { trace: [tracePoint(0, play.vitals, data.physiology.metabolic !== undefined)] }),
          resolved,
          null,
        ),
      })),
      enqueue: assign(({ context: { play }, event }) => ({
        play: update(play, { queue: [...play.queue, ...workFor(play, event)] }),
      })),
      work: assign(({ context: { play } }) => ({ play: work(play, resolved) })),
      fire: assign(({ context: { play } }, params: { event: string }) => {
        const fired = update(play, fireEvent(play, resolved, params.event));
        return { play: update(fired, { vitals: vitalsNow(fired, resolved) }) };
      }),
      beginArrest: assign(({ context: { play } }) => ({ play: beginArrest(play, resolved) })),
      rosc: assign(({ context: { play } }) => ({ play: returnOfCirculation(play, resolved) })),
      die: assign(({ context: { play } }) => ({ play: die(play) })),
      dropDue: assign(({ context: { play } }) => ({ play: update(play, { due: play.due.slice(1) }) })),
      enterPhase: assign(({ context: { play } }, params: { phase: string }) => {
        const phase = phases.find((p) => p.id === params.phase);
        return phase === undefined ? {} : { play: enterPhase(play, phase) };
      }),
    },
    guards: {
      eventDue: ({ context: { play } }, params: { event: string }) => {
        const due = play.due[0];
        return due?.kind === 'event' && due.id === params.event;
      },
      arrestDue: ({ context: { play } }) => play.due[0]?.kind === 'arrest',
      roscTo: ({ context: { play } }, params: { phase: string }) =>
        play.due[0]?.kind === 'rosc' &&
        (data.course?.afterRosc ?? currentArrest(play)?.fromPhase ?? livePhases[0]?.id) === params.phase,
      deathDue: ({ context: { play } }) => play.due[0]?.kind === 'death',
      anyDue: ({ context: { play } }) => play.due.length > 0,
      working: ({ context: { play } }) => play.queue.length > 0 && play.due.length === 0,
      endedBy: ({ context: { play } }, params: { reason: EndReason; disposition?: string }) =>
        play.queue.length === 0 &&
        play.due.length === 0 &&
        play.ended?.reason === params.reason &&
        (params.disposition === undefined || play.disposition?.id === params.disposition),
    },
  }).createMachine({
    id: data.id,
    context: { play: initialContext(resolved, seed, startVitals) },
    initial: 'briefing',
    states: {
      briefing: { on: { START: { target: 'running', actions: 'begin' } } },
      running: {
        initial: livePhases[0]?.id ?? phases[0]?.id ?? 'course',
        states: Object.fromEntries(
          phases.map((phase) => [
            phase.id,
            {
              entry: { type: 'enterPhase' as const, params: { phase: phase.id } },
              always: transitionsOf(phase),
            },
          ]),
        ),
        always: [
          ...dispositionIds.map((id) => ({
            guard: { type: 'endedBy' as const, params: { reason: 'disposition' as const, disposition: id } },
            target: `ended.${id}`,
          })),
          ...(['death', 'learner', 'horizon'] as const).map((reason) => ({
            guard: { type: 'endedBy' as const, params: { reason } },
            target: `ended.${reason}`,
          })),
          { guard: 'deathDue' as const, actions: 'die' as const },
          // Anything due that no phase handles (an event outside its phases) is dropped rather than blocking time.
          { guard: 'anyDue' as const, actions: 'dropDue' as const },
          { guard: 'working' as const, actions: 'work' as const },
        ],
        on: {
          ADVANCE: { actions: 'enqueue' },
          ADVANCE_TO_NEXT_RESULT: { actions: 'enqueue' },
          ACT: { actions: 'enqueue' },
          STEP: { actions: 'enqueue' },
          REPLAY: { actions: 'enqueue' },
          END: { actions: 'enqueue' },
        },
      },
      ended: {
        initial: 'horizon',
        states: {
          horizon: { type: 'final' },
          death: { type: 'final' },
          learner: { type: 'final' },
          ...Object.fromEntries(dispositionIds.map((id) => [id, { type: 'final' as const }])),
        },
      },
    },
  });
}

export type CaseMachine = ReturnType<typeof createCaseMachine>;
