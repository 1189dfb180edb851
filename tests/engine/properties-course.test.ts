import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  playScript,
  playToEnd,
  summarisePlay,
  targetsFor,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { editedCase, loadShippedCase, loadShippedCatalog } from '../support/load.ts';

/**
 * Invariants of the course and the arrest over random learners on the STEMI case (VF and heart block drawn from
 * the seed), and on a stormy copy where both happen in most plays, so that resuscitation is exercised often.
 */
const STEMI = 'cases/inferior-stemi-rv.json';
const catalog = loadShippedCatalog();
const stemi = loadShippedCase(STEMI, catalog);
const stormy = editedCase(
  STEMI,
  (data) => {
    const events = (data.course as { events: { chance?: number }[] }).events;
    for (const event of events) if (event.chance !== undefined) event.chance = 0.6;
  },
  catalog,
);
const CASES: Record<string, ResolvedCase> = { stemi, stormy };

const RESUSCITATION: ScriptAction[] = [
  { at: 0, do: 'treat', id: 'cpr' },
  { at: 0, do: 'stop', id: 'cpr' },
  { at: 0, do: 'treat', id: 'defibrillation', dose: 150 },
  { at: 0, do: 'treat', id: 'defibrillation', dose: 200 },
  { at: 0, do: 'treat', id: 'amiodarone', dose: 300 },
  { at: 0, do: 'treat', id: 'adrenaline-iv-bolus' },
  { at: 0, do: 'treat', id: 'transcutaneous-pacing', dose: 70 },
  { at: 0, do: 'stop', id: 'transcutaneous-pacing' },
  { at: 0, do: 'treat', id: 'atropine', dose: 1 },
  { at: 0, do: 'treat', id: 'synchronised-cardioversion' },
];
const VERBS = ['examine', 'ask', 'order', 'treat', 'consult', 'diagnose', 'dispose'] as const;

/** A random learner: mostly resuscitation, sometimes anything else the case offers, around the VF minute. */
const learner = fc
  .array(
    fc.record({
      gap: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })),
      resuscitation: fc.boolean(),
      verb: fc.constantFrom(...VERBS, 'treat', 'treat', 'order'),
      pick: fc.nat(),
    }),
    { maxLength: 30 },
  )
  .map((steps) => {
    let at = 10;
    return steps.map(({ gap, resuscitation, verb, pick }): ScriptAction => {
      at += gap;
      if (resuscitation)
        return { ...(RESUSCITATION[pick % RESUSCITATION.length] ?? { do: 'treat', id: 'cpr' }), at };
      // a disposition ends the learner's part: one in five of the picks that ask for one
      const ids = verb === 'dispose' && pick % 5 !== 0 ? [] : targetsFor(stemi, verb);
      const id = ids[pick % Math.max(1, ids.length)] ?? 'cpr';
      return { at, do: ids.length === 0 ? 'treat' : verb, id };
    });
  });
const which = fc.constantFrom('stemi', 'stormy', 'stormy');
const seed = fc.integer({ min: 1, max: 10_000 });

describe('random learners on the STEMI case, with arrests', () => {
  it('the same script and seed give byte-identical results', () => {
    fc.assert(
      fc.property(which, learner, seed, (name, actions, s) => {
        const resolved = CASES[name] ?? stemi;
        expect(JSON.stringify(playScript(resolved, { actions }, s))).toBe(
          JSON.stringify(playScript(resolved, { actions }, s)),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('the score stays within [0, max]; the timeline runs forwards; nothing is done after death', () => {
    fc.assert(
      fc.property(which, learner, seed, (name, actions, s) => {
        const resolved = CASES[name] ?? stemi;
        const ctx = playToEnd(resolved, { actions }, s);
        const result = summarisePlay(resolved, ctx);
        expect(result.score.earned).toBeGreaterThanOrEqual(0);
        expect(result.score.earned).toBeLessThanOrEqual(result.score.max);
        const times = ctx.timeline.map((e) => e.atMin);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const death = ctx.deathAtMin ?? Infinity;
        expect(ctx.log.filter((e) => e.atMin > death)).toEqual([]);
        expect(ctx.timeline.filter((e) => e.atMin > death)).toEqual([]);
        expect(ctx.treatments.filter((t) => t.atMin > death)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('every arrest ends in a return of circulation or death, or is still going at the end; arrests never overlap', () => {
    fc.assert(
      fc.property(which, learner, seed, (name, actions, s) => {
        const resolved = CASES[name] ?? stemi;
        const ctx = playToEnd(resolved, { actions }, s);
        const last = ctx.arrests.at(-1);
        const open = last?.endedAt === null;
        // all but the last ended with a pulse back; the last ended either way, or the play ended during it
        expect(ctx.arrests.slice(0, -1).map((a) => a.outcome)).not.toContain(null);
        expect(ctx.arrests.slice(0, -1).map((a) => a.outcome)).not.toContain('death');
        expect(ctx.arrests.map((a) => (a.outcome === null) === (a.endedAt === null))).not.toContain(false);
        expect(open && ctx.nowMin !== resolved.data.horizonMin).toBe(false);
        expect(open).toBe(ctx.deathAtMin === null && ctx.phase === 'arrest');
        expect(last?.outcome === 'death').toBe(ctx.deathAtMin !== null && ctx.deathAtMin === last?.endedAt);
        for (const arrest of ctx.arrests) {
          expect(arrest.endedAt ?? ctx.nowMin).toBeGreaterThanOrEqual(arrest.startedAt);
          expect(arrest.cprMin + arrest.noFlowMin).toBe(arrest.minutes);
        }
        for (let i = 1; i < ctx.arrests.length; i += 1)
          expect(ctx.arrests[i]?.startedAt).toBeGreaterThanOrEqual(ctx.arrests[i - 1]?.endedAt ?? Infinity);
      }),
      { numRuns: 100 },
    );
  });

  it('the random learners do meet arrests: the properties above are not vacuous', () => {
    const plays = fc.sample(fc.tuple(learner, seed), { numRuns: 60, seed: 42 });
    const arrested = plays.filter(([actions, s]) => playToEnd(stormy, { actions }, s).arrests.length > 0);
    expect(arrested.length).toBeGreaterThan(10);
  });
});
