import { describe, expect, it } from 'vitest';
import type { CaseContext, LearnerAction, ResolvedCase } from '../../src/engine/index.ts';
import type { ArrestRecord } from '../../src/engine/play/context.ts';
import { shockChance } from '../../src/engine/sim/arrest.ts';
import { momentOf, observedFrom } from '../../src/engine/sim/gate.ts';
import { CASE_PATH, editedCase, loadShippedCase, loadShippedCatalog } from '../support/load.ts';
import { firstCase, runPlan, startActor } from '../support/play.ts';

/**
 * Cardiac arrest as a phase of the machine (ERC/AHA 2025 ALS anchors, the engine's teaching numbers): the first
 * case left untreated arrests in PEA from circulatory collapse; an edited copy puts it in VF; the DKA case arrests
 * in VF from the hypokalaemia of insulin without potassium.
 */
const catalog = loadShippedCatalog();
type Plan = [number, LearnerAction][];
const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);
/** Seeds for plays that run for hours before the arrest (enough for the differences tested here). */
const FEWER_SEEDS = SEEDS.slice(0, 60);

const treat = (id: string, dose?: number): LearnerAction =>
  dose === undefined ? { do: 'treat', id } : { do: 'treat', id, dose };
const cpr = (at: number): [number, LearnerAction] => [at, treat('cpr')];
const shock = (at: number): [number, LearnerAction] => [at, treat('defibrillation', 150)];
/** Adrenaline 1 mg IV every 4 minutes (ALS: every 3–5 min), `doses` times from `from`. */
const adrenalineEvery4 = (from: number, doses: number): Plan =>
  Array.from({ length: doses }, (_, i) => [from + 4 * i, treat('adrenaline-iv-bolus')]);
const sorted = (plan: Plan): Plan => [...plan].sort((a, b) => a[0] - b[0]);
const roscShare = (arrests: readonly ArrestRecord[]) =>
  arrests.filter((a) => a.outcome === 'rosc').length / arrests.length;
const firstArrest = (ctx: CaseContext) => {
  const arrest = ctx.arrests[0];
  if (arrest === undefined) throw new Error('no arrest in this play');
  return arrest;
};

describe('the untreated first case arrests in pulseless electrical activity', () => {
  const untreated = runPlan(firstCase, [], firstCase.data.horizonMin);
  const arrest = firstArrest(untreated);
  const T = arrest.startedAt;
  const resus = firstCase.data.physiology.resuscitation;
  /** The arrest in each seed, with this plan from the minute the heart stops (each plan played once). */
  const played = new Map<string, ArrestRecord[]>();
  const arrestsWith = (plan: Plan, untilMin = T + resus.limitMin + 5) => {
    const key = JSON.stringify([sorted(plan), untilMin]);
    let arrests = played.get(key);
    if (arrests === undefined)
      played.set(
        key,
        (arrests = FEWER_SEEDS.map((seed) => firstArrest(runPlan(firstCase, sorted(plan), untilMin, seed)))),
      );
    return arrests;
  };
  const fluids: [number, LearnerAction] = [T, treat('lactated-ringers', 1000)];

  it('at about 9 h 40 min, from circulatory collapse', () => {
    expect(T).toBeGreaterThan(9 * 60);
    expect(T).toBeLessThan(10 * 60 + 30);
    expect(arrest).toMatchObject({ firstRhythm: 'pea', fromPhase: 'septic-shock' });
    expect(untreated.timeline).toContainEqual(
      expect.objectContaining({
        atMin: T,
        kind: 'alert',
        text: expect.stringMatching(/^Cardiac arrest: pulseless electrical activity/) as unknown,
      }),
    );
  });

  it('an interruptible advance stops at the arrest; the machine is in the arrest phase', () => {
    const actor = startActor(1, firstCase);
    // Past the MAP alarm of the third hour, where a learner's advance would stop first.
    actor.send({ type: 'ADVANCE', toMin: T - 30 });
    actor.send({ type: 'ADVANCE', toMin: T + 60, interruptible: true });
    expect(actor.getSnapshot().context.play.nowMin).toBe(T);
    expect(actor.getSnapshot().value).toEqual({ running: 'arrest' });
    expect(actor.getSnapshot().context.play.rhythm).toBe('pea');
  });

  it(`without CPR he dies ${String(resus.noCprDeathMin)} minutes after the arrest`, () => {
    expect(resus.noCprDeathMin).toBe(10);
    expect(untreated.deathAtMin).toBe(T + 10);
    expect(arrest).toMatchObject({ outcome: 'death', endedAt: T + 10, noFlowMin: 10, cprMin: 0 });
    expect(untreated.timeline.at(-1)).toMatchObject({
      atMin: T + 10,
      kind: 'alert',
      text: 'The patient dies: no CPR in the first 10 minutes of the arrest.',
    });
  });

  it(`with CPR that brings no circulation back, resuscitation stops at ${String(resus.limitMin)} minutes`, () => {
    const hopeless = editedCase(
      CASE_PATH,
      (data) => {
        const physiology = data.physiology as { resuscitation: Record<string, unknown> };
        physiology.resuscitation.roscPerCycle = 0;
      },
      catalog,
    );
    const ctx = runPlan(hopeless, [cpr(T)], T + 60);
    expect(ctx.deathAtMin).toBe(T + 30);
    expect(firstArrest(ctx)).toMatchObject({ outcome: 'death', cprMin: 30, noFlowMin: 0 });
    expect(ctx.timeline.at(-1)?.text).toBe(
      'The patient dies: no return of circulation after 30 minutes of resuscitation.',
    );
  });

  it('CPR, adrenaline every 4 minutes and fluid (his declared cause, hypovolaemia) bring him back in most seeds', () => {
    const arrests = arrestsWith([cpr(T), fluids, ...adrenalineEvery4(T, 8)]);
    expect(roscShare(arrests)).toBeGreaterThan(0.5);
    expect(roscShare(arrests)).toBeLessThan(1); // drawn at each rhythm check, never certain
  });

  it('a return of circulation comes only at a rhythm check, never before 2 minutes of CPR', () => {
    const late = T + 3; // compressions started 3 minutes in
    const arrests = arrestsWith([
      cpr(late),
      [late, treat('lactated-ringers', 1000)],
      ...adrenalineEvery4(late, 7),
    ]);
    const cprMinutesAtRosc = arrests.filter((a) => a.outcome === 'rosc').map((a) => (a.endedAt ?? 0) - late);
    expect(cprMinutesAtRosc.length).toBeGreaterThan(0);
    expect(Math.min(...cprMinutesAtRosc)).toBe(2);
    expect(cprMinutesAtRosc.filter((m) => m % 2 !== 0)).toEqual([]);
  });

  it('adrenaline makes a return of circulation more frequent than CPR and fluid alone', () => {
    const withAdrenaline = roscShare(arrestsWith([cpr(T), fluids, ...adrenalineEvery4(T, 8)]));
    const without = roscShare(arrestsWith([cpr(T), fluids]));
    expect(withAdrenaline - without).toBeGreaterThan(0.25);
  });

  it('treating the declared cause (fluid for hypovolaemia) makes a return of circulation more frequent', () => {
    const treated = roscShare(arrestsWith([cpr(T), fluids, ...adrenalineEvery4(T, 8)]));
    const untreated = roscShare(arrestsWith([cpr(T), ...adrenalineEvery4(T, 8)]));
    expect(treated - untreated).toBeGreaterThan(0.35);
  });

  it('a shock in PEA does nothing: not a shockable rhythm', () => {
    const ctx = runPlan(firstCase, [cpr(T), shock(T + 1)], T + 1);
    expect(ctx.timeline.at(-1)?.text).toBe(
      'Gave Defibrillation (unsynchronised shock) 150 J. Pulseless electrical activity is not a shockable rhythm: no effect.',
    );
    expect(firstArrest(ctx)).toMatchObject({ shocks: 0, firstShockAt: null, outcome: null });
    expect(ctx.rhythm).toBe('pea');
  });

  it('after a return of circulation the machine is back in the phase the arrest interrupted', () => {
    const plan = sorted([cpr(T), fluids, ...adrenalineEvery4(T, 8)]);
    const seed = FEWER_SEEDS.find((_, i) => arrestsWith(plan)[i]?.outcome === 'rosc') ?? 0;
    const actor = startActor(seed, firstCase);
    for (const [at, action] of plan) {
      actor.send({ type: 'ADVANCE', toMin: at });
      actor.send({ type: 'ACT', action });
    }
    actor.send({ type: 'ADVANCE', toMin: T + 30 });
    const ctx = actor.getSnapshot().context.play;
    expect(firstArrest(ctx).outcome).toBe('rosc');
    expect(actor.getSnapshot().value).toEqual({ running: 'septic-shock' });
    expect(ctx.phase).toBe('septic-shock');
    expect(ctx.rhythm).toBe('sinus');
    expect(ctx.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'alert',
        text: expect.stringMatching(/^Return of spontaneous circulation after/) as unknown,
      }),
    );
  });

  it('a course with afterRosc goes to that phase instead', () => {
    const elsewhere = editedCase(
      CASE_PATH,
      (data) => ((data.course as Record<string, unknown>).afterRosc = 'source-controlled'),
      catalog,
    );
    const plan = sorted([cpr(T), fluids, ...adrenalineEvery4(T, 8)]);
    const ends = SEEDS.slice(0, 20).map((s) => runPlan(elsewhere, plan, T + 30, s));
    const back = ends.filter((c) => c.arrests[0]?.outcome === 'rosc');
    expect(back.length).toBeGreaterThan(0);
    expect(back.map((c) => c.phase)).toEqual(back.map(() => 'source-controlled'));
  });

  it("after the learner's disposition, an arrest in the projected course is death at once", () => {
    const ctx = runPlan(firstCase, [[60, { do: 'dispose', id: 'ward' }]], firstCase.data.horizonMin);
    const projected = firstArrest(ctx);
    expect(ctx.deathAtMin).toBe(projected.startedAt);
    expect(ctx.ended).toEqual({ reason: 'disposition', atMin: 60 });
    expect(ctx.timeline.at(-1)).toMatchObject({
      atMin: projected.startedAt,
      text: "The patient dies: cardiac arrest after the learner's part (the projected course does not resuscitate).",
      afterEnd: true,
    });
  });
});

describe('ventricular fibrillation (an edited first case: VF at 30 minutes)', () => {
  const vf: ResolvedCase = editedCase(
    CASE_PATH,
    (data) =>
      (data.course as { events: unknown[] }).events.push({
        id: 'vf',
        label: 'Ventricular fibrillation',
        when: { atMin: 30 },
        effects: [{ type: 'rhythm', rhythm: 'vf' }],
      }),
    catalog,
  );
  const resus = vf.data.physiology.resuscitation;
  const fluids: [number, LearnerAction] = [0, treat('lactated-ringers', 1000)];

  it('starts an arrest at the event minute, in VF', () => {
    const ctx = runPlan(vf, [], 31);
    expect(firstArrest(ctx)).toMatchObject({
      startedAt: 30,
      firstRhythm: 'vf',
      cause: 'Ventricular fibrillation',
    });
    expect(ctx.rhythm).toBe('vf');
    expect(ctx.phase).toBe('arrest');
  });

  it(`degenerates to asystole after ${String(resus.vfToAsystoleMin)} minutes without a shock`, () => {
    expect(resus.vfToAsystoleMin).toBe(15);
    expect(runPlan(vf, [cpr(30)], 44).rhythm).toBe('vf');
    const ctx = runPlan(vf, [cpr(30)], 45);
    expect(ctx.rhythm).toBe('asystole');
    expect(ctx.timeline.at(-1)).toMatchObject({
      atMin: 45,
      kind: 'alert',
      text: 'The ventricular fibrillation has become asystole.',
    });
  });

  it('a shock after minutes without CPR is less likely to work than after immediate CPR', () => {
    const chanceAt36 = (plan: Plan) => {
      const ctx = runPlan(vf, plan, 36);
      return shockChance(ctx, vf, momentOf(ctx, observedFrom(ctx.vitals)));
    };
    const withCpr = chanceAt36([fluids, cpr(30)]);
    const noFlow = chanceAt36([fluids]);
    // six minutes of no flow lose (1 − shockLossPerNoFlowMin)^6 of the chance
    expect(noFlow / withCpr).toBeCloseTo((1 - resus.shockLossPerNoFlowMin) ** 6, 6);
    expect(withCpr).toBeGreaterThan(0.4);

    const rosc = (plan: Plan, until: number) =>
      SEEDS.filter((s) => runPlan(vf, plan, until, s).arrests[0]?.outcome === 'rosc').length;
    expect(rosc([fluids, cpr(30), shock(31)], 32) - rosc([fluids, shock(36)], 37)).toBeGreaterThan(15);
  });

  it('an untreated declared cause (hypovolaemia, no fluid given) makes a shock much less likely to work', () => {
    const ctx = runPlan(vf, [cpr(30)], 31);
    const treated = runPlan(vf, [fluids, cpr(30)], 31);
    const untreatedChance = shockChance(ctx, vf, momentOf(ctx, observedFrom(ctx.vitals)));
    const treatedChance = shockChance(treated, vf, momentOf(treated, observedFrom(treated.vitals)));
    expect(untreatedChance / treatedChance).toBeCloseTo(resus.causeUntreatedFactor, 6);
  });

  it('a successful shock brings back a perfusing rhythm and the phase the arrest interrupted', () => {
    const plan: Plan = [fluids, cpr(30), shock(31)];
    const seed = SEEDS.find((s) => runPlan(vf, plan, 32, s).arrests[0]?.outcome === 'rosc') ?? 0;
    const ctx = runPlan(vf, plan, 32, seed);
    expect(firstArrest(ctx)).toMatchObject({ outcome: 'rosc', endedAt: 31, shocks: 1, firstShockAt: 31 });
    expect(ctx.rhythm).toBe('sinus');
    expect(ctx.phase).toBe('septic-shock');
  });
});

describe('the DKA potassium arrest (insulin and fluids, no potassium)', () => {
  const dka = loadShippedCase('cases/diabetic-ketoacidosis.json', catalog);
  const insulinWithoutPotassium: Plan = [
    [0, treat('normal-saline', 1000)],
    [5, treat('insulin-infusion', 0.1)],
    [60, treat('normal-saline', 1000)],
    [120, treat('normal-saline', 1000)],
  ];
  const untreated = runPlan(dka, insulinWithoutPotassium, dka.data.horizonMin);
  const A = firstArrest(untreated).startedAt;
  const shocks: Plan = [0, 2, 4, 6, 8, 10].map((m) => shock(A + 1 + m));
  const SOME = SEEDS.slice(0, 30);
  const plays = (extra: Plan) =>
    SOME.map((seed) =>
      runPlan(dka, sorted([...insulinWithoutPotassium, ...extra]), dka.data.horizonMin, seed),
    );

  it('arrests at about 7 h in VF, with a potassium of 2.5', () => {
    expect(A).toBeGreaterThan(6 * 60 + 30);
    expect(A).toBeLessThan(7 * 60 + 30);
    expect(firstArrest(untreated)).toMatchObject({ firstRhythm: 'vf', cause: 'potassium 2.5 mmol/L' });
  });

  it('CPR, shocks, the arrest dose of potassium and ongoing replacement: ROSC and survival in most seeds', () => {
    const treated = plays([
      cpr(A),
      [A + 1, treat('potassium-chloride-arrest')],
      [A + 1, treat('potassium-chloride', 20)],
      ...shocks,
    ]);
    expect(treated.filter((c) => c.arrests[0]?.outcome === 'rosc').length).toBeGreaterThan(SOME.length * 0.8);
    expect(treated.filter((c) => c.deathAtMin === null).length).toBeGreaterThan(SOME.length * 0.8);
  });

  it('shocks without treating the potassium: any return of circulation is followed by another arrest, and she dies', () => {
    const shocked = plays([cpr(A), ...shocks]);
    expect(shocked.filter((c) => c.deathAtMin === null).length).toBeLessThan(SOME.length * 0.2);
    const roscs = shocked.filter((c) => c.arrests[0]?.outcome === 'rosc');
    expect(roscs.every((c) => c.arrests.length > 1)).toBe(true);
  });

  it('handed over to the HDU on the same orders, she arrests in the projected course and dies at once', () => {
    const ctx = runPlan(
      dka,
      [...insulinWithoutPotassium, [150, { do: 'dispose', id: 'high-dependency' }]],
      dka.data.horizonMin,
    );
    expect(firstArrest(ctx)).toMatchObject({ startedAt: A, endedAt: A, outcome: 'death' });
    expect(ctx.deathAtMin).toBe(A);
  });

  it('the arrest dose alone brings her back, but insulin drives the potassium down again: she re-arrests', () => {
    const dosed = plays([cpr(A), [A + 1, treat('potassium-chloride-arrest')], ...shocks]);
    expect(dosed.filter((c) => c.arrests[0]?.outcome === 'rosc').length).toBeGreaterThan(SOME.length * 0.8);
    expect(dosed.filter((c) => c.arrests.length > 1).length).toBeGreaterThan(SOME.length * 0.8);
  });
});
