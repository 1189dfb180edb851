import { describe, expect, it } from 'vitest';
import type { CaseContext, ResolvedCase } from '../../src/engine/index.ts';
import { bayView } from '../../src/view/view-model.ts';
import { stemiArrivingIn } from '../support/load.ts';
import { runPlan } from '../support/play.ts';

// A junctional escape rhythm (the sinus node slowed by drugs or potassium, the AV junction pacing the heart), set at
// arrival on the STEMI case.
const withRhythm = stemiArrivingIn;
const junctional = withRhythm('junctional');
const sinus = withRhythm('sinus');
const view = (ctx: CaseContext, resolved: ResolvedCase) =>
  bayView(ctx, resolved, { paused: false, reducedMotion: false });
const atropine = { do: 'treat', id: 'atropine', dose: 1 } as const;
const pacing = (rate: number) => ({ do: 'treat', id: 'transcutaneous-pacing', dose: rate }) as const;

describe('a junctional escape rhythm', () => {
  it('beats at its escape rate with narrow complexes, and loses the output the case gives it', () => {
    const ctx = runPlan(junctional, [], 1);
    const shown = view(ctx, junctional);
    expect(Math.round(ctx.vitals.hr)).toBe(26);
    expect(shown.rhythm).toMatchObject({ id: 'junctional', qrs: 'narrow', name: 'Junctional bradycardia' });
    expect(runPlan(sinus, [], 1).vitals.map - ctx.vitals.map).toBeCloseTo(20, 0);
  });

  it('is named by its rate: escape, accelerated, tachycardia', () => {
    for (const [hrBpm, name] of [
      [45, 'Junctional escape rhythm'],
      [80, 'Accelerated junctional rhythm'],
      [130, 'Junctional tachycardia'],
    ] as const) {
      const resolved = withRhythm('junctional', { hrBpm, mapChange: 0 });
      expect(view(runPlan(resolved, [], 1), resolved).rhythm.name).toBe(name);
    }
  });

  it('quickens with atropine (by default its rate answers to drugs), and loses less output as it does', () => {
    const before = runPlan(junctional, [], 2);
    const after = runPlan(junctional, [[1, atropine]], 12);
    const untreated = runPlan(junctional, [], 12);
    expect(after.vitals.hr).toBeGreaterThan(before.vitals.hr + 10);
    expect(after.vitals.map).toBeGreaterThan(untreated.vitals.map + 5);
    // A junction that drugs do not move (drugsChangeRate false): atropine leaves the rate where it was, and the
    // pressure too (atropine raises it only through the rate), where glucagon, acting on the heart's contraction
    // as well, still lifts it.
    const fixed = withRhythm('junctional', { drugsChangeRate: false });
    const atropineGiven = runPlan(fixed, [[1, atropine]], 6);
    expect(Math.round(atropineGiven.vitals.hr)).toBe(26);
    expect(atropineGiven.vitals.map).toBeCloseTo(runPlan(fixed, [], 6).vitals.map, 6);
    const glucagon = runPlan(fixed, [[1, { do: 'treat', id: 'glucagon', dose: 5 }]], 6);
    expect(glucagon.vitals.map - runPlan(fixed, [], 6).vitals.map).toBeGreaterThan(3);
  });

  it('atropine still raises the pressure in sinus rhythm, where its rate rises', () => {
    const given = runPlan(sinus, [[1, atropine]], 6);
    const untreated = runPlan(sinus, [], 6);
    expect(given.vitals.hr - untreated.vitals.hr).toBeGreaterThan(10);
    expect(given.vitals.map - untreated.vitals.map).toBeGreaterThan(3);
  });

  it('is replaced by pacing with capture: the pacing rate, and the output the slow rhythm lost comes back', () => {
    const paced = runPlan(junctional, [[1, pacing(70)]], 4);
    const shown = view(paced, junctional);
    expect(paced.vitals.hr).toBe(70);
    expect(shown.pacing).toEqual({ rateBpm: 70, state: 'capture' });
    expect(shown.rhythm.name).toBe('Junctional rhythm, paced');
    expect(Math.abs(paced.vitals.map - runPlan(sinus, [], 4).vitals.map)).toBeLessThan(1);
  });
});
