import { assign, setup } from 'xstate';
import { brokenVital, simulationFault, tracePoint, VITAL_LIMIT, withVitalsNow } from '../sim/advance.ts';
import {
  currentArrest,
  initialContext,
  phasesOf,
  update,
  type CaseContext,
  type EndReason,
} from './context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { observe, type Vitals } from '../sim/physiology/observe.ts';
import { initialPatient } from '../sim/physiology/state.ts';
import { arrivalInputs } from '../sim/care.ts';
import type { Phase } from '../case/schema/course.ts';
import { eventSpecs, fireEvent } from '../sim/events.ts';
import { beginArrest, die, enterPhase, returnOfCirculation } from './transitions.ts';
import { drain, eventsAfterAction, workFor, type CaseEvent } from './work.ts';

export { nextResultAt, type CaseEvent, type ReplayStep } from './work.ts';

/**
 * The machine's context holds the play under one key. xstate merges every assign with
 * Object.assign({}, context, update); with the play's fields spread out at the top level that leaves V8
 * dictionary-mode objects and makes every later copy ~100× slower (see BENCHMARKS.md).
 */
export interface MachineContext {
  play: CaseContext;
}

export interface CaseMachineOptions {
  seed?: number;
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
  const startVitals = observe(
    start,
    arrivalInputs(data.physiology),
    data.physiology,
    data.patient.weightKg.value,
  );
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
        // A physiology that gives no number at arrival stops the play before it starts.
        play:
          startFault(play) ??
          eventsAfterAction(
            update(play, { trace: [tracePoint(0, play.vitals, data.physiology.metabolic !== undefined)] }),
            resolved,
            null,
          ),
      })),
      // Every event starts afresh: why the last advance stopped is no longer news.
      enqueue: assign(({ context: { play }, event }) => ({
        play: update(play, { queue: [...play.queue, ...workFor(play, event)], stoppedFor: null }),
      })),
      work: assign(({ context: { play } }) => ({ play: drain(play, resolved) })),
      fire: assign(({ context: { play } }, params: { event: string }) => {
        const fired = update(play, fireEvent(play, resolved, params.event));
        return { play: withVitalsNow(fired, resolved) };
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
          ...(['death', 'learner', 'horizon', 'fault'] as const).map((reason) => ({
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
          fault: { type: 'final' },
          ...Object.fromEntries(dispositionIds.map((id) => [id, { type: 'final' as const }])),
        },
      },
    },
  });
}

/** The play stopped at arrival if its first vitals are not numbers (shown as 0, with the fault's message). */
function startFault(play: CaseContext): CaseContext | null {
  const broken = brokenVital(play.vitals);
  if (broken === null) return null;
  const vitals = { ...play.vitals };
  for (const key of Object.keys(vitals) as (keyof Vitals)[])
    if (!(Math.abs(vitals[key] ?? 0) <= VITAL_LIMIT)) vitals[key] = 0;
  return update(play, { ...simulationFault(play, 0, broken), vitals });
}

export type CaseMachine = ReturnType<typeof createCaseMachine>;
