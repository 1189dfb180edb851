import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/engine/actions.ts';
import { advanceTo } from '../../src/engine/advance.ts';
import {
  playScript,
  type CaseContext,
  type LearnerAction,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import { harmfulScriptFor, loadShippedCase } from '../support/load.ts';
import { item, startActor } from '../support/play.ts';

const stemi: ResolvedCase = loadShippedCase('cases/inferior-stemi-rv.json');
const harmfulScript = harmfulScriptFor(stemi);

const best = playScript(stemi, { actions: stemi.data.bestPath.actions });
const nothing = playScript(stemi, { actions: [] });
const harmful = playScript(stemi, harmfulScript);

/** Play timed actions and return the engine context at `untilMin`. */
function run(plan: [number, LearnerAction][], untilMin: number, seed = 1): CaseContext {
  let ctx = startActor(seed, stemi).getSnapshot().context.play;
  for (const [at, action] of plan) ctx = applyAction(advanceTo(ctx, stemi, at), stemi, action);
  return advanceTo(ctx, stemi, untilMin);
}
const treat = (id: string, dose?: number): LearnerAction =>
  dose === undefined ? { do: 'treat', id } : { do: 'treat', id, dose };
const NITRATE: [number, LearnerAction] = [0, treat('nitroglycerin', 0.4)];

/** Whether the marked venous pooling (an effect with a chance, drawn per dose) happened with this seed. */
const marked = (seed: number) => run([NITRATE], 0, seed).treatments[0]?.missed === undefined;
const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);
const MARKED_SEED = SEEDS.find(marked) ?? 0;
const MILD_SEED = SEEDS.find((s) => !marked(s)) ?? 0;
const vitalsAt = (plan: [number, LearnerAction][], minute: number, seed = MARKED_SEED) =>
  run(plan, minute, seed).vitals;

/** The hs-troponin T value of each troponin sample, in the order they were taken. */
function troponins(ctx: CaseContext): number[] {
  return ctx.orders
    .filter((o) => o.testId === 'troponin' && o.result?.kind === 'panel')
    .map((o) => {
      const row =
        o.result?.kind === 'panel' ? o.result.rows.find((r) => r.componentId === 'troponin-t') : null;
      return Number(row?.value);
    });
}

describe('scoring paths', () => {
  it('the best path scores in the top band, alive, with a door-to-device time of 60–65 minutes', () => {
    expect(best.outcome.status).toBe('alive');
    expect(best.score.percent).toBeGreaterThanOrEqual(85);
    const pci = best.timeline.find(
      (e) => e.kind === 'event' && e.text.startsWith('Primary PCI') && e.text.endsWith('started.'),
    );
    expect(pci?.at).toBeGreaterThanOrEqual(60);
    expect(pci?.at).toBeLessThanOrEqual(65);
    expect(best.score.items.filter((i) => i.earned < 0)).toEqual([]);
  });

  it('doing nothing fails: a low score and cardiogenic shock that kills late, not within minutes', () => {
    expect(nothing.score.percent).toBeLessThanOrEqual(30);
    expect(nothing.outcome.status).toBe('dead');
    expect(nothing.outcome.deathAtMin).toBeGreaterThan(8 * 60);
    const untreated = (minute: number) => vitalsAt([], minute).map;
    expect(untreated(60)).toBeGreaterThanOrEqual(75);
    expect(untreated(6 * 60)).toBeLessThan(65);
  });

  it('the harmful script falls into the traps, scores low and drops the pressure with the nitrate', () => {
    for (const [id, penalty] of [
      ['harm-nitrate', -10],
      ['harm-nsaid', -6],
      ['harm-routine-oxygen', -2],
      ['harm-ct-delay', -5],
    ] as const)
      expect(item(harmful, id).earned, id).toBe(penalty);
    expect(item(harmful, 'cath-lab-on-ecg').earned).toBe(0);
    expect(item(harmful, 'door-to-device').earned).toBe(7);
    expect(harmful.score.percent).toBeLessThanOrEqual(30);
    // Nitrate at minute 3: five minutes later the MAP is in the mid-50s and the heart rate about 50.
    const plan = harmfulScript.actions
      .filter((a) => a.at <= 3 && a.do === 'treat' && a.id !== undefined)
      .map((a): [number, LearnerAction] => [a.at, treat(a.id ?? '', a.dose)]);
    const after = vitalsAt(plan, 8);
    expect(after.map).toBeGreaterThanOrEqual(53);
    expect(after.map).toBeLessThanOrEqual(59);
    expect(after.hr).toBeLessThanOrEqual(52);
  });

  it('fibrinolysis opens the artery in the model but is penalised when primary PCI is available', () => {
    const lysis = playScript(stemi, {
      actions: [
        { at: 1, do: 'order', id: 'ecg' },
        { at: 15, do: 'treat', id: 'tenecteplase', dose: 45 },
        { at: 40, do: 'dispose', id: 'coronary-care' },
      ],
    });
    expect(lysis.outcome.status).toBe('alive');
    expect(item(lysis, 'harm-fibrinolysis').earned).toBe(-8);
  });
});

describe('the physiology of a preload-dependent right ventricle (pack §5.1)', () => {
  it('a marked fall after the nitrate happens in about 3 doses in 10, drawn from the seed (addendum C11)', () => {
    const share = SEEDS.filter(marked).length / SEEDS.length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.38);
    // Without the marked response the pooling is modest: the MAP dips by about 10 and recovers.
    const mild = vitalsAt([NITRATE], 5, MILD_SEED);
    expect(mild.map).toBeGreaterThanOrEqual(70);
    expect(mild.map).toBeLessThanOrEqual(76);
  });

  it('with the marked response, sublingual nitroglycerin takes the MAP from 83 to about 56 within 5 minutes, the heart rate towards 50', () => {
    expect(vitalsAt([], 0).map).toBeCloseTo(83, 0);
    const five = vitalsAt([NITRATE], 5);
    expect(five.map).toBeGreaterThanOrEqual(53);
    expect(five.map).toBeLessThanOrEqual(59);
    expect(five.hr).toBeGreaterThanOrEqual(48);
    expect(five.hr).toBeLessThanOrEqual(52);
  });

  it('each 500 mL crystalloid bolus gives back about 8–10 mmHg', () => {
    const bolus: [number, LearnerAction] = [5, treat('normal-saline', 500)];
    for (const minute of [25, 30]) {
      const gain = vitalsAt([NITRATE, bolus], minute).map - vitalsAt([NITRATE], minute).map;
      expect(gain, `at ${String(minute)} min`).toBeGreaterThanOrEqual(7.5);
      expect(gain, `at ${String(minute)} min`).toBeLessThanOrEqual(10.5);
    }
  });

  it('an IV β-blocker slows the slow heart further and lowers the pressure', () => {
    const v = vitalsAt([[0, treat('metoprolol', 5)]], 10);
    expect(v.hr).toBeLessThan(50);
    expect(v.map).toBeLessThan(77);
  });

  it('troponin: about 38 ng/L at arrival, about 164 an hour later with the artery shut, flat after PCI', () => {
    const order = (at: number): [number, LearnerAction] => [at, { do: 'order', id: 'troponin' }];
    const shut = troponins(run([order(0), order(60)], 120));
    expect(shut[0]).toBeCloseTo(38, -1);
    expect(Math.abs((shut[1] ?? 0) - 164)).toBeLessThanOrEqual(5);

    // Injury (burden × hours) accumulates at the occluded rate until PCI, then almost stops.
    const plan: [number, LearnerAction][] = [[11, { do: 'consult', id: 'cath-lab' }]];
    const occludedRate = run([], 60).patient.injury; // per hour, from 0 at arrival
    const reperfusedRate = (run(plan, 12 * 60).patient.injury - run(plan, 3 * 60).patient.injury) / 9;
    expect(reperfusedRate).toBeLessThan(0.06 * occludedRate);
  });
});
