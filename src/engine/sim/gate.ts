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
  Math.round((vitals[name] ?? Number.NaN) * FACTOR[name]) / FACTOR[name];

/**
 * The patient as the learner would read them now: every simulated value, rounded as it is shown. A value the case
 * does not simulate (nihss without physiology.neuro) is left out, so such a case's log stays as it was.
 */
export function observedFrom(vitals: Vitals): Observed {
  const out = {} as Observed;
  for (const name of STATE_VARIABLES) if (vitals[name] !== undefined) out[name] = rounded(vitals, name);
  return out;
}

/**
 * The same readings, rounded only when one is read: the integrator asks every minute whether a course event is
 * due, and a gate reads one or two values, so rounding all of them each minute would be most of the cost.
 */
export function readingsOf(vitals: Vitals): Observed {
  return new Readings(vitals) as unknown as Observed;
}

/** Vitals read as the learner reads them: each value a getter that rounds it (one class, so reads are fast). */
class Readings {
  constructor(readonly vitals: Vitals) {}
}
for (const name of STATE_VARIABLES) {
  Object.defineProperty(Readings.prototype, name, {
    get(this: Readings) {
      return rounded(this.vitals, name);
    },
    enumerable: true,
  });
}

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

/** A gate's value limits as one list, each with its comparison: the integrator checks gates every minute. */
type Check = readonly [name: StateVariable, limit: number, op: 'below' | 'above' | 'atMost' | 'atLeast'];
const checksOf = new WeakMap<StateGate, readonly Check[]>();

function checks(gate: StateGate): readonly Check[] {
  let list = checksOf.get(gate);
  if (list === undefined) {
    const part = (limits: Limits, op: Check[2]): Check[] =>
      limits === undefined
        ? []
        : (Object.entries(limits) as [StateVariable, number][]).map(([name, limit]) => [name, limit, op]);
    list = [
      ...part(gate.below, 'below'),
      ...part(gate.above, 'above'),
      ...part(gate.atMost, 'atMost'),
      ...part(gate.atLeast, 'atLeast'),
    ];
    checksOf.set(gate, list);
  }
  return list;
}

function holds(value: number, limit: number, op: Check[2]): boolean {
  return op === 'below'
    ? value < limit
    : op === 'above'
      ? value > limit
      : op === 'atMost'
        ? value <= limit
        : value >= limit;
}

/** Whether every part of a gate holds at this moment. */
export function gateHolds(gate: StateGate, m: Moment): boolean {
  for (const [name, limit, op] of checks(gate)) if (!holds(m.observed[name], limit, op)) return false;
  return (
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
