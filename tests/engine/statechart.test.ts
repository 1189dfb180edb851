import { describe, expect, it } from 'vitest';
import { createCaseMachine } from '../../src/engine/index.ts';
import { phasesOf } from '../../src/engine/play/context.ts';
import {
  CASE_PATH,
  editedCase,
  loadShippedCase,
  loadShippedCatalog,
  shippedCasePaths,
} from '../support/load.ts';

/**
 * The case's course is visible in the machine: a state per phase under `running`, a guarded transition per
 * course event in each phase where it can fire, the arrest phase with a way back to every live phase.
 */
interface Transition {
  guard?: string | { type: string; params?: Record<string, unknown> };
  target?: string;
  actions?: unknown;
}
interface PhaseState {
  always?: Transition[];
}

const catalog = loadShippedCatalog();

/** The `always` transitions each phase state has, read from the machine's own config. */
function phaseStates(path: string) {
  const resolved = loadShippedCase(path, catalog);
  const machine = createCaseMachine(resolved);
  const running = machine.config.states?.running as
    { initial?: string; states?: Record<string, PhaseState> } | undefined;
  return { resolved, running, states: running?.states ?? {} };
}

const guardOf = (t: Transition) => (typeof t.guard === 'string' ? { type: t.guard } : t.guard);
const eventGuards = (state: PhaseState | undefined) =>
  (state?.always ?? []).flatMap((t) => {
    const g = guardOf(t);
    return g?.type === 'eventDue' ? [{ event: g.params?.event, target: t.target }] : [];
  });

describe.each(shippedCasePaths())('the statechart of %s', (path) => {
  const { resolved, running, states } = phaseStates(path);
  const phases = phasesOf(resolved);
  const arrest = phases.find((p) => p.arrest);
  const live = phases.filter((p) => !p.arrest);
  const events = resolved.data.course?.events ?? [];

  it('has one state under `running` per phase of the course (with an arrest phase), starting in the first', () => {
    expect(Object.keys(states)).toEqual(phases.map((p) => p.id));
    expect(phases.filter((p) => p.arrest)).toHaveLength(1);
    expect(running?.initial).toBe(live[0]?.id);
  });

  it('has each course event as a guarded transition in exactly the phases where it can fire', () => {
    for (const phase of phases) {
      const expected = events
        .filter((e) => e.when.inPhase === undefined || e.when.inPhase.includes(phase.id))
        .map((e) => {
          const to = e.effects.find((f) => f.type === 'phase')?.phase;
          return { event: e.id, target: to === undefined || to === phase.id ? undefined : to };
        });
      expect(eventGuards(states[phase.id])).toEqual(expected);
    }
  });

  it('leaves every live phase for the arrest phase when the heart stops, and returns from it to each', () => {
    for (const phase of live) {
      const toArrest = states[phase.id]?.always?.filter((t) => guardOf(t)?.type === 'arrestDue') ?? [];
      expect(toArrest.map((t) => t.target)).toEqual([arrest?.id]);
    }
    const back = (states[arrest?.id ?? '']?.always ?? []).flatMap((t) => {
      const g = guardOf(t);
      return g?.type === 'roscTo' ? [{ phase: g.params?.phase, target: t.target }] : [];
    });
    expect(back).toEqual(live.map((p) => ({ phase: p.id, target: p.id })));
  });
});

describe('phases the engine adds', () => {
  it('a case without a course has one "course" phase and the engine\'s arrest phase', () => {
    const plain = editedCase(CASE_PATH, (data) => delete data.course, catalog);
    const running = createCaseMachine(plain).config.states?.running as {
      initial?: string;
      states?: Record<string, PhaseState>;
    };
    expect(phasesOf(plain).map((p) => [p.id, p.arrest])).toEqual([
      ['course', false],
      ['arrest', true],
    ]);
    expect(Object.keys(running.states ?? {})).toEqual(['course', 'arrest']);
    expect(running.initial).toBe('course');
  });

  it('a case that declares its own arrest phase gets no second one', () => {
    const own = editedCase(
      CASE_PATH,
      (data) =>
        (data.course as { phases: unknown[] }).phases.push({
          id: 'code-blue',
          label: 'Code blue',
          arrest: true,
        }),
      catalog,
    );
    expect(phasesOf(own).map((p) => p.id)).toEqual(['septic-shock', 'source-controlled', 'code-blue']);
    const running = createCaseMachine(own).config.states?.running as { states?: Record<string, PhaseState> };
    const toArrest = running.states?.['septic-shock']?.always?.find((t) => guardOf(t)?.type === 'arrestDue');
    expect(toArrest?.target).toBe('code-blue');
  });
});

describe('the shipped courses', () => {
  it('declare events in every case with a course, so the statechart is more than one state', () => {
    const counts = shippedCasePaths().map((path) => {
      const { states } = phaseStates(path);
      return Object.values(states).reduce((n, s) => n + eventGuards(s).length, 0);
    });
    expect(counts.every((n) => n > 0)).toBe(true);
  });
});
