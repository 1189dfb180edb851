import { describe, expect, it } from 'vitest';
import { playToEnd, scoreCase, type CaseContext, type ResolvedCase } from '../../src/engine/index.ts';
import type { Observed } from '../../src/engine/play/context.ts';
import type { Rhythm, StateGate } from '../../src/engine/case/schema/course.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { STATE_VARIABLES } from '../../src/engine/case/schema/state.ts';
import { gateHolds, type Moment } from '../../src/engine/sim/gate.ts';
import { editedCase, loadShippedCase, loadShippedCatalog } from '../support/load.ts';
import { firstCase, runPlan } from '../support/play.ts';

/** A patient at one moment: every value 0 unless given, no treatment running unless named. */
function moment(
  values: Partial<Observed>,
  more: { phase?: string; rhythm?: Rhythm; running?: string[] } = {},
): Moment {
  const observed = Object.fromEntries(STATE_VARIABLES.map((v) => [v, values[v] ?? 0])) as Observed;
  return {
    observed,
    phase: more.phase ?? 'course',
    rhythm: more.rhythm ?? 'sinus',
    atMin: 0,
    running: (id) => more.running?.includes(id) ?? false,
  };
}

describe('a state gate', () => {
  it('below and above are strict', () => {
    expect(gateHolds({ below: { map: 65 } }, moment({ map: 64 }))).toBe(true);
    expect(gateHolds({ below: { map: 65 } }, moment({ map: 65 }))).toBe(false);
    expect(gateHolds({ above: { potassium: 5 } }, moment({ potassium: 5.1 }))).toBe(true);
    expect(gateHolds({ above: { potassium: 5 } }, moment({ potassium: 5 }))).toBe(false);
  });

  it('atMost and atLeast include the threshold', () => {
    expect(gateHolds({ atMost: { potassium: 5 } }, moment({ potassium: 5 }))).toBe(true);
    expect(gateHolds({ atMost: { potassium: 5 } }, moment({ potassium: 5.1 }))).toBe(false);
    expect(gateHolds({ atLeast: { ph: 7.3 } }, moment({ ph: 7.3 }))).toBe(true);
    expect(gateHolds({ atLeast: { ph: 7.3 } }, moment({ ph: 7.29 }))).toBe(false);
  });

  it('running needs any one of the treatments running; notRunning none of them', () => {
    const gate: StateGate = { running: ['norepinephrine', 'vasopressin'] };
    expect(gateHolds(gate, moment({}, { running: ['vasopressin'] }))).toBe(true);
    expect(gateHolds(gate, moment({}, { running: ['hydrocortisone'] }))).toBe(false);
    expect(gateHolds(gate, moment({}))).toBe(false);
    const none: StateGate = { notRunning: ['norepinephrine', 'vasopressin'] };
    expect(gateHolds(none, moment({}))).toBe(true);
    expect(gateHolds(none, moment({}, { running: ['vasopressin'] }))).toBe(false);
  });

  it('phase and rhythm must be one of those listed', () => {
    expect(gateHolds({ phase: ['reperfused'] }, moment({}, { phase: 'reperfused' }))).toBe(true);
    expect(gateHolds({ phase: ['reperfused'] }, moment({}, { phase: 'occluded' }))).toBe(false);
    expect(gateHolds({ rhythm: ['vf', 'pvt'] }, moment({}, { rhythm: 'pvt' }))).toBe(true);
    expect(gateHolds({ rhythm: ['vf', 'pvt'] }, moment({}, { rhythm: 'pea' }))).toBe(false);
  });

  it('every part must hold (AND): one part failing fails the gate', () => {
    const gate: StateGate = {
      below: { glucose: 250 },
      atLeast: { ph: 7.0 },
      running: ['insulin-infusion'],
      phase: ['ketoacidosis'],
      rhythm: ['sinus'],
    };
    const all = { phase: 'ketoacidosis', rhythm: 'sinus' as const, running: ['insulin-infusion'] };
    expect(gateHolds(gate, moment({ glucose: 240, ph: 7.1 }, all))).toBe(true);
    expect(gateHolds(gate, moment({ glucose: 260, ph: 7.1 }, all))).toBe(false);
    expect(gateHolds(gate, moment({ glucose: 240, ph: 6.9 }, all))).toBe(false);
    expect(gateHolds(gate, moment({ glucose: 240, ph: 7.1 }, { ...all, running: [] }))).toBe(false);
    expect(gateHolds(gate, moment({ glucose: 240, ph: 7.1 }, { ...all, phase: 'resolution' }))).toBe(false);
    expect(gateHolds(gate, moment({ glucose: 240, ph: 7.1 }, { ...all, rhythm: 'af' }))).toBe(false);
  });

  it('an empty gate always holds', () => {
    expect(gateHolds({}, moment({}))).toBe(true);
  });
});

const catalog = loadShippedCatalog();
const dka: ResolvedCase = loadShippedCase('cases/diabetic-ketoacidosis.json', catalog);
const POTASSIUM = ['saline-potassium', 'potassium-chloride'];

/** The DKA best path with every potassium (or dextrose) order taken out and these actions added. */
function dkaPlay(drop: readonly string[], extra: ScriptAction[]): CaseContext {
  const kept = dka.data.bestPath.actions.filter((a) => !(a.do === 'treat' && drop.includes(a.id ?? '')));
  const actions = [...kept, ...extra].sort((a, b) => a.at - b.at);
  return playToEnd(dka, { actions });
}
const scored = (resolved: ResolvedCase, ctx: CaseContext, id: string) => {
  const found = scoreCase(resolved, ctx).items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no score item ${id}`);
  return found;
};
const logged = (ctx: CaseContext, id: string) => {
  const entry = ctx.log.find((e) => e.action.id === id && e.accepted);
  if (entry === undefined) throw new Error(`${id} not in the log`);
  return entry;
};

describe('DKA: potassium only once it is 5.0 or below (HGC24)', () => {
  const early = dkaPlay(POTASSIUM, [{ at: 0, do: 'treat', id: 'potassium-chloride', dose: 10 }]);
  const onTime = dkaPlay(POTASSIUM, [{ at: 127, do: 'treat', id: 'potassium-chloride', dose: 10 }]);

  it('the log records the potassium (and the phase and rhythm) at each action', () => {
    expect(logged(early, 'potassium-chloride').observed.potassium).toBe(5.8);
    expect(logged(onTime, 'potassium-chloride').observed.potassium).toBeLessThanOrEqual(5.0);
    expect(logged(onTime, 'potassium-chloride')).toMatchObject({
      atMin: 127,
      phase: 'ketoacidosis',
      rhythm: 'sinus',
    });
  });

  it('potassium at a K of 5.8 earns nothing and is a harm', () => {
    expect(scored(dka, early, 'potassium-replacement')).toMatchObject({ earned: 0, max: 6 });
    expect(scored(dka, early, 'potassium-replacement').reason).toMatch(
      /but not while potassium ≤ 5: no credit/,
    );
    expect(scored(dka, early, 'harm-potassium-before-insulin').earned).toBe(-5);
  });

  it('potassium once insulin has brought it to 5.0 or below earns full credit and no harm', () => {
    expect(scored(dka, onTime, 'potassium-replacement').earned).toBe(6);
    expect(scored(dka, onTime, 'harm-potassium-before-insulin').earned).toBe(0);
  });

  it('potassium given too early, then again once it is 5.0 or below: credit for the second, the harm for the first', () => {
    const both = dkaPlay(POTASSIUM, [
      { at: 0, do: 'treat', id: 'potassium-chloride', dose: 10 },
      { at: 1, do: 'stop', id: 'potassium-chloride' },
      { at: 127, do: 'treat', id: 'potassium-chloride', dose: 10 },
    ]);
    expect(scored(dka, both, 'potassium-replacement').earned).toBe(6);
    expect(scored(dka, both, 'harm-potassium-before-insulin').earned).toBe(-5);
  });
});

describe('DKA: insulin is held while the potassium is below 3.3 (HGC24)', () => {
  /** The same patient arriving with a potassium of 3.0 (a diuretic, vomiting), everything else as the case has it. */
  const lowK = editedCase('cases/diabetic-ketoacidosis.json', (data) => {
    const physiology = data.physiology as { metabolic: { initial: { potassium: number } } };
    physiology.metabolic.initial.potassium = 3.0;
  });
  const insulinAt = (resolved: ResolvedCase, at: number) =>
    playToEnd(resolved, {
      actions: [
        { at: 0, do: 'order', id: 'blood-gas-venous' },
        { at, do: 'treat', id: 'insulin-infusion' },
      ],
    });

  it('insulin started at a potassium of 3.0 is a harm', () => {
    const ctx = insulinAt(lowK, 20);
    expect(logged(ctx, 'insulin-infusion').observed.potassium).toBeLessThan(3.3);
    expect(scored(lowK, ctx, 'harm-insulin-with-low-potassium').earned).toBe(-8);
  });

  it("insulin started at the case's potassium of 5.8 is not", () => {
    const ctx = insulinAt(dka, 20);
    expect(logged(ctx, 'insulin-infusion').observed.potassium).toBeGreaterThan(5);
    expect(scored(dka, ctx, 'harm-insulin-with-low-potassium').earned).toBe(0);
  });
});

describe('DKA: dextrose once the glucose is below 250 with insulin running (HGC24, JBDS)', () => {
  const early = dkaPlay(['dextrose-10'], [{ at: 20, do: 'treat', id: 'dextrose-10', dose: 125 }]);
  const onTime = dkaPlay([], []);

  it('dextrose at a glucose of about 480 earns nothing', () => {
    const glucose = logged(early, 'dextrose-10').observed.glucose;
    expect(glucose).toBeGreaterThan(400);
    expect(glucose).toBeLessThan(550);
    expect(scored(dka, early, 'dextrose-when-glucose-falls')).toMatchObject({ earned: 0, max: 8 });
  });

  it('dextrose once the glucose is below 250, insulin running, earns full credit', () => {
    expect(logged(onTime, 'dextrose-10').observed.glucose).toBeLessThan(250);
    expect(scored(dka, onTime, 'dextrose-when-glucose-falls').earned).toBe(8);
  });

  it('dextrose below 250 after the insulin was stopped earns nothing: the gate needs the insulin running', () => {
    const stopped = dkaPlay([], [{ at: 256, do: 'stop', id: 'insulin-infusion' }]);
    expect(logged(stopped, 'dextrose-10').observed.glucose).toBeLessThan(250);
    expect(scored(dka, stopped, 'dextrose-when-glucose-falls').earned).toBe(0);
  });
});

describe('septic shock: hydrocortisone for shock needing an ongoing vasopressor (SSC 2026)', () => {
  const play = (actions: ScriptAction[]) => playToEnd(firstCase, { actions });
  const noradrenaline: ScriptAction = { at: 40, do: 'treat', id: 'norepinephrine', dose: 0.1 };

  it('before any vasopressor it earns nothing', () => {
    const ctx = play([{ at: 30, do: 'treat', id: 'hydrocortisone' }, noradrenaline]);
    expect(scored(firstCase, ctx, 'hydrocortisone')).toMatchObject({ earned: 0, max: 2 });
  });

  it('with norepinephrine running it earns the credit', () => {
    const ctx = play([noradrenaline, { at: 60, do: 'treat', id: 'hydrocortisone' }]);
    expect(scored(firstCase, ctx, 'hydrocortisone').earned).toBe(2);
  });

  it('after the norepinephrine was stopped it earns nothing', () => {
    const ctx = play([
      noradrenaline,
      { at: 50, do: 'stop', id: 'norepinephrine' },
      { at: 60, do: 'treat', id: 'hydrocortisone' },
    ]);
    expect(scored(firstCase, ctx, 'hydrocortisone').earned).toBe(0);
  });

  it('the log records the MAP, the phase and the rhythm when each action was taken', () => {
    const ctx = play([noradrenaline]);
    const entry = logged(ctx, 'norepinephrine');
    expect(entry.observed.map).toBe(Math.round(runPlan(firstCase, [], 40).vitals.map));
    expect(entry.observed.map).toBeLessThan(65);
    expect(entry).toMatchObject({ atMin: 40, phase: 'septic-shock', rhythm: 'sinus' });
  });
});
