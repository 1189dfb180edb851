import type { ShockModel } from '../../case/schema/physiology.ts';
import type { MinuteInputs, PatientState } from './state.ts';

/** Bicarbonate read in a case without a metabolic model (the gas is otherwise normal). */
const NORMAL_BICARBONATE = 24;
/** Heavy compensation: a pCO2 this low for long tires the breathing muscles (ventilation.fatigueAfterMin). */
export const HEAVY_COMPENSATION_PCO2 = 25;

export interface AcidBase {
  ph: number;
  pco2: number;
  /** Breaths/min added by the drive to blow off CO2 (Kussmaul), for a patient breathing on their own. */
  rrGain: number;
  anionGap: number;
}

/**
 * How much of the expected respiratory compensation the patient manages: all of it awake, a share once drowsy
 * (GCS below ventilation.compensationLostBelowGcs: drowsyCompensationShare) and once tired
 * (ventilation.fatigueAfterMin: tiredCompensationShare).
 */
function compensationShare(state: PatientState, model: ShockModel): number {
  const v = model.ventilation;
  const awake = state.gcs >= v.compensationLostBelowGcs ? 1 : v.drowsyCompensationShare;
  const tired =
    v.fatigueAfterMin !== undefined && state.fatigueMin >= v.fatigueAfterMin ? v.tiredCompensationShare : 1;
  return awake * tired;
}

/**
 * The blood gas (teaching grade). Bicarbonate comes from the metabolic model (24 without one). pCO2: on the
 * ventilator, 0.863 × CO2 production / alveolar ventilation (rate × (tidal volume − dead space)); breathing
 * spontaneously, Winter's expected 1.5 × HCO3 + 8 (no higher than 40) reached in the share the patient can manage;
 * in cardiac arrest without ventilation, CO2 accumulates (60). pH by Henderson–Hasselbalch.
 */
export function acidBase(
  state: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  out: AcidBase = { ph: 0, pco2: 0, rrGain: 0, anionGap: 0 },
): AcidBase {
  const m = model.metabolic;
  const hco3 = bicarbonateOf(state, model);
  const pco2 = pco2Of(state, inputs, model, hco3);
  const spontaneous = !inputs.ventilated && !inputs.arrest;
  const rrGain =
    spontaneous && m !== undefined ? m.rrPerBicarbonateDeficit * Math.max(0, m.bicarbonate.normal - hco3) : 0;
  const anionGap =
    m === undefined ? 12 : m.anionGapNormal + state.ketones + Math.max(0, state.lactate - 1) + state.toxin;
  out.ph = 6.1 + Math.log10(hco3 / (0.03 * pco2));
  out.pco2 = pco2;
  out.rrGain = rrGain;
  out.anionGap = anionGap;
  return out;
}

function bicarbonateOf(state: PatientState, model: ShockModel): number {
  return model.metabolic === undefined ? NORMAL_BICARBONATE : Math.max(1, state.bicarbonate);
}

/** The gas's pCO2 alone (acidBase without the pH's logarithm: fatigue is counted from it every minute). */
function pco2Of(state: PatientState, inputs: MinuteInputs, model: ShockModel, hco3: number): number {
  const v = model.ventilation;
  if (inputs.ventilated) {
    const alveolarLPerMin = (inputs.ventRate * Math.max(0, inputs.ventTidalMl - v.deadSpaceMl)) / 1000;
    return Math.min(150, (0.863 * v.co2ProductionMlPerMin) / Math.max(0.5, alveolarLPerMin));
  }
  if (inputs.arrest) return inputs.cpr ? 50 : 60;
  const winter = Math.min(40, 1.5 * hco3 + 8);
  return 40 - compensationShare(state, model) * (40 - winter);
}

/**
 * One gas for the physiology's own use inside a minute, read at once and never kept: the hot loop computes two or
 * three gases a minute and need not allocate them.
 */
export const SCRATCH_GAS: AcidBase = { ph: 0, pco2: 0, rrGain: 0, anionGap: 0 };

/** Minutes of heavy compensation, counted towards fatigue (and slowly forgiven when it eases). */
export function stepFatigue(state: PatientState, inputs: MinuteInputs, model: ShockModel): void {
  if (model.ventilation.fatigueAfterMin === undefined || inputs.ventilated) return;
  const pco2 = pco2Of(state, inputs, model, bicarbonateOf(state, model));
  state.fatigueMin =
    pco2 < HEAVY_COMPENSATION_PCO2 ? state.fatigueMin + 1 : Math.max(0, state.fatigueMin - 1);
}

/** Haemodialysis for one minute: each solute moves a share clearance / (0.6 × weight) towards the bath. */
export function dialysisShare(inputs: MinuteInputs, weightKg: number): number {
  return inputs.dialysisMlPerMin <= 0 ? 0 : Math.min(1, inputs.dialysisMlPerMin / (600 * weightKg));
}
