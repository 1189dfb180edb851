import { describe, expect, it } from 'vitest';
import type { ResolvedCase } from '../../src/engine/index.ts';
import { acidBase } from '../../src/engine/sim/physiology/acid-base.ts';
import { observe } from '../../src/engine/sim/physiology/observe.ts';
import { initialPatient, NO_INPUTS, type PatientState } from '../../src/engine/sim/physiology/state.ts';
import { stepMinute } from '../../src/engine/sim/physiology/step.ts';
import { editedCase, editedFirstCase } from '../support/load.ts';
import { firstCase, runPlan, traceMapFall } from '../support/play.ts';

/**
 * Shares of the shock model that used to be numbers in the engine's code (issue 17, finding 12) are parameters of
 * the case's physiology, with the pack's values as defaults: an author can see them in the schema and change them.
 */
const DKA = 'cases/diabetic-ketoacidosis.json';

/** A shipped case with one physiology parameter set, loaded through the loader as an author's file would be. */
function withParameter(path: string, value: number, casePath?: string): ResolvedCase {
  const edit = (data: Record<string, unknown>) => {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node = data.physiology as Record<string, unknown>;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    node[last] = value;
  };
  return casePath === undefined ? editedFirstCase(edit) : editedCase(casePath, edit);
}

describe("the model's shares are the case's parameters, with the pack's values as defaults", () => {
  it('a case that does not set them gets the pack §4.3 values', () => {
    expect(firstCase.data.physiology).toMatchObject({
      volume: { nonResponderShare: 0.4 },
      urine: { lostPerDeficit: 0.5, deficitFloor: 0.2, lostPerSeverity: 0.5 },
      crt: { mapSpan: 20 },
      pressor: { inductionDropShare: 0.5 },
      creatinine: { dialysedTo: 0.9 },
      ventilation: { drowsyCompensationShare: 0.25, tiredCompensationShare: 0.5 },
    });
  });

  it('pressor.inductionDropShare: at 1, norepinephrine no longer softens the induction dip (default: halves it)', () => {
    const dipOnPressor = (resolved: ResolvedCase) =>
      traceMapFall(
        resolved,
        [
          [175, { do: 'treat', id: 'norepinephrine', dose: 0.1 }],
          [180, { do: 'dispose', id: 'operating-room' }],
        ],
        235,
        245,
      );
    const halved = dipOnPressor(firstCase);
    const whole = dipOnPressor(withParameter('pressor.inductionDropShare', 1));
    expect(whole - halved).toBeGreaterThan(5); // half of the 15 mmHg drop, less the monitor's rounding
  });

  it("volume.nonResponderShare: what a filled patient's transient pool still adds to the MAP", () => {
    // 4 L in (past the first case's plateau: responsiveness 0) and 500 mL still in the transient pool.
    const filled = (resolved: ResolvedCase): PatientState => ({
      ...initialPatient(resolved.data.physiology),
      netFluidMl: 4000,
      transientMl: 500,
    });
    const mapOf = (resolved: ResolvedCase) =>
      observe(filled(resolved), NO_INPUTS, resolved.data.physiology, resolved.data.patient.weightKg.value)
        .map;
    const none = withParameter('volume.nonResponderShare', 0);
    // fluidMaxMmHg 12 × (1 − e^−1) × 0.4 ≈ 3 mmHg
    expect(mapOf(firstCase) - mapOf(none)).toBeCloseTo(12 * (1 - Math.exp(-1)) * 0.4, 6);
  });

  it('urine.lostPerSeverity, lostPerDeficit and deficitFloor shape the urine output', () => {
    const urineAt2h = (resolved: ResolvedCase) =>
      runPlan(resolved, [[0, { do: 'treat', id: 'norepinephrine', dose: 0.2 }]], 120).vitals.urine;
    const usual = urineAt2h(firstCase);
    expect(urineAt2h(withParameter('urine.lostPerSeverity', 0))).toBeGreaterThan(usual * 1.5);
    expect(urineAt2h(withParameter('urine.lostPerDeficit', 0))).toBeGreaterThan(usual * 1.5);
    // A deficit of 3 × responsiveDeficitMl would take all of the output; the floor leaves a share of it.
    const dry = (resolved: ResolvedCase) => {
      const patient = {
        ...initialPatient(resolved.data.physiology),
        volumeDeficitMl: 6000,
        urineMlPerKgH: 0,
      };
      stepMinute(patient, { ...NO_INPUTS, fixedPressorMmHg: 30 }, resolved.data.physiology, 75);
      return patient.urineMlPerKgH;
    };
    expect(dry(withParameter('urine.deficitFloor', 0.6))).toBeCloseTo(3 * dry(firstCase), 6);
  });

  it('crt.mapSpan: the MAP shortfall over which capillary refill lengthens in full', () => {
    const crtAtArrival = (resolved: ResolvedCase) => runPlan(resolved, [], 0).vitals.crt;
    expect(crtAtArrival(withParameter('crt.mapSpan', 40))).toBeLessThan(crtAtArrival(firstCase) - 0.4);
  });

  it('ventilation.drowsyCompensationShare and tiredCompensationShare: how much compensation is left', () => {
    const dka = editedCase(DKA, () => undefined);
    const gasOf = (resolved: ResolvedCase, patient: Partial<PatientState>) => {
      const model = resolved.data.physiology;
      return acidBase({ ...initialPatient(model), bicarbonate: 8, ...patient }, NO_INPUTS, model).pco2;
    };
    // Winter's 1.5 × 8 + 8 = 20: a shortfall of 20 from 40.
    expect(gasOf(dka, { gcs: 7 })).toBeCloseTo(40 - 0.25 * 20, 6);
    expect(gasOf(withParameter('ventilation.drowsyCompensationShare', 0.5, DKA), { gcs: 7 })).toBeCloseTo(
      40 - 0.5 * 20,
      6,
    );
    const tiring = (share?: number) =>
      editedCase(DKA, (data) => {
        const ventilation = ((data.physiology as Record<string, unknown>).ventilation ??= {}) as Record<
          string,
          unknown
        >;
        ventilation.fatigueAfterMin = 60;
        if (share !== undefined) ventilation.tiredCompensationShare = share;
      });
    expect(gasOf(tiring(), { fatigueMin: 120 })).toBeCloseTo(40 - 0.5 * 20, 6);
    expect(gasOf(tiring(0.8), { fatigueMin: 120 })).toBeCloseTo(40 - 0.8 * 20, 6);
  });

  it('creatinine.dialysedTo: what haemodialysis clears creatinine towards', () => {
    const afterAnHour = (resolved: ResolvedCase) => {
      const model = resolved.data.physiology;
      const patient = { ...initialPatient(model), creatinine: 6 };
      for (let minute = 0; minute < 60; minute++)
        stepMinute(patient, { ...NO_INPUTS, dialysisMlPerMin: 250 }, model, 60);
      return patient.creatinine;
    };
    expect(afterAnHour(withParameter('creatinine.dialysedTo', 3, DKA))).toBeGreaterThan(
      afterAnHour(editedCase(DKA, () => undefined)) + 0.5,
    );
  });
});
