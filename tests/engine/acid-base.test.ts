import { describe, expect, it } from 'vitest';
import { acidBase, dialysisShare } from '../../src/engine/sim/physiology/acid-base.ts';
import { initialPatient, NO_INPUTS, type MinuteInputs } from '../../src/engine/sim/physiology/state.ts';
import { loadShippedCase } from '../support/load.ts';

const dka = loadShippedCase('cases/diabetic-ketoacidosis.json');
const model = dka.data.physiology;
const patient = { ...initialPatient(model), bicarbonate: 8, ketones: 2, lactate: 3, toxin: 5 };
const ventilated = (rate: number, tidalMl: number): MinuteInputs => ({
  ...NO_INPUTS,
  ventilated: true,
  ventRate: rate,
  ventTidalMl: tidalMl,
  fio2: 1,
});

describe('the blood gas (teaching grade)', () => {
  it("breathing on his own, the pCO2 is Winter's 1.5 × HCO3 + 8 and the pH follows Henderson–Hasselbalch", () => {
    const gas = acidBase(patient, NO_INPUTS, model);
    expect(gas.pco2).toBeCloseTo(20, 6);
    expect(gas.ph).toBeCloseTo(6.1 + Math.log10(8 / (0.03 * 20)), 6);
  });

  it('drowsy (GCS below 9) he keeps only a quarter of the compensation', () => {
    const gas = acidBase({ ...patient, gcs: 7 }, NO_INPUTS, model);
    expect(gas.pco2).toBeCloseTo(40 - 0.25 * 20, 6);
    expect(gas.ph).toBeLessThan(acidBase(patient, NO_INPUTS, model).ph);
  });

  it('on the ventilator the pCO2 is 0.863 × CO2 production / alveolar ventilation: 14 × 450 mL gives about 41', () => {
    expect(acidBase(patient, ventilated(14, 450), model).pco2).toBeCloseTo((0.863 * 200) / 4.2, 6);
    // Doubling the alveolar ventilation halves the pCO2.
    expect(acidBase(patient, ventilated(28, 450), model).pco2).toBeCloseTo((0.863 * 200) / 8.4, 6);
    expect(acidBase(patient, ventilated(28, 450), model).rrGain).toBe(0);
  });

  it('the anion gap is the normal gap plus ketones, lactate above 1 and the toxin', () => {
    expect(acidBase(patient, NO_INPUTS, model).anionGap).toBeCloseTo(12 + 2 + 2 + 5, 6);
  });

  it('dialysis moves a share clearance / (0.6 × weight) of each difference a minute', () => {
    expect(dialysisShare({ ...NO_INPUTS, dialysisMlPerMin: 200 }, 70)).toBeCloseTo(200 / 42_000, 9);
    expect(dialysisShare(NO_INPUTS, 70)).toBe(0);
  });
});
