import { assign, setup } from 'xstate';
import { applyAction } from './actions.ts';
import { advanceTo, tracePoint, vitalsNow } from './advance.ts';
import { initialContext, type CaseContext, type EndReason, type LearnerAction } from './context.ts';
import type { ResolvedCase } from './load/load-case.ts';
import { observe } from './physiology/observe.ts';
import { initialPatient, NO_INPUTS } from './physiology/state.ts';

export type CaseEvent =
  | { type: 'START' }
  | { type: 'ADVANCE'; toMin: number }
  | { type: 'ADVANCE_TO_NEXT_RESULT' }
  | { type: 'ACT'; action: LearnerAction }
  | { type: 'END' };

export interface CaseMachineOptions {
  seed?: number;
}

/** The minute the next pending result (or culture stage) arrives, if any. */
export function nextResultAt(ctx: CaseContext): number | null {
  let next: number | null = null;
  for (const order of ctx.orders) {
    const times = order.result?.kind === 'culture' ? order.result.stages.map((s) => s.atMin) : [order.resultAt];
    for (const t of times) if (t > ctx.nowMin && (next === null || t < next)) next = t;
  }
  return next;
}

/** End the learner's part and simulate the rest of the course to the horizon with what they started. */
function finish(ctx: CaseContext, resolved: ResolvedCase, reason: EndReason): CaseContext {
  const ended = ctx.ended ?? { reason, atMin: ctx.nowMin };
  const projected = advanceTo({ ...ctx, ended }, resolved, resolved.data.horizonMin);
  return projected.deathAtMin !== null && ctx.ended === null && reason !== 'disposition'
    ? { ...projected, ended: { reason: 'death', atMin: projected.deathAtMin } }
    : projected;
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
    types: { context: {} as CaseContext, events: {} as CaseEvent },
    actions: {
      begin: assign(({ context }) => ({ trace: [tracePoint(0, context.vitals)] })),
      advance: assign(({ context, event }) => {
        if (event.type !== 'ADVANCE') return {};
        const to = Math.min(horizon, Math.floor(event.toMin));
        const moved = advanceTo(context, resolved, to);
        return moved.deathAtMin !== null ? finish(moved, resolved, 'death') : moved.nowMin >= horizon ? finish(moved, resolved, 'horizon') : moved;
      }),
      advanceToNextResult: assign(({ context }) => {
        const next = nextResultAt(context);
        if (next === null) return {};
        const moved = advanceTo(context, resolved, Math.min(horizon, next));
        return moved.deathAtMin !== null ? finish(moved, resolved, 'death') : moved.nowMin >= horizon ? finish(moved, resolved, 'horizon') : moved;
      }),
      act: assign(({ context, event }) => {
        if (event.type !== 'ACT') return {};
        const acted = applyAction({ ...context, vitals: vitalsNow(context, resolved) }, resolved, event.action);
        return acted.ended !== null ? finish(acted, resolved, 'disposition') : acted;
      }),
      endByLearner: assign(({ context }) => finish(context, resolved, 'learner')),
    },
    guards: {
      endedBy: ({ context }, params: { reason: EndReason; disposition?: string }) =>
        context.ended?.reason === params.reason && (params.disposition === undefined || context.disposition?.id === params.disposition),
    },
  }).createMachine({
    id: data.id,
    context: initialContext(resolved, seed, startVitals),
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
