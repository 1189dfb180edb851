import type { CaseContext, Observed } from '../play/context.ts';
import { isRunning } from './care.ts';
import type { Vitals } from './physiology/observe.ts';
import type { Rhythm, StateGate } from '../case/schema/course.ts';
import type { StateVariable } from '../case/schema/state.ts';
import { STATE_VARIABLES } from '../case/vocabulary.ts';

/** Decimals each value is read to, as a monitor or a laboratory reports it. */
const DECIMALS: Partial<Record<StateVariable, number>> = {
  lactate: 1,
  creatinine: 2,
  temp: 1,
  crt: 1,
  urine: 2,
  potassium: 1,
  ketones: 1,
  bicarbonate: 1,
  ph: 2,
  injury: 2,
  severity: 2,
  burden: 2,
};

const FACTOR = Object.fromEntries(STATE_VARIABLES.map((n) => [n, 10 ** (DECIMALS[n] ?? 0)])) as Record<
  StateVariable,
  number
>;
const rounded = (vitals: Vitals, name: StateVariable) =>
  Math.round(vitals[name] * FACTOR[name]) / FACTOR[name];

/** The patient as the learner would read them now: every simulated value, rounded as it is shown. */
export function observedFrom(vitals: Vitals): Observed {
  const out = {} as Observed;
  for (const name of STATE_VARIABLES) out[name] = rounded(vitals, name);
  return out;
}

/**
 * The same readings, rounded only when one is read: the integrator asks every minute whether a course event is
 * due, and a gate reads one or two values, so rounding all of them each minute would be most of the cost.
 */
export function readingsOf(vitals: Vitals): Observed {
  return new Proxy(vitals, ROUNDING);
}
const ROUNDING: ProxyHandler<Vitals> = { get: (target, name) => rounded(target, name as StateVariable) };

/** What a gate needs to know about the moment: values as read, phase, rhythm, treatments running. */
export interface Moment {
  observed: Observed;
  phase: string;
  rhythm: Rhythm;
  atMin: number;
  running(treatmentId: string): boolean;
}

/** A moment of a play (a class, so the integrator's minute-by-minute checks allocate no closures). */
class PlayMoment implements Moment {
  readonly observed: Observed;
  readonly phase: string;
  readonly rhythm: Rhythm;
  readonly atMin: number;
  private readonly treatments: CaseContext['treatments'];

  constructor(ctx: CaseContext, observed: Observed, atMin: number, rhythm: Rhythm) {
    this.observed = observed;
    this.phase = ctx.phase;
    this.rhythm = rhythm;
    this.atMin = atMin;
    this.treatments = ctx.treatments;
  }

  running(treatmentId: string): boolean {
    for (const t of this.treatments)
      if (t.treatmentId === treatmentId && isRunning(t, this.atMin)) return true;
    return false;
  }
}

export function momentOf(
  ctx: CaseContext,
  observed: Observed,
  atMin = ctx.nowMin,
  rhythm = ctx.rhythm,
): Moment {
  return new PlayMoment(ctx, observed, atMin, rhythm);
}

type Limits = Partial<Record<StateVariable, number>> | undefined;

function every(
  limits: Limits,
  observed: Observed,
  holds: (value: number, limit: number) => boolean,
): boolean {
  if (limits === undefined) return true;
  for (const [name, limit] of Object.entries(limits) as [StateVariable, number][])
    if (!holds(observed[name], limit)) return false;
  return true;
}

/** Whether every part of a gate holds at this moment. */
export function gateHolds(gate: StateGate, m: Moment): boolean {
  return (
    every(gate.below, m.observed, (v, l) => v < l) &&
    every(gate.above, m.observed, (v, l) => v > l) &&
    every(gate.atMost, m.observed, (v, l) => v <= l) &&
    every(gate.atLeast, m.observed, (v, l) => v >= l) &&
    (gate.running === undefined || gate.running.some((id) => m.running(id))) &&
    !gate.notRunning?.some((id) => m.running(id)) &&
    (gate.phase === undefined || gate.phase.includes(m.phase)) &&
    (gate.rhythm === undefined || gate.rhythm.includes(m.rhythm))
  );
}

/** The gate in words, for the debrief: "potassium ≤ 5, norepinephrine running". */
export function gateWords(gate: StateGate, name: (treatmentId: string) => string): string {
  const parts: string[] = [];
  const add = (limits: Limits, op: string) => {
    for (const [k, v] of Object.entries(limits ?? {})) parts.push(`${k} ${op} ${String(v)}`);
  };
  add(gate.below, '<');
  add(gate.above, '>');
  add(gate.atMost, '≤');
  add(gate.atLeast, '≥');
  if (gate.running !== undefined) parts.push(`${gate.running.map(name).join(' or ')} running`);
  if (gate.notRunning !== undefined) parts.push(`no ${gate.notRunning.map(name).join(' or ')} running`);
  if (gate.phase !== undefined) parts.push(`phase ${gate.phase.join(' or ')}`);
  if (gate.rhythm !== undefined) parts.push(`rhythm ${gate.rhythm.join(' or ')}`);
  return parts.join(', ');
}
