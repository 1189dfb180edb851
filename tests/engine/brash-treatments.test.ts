import { describe, expect, it } from 'vitest';
import type { LearnerAction, ResolvedCase } from '../../src/engine/index.ts';
import { loadCatalog, playScript } from '../../src/engine/index.ts';
import { causesTreated } from '../../src/engine/sim/arrest.ts';
import { inputsAt } from '../../src/engine/sim/care.ts';
import { momentOf, observedFrom } from '../../src/engine/sim/gate.ts';
import { initialPatient, NO_INPUTS } from '../../src/engine/sim/physiology/state.ts';
import { stepMinute } from '../../src/engine/sim/physiology/step.ts';
import { catalogFiles, editedCase, loadShippedCase, stemiArrivingIn } from '../support/load.ts';
import { item, runPlan } from '../support/play.ts';

// What BRASH (bradycardia, renal failure, AV-nodal blockade, shock, hyperkalaemia) asks of the catalogue: glucagon,
// calcium gluconate, an IV insulin bolus, a transvenous pacing wire. Each is tried on a shipped case that has what it
// acts on (a metabolic model for insulin and calcium, a slow rhythm for the wire).
const dka = loadShippedCase('cases/diabetic-ketoacidosis.json');
const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
const treat = (id: string, dose?: number): LearnerAction =>
  dose === undefined ? { do: 'treat', id } : { do: 'treat', id, dose };
const junctional = (drugsChangeRate: boolean): ResolvedCase =>
  stemiArrivingIn('junctional', { drugsChangeRate });

describe('an IV insulin bolus (for hyperkalaemia)', () => {
  it('moves potassium into cells and lowers the glucose within the hour, and is gone in about 7 hours', () => {
    const untreated = runPlan(dka, [], 60);
    const bolus = runPlan(dka, [[1, treat('insulin-iv-bolus', 10)]], 60);
    expect(untreated.vitals.potassium - bolus.vitals.potassium).toBeGreaterThan(0.3);
    expect(untreated.vitals.glucose - bolus.vitals.glucose).toBeGreaterThan(20);
    const ctx = runPlan(dka, [[1, treat('insulin-iv-bolus', 10)]], 2);
    const at = (minute: number) => inputsAt(ctx, dka, minute).insulin;
    // Peaks about half an hour after the dose at twice an infusion's full effect; next to nothing by 8 hours.
    const peak = Math.max(...Array.from({ length: 120 }, (_, m) => at(m + 1)));
    expect(peak).toBeCloseTo(2, 1);
    expect(at(31)).toBeGreaterThan(at(10));
    expect(at(8 * 60)).toBe(0);
    // Half the dose, half the effect.
    const half = runPlan(dka, [[1, treat('insulin-iv-bolus', 5)]], 2);
    expect(inputsAt(half, dka, 31).insulin).toBeCloseTo(at(31) / 2, 5);
  });

  it('counts as insulin for the DKA harm rules: a bolus before any potassium result is penalised, after it is not', () => {
    const before = playScript(dka, { actions: [{ at: 1, do: 'treat', id: 'insulin-iv-bolus', dose: 10 }] });
    expect(item(before, 'harm-insulin-before-potassium').earned).toBe(-12);
    const after = playScript(dka, {
      actions: [
        { at: 1, do: 'order', id: 'blood-gas-venous' },
        { at: 40, do: 'treat', id: 'insulin-iv-bolus', dose: 10 },
      ],
    });
    expect(item(after, 'harm-insulin-before-potassium').earned).toBe(0);
  });

  it('is refused as a catalogue entry without kinetics (it would act for ever)', () => {
    const withoutKinetics = (text: string) => {
      const data = JSON.parse(text) as { treatments: Record<string, { effects: { kinetics?: unknown }[] }> };
      for (const effect of data.treatments['insulin-iv-bolus']?.effects ?? []) delete effect.kinetics;
      return JSON.stringify(data, null, 2);
    };
    const files = catalogFiles().map((f) =>
      f.name.endsWith('endocrine.json') ? { ...f, text: withoutKinetics(f.text) } : f,
    );
    const loaded = loadCatalog(files);
    expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'treatments.insulin-iv-bolus.effects[0].kinetics: a one-off insulin dose needs kinetics (how fast it acts and wears off)',
    ]);
  });
});

describe('calcium gluconate', () => {
  it('treats hyperkalaemia as a reversible cause of arrest, as calcium chloride does (DKA declares it)', () => {
    const hyperkalaemic = editedCase('cases/diabetic-ketoacidosis.json', (data) => {
      const p = data.physiology as { metabolic: { initial: Record<string, number> } };
      p.metabolic.initial.potassium = 7.2;
    });
    const treated = (plan: [number, LearnerAction][]) => {
      const ctx = runPlan(hyperkalaemic, plan, 3);
      return causesTreated(ctx, hyperkalaemic, momentOf(ctx, observedFrom(ctx.vitals)));
    };
    expect(treated([])).toBe(false);
    expect(treated([[1, treat('calcium-gluconate', 30)]])).toBe(true);
    expect(treated([[1, treat('calcium-chloride', 10)]])).toBe(true);
  });

  it('raises the potassium at which the heart arrests by 1.5 mmol/L for 45 minutes, like calcium chloride', () => {
    const ctx = runPlan(dka, [[1, treat('calcium-gluconate', 30)]], 2);
    expect(inputsAt(ctx, dka, 2).potassiumMargin).toBe(1.5);
    expect(inputsAt(ctx, dka, 45).potassiumMargin).toBe(1.5);
    expect(inputsAt(ctx, dka, 46).potassiumMargin).toBe(0);
  });
});

describe('glucagon', () => {
  it('quickens a sinus rhythm and lifts the pressure for some minutes, then wears off', () => {
    const base = runPlan(stemi, [], 6);
    const given = runPlan(stemi, [[1, treat('glucagon', 5)]], 6);
    expect(given.vitals.hr - base.vitals.hr).toBeGreaterThan(5);
    expect(given.vitals.map - base.vitals.map).toBeGreaterThan(3);
    const later = runPlan(stemi, [[1, treat('glucagon', 5)]], 60);
    expect(Math.abs(later.vitals.hr - runPlan(stemi, [], 60).vitals.hr)).toBeLessThan(1);
  });

  it('does not quicken a junctional escape that drugs cannot move, though it still lifts the pressure', () => {
    const fixed = junctional(false);
    const given = runPlan(fixed, [[1, treat('glucagon', 5)]], 6);
    expect(Math.round(given.vitals.hr)).toBe(26);
    expect(given.vitals.map - runPlan(fixed, [], 6).vitals.map).toBeGreaterThan(3);
  });
});

describe('arrival in a slow rhythm', () => {
  it('shows the rhythm from the first minute: the arrival vitals and the first trace point', () => {
    const ctx = runPlan(junctional(false), [], 0);
    expect(Math.round(ctx.vitals.hr)).toBe(26);
    expect(ctx.trace[0]).toMatchObject({ atMin: 0, hr: 26 });
  });
});

describe('a transvenous pacing wire', () => {
  it('takes 20 minutes of the learner’s time and captures only once it is in; pads capture at once', () => {
    const slow = junctional(false);
    const wire = runPlan(slow, [[1, treat('transvenous-pacing', 70)]], 21);
    // The learner is busy floating the wire until minute 21; it paces from then (seen on the monitor a minute on).
    expect(wire.nowMin).toBe(21);
    expect(Math.round(wire.vitals.hr)).toBe(26);
    expect(inputsAt(wire, slow, 20).pacingRate).toBe(0);
    expect(inputsAt(wire, slow, 21).pacingRate).toBe(70);
    expect(runPlan(slow, [[1, treat('transvenous-pacing', 70)]], 22).vitals.hr).toBe(70);
    const pads = runPlan(slow, [[1, treat('transcutaneous-pacing', 70)]], 3);
    expect(inputsAt(pads, slow, 1).pacingRate).toBe(70);
  });

  it('paces on through the advance after it (the minute it captures is a break in the inputs)', () => {
    const slow = junctional(false);
    const wire = runPlan(slow, [[1, treat('transvenous-pacing', 70)]], 24);
    expect(wire.trace.filter((p) => p.atMin >= 10).map((p) => [p.atMin, p.hr])).toEqual([
      [10, 26],
      [15, 26],
      [20, 26],
    ]);
    expect(wire.vitals.hr).toBe(70);
  });
});

describe('kidneys that make no urine retain potassium (physiology.metabolic.potassium.retainedPerH)', () => {
  const DKA = 'cases/diabetic-ketoacidosis.json';
  const kidneys = (urine: number, retainedPerH: number) =>
    editedCase(DKA, (data) => {
      const p = data.physiology as {
        initial: Record<string, number>;
        urine: Record<string, number>;
        metabolic: { potassium: Record<string, number> };
      };
      p.initial.urineMlPerKgH = urine;
      p.urine.maxMlPerKgH = Math.max(urine, 0.001);
      p.metabolic.potassium.retainedPerH = retainedPerH;
    });

  it('raises it at the set rate with no urine, and not at all with enough', () => {
    const start = runPlan(dka, [], 0).vitals.potassium;
    const anuric = runPlan(kidneys(0, 0.5), [], 120).vitals.potassium;
    expect(anuric - start).toBeCloseTo(1, 1);
    const unmodelled = runPlan(kidneys(0, 0), [], 120).vitals.potassium;
    expect(unmodelled).toBeCloseTo(start, 5);
    const passing = runPlan(kidneys(1, 0.5), [], 120).vitals.potassium;
    expect(passing).toBeCloseTo(start, 5);
  });

  it('in proportion to the shortfall: at half the oliguria threshold, half the rate', () => {
    const model = kidneys(0, 0.6).data.physiology;
    const minuteRise = (urine: number) => {
      const patient = initialPatient(model);
      patient.urineMlPerKgH = urine;
      const before = patient.potassium;
      stepMinute(patient, NO_INPUTS, model, dka.data.patient.weightKg.value);
      return patient.potassium - before;
    };
    const threshold = model.creatinine.oliguriaBelowMlPerKgH;
    expect(minuteRise(0)).toBeCloseTo(0.6 / 60, 10);
    expect(minuteRise(threshold / 2)).toBeCloseTo(0.3 / 60, 10);
    expect(minuteRise(threshold)).toBe(0);
  });
});
