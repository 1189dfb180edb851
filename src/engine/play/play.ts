import { createActor } from 'xstate';
import {
  type CaseContext,
  type EndReason,
  type LearnerAction,
  type TimelineEntry,
  type TracePoint,
} from './context.ts';
import { tracePoint } from '../sim/advance.ts';
import { durationText } from './clock.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { createCaseMachine, type CaseMachine, type ReplayStep } from './machine.ts';
import { scoreCase, type Score } from '../scoring/score.ts';
import type { Script, ScriptAction } from '../case/schema/script.ts';

export interface PlayResult {
  case: string;
  seed: number;
  /** Minute the learner's part ended (disposition, "end", death, or the horizon). */
  endedAt: number;
  endedBy: EndReason;
  outcome: {
    status: 'alive' | 'dead';
    atMin: number;
    deathAtMin: number | null;
    disposition: string | null;
    summary: string;
  };
  score: Score;
  /** The course the patient took: phases in the order entered, case events with their minutes, arrests. */
  course: {
    phases: string[];
    events: Record<string, number[]>;
    arrests: {
      startedAt: number;
      rhythm: string;
      outcome: 'rosc' | 'death' | null;
      endedAt: number | null;
    }[];
  };
  /** Vitals at the end of the simulated course (at death: the last ones before the arrest). */
  vitals: Omit<TracePoint, 'atMin'>;
  timeline: { at: number; kind: TimelineEntry['kind']; text: string; afterEnd?: true }[];
}

export function toLearnerAction(action: ScriptAction): LearnerAction | null {
  if (action.do === 'end' || action.id === undefined) return null;
  return action.do === 'treat' && action.dose !== undefined
    ? { do: 'treat', id: action.id, dose: action.dose }
    : { do: action.do, id: action.id };
}

/** Script steps grouped by minute, each group ending at an "end" if there is one. */
export function byMinute(steps: readonly ScriptAction[]): ReplayStep[] {
  const groups: ReplayStep[] = [];
  for (const step of steps) {
    let group = groups.at(-1);
    if (group?.atMin !== step.at || group.end)
      groups.push((group = { atMin: step.at, actions: [], end: false }));
    const action = toLearnerAction(step);
    if (action === null) group.end = true;
    else group.actions.push(action);
  }
  return groups;
}

const machines = new WeakMap<ResolvedCase, Map<number, CaseMachine>>();

/** Machines are immutable definitions: build one per case and seed, start an actor per play. */
function machineFor(resolved: ResolvedCase, seed: number): CaseMachine {
  let bySeed = machines.get(resolved);
  if (bySeed === undefined) machines.set(resolved, (bySeed = new Map<number, CaseMachine>()));
  let machine = bySeed.get(seed);
  if (machine === undefined) bySeed.set(seed, (machine = createCaseMachine(resolved, { seed })));
  return machine;
}

/** Play a scripted learner from arrival to the horizon, headless. The same script always gives the same result. */
export function playScript(
  resolved: ResolvedCase,
  script: Script,
  seed = script.seed ?? resolved.data.defaultSeed,
): PlayResult {
  return summarisePlay(resolved, playToEnd(resolved, script, seed));
}

/** The engine's whole record of a scripted play, arrival to the horizon (what playScript summarises). */
export function playToEnd(
  resolved: ResolvedCase,
  script: Script,
  seed = script.seed ?? resolved.data.defaultSeed,
): CaseContext {
  const actor = createActor(machineFor(resolved, seed)).start();
  actor.send({ type: 'START' });
  actor.send({ type: 'REPLAY', steps: byMinute(script.actions) });
  if (actor.getSnapshot().context.play.ended === null)
    actor.send({ type: 'ADVANCE', toMin: resolved.data.horizonMin });
  const context = actor.getSnapshot().context.play;
  actor.stop();
  return context;
}

export function summarisePlay(resolved: ResolvedCase, ctx: CaseContext): PlayResult {
  const { atMin, ...vitals } = ctx.trace.at(-1) ?? tracePoint(ctx.nowMin, ctx.vitals);
  const dead = ctx.deathAtMin !== null;
  const endedAt = ctx.ended?.atMin ?? ctx.nowMin;
  const disposition = ctx.disposition?.id ?? null;
  const where =
    disposition === null
      ? ''
      : `, sent to ${resolved.catalog.dispositions[disposition]?.name ?? disposition}`;
  return {
    case: resolved.data.id,
    seed: ctx.seed,
    endedAt,
    endedBy: ctx.ended?.reason ?? 'horizon',
    outcome: {
      status: dead ? 'dead' : 'alive',
      atMin: ctx.nowMin,
      deathAtMin: ctx.deathAtMin,
      disposition,
      summary:
        ctx.ended?.reason === 'fault'
          ? `The simulation stopped ${durationText(ctx.nowMin)} after arrival: the case's physiology gave no number (a fault in the case file; the score covers only what came before).`
          : dead
            ? `Died ${durationText(ctx.deathAtMin ?? ctx.nowMin)} after arrival${arrestWords(ctx)}${where} (simulated course).`
            : `Alive ${durationText(ctx.nowMin)} after arrival${where}${roscWords(ctx)} (simulated course).`,
    },
    score: scoreCase(resolved, ctx),
    course: courseOf(ctx),
    vitals,
    timeline: ctx.timeline.map((e) => ({
      at: e.atMin,
      kind: e.kind,
      text: e.text,
      ...(e.afterEnd === true ? { afterEnd: true as const } : {}),
    })),
  };
}

/** ", cardiac arrest at 6 h 10 min" for the arrest the patient died in. */
function arrestWords(ctx: CaseContext): string {
  const last = ctx.arrests.at(-1);
  return last?.outcome === 'death' ? `, cardiac arrest at ${durationText(last.startedAt)}` : '';
}

/** ", after 1 cardiac arrest with return of circulation" when the patient survived an arrest. */
function roscWords(ctx: CaseContext): string {
  const survived = ctx.arrests.filter((a) => a.outcome === 'rosc').length;
  if (survived === 0) return '';
  return `, after ${String(survived)} cardiac arrest${survived > 1 ? 's' : ''} with return of circulation`;
}

/** The course the play took: the phases in the order entered, the course events with their minutes, the arrests. */
function courseOf(ctx: CaseContext): PlayResult['course'] {
  return {
    phases: ctx.phaseLog.map((p) => p.phase),
    events: Object.fromEntries(
      Object.entries(ctx.events)
        .filter(([, e]) => e.firedAt.length > 0)
        .map(([id, e]) => [id, e.firedAt]),
    ),
    arrests: ctx.arrests.map((a) => ({
      startedAt: a.startedAt,
      rhythm: a.firstRhythm,
      outcome: a.outcome,
      endedAt: a.endedAt,
    })),
  };
}
