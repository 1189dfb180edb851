import { assign, setup } from 'xstate';
import { applyAction } from './actions.ts';
import { advanceTo, tracePoint, vitalsNow } from './advance.ts';
import { initialContext, update, type CaseContext, type EndReason, type LearnerAction } from './context.ts';
import type { ResolvedCase } from './load/load-case.ts';
import { observe } from './physiology/observe.ts';
import { initialPatient, NO_INPUTS } from './physiology/state.ts';

export type CaseEvent =
  | { type: 'START' }
  | { type: 'ADVANCE'; toMin: number }
  | { type: 'ADVANCE_TO_NEXT_RESULT' }
  | { type: 'ACT'; action: LearnerAction }
  /** A replay step: move to atMin, then take these actions in order (one event for a whole script minute). */
  | { type: 'STEP'; atMin: number; actions: LearnerAction[] }
  /** A whole action log folded in one event (saved plays, the CLI): the same reducers as STEP, in order. */
  | { type: 'REPLAY'; steps: ReplayStep[] }
  | { type: 'END' };

/**
 * The machine's context holds the play under one key. xstate merges every assign with
 * Object.assign({}, context, update); with the play's ~20 fields spread out at the top level that leaves V8
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

/** End the learner's part and simulate the rest of the course to the horizon with what they started. */
function finish(ctx: CaseContext, resolved: ResolvedCase, reason: EndReason): CaseContext {
  const ended = ctx.ended ?? { reason, atMin: ctx.nowMin };
  const projected = advanceTo(update(ctx, { ended }), resolved, resolved.data.horizonMin);
  return projected.deathAtMin !== null && ctx.ended === null && reason !== 'disposition'
    ? update(projected, { ended: { reason: 'death', atMin: projected.deathAtMin } })
    : projected;
}

/** Move to the step's minute, take its actions in order, end if the learner ended there. */
function replayStep(play: CaseContext, resolved: ResolvedCase, step: ReplayStep): CaseContext {
  let next = settle(
    advanceTo(play, resolved, Math.min(resolved.data.horizonMin, Math.floor(step.atMin))),
    resolved,
  );
  for (const action of step.actions) {
    if (next.ended !== null) return next;
    next = applyAction(update(next, { vitals: vitalsNow(next, resolved) }), resolved, action);
    if (next.ended !== null) return finish(next, resolved, 'disposition');
  }
  return step.end && next.ended === null ? finish(next, resolved, 'learner') : next;
}

/** After time moves: a death or the horizon ends the case. */
function settle(moved: CaseContext, resolved: ResolvedCase): CaseContext {
  if (moved.deathAtMin !== null) return finish(moved, resolved, 'death');
  return moved.nowMin >= resolved.data.horizonMin ? finish(moved, resolved, 'horizon') : moved;
}

/**
 * Build the statechart for one case. The case supplies everything: the context starts from its physiology, the
 * ending states are its dispositions, and actions are checked against its catalogue. Time moves only through
 * ADVANCE events, and the physiology is integrated inside each one.
 */
export function createCaseMachine(resolved: ResolvedCase, options: CaseMachineOptions = {}) {
  const data = resolved.data;
  const horizon = data.horizonMin;
  const seed = options.seed ?? data.defaultSeed;
  const start = initialPatient(data.physiology);
  const startVitals = observe(start, NO_INPUTS, data.physiology, data.patient.weightKg.value);
  const dispositionIds = Object.keys(resolved.catalog.dispositions);

  return setup({
    types: { context: {} as MachineContext, events: {} as CaseEvent },
    actions: {
      begin: assign(({ context: { play } }) => ({
        play: update(play, { trace: [tracePoint(0, play.vitals, data.physiology.metabolic !== undefined)] }),
      })),
      advance: assign(({ context: { play }, event }) => {
        if (event.type !== 'ADVANCE') return {};
        return {
          play: settle(advanceTo(play, resolved, Math.min(horizon, Math.floor(event.toMin))), resolved),
        };
      }),
      advanceToNextResult: assign(({ context: { play } }) => {
        const next = nextResultAt(play);
        return next === null
          ? {}
          : { play: settle(advanceTo(play, resolved, Math.min(horizon, next)), resolved) };
      }),
      act: assign(({ context: { play }, event }) => {
        if (event.type !== 'ACT') return {};
        const acted = applyAction(
          update(play, { vitals: vitalsNow(play, resolved) }),
          resolved,
          event.action,
        );
        return { play: acted.ended !== null ? finish(acted, resolved, 'disposition') : acted };
      }),
      step: assign(({ context: { play }, event }) =>
        event.type === 'STEP'
          ? { play: replayStep(play, resolved, { atMin: event.atMin, actions: event.actions, end: false }) }
          : {},
      ),
      replay: assign(({ context: { play }, event }) => {
        if (event.type !== 'REPLAY') return {};
        let next = play;
        for (const step of event.steps) {
          if (next.ended !== null) break;
          next = replayStep(next, resolved, step);
        }
        return { play: next };
      }),
      endByLearner: assign(({ context: { play } }) => ({ play: finish(play, resolved, 'learner') })),
    },
    guards: {
      endedBy: ({ context: { play } }, params: { reason: EndReason; disposition?: string }) =>
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
        always: [
          ...dispositionIds.map((id) => ({
            guard: { type: 'endedBy' as const, params: { reason: 'disposition' as const, disposition: id } },
            target: `ended.${id}`,
          })),
          ...(['death', 'learner', 'horizon'] as const).map((reason) => ({
            guard: { type: 'endedBy' as const, params: { reason } },
            target: `ended.${reason}`,
          })),
        ],
        on: {
          ADVANCE: { actions: 'advance' },
          ADVANCE_TO_NEXT_RESULT: { actions: 'advanceToNextResult' },
          ACT: { actions: 'act' },
          STEP: { actions: 'step' },
          REPLAY: { actions: 'replay' },
          END: { actions: 'endByLearner' },
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
