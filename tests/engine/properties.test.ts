import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playScript, targetsFor } from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { firstCase } from '../support/play.ts';

const VERBS = ['examine', 'ask', 'order', 'treat', 'stop', 'consult', 'diagnose', 'dispose'] as const;

/** A random learner: any verb, any valid id (and some invalid ones), doses in and out of range, at rising minutes. */
const learner = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 90 }),
      verb: fc.constantFrom(...VERBS, ...VERBS.filter((v) => v !== 'dispose')), // dispose less often, so plays run longer
      pick: fc.nat(),
      dose: fc.option(fc.double({ min: 0.01, max: 3000, noNaN: true }), { nil: undefined }),
      typo: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((steps) => {
    let at = 0;
    return steps.map(({ gap, verb, pick, dose, typo }): ScriptAction => {
      at += gap;
      const ids = targetsFor(firstCase, verb);
      const id = ids[pick % ids.length] ?? 'x';
      return {
        at,
        do: verb,
        id: typo && pick % 7 === 0 ? `${id}x` : id,
        ...(verb === 'treat' && dose !== undefined ? { dose } : {}),
      };
    });
  });

describe('invariants over random learners', () => {
  it('the score never exceeds its maximum and never goes below zero', () => {
    fc.assert(
      fc.property(learner, fc.nat(1000), (actions, seed) => {
        const { score } = playScript(firstCase, { actions }, seed);
        expect(score.earned).toBeGreaterThanOrEqual(0);
        expect(score.earned).toBeLessThanOrEqual(score.max);
        expect(score.percent).toBeGreaterThanOrEqual(0);
        expect(score.percent).toBeLessThanOrEqual(100);
        for (const i of score.items) expect(i.earned).toBeLessThanOrEqual(i.max);
      }),
      { numRuns: 150 },
    );
  });

  it('the same log always gives the same result (byte for byte)', () => {
    fc.assert(
      fc.property(learner, fc.nat(1000), (actions, seed) => {
        expect(JSON.stringify(playScript(firstCase, { actions }, seed))).toBe(
          JSON.stringify(playScript(firstCase, { actions }, seed)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('vitals stay finite and physiological; the timeline never runs backwards; nothing happens after death', () => {
    fc.assert(
      fc.property(learner, (actions) => {
        const r = playScript(firstCase, { actions });
        const v = r.vitals;
        for (const x of Object.values(v)) expect(Number.isFinite(x)).toBe(true);
        // A heart that has stopped has no saturation to read and no pulse pressure without compressions.
        const arrested =
          r.timeline.filter((e) => e.text.startsWith('Cardiac arrest')).length >
          r.timeline.filter((e) => e.text.startsWith('Return of spontaneous circulation')).length;
        expect(arrested || v.spo2 >= 50).toBe(true);
        expect(arrested || v.sbp > v.dbp).toBe(true);
        expect(v.spo2).toBeLessThanOrEqual(100);
        expect(v.lactate).toBeGreaterThan(0);
        const times = r.timeline.map((e) => e.at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const end = r.outcome.deathAtMin ?? r.outcome.atMin;
        expect(r.timeline.filter((e) => e.at > end)).toEqual([]);
        expect(r.outcome.atMin).toBeLessThanOrEqual(firstCase.data.horizonMin);
      }),
      { numRuns: 150 },
    );
  });

  it('doing nothing is fatal and scores at most 15 %, whatever the seed', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (seed) => {
        const nothing = playScript(firstCase, { actions: [{ at: 720, do: 'end' }] }, seed);
        expect(nothing.outcome.status).toBe('dead');
        expect(nothing.score.percent).toBeLessThanOrEqual(15);
      }),
      { numRuns: 20 },
    );
  });
});
