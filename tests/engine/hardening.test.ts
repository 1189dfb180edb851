import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  BUDGET,
  checkCase,
  createCaseMachine,
  playScript,
  playToEnd,
  scoreCase,
  type CaseEvent,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import { parseJson } from '../../src/engine/case/load/json-source.ts';
import { brokenVital } from '../../src/engine/sim/advance.ts';
import { untreatedCourseProblems } from '../../src/engine/case/load/untreated-course.ts';
import { caseText, CASE_PATH, editedFirstCase, loadFirstCase } from '../support/load.ts';
import { firstCase } from '../support/play.ts';

/** The first case with its loaded data changed behind the schema's back (what the engine must survive anyway). */
function tampered(change: (resolved: ResolvedCase) => void): ResolvedCase {
  const loaded = loadFirstCase();
  // A new object: the engine keeps one machine per loaded case, built with the case as it was loaded.
  const resolved = { data: structuredClone(loaded.data), catalog: loaded.catalog };
  change(resolved);
  return resolved;
}

const finite = (x: unknown): boolean =>
  typeof x !== 'number'
    ? typeof x !== 'object' || x === null || Object.values(x).every(finite)
    : Number.isFinite(x);

describe('a long action log', () => {
  it('replays a save of 100,000 actions in one pass: the engine takes its budget of actions and says so', () => {
    // Before: replay copied the queue, the log and the timeline for every action (minutes for this log).
    const actions = Array.from({ length: 100_000 }, (_, i) => ({
      at: Math.floor(i / 200),
      do: 'stop' as const,
      id: 'norepinephrine',
    }));
    const ctx = playToEnd(firstCase, { actions });
    expect(ctx.log).toHaveLength(BUDGET.actions);
    expect(ctx.ended).not.toBeNull();
    const limit = ctx.timeline.filter((e) => e.text.includes(`limit of ${String(BUDGET.actions)} actions`));
    expect(limit).toHaveLength(1);
    expect(limit[0]?.atMin).toBe(ctx.log.at(-1)?.atMin);
  }, 20_000);

  it('gives the same play whether a log is replayed in one event or sent action by action', () => {
    const steps: [number, string][] = [
      [0, 'blood-cultures'],
      [0, 'lactate'],
      [3, 'cbc'],
      [3, 'lactate'],
      [40, 'cbc'],
    ];
    const replayed = playToEnd(firstCase, {
      actions: steps.map(([at, id]) => ({ at, do: 'order' as const, id })),
    });
    const actor = createActor(createCaseMachine(firstCase)).start();
    actor.send({ type: 'START' });
    for (const [at, id] of steps) {
      actor.send({ type: 'ADVANCE', toMin: at });
      actor.send({ type: 'ACT', action: { do: 'order', id } });
    }
    actor.send({ type: 'ADVANCE', toMin: firstCase.data.horizonMin });
    const stepped = actor.getSnapshot().context.play;
    expect(stepped.log).toEqual(replayed.log);
    expect(stepped.timeline).toEqual(replayed.timeline);
    expect(stepped.trace).toEqual(replayed.trace);
  });

  it('never changes a play state the machine has handed out', () => {
    const actor = createActor(createCaseMachine(firstCase)).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'ACT', action: { do: 'order', id: 'cbc' } });
    const before = actor.getSnapshot().context.play;
    const frozen = JSON.stringify(before);
    actor.send({
      type: 'REPLAY',
      steps: [
        {
          atMin: 10,
          actions: [
            { do: 'order', id: 'lactate' },
            { do: 'examine', id: 'general' },
          ],
          end: false,
        },
      ],
    });
    actor.send({ type: 'ADVANCE', toMin: 200 });
    expect(JSON.stringify(before)).toBe(frozen);
    expect(actor.getSnapshot().context.play.log).toHaveLength(3);
  });
});

describe('a physiology that gives no number', () => {
  // lactate 1e308 is refused by the schema; loaded anyway, the mean arterial pressure becomes -Infinity.
  const broken = tampered((r) => {
    r.data.physiology.initial.lactate = 1e308;
  });

  it('stops the play at a fault, with a message, and no non-number reaches a vital, the trace or the score', () => {
    const result = playScript(broken, { actions: [{ at: 0, do: 'order', id: 'lactate' }] });
    expect(result.endedBy).toBe('fault');
    expect(result.outcome.summary).toMatch(
      /^The simulation stopped 0 min after arrival: .* fault in the case file/,
    );
    expect(result.timeline.some((e) => /simulation stopped .* no number for \w+/.test(e.text))).toBe(true);
    expect(finite(result.vitals)).toBe(true);
    expect(finite(result.score)).toBe(true);
    const ctx = playToEnd(broken, { actions: [] });
    expect(finite(ctx.vitals)).toBe(true);
    expect(finite(ctx.trace)).toBe(true);
  });

  it('ends the statechart in ended.fault, and later events do nothing', () => {
    const actor = createActor(createCaseMachine(broken)).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'ADVANCE', toMin: 60 });
    expect(actor.getSnapshot().value).toEqual({ ended: 'fault' });
    actor.send({ type: 'ACT', action: { do: 'order', id: 'cbc' } });
    expect(actor.getSnapshot().context.play.log).toHaveLength(0);
  });

  it('is refused when the case loads: the untreated course is played to its horizon', () => {
    const parsed = parseJson(CASE_PATH, caseText());
    if (!parsed.ok) throw new Error('first case does not parse');
    const problems = untreatedCourseProblems(parsed.source, broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /played untreated, the physiology gives no number for \w+ at T\+0:0\d/,
    );
    expect(problems[0]?.line).toBeGreaterThan(1);
    expect(untreatedCourseProblems(parsed.source, firstCase)).toEqual([]);
  });

  it('never reports "Infinity mL/kg" for a weight of 0', () => {
    const weightless = tampered((r) => {
      r.data.patient.weightKg.value = 0;
    });
    const result = playScript(weightless, {
      actions: [{ at: 0, do: 'treat', id: 'lactated-ringers', dose: 1000 }],
    });
    expect(finite(result.score)).toBe(true);
    const volume = result.score.items.find((i) => i.reason.includes('mL/kg'));
    expect(volume?.reason).toMatch(/^1000 mL \(0 mL\/kg\)/);
    expect(JSON.stringify(result.score)).not.toMatch(/Infinity|NaN/);
  });
});

describe('events no view should send, sent anyway', () => {
  const anyNumber = fc.oneof(
    fc.double(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0, 1e308, Number.MAX_SAFE_INTEGER),
    fc.integer({ min: -10, max: 800 }),
  );
  const ids = ['norepinephrine', 'lactated-ringers', 'cbc', 'lactate', 'general', 'x', ''];
  const event = fc.oneof(
    fc.record({ type: fc.constant('ADVANCE' as const), toMin: anyNumber, interruptible: fc.boolean() }),
    fc.record({
      type: fc.constant('ACT' as const),
      action: fc.record({
        do: fc.constantFrom('treat', 'order', 'examine', 'stop', 'dispose', 'nonsense'),
        id: fc.constantFrom(...ids),
        dose: anyNumber,
      }),
    }),
    fc.record({
      type: fc.constant('STEP' as const),
      atMin: anyNumber,
      actions: fc.constant([{ do: 'order' as const, id: 'cbc' }]),
    }),
    fc.constant({ type: 'ADVANCE_TO_NEXT_RESULT' as const }),
    fc.constant({ type: 'END' as const }),
  );

  it('never throw, never hang, never put a non-number in a vital, the trace or the score, never pass the horizon', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.nat(), (events, seed) => {
        const actor = createActor(createCaseMachine(firstCase, { seed })).start();
        actor.send({ type: 'START' });
        for (const e of events) actor.send(e as CaseEvent);
        actor.send({ type: 'ADVANCE', toMin: firstCase.data.horizonMin });
        const ctx = actor.getSnapshot().context.play;
        expect(finite(ctx.vitals)).toBe(true);
        expect(finite(ctx.trace)).toBe(true);
        expect(ctx.nowMin).toBeLessThanOrEqual(firstCase.data.horizonMin);
        expect(Number.isInteger(ctx.nowMin)).toBe(true);
        const score = scoreCase(firstCase, ctx);
        expect(finite(score)).toBe(true);
        expect(score.percent).toBeGreaterThanOrEqual(0);
        expect(score.percent).toBeLessThanOrEqual(100);
        actor.stop();
      }),
      { numRuns: 150 },
    );
  });
});

describe('a course that would fire without end', () => {
  it('stops firing events at the budget, and the checker says so', () => {
    // Ten repeating events whose trigger always holds: unbounded, one firing each a minute (1,440 each in the day).
    const restless = editedFirstCase((data) => {
      data.horizonMin = 24 * 60;
      const course = data.course as { events: unknown[] };
      for (let i = 0; i < 10; i++)
        course.events.push({
          id: `restless-${String(i)}`,
          label: 'The nurse checks again',
          when: { state: { above: { hr: 0 } }, forMin: 1 },
          repeat: true,
          effects: [
            {
              type: 'message',
              from: 'nurse',
              text: { value: 'Still here.', provenance: 'synthetic', note: 'A test.' },
            },
          ],
        });
    });
    const ctx = playToEnd(restless, { actions: [] });
    const firings = Object.values(ctx.events).reduce((n, e) => n + e.firedAt.length, 0);
    expect(firings).toBe(BUDGET.eventFirings);
    const check = checkCase(restless);
    const budget = check.results.find((r) => r.name.startsWith('the course fires fewer events'));
    expect(budget?.ok).toBe(false);
  }, 120_000);
});

describe('the screen for a broken vital covers every vital', () => {
  // The screen is a hand-written sum (fast); a vital added to the physiology but not to the sum would slip through.
  const vitals = runPlanVitals();
  it.each(Object.keys(vitals))('%s: NaN, Infinity or a value beyond any measurement is named', (key) => {
    expect(brokenVital(vitals)).toBeNull();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1e12])
      expect(brokenVital({ ...vitals, [key]: bad })).toBe(key);
  });
});

function runPlanVitals() {
  const actor = createActor(createCaseMachine(firstCase, { seed: 1 })).start();
  actor.send({ type: 'START' });
  return actor.getSnapshot().context.play.vitals;
}
