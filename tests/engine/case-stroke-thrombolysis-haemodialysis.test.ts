import { describe, expect, it } from 'vitest';
import {
  playScript,
  type CaseContext,
  type LearnerAction,
  type PlayResult,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { editedCase, harmfulScriptFor, loadShippedCase } from '../support/load.ts';
import { at, item, runPlan, treat } from '../support/play.ts';

// Thrombolysis in a haemodialysis patient (Power, Moser & Duncan, NDT Plus 2010): a left ACA-territory infarct,
// NIHSS 8, BP 176/75 at the stroke centre, 2 h 30 min after onset (so the 4.5-hour window closes at minute 120),
// alteplase 54 mg on an estimated 60 kg. Every state-gated rule is tried in its state and out of it.
const PATH = 'cases/stroke-thrombolysis-haemodialysis.json';
const stroke: ResolvedCase = loadShippedCase(PATH);
const bestActions = stroke.data.bestPath.actions;
const best = playScript(stroke, { actions: bestActions });
const nothing = playScript(stroke, { actions: [] });
const harmful = playScript(stroke, harmfulScriptFor(stroke));

const order = (minute: number, id: string): ScriptAction => ({ at: minute, do: 'order', id });
const playOf = (...actions: ScriptAction[]): PlayResult => playScript(stroke, { actions });
const nihssAt = (ctx: CaseContext, minute: number) => ctx.trace.find((p) => p.atMin === minute)?.nihss;
/** The CT read and the coagulation screen back before a lysis at `minute`. */
const readyBy = [order(0, 'ct-head'), order(0, 'coagulation'), order(0, 'poc-glucose')];

describe('the report at arrival', () => {
  it('starts at the stroke centre pressure (176/75) with the reported NIHSS of 8 and GCS 15', () => {
    const ctx = runPlan(stroke, [], 0);
    expect(Math.round(ctx.vitals.sbp)).toBe(176);
    expect(Math.round(ctx.vitals.dbp)).toBe(75);
    expect(ctx.vitals.nihss).toBe(8);
    expect(ctx.vitals.gcs).toBe(15);
    expect(ctx.trace[0]?.nihss).toBe(8);
  });

  it('reports the NIHSS the simulation holds, and the report gives the 8', () => {
    const ctx = runPlan(stroke, [[0, { do: 'order', id: 'nihss' }]], 20);
    expect(ctx.timeline.some((e) => e.text.includes('NIHSS total 8 points'))).toBe(true);
  });
});

describe('scoring paths', () => {
  it('the best path scores in the top band, with nothing lost to a harm', () => {
    expect(best.outcome.status).toBe('alive');
    expect(best.score.percent).toBeGreaterThanOrEqual(90);
    expect(best.score.items.filter((i) => i.earned < 0)).toEqual([]);
    expect(item(best, 'thrombolysis-door-to-needle').earned).toBe(12);
  });

  it('doing nothing scores nothing, and the deficit never improves (it worsens a little as the infarct completes)', () => {
    expect(nothing.score.percent).toBeLessThanOrEqual(10);
    const ctx = runPlan(stroke, [], 360);
    const scores = ctx.trace.map((p) => p.nihss ?? 0);
    for (let i = 1; i < scores.length; i += 1) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1] ?? 0);
    expect(nihssAt(ctx, 360)).toBeGreaterThan(8);
    expect(nihssAt(ctx, 360)).toBeLessThanOrEqual(11);
    expect(nothing.course.phases).toContain('beyond-window');
  });

  it('thrombolysis in time improves the deficit by a few points in hours', () => {
    const ctx = runPlan(stroke, [[45, treat('alteplase', 54)]], 240);
    const later = nihssAt(ctx, 240) ?? 99;
    expect(later).toBeLessThanOrEqual(5);
    expect(later).toBeGreaterThanOrEqual(3);
    // Later is worse: the penumbra lost while it waited does not come back.
    const late = runPlan(stroke, [[110, treat('alteplase', 54)]], 300);
    expect(nihssAt(late, 300)).toBeGreaterThan(
      nihssAt(runPlan(stroke, [[45, treat('alteplase', 54)]], 300), 300) ?? 0,
    );
  });

  it('the harmful script scores low: no coagulation screen, a guessed dose, lysis over 185, aspirin after it', () => {
    expect(harmful.score.percent).toBeLessThanOrEqual(30);
    expect(item(harmful, 'harm-lysis-bp-above-185').earned).toBe(-10);
    expect(item(harmful, 'harm-antithrombotic-after-lysis').earned).toBe(-10);
    expect(item(harmful, 'thrombolysis-door-to-needle').earned).toBe(0);
    expect(item(harmful, 'coagulation-before-lysis').earned).toBe(0);
    expect(item(harmful, 'real-alteplase').earned).toBe(0);
  });
});

/** The same man arriving with a higher pressure (MAP base raised): the state in which lysis must wait. */
const arrivingHypertensive = editedCase(PATH, (data) => {
  (data.physiology as { map: { base: number } }).map.base = 125;
  const vitals = (data.presentation as { arrivalVitals: Record<string, { value: number }> }).arrivalVitals;
  if (vitals.sbp !== undefined) vitals.sbp.value = 192;
  if (vitals.dbp !== undefined) vitals.dbp.value = 91;
});
/** The same man whose pressure barely rises at minute 95 (to 179/78): no labetalol is needed. */
const pressureStaysDown = editedCase(PATH, (data) => {
  const events = (data.course as { events: { id: string; effects: { type: string; set?: object }[] }[] })
    .events;
  const rise = events.find((e) => e.id === 'bp-rises')?.effects.find((e) => e.type === 'physiology');
  if (rise !== undefined) rise.set = { 'map.base': 111.7 };
});

describe('each rule credits its act only in the state its guideline names', () => {
  it('thrombolysis: credited at or below 185/110, not above it (where it is also a harm)', () => {
    const ok = playOf(...readyBy, at(40, treat('alteplase', 54)));
    expect(item(ok, 'thrombolysis-door-to-needle').earned).toBe(12);
    expect(item(ok, 'harm-lysis-bp-above-185').earned).toBe(0);
    const high = playScript(arrivingHypertensive, { actions: [...readyBy, at(40, treat('alteplase', 54))] });
    expect(item(high, 'thrombolysis-door-to-needle').earned).toBe(0);
    expect(item(high, 'harm-lysis-bp-above-185').earned).toBe(-10);
    // Labetalol first brings him under 185: then it counts.
    const lowered = playScript(arrivingHypertensive, {
      actions: [...readyBy, at(20, treat('labetalol', 20)), at(40, treat('alteplase', 54))],
    });
    expect(item(lowered, 'thrombolysis-door-to-needle').earned).toBe(12);
    expect(item(lowered, 'harm-lysis-bp-above-185').earned).toBe(0);
  });

  it("thrombolysis: only at 0.9 mg/kg of the estimated 60 kg (48.6–59.4 mg), never a guessed weight's dose", () => {
    for (const [dose, points] of [
      [54, 12],
      [50, 12],
      [81, 0],
      [90, 0],
      [40, 0],
    ] as const)
      expect(
        item(playOf(...readyBy, at(40, treat('alteplase', dose))), 'thrombolysis-door-to-needle').earned,
      ).toBe(points);
    expect(item(playOf(...readyBy, at(40, treat('alteplase', 54))), 'real-alteplase').earned).toBe(1);
  });

  it("thrombolysis: less credit after 60 minutes (the real team's minute 90), and beyond 4.5 h from onset (minute 120) a harm", () => {
    const at92 = playOf(...readyBy, at(92, treat('alteplase', 54)));
    expect(item(at92, 'thrombolysis-door-to-needle').earned).toBeCloseTo(3.6, 5);
    expect(item(at92, 'harm-lysis-beyond-window').earned).toBe(0);
    const at125 = playOf(...readyBy, at(96, treat('labetalol', 20)), at(125, treat('alteplase', 54)));
    expect(item(at125, 'thrombolysis-door-to-needle').earned).toBe(0);
    expect(item(at125, 'harm-lysis-beyond-window').earned).toBe(-10);
  });

  it('labetalol: credited when the pressure has risen above 180, not when it stays below', () => {
    const risen = playOf(at(100, treat('labetalol', 10)));
    expect(item(risen, 'labetalol-for-bp').earned).toBe(5);
    const down = playScript(pressureStaysDown, { actions: [at(100, treat('labetalol', 10))] });
    expect(item(down, 'labetalol-for-bp').earned).toBe(0);
    // Labetalol 20 mg brings 189/88 under 180/105 and keeps it there past 6 hours.
    const ctx = runPlan(stroke, [[97, treat('labetalol', 20)]], 400);
    expect(Math.round(ctx.vitals.sbp)).toBeLessThanOrEqual(180);
    expect(Math.round(runPlan(stroke, [], 100).vitals.sbp)).toBeGreaterThan(185);
    // Before the rise (and at the real team's needle time, minute 90) he is under 185/110.
    expect(Math.round(runPlan(stroke, [], 90).vitals.sbp)).toBeLessThanOrEqual(185);
  });

  it('the pressure after thrombolysis: credited when kept under 180/105, not when left high', () => {
    expect(item(best, 'bp-controlled').earned).toBe(5);
    const left = playOf(...readyBy, at(40, treat('alteplase', 54)));
    expect(item(left, 'bp-controlled').earned).toBe(0);
    // No credit for a pressure no one had to control: no thrombolysis, no points.
    expect(item(playOf(at(97, treat('labetalol', 20))), 'bp-controlled').earned).toBe(0);
  });

  it('an antiplatelet or anticoagulant: penalised after thrombolysis, not before it nor without it', () => {
    const after = playOf(...readyBy, at(40, treat('alteplase', 54)), at(60, treat('aspirin', 300)));
    expect(item(after, 'harm-antithrombotic-after-lysis').earned).toBe(-10);
    const heparin = playOf(...readyBy, at(40, treat('alteplase', 54)), at(60, treat('heparin', 5000)));
    expect(item(heparin, 'harm-antithrombotic-after-lysis').earned).toBe(-10);
    expect(item(playOf(at(60, treat('aspirin', 300))), 'harm-antithrombotic-after-lysis').earned).toBe(0);
    const before = playOf(...readyBy, at(30, treat('aspirin', 300)), at(40, treat('alteplase', 54)));
    expect(item(before, 'harm-antithrombotic-after-lysis').earned).toBe(0);
  });

  it('thrombolysis before the CT is read is penalised; after it, not', () => {
    const blind = playOf(order(0, 'ct-head'), at(5, treat('alteplase', 54)));
    expect(item(blind, 'harm-lysis-before-imaging').earned).toBe(-15);
    expect(item(playOf(...readyBy, at(40, treat('alteplase', 54))), 'harm-lysis-before-imaging').earned).toBe(
      0,
    );
  });

  it('glucose and the coagulation screen: credited when checked before thrombolysis, not after', () => {
    const first = playOf(...readyBy, at(40, treat('alteplase', 54)));
    expect(item(first, 'coagulation-before-lysis').earned).toBe(4);
    expect(item(first, 'glucose-before-lysis').earned).toBe(3);
    const late = playOf(
      order(0, 'ct-head'),
      at(40, treat('alteplase', 54)),
      order(41, 'coagulation'),
      order(41, 'poc-glucose'),
    );
    expect(item(late, 'coagulation-before-lysis').earned).toBe(0);
    expect(item(late, 'glucose-before-lysis').earned).toBe(0);
  });

  it('disposition: the stroke unit in full, a ward in part, home penalised', () => {
    expect(item(best, 'disposition').earned).toBe(6);
    expect(item(playOf({ at: 70, do: 'dispose', id: 'ward' }), 'disposition').earned).toBeCloseTo(1.2, 5);
    expect(item(playOf({ at: 70, do: 'dispose', id: 'discharge' }), 'harm-discharge').earned).toBe(-20);
  });
});

describe('a symptomatic haemorrhage after alteplase (simulated; the real one was small and asymptomatic)', () => {
  const lysed: [number, LearnerAction][] = [[40, treat('alteplase', 54)]];
  const fired = (ctx: CaseContext) => (ctx.events['symptomatic-haemorrhage']?.firedAt.length ?? 0) > 0;
  const seeds = Array.from({ length: 120 }, (_, seed) => seed);
  const bleeds = seeds.filter((seed) => fired(runPlan(stroke, lysed, 360, seed)));

  it('happens in a few seeds out of a hundred (about 6 %), 150 minutes after the alteplase', () => {
    expect(bleeds.length).toBeGreaterThan(0);
    expect(bleeds.length).toBeLessThan(20);
    const seed = bleeds[0] ?? 0;
    const ctx = runPlan(stroke, lysed, 360, seed);
    expect(ctx.events['symptomatic-haemorrhage']?.firedAt).toEqual([190]);
    // The deficit worsens by the bleed's 7 points, the GCS falls, and the nurse says so.
    const quiet = runPlan(stroke, lysed, 360, seeds.find((s) => !bleeds.includes(s)) ?? 0);
    expect((nihssAt(ctx, 240) ?? 0) - (nihssAt(quiet, 240) ?? 0)).toBe(7);
    expect(ctx.vitals.gcs).toBe(13);
    expect(ctx.timeline.some((e) => e.text.includes('just vomited'))).toBe(true);
  });

  it('never happens without thrombolysis', () => {
    for (const seed of bleeds) expect(fired(runPlan(stroke, [], 360, seed))).toBe(false);
  });
});
