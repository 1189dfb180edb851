import { createActor } from 'xstate';
import {
  createCaseMachine,
  playScript,
  type CaseContext,
  type LearnerAction,
  type PlayResult,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { loadFirstCase } from './load.ts';

export const firstCase: ResolvedCase = loadFirstCase();

type Step = [at: number, verb: ScriptAction['do'], id?: string | undefined, dose?: number | undefined];

/** Steps written compactly: [minute, verb, id, dose]. */
export function script(...steps: Step[]): { seed?: number; actions: ScriptAction[] } {
  return {
    actions: steps.map(([at, verb, id, dose]) => ({
      at,
      do: verb,
      ...(id === undefined ? {} : { id }),
      ...(dose === undefined ? {} : { dose }),
    })),
  };
}

export function play(steps: Step[], seed?: number, resolved = firstCase): PlayResult {
  return playScript(resolved, script(...steps), seed);
}

/** A treatment as a learner action, at the catalogue's default dose unless one is given. */
export const treat = (id: string, dose?: number): LearnerAction =>
  dose === undefined ? { do: 'treat', id } : { do: 'treat', id, dose };

/** A learner action at a minute, as a script writes it. */
export const at = (minute: number, action: LearnerAction): ScriptAction => ({ at: minute, ...action });

export const item = (result: PlayResult, id: string) => {
  const found = result.score.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no score item ${id}`);
  return found;
};

/** A started actor on the first case, for step-by-step tests. */
export function startActor(seed = 1, resolved = firstCase) {
  const actor = createActor(createCaseMachine(resolved, { seed })).start();
  actor.send({ type: 'START' });
  return actor;
}

/**
 * Play timed actions through the machine (so arrests and course events are handled as in a real play) and return
 * the engine context once the clock reaches `untilMin` (or the case has ended).
 */
export function runPlan(
  resolved: ResolvedCase,
  plan: readonly [number, LearnerAction][],
  untilMin: number,
  seed = 1,
): CaseContext {
  const actor = startActor(seed, resolved);
  for (const [at, action] of plan) {
    actor.send({ type: 'ADVANCE', toMin: at });
    actor.send({ type: 'ACT', action });
  }
  actor.send({ type: 'ADVANCE', toMin: untilMin });
  return actor.getSnapshot().context.play;
}

/**
 * The MAP on the play's recorded trace at minute `from` less at minute `to`, after the timed actions. A disposition
 * ends the learner's part and plays the course on to the horizon, so what follows it is read from the trace.
 */
export function traceMapFall(
  resolved: ResolvedCase,
  plan: readonly [number, LearnerAction][],
  from: number,
  to: number,
): number {
  const actor = startActor(1, resolved);
  for (const [at, action] of plan) {
    actor.send({ type: 'ADVANCE', toMin: at });
    actor.send({ type: 'ACT', action });
  }
  const trace = actor.getSnapshot().context.play.trace;
  const map = (m: number) => trace.find((p) => p.atMin === m)?.map ?? NaN;
  return map(from) - map(to);
}

/**
 * The first seed (from 0) whose untreated course fires the case event by the minute, and none of `without`: a chance
 * event is drawn from the seed, so tests that need it (or need it absent) find their seed rather than name one.
 */
export function seedWhere(
  resolved: ResolvedCase,
  eventId: string | null,
  byMin: number,
  without: readonly string[] = [],
): number {
  const fired = (ctx: CaseContext, id: string) => (ctx.events[id]?.firedAt.length ?? 0) > 0;
  for (let seed = 0; seed < 1000; seed += 1) {
    const ctx = runPlan(resolved, [], byMin, seed);
    if ((eventId === null || fired(ctx, eventId)) && !without.some((id) => fired(ctx, id))) return seed;
  }
  throw new Error(`no seed below 1000 fires ${eventId ?? 'nothing'} by minute ${String(byMin)}`);
}

/** The guideline path from shared/acceptance, as steps (SSC hour-1 bundle + the real team's course). */
export const GUIDELINE_PATH: Step[] = [
  [0, 'examine', 'general'],
  [2, 'examine', 'gluteal'],
  [3, 'order', 'lactate'],
  [3, 'order', 'blood-cultures'],
  [3, 'order', 'cbc'],
  [3, 'order', 'bmp'],
  [3, 'order', 'coagulation'],
  [3, 'order', 'crp'],
  [3, 'order', 'procalcitonin'],
  [5, 'treat', 'lactated-ringers', 1000],
  [10, 'order', 'ecg'],
  [15, 'order', 'chest-xray'],
  [20, 'treat', 'ceftriaxone'],
  [20, 'treat', 'cloxacillin'],
  [35, 'treat', 'lactated-ringers', 1000],
  [40, 'treat', 'norepinephrine', 0.1],
  [60, 'order', 'ct-abdomen-pelvis'],
  [70, 'treat', 'lactated-ringers', 250],
  [150, 'order', 'lactate'],
  [155, 'consult', 'general-surgery'],
  [160, 'diagnose', 'septic-shock'],
  [160, 'diagnose', 'spondylodiscitis'],
  [160, 'diagnose', 'gluteal-abscess'],
  [180, 'dispose', 'operating-room'],
];

/** Replace or drop steps of the guideline path to make a variant. */
export function variant(change: (steps: Step[]) => Step[]): Step[] {
  return change(GUIDELINE_PATH.map((s) => [...s] as Step));
}
export type { Step };
