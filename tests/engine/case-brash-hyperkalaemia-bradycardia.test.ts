import { describe, expect, it } from 'vitest';
import {
  playScript,
  playToEnd,
  type LearnerAction,
  type PlayResult,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { editedCase, harmfulScriptFor, loadShippedCase } from '../support/load.ts';
import { at, item, runPlan, treat } from '../support/play.ts';

// The BRASH case (Bailuni Neto et al., Am J Case Rep 2022): a junctional escape at 26, a MAP of 53, a potassium of
// 7.3 in stage 4 CKD on atenolol and amlodipine. Its scoring rules each credit an act only in the state their
// guideline names; every gated rule is tried here in that state and out of it.
const brash: ResolvedCase = loadShippedCase('cases/brash-hyperkalaemia-bradycardia.json');
const bestActions = brash.data.bestPath.actions;
const best = playScript(brash, { actions: bestActions });
const nothing = playScript(brash, { actions: [] });
const harmful = playScript(brash, harmfulScriptFor(brash));

const vitalsAt = (plan: [number, LearnerAction][], minute: number) => runPlan(brash, plan, minute).vitals;
const playOf = (...actions: ScriptAction[]): PlayResult => playScript(brash, { actions });
/** The best path without the actions whose ids are given. */
const bestWithout = (...ids: string[]) => playOf(...bestActions.filter((a) => !ids.includes(a.id ?? '')));

describe('the report at arrival', () => {
  it('starts at the reported vitals and potassium, in a junctional rhythm', () => {
    const v = vitalsAt([], 0);
    expect(v.hr).toBe(26);
    expect(Math.round(v.sbp)).toBe(80);
    expect(Math.round(v.dbp)).toBe(40);
    expect(Math.round(v.map)).toBe(53);
    expect(v.potassium).toBeCloseTo(7.3, 1);
    expect(v.temp).toBeCloseTo(35.6, 1);
    expect(runPlan(brash, [], 0).rhythm).toBe('junctional');
  });

  it('atropine and glucagon do not quicken the escape (the report: four doses did not), pacing captures', () => {
    const drugs = vitalsAt(
      [
        [0, treat('atropine', 0.5)],
        [3, treat('atropine', 0.5)],
        [6, treat('glucagon', 5)],
      ],
      10,
    );
    expect(drugs.hr).toBe(26);
    const paced = vitalsAt([[0, treat('transcutaneous-pacing', 70)]], 5);
    expect(paced.hr).toBe(70);
    expect(paced.map - vitalsAt([], 5).map).toBeGreaterThan(12);
  });
});

describe('scoring paths', () => {
  it('the best path scores in the top band, alive, with nothing lost to a harm', () => {
    expect(best.outcome.status).toBe('alive');
    expect(best.score.percent).toBeGreaterThanOrEqual(90);
    expect(best.score.items.filter((i) => i.earned < 0)).toEqual([]);
    expect(best.course.events['spiral-broken']).toBeDefined();
    expect(best.course.phases).toEqual(['arrival', 'recovering']);
  });

  it('doing nothing: the potassium climbs, the escape slows, and the heart stops at about 4 hours', () => {
    expect(nothing.score.percent).toBeLessThanOrEqual(10);
    expect(nothing.outcome.status).toBe('dead');
    expect(nothing.outcome.deathAtMin).toBeGreaterThan(150);
    expect(nothing.outcome.deathAtMin).toBeLessThan(270);
    expect(nothing.course.events['escape-slows']).toBeDefined();
    expect(vitalsAt([], 150).potassium).toBeGreaterThan(7.5);
  });

  it('the harmful script scores low: late and partial treatment, insulin without glucose and a profound hypoglycaemia', () => {
    expect(harmful.score.percent).toBeLessThanOrEqual(30);
    expect(item(harmful, 'harm-insulin-without-glucose').earned).toBe(-8);
    expect(item(harmful, 'calcium-for-hyperkalaemia').earned).toBe(0);
    expect(item(harmful, 'chronotrope-or-pacing').earned).toBe(0);
    expect(item(harmful, 'no-hypoglycaemia').earned).toBe(0);
    expect(item(harmful, 'hold-av-nodal-blockers').earned).toBe(0);
    // Norepinephrine instead of adrenaline: half the regimen's credit.
    expect(item(harmful, 'adrenaline-in-brash').earned).toBe(1.5);
    // His evening doses were still on the chart, and were given.
    expect(harmful.course.events['evening-doses-given']).toEqual([120]);
    // The unit's standing order to stop a 10 % glucose infusion he never had is simply not needed: no refusal.
    expect(harmful.timeline.filter((e) => e.kind === 'refused')).toEqual([]);
    expect(best.timeline.filter((e) => e.kind === 'refused')).toEqual([]);
  });
});

describe('the physiology of the spiral (teaching grade)', () => {
  it('insulin–glucose lowers the potassium by about 0.5–1.0 mmol/L in the hour after it, calcium by nothing', () => {
    const insulin = vitalsAt(
      [
        [0, treat('insulin-iv-bolus', 10)],
        [0, treat('dextrose-50', 50)],
      ],
      60,
    );
    const untreated = vitalsAt([], 60);
    const fall = untreated.potassium - insulin.potassium;
    expect(fall).toBeGreaterThan(0.5);
    expect(fall).toBeLessThan(1.0);
    expect(vitalsAt([[0, treat('calcium-gluconate', 30)]], 60).potassium).toBeCloseTo(untreated.potassium, 5);
  });

  // The case's potassium model with one of its parts taken out, to show what that part does.
  const withPotassium = (change: Record<string, number | undefined>): ResolvedCase =>
    editedCase('cases/brash-hyperkalaemia-bradycardia.json', (data) => {
      const physiology = data.physiology as { metabolic: { potassium: Record<string, number | undefined> } };
      Object.assign(physiology.metabolic.potassium, change);
    });
  const potassiumAt = (resolved: ResolvedCase, plan: [number, LearnerAction][], minute: number) =>
    runPlan(resolved, plan, minute).vitals.potassium;
  const insulinGlucose: [number, LearnerAction][] = [
    [0, treat('insulin-iv-bolus', 10)],
    [0, treat('dextrose-50', 50)],
    [1, treat('dextrose-10', 50)],
  ];

  it('insulin only moves the potassium: it comes back out as the insulin wears off (the rebound)', () => {
    const lowest = potassiumAt(brash, insulinGlucose, 150);
    const later = potassiumAt(brash, insulinGlucose, 240);
    // Lowest at 2–3 hours, then climbing: by 4 hours it is well up again (he makes no urine to clear it).
    expect(potassiumAt(brash, insulinGlucose, 60)).toBeGreaterThan(lowest);
    expect(later - lowest).toBeGreaterThan(0.4);
    // Without the rebound in the model the same two hours add only what the anuric kidneys retain.
    const noRebound = withPotassium({ shiftReturnHalfLifeH: undefined });
    const retainedOnly =
      potassiumAt(noRebound, insulinGlucose, 240) - potassiumAt(noRebound, insulinGlucose, 150);
    expect(later - lowest - retainedOnly).toBeGreaterThan(0.25);
  });

  it('kidneys that make urine again clear the potassium: without insulin, restored perfusion brings it down over hours', () => {
    // The best path without its insulin (calcium, adrenaline, the medicines held, the wire), read off the trace
    // because the handover at 100 minutes plays the rest of the course on.
    const noInsulin = bestActions.filter((a) => a.id !== 'insulin-iv-bolus');
    const onTrace = (resolved: ResolvedCase, minute: number) =>
      playToEnd(resolved, { actions: noInsulin }).trace.find((p) => p.atMin === minute)?.metabolic?.potassium;
    expect(onTrace(brash, 60)).toBeGreaterThan(7.0);
    expect(onTrace(brash, 360)).toBeLessThan(6.0);
    // No excretion in the model: perfusion restored, the potassium stays near where it was (only the adrenaline's
    // shift lowers it).
    expect(
      (onTrace(withPotassium({ excretedPerH: 0 }), 360) ?? 0) - (onTrace(brash, 360) ?? 0),
    ).toBeGreaterThan(1);
  });

  it('high-dose salbutamol lowers the potassium about 0.5–1.0 mmol/L at 2 hours, more with insulin', () => {
    const salbutamol = (dose: number): [number, LearnerAction] => [
      0,
      treat('salbutamol-nebulised-hyperkalaemia', dose),
    ];
    const untreated = potassiumAt(brash, [], 120);
    const fall = untreated - potassiumAt(brash, [salbutamol(10)], 120);
    expect(fall).toBeGreaterThan(0.5);
    expect(fall).toBeLessThan(1.0);
    expect(untreated - potassiumAt(brash, [salbutamol(20)], 120)).toBeGreaterThan(fall);
    const both = potassiumAt(brash, [...insulinGlucose, salbutamol(10)], 120);
    expect(potassiumAt(brash, insulinGlucose, 120) - both).toBeGreaterThan(0.4);
    // The bronchospasm dose (5 mg, the anaphylaxis entry) is not the hyperkalaemia treatment and moves nothing here.
    expect(potassiumAt(brash, [[0, treat('salbutamol-nebulised', 5)]], 120)).toBeCloseTo(untreated, 5);
  });

  it('calcium holds off the hyperkalaemic arrest for its 45 minutes', () => {
    // Potassium chloride into this patient: the arrest comes later under calcium's cover.
    const loaded: [number, LearnerAction][] = [
      [0, treat('potassium-chloride-arrest', 20)],
      [1, treat('potassium-chloride-arrest', 20)],
    ];
    const firstArrest = (plan: [number, LearnerAction][]) =>
      playOf(...plan.map(([m, a]) => at(m, a))).course.arrests[0]?.startedAt ?? Infinity;
    expect(firstArrest(loaded)).toBeLessThan(30);
    expect(firstArrest([...loaded, [0, treat('calcium-gluconate', 30)]])).toBeGreaterThan(
      firstArrest(loaded),
    );
  });

  it('insulin with only 25 g of glucose brings a late hypoglycaemia; a 10 % glucose infusion prevents it', () => {
    const noInfusion = bestWithout('dextrose-10');
    expect(item(noInfusion, 'no-hypoglycaemia').earned).toBe(0);
    expect(item(noInfusion, 'glucose-infusion').earned).toBe(0);
    expect(item(best, 'no-hypoglycaemia').earned).toBe(6);
    const low = vitalsAt(
      [
        [0, treat('insulin-iv-bolus', 10)],
        [0, treat('dextrose-50', 50)],
      ],
      240,
    );
    expect(low.glucose).toBeLessThan(70);
  });

  it('adrenaline raises the pressure without moving the rate, and moves a little potassium into cells; its bronchodilator effect does nothing here', () => {
    const v = vitalsAt([[0, treat('adrenaline-infusion', 0.1)]], 20);
    expect(v.map).toBeGreaterThanOrEqual(65);
    expect(v.hr).toBe(26);
    expect(v.spo2).toBe(95);
    expect(v.rr).toBe(18);
    // An hour of it, against calcium alone (which moves none): its β2 shift, and the urine its pressure brings.
    const shift =
      vitalsAt([[0, treat('calcium-gluconate', 30)]], 60).potassium -
      vitalsAt(
        [
          [0, treat('calcium-gluconate', 30)],
          [0, treat('adrenaline-infusion', 0.1)],
        ],
        60,
      ).potassium;
    expect(shift).toBeGreaterThan(0.1);
    expect(shift).toBeLessThan(0.5);
  });

  it('the evening doses come at 18:00 unless the regular medicines are held, and deepen the shock', () => {
    const given = runPlan(brash, [[0, treat('adrenaline-infusion', 0.1)]], 180);
    const held = runPlan(
      brash,
      [
        [0, treat('adrenaline-infusion', 0.1)],
        [0, treat('hold-regular-medicines')],
      ],
      180,
    );
    expect(given.timeline.some((e) => e.ref === 'event:evening-doses-given')).toBe(true);
    expect(held.timeline.some((e) => e.ref === 'event:evening-doses-given')).toBe(false);
    expect(held.vitals.map - given.vitals.map).toBeGreaterThan(3);
    // An order, said as one (not "Gave … 1 order").
    expect(held.timeline.map((e) => e.text)).toContain('Ordered: Hold the regular medicines (drug chart).');
  });
});

/** The same man arriving with another potassium: the state in which a rule must not credit (or penalise) the act. */
const arrivingWithPotassium = (potassium: number): ResolvedCase =>
  editedCase('cases/brash-hyperkalaemia-bradycardia.json', (data) => {
    const physiology = data.physiology as { metabolic: { initial: { potassium: number } } };
    physiology.metabolic.initial.potassium = potassium;
  });

describe('each rule credits its act only in the state its guideline names', () => {
  it('calcium: credited while the potassium is 6.5 or more, not at 6.0', () => {
    const high = playOf(
      at(2, { do: 'order', id: 'blood-gas-venous' }),
      at(8, treat('calcium-gluconate', 30)),
    );
    expect(item(high, 'calcium-for-hyperkalaemia').earned).toBe(8);
    expect(item(high, 'calcium-dose').earned).toBe(2);
    const six = playScript(arrivingWithPotassium(6), { actions: [at(8, treat('calcium-gluconate', 30))] });
    expect(item(six, 'calcium-for-hyperkalaemia').earned).toBe(0);
    expect(item(six, 'calcium-dose').earned).toBe(0);
  });

  it("calcium's dose: the real team's 20 mL is on time but not the guideline's 30", () => {
    const twenty = playOf(at(8, treat('calcium-gluconate', 20)));
    expect(item(twenty, 'calcium-for-hyperkalaemia').earned).toBe(8);
    expect(item(twenty, 'calcium-dose').earned).toBe(0);
    expect(item(playOf(at(8, treat('calcium-chloride', 10))), 'calcium-dose').earned).toBe(2);
  });

  it('insulin: credited while the potassium is 6.0 or more, not at 5.5', () => {
    const insulin = [at(8, treat('insulin-iv-bolus', 10)), at(8, treat('dextrose-50', 50))];
    expect(item(playOf(...insulin), 'insulin-glucose').earned).toBe(10);
    const lower = playScript(arrivingWithPotassium(5.5), { actions: insulin });
    expect(item(lower, 'insulin-glucose').earned).toBe(0);
  });

  it('potassium: penalised while it is above 5.0, not at 4.5', () => {
    expect(item(playOf(at(5, treat('potassium-chloride', 10))), 'harm-potassium').earned).toBe(-12);
    const normal = playScript(arrivingWithPotassium(4.5), {
      actions: [at(5, treat('potassium-chloride', 10))],
    });
    expect(item(normal, 'harm-potassium').earned).toBe(0);
  });

  it('atropine: credited while the rate is below 50, not once he is paced, nor at 3 mg at once', () => {
    expect(item(playOf(at(3, treat('atropine', 0.5))), 'atropine-first').earned).toBe(3);
    const paced = playOf(at(1, treat('transcutaneous-pacing', 70)), at(5, treat('atropine', 0.5)));
    expect(item(paced, 'atropine-first').earned).toBe(0);
    expect(item(playOf(at(3, treat('atropine', 3))), 'atropine-first').earned).toBe(0);
  });

  it('adrenaline after atropine: credited while the MAP is below 65, not once pacing has restored it', () => {
    const low = playOf(at(2, treat('atropine', 0.5)), at(8, treat('adrenaline-infusion', 0.05)));
    expect(item(low, 'chronotrope-or-pacing').earned).toBe(10);
    expect(item(low, 'adrenaline-in-brash').earned).toBe(3);
    expect(vitalsAt([[1, treat('transcutaneous-pacing', 70)]], 10).map).toBeGreaterThanOrEqual(65);
    const restored = playOf(
      at(1, treat('transcutaneous-pacing', 70)),
      at(2, treat('atropine', 0.5)),
      at(10, treat('adrenaline-infusion', 0.05)),
    );
    expect(item(restored, 'adrenaline-in-brash').earned).toBe(0);
  });

  it('pacing: credited while the rate is below 40, not a wire ordered once pads have captured', () => {
    expect(item(playOf(at(10, treat('transvenous-pacing', 70))), 'pacing-refractory').earned).toBe(6);
    const wireOnly = playOf(
      at(1, treat('transcutaneous-pacing', 70)),
      at(10, treat('transvenous-pacing', 70)),
    );
    // Only the pads, at a rate of 26, answer the rule: the score is theirs, at minute 1.
    expect(item(wireOnly, 'pacing-refractory').reason).toMatch(/Transcutaneous/);
  });

  it('insulin without any glucose is penalised; with glucose it is not', () => {
    expect(item(playOf(at(8, treat('insulin-iv-bolus', 10))), 'harm-insulin-without-glucose').earned).toBe(
      -8,
    );
    const withInfusion = playOf(at(8, treat('insulin-iv-bolus', 10)), at(9, treat('dextrose-10', 50)));
    expect(item(withInfusion, 'harm-insulin-without-glucose').earned).toBe(0);
  });

  it('in a hyperkalaemic arrest calcium is credited; in a play without an arrest the item does not apply', () => {
    const firstArrestMin =
      playOf(at(0, treat('potassium-chloride-arrest', 20)), at(1, treat('potassium-chloride-arrest', 20)))
        .course.arrests[0]?.startedAt ?? -1;
    expect(firstArrestMin).toBeGreaterThan(0);
    // Potassium into this patient stops the heart (VF above 8.5 mmol/L); calcium during the arrest is the act.
    const arrest = playOf(
      at(0, treat('potassium-chloride-arrest', 20)),
      at(1, treat('potassium-chloride-arrest', 20)),
      at(firstArrestMin, treat('cpr')),
      at(firstArrestMin + 1, treat('calcium-chloride', 10)),
    );
    expect(arrest.course.arrests[0]?.startedAt).toBe(firstArrestMin);
    expect(item(arrest, 'arrest-calcium').earned).toBeGreaterThan(0);
    expect(item(best, 'arrest-calcium').applies).toBe(false);
  });
});
