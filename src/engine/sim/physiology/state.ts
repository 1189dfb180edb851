import type { ShockModel } from '../../case/schema/physiology.ts';

/** The simulated patient's hidden state (clinical pack §4.3). Plain numbers so snapshots serialise as JSON. */
export interface PatientState {
  /** Disease driver, 0–1 (infection burden). */
  burden: number;
  /** Vasoplegia / shock severity, 0–1. */
  severity: number;
  volumeDeficitMl: number;
  /** Crystalloid still in the transient intravascular pool. */
  transientMl: number;
  /** Vasopressor effect-site level, norepinephrine-equivalent mcg/kg/min. */
  pressorEffect: number;
  lactate: number;
  creatinine: number;
  urineMlPerKgH: number;
  gcs: number;
  /** Minutes accumulated towards the next GCS step (down while hypoperfused, up while recovering). */
  gcsClockMin: number;
  /** Fluid in minus urine out since arrival. */
  netFluidMl: number;
  /** Minutes MAP has stayed below the arrest threshold. */
  lowMapMin: number;
  arrested: boolean;
  /** What stopped the heart: a pulseless circulation, or a ventricular arrhythmia (potassium). */
  arrestCause: 'circulatory' | 'arrhythmia' | 'acidaemia' | null;
  /** Burden accumulated over time (burden × hours): myocardium lost while an artery stays shut. */
  injury: number;
  /** Insulin effect site, 0 = none, 1 = full (physiology.metabolic.insulin). */
  insulinEffect: number;
  /** Metabolic state (physiology.metabolic); 0 in a case without it. */
  glucose: number;
  potassium: number;
  /** Potassium moved into cells and due back out (mmol/L; physiology.metabolic.potassium.shiftReturnHalfLifeH). */
  potassiumShifted: number;
  ketones: number;
  bicarbonate: number;
  /** The case's unmeasured acid (physiology.metabolic.toxin), mmol/L. */
  toxin: number;
  /** Minutes of heavy respiratory compensation (towards physiology.ventilation.fatigueAfterMin). */
  fatigueMin: number;
}

export function initialPatient(model: ShockModel): PatientState {
  const start = model.initial;
  const metabolic = model.metabolic?.initial;
  return copyPatient({
    burden: start.burden,
    severity: start.severity,
    volumeDeficitMl: start.volumeDeficitMl,
    transientMl: 0,
    pressorEffect: 0,
    lactate: start.lactate,
    creatinine: start.creatinine,
    urineMlPerKgH: start.urineMlPerKgH,
    gcs: start.gcs,
    gcsClockMin: 0,
    netFluidMl: 0,
    lowMapMin: 0,
    arrested: false,
    arrestCause: null,
    injury: 0,
    insulinEffect: 0,
    glucose: metabolic?.glucoseMgDl ?? 0,
    potassium: metabolic?.potassium ?? 0,
    potassiumShifted: 0,
    ketones: metabolic?.ketones ?? 0,
    bicarbonate: metabolic?.bicarbonate ?? 0,
    toxin: model.metabolic?.toxin?.initialMmol ?? 0,
    fatigueMin: 0,
  });
}

/**
 * A working copy for the integrator, built as one literal rather than a spread: V8 then keeps every field as an
 * unboxed double with a single object shape, which roughly halves the cost of a simulated minute (BENCHMARKS.md).
 */
export function copyPatient(p: PatientState): PatientState {
  return {
    burden: p.burden,
    severity: p.severity,
    volumeDeficitMl: p.volumeDeficitMl,
    transientMl: p.transientMl,
    pressorEffect: p.pressorEffect,
    lactate: p.lactate,
    creatinine: p.creatinine,
    urineMlPerKgH: p.urineMlPerKgH,
    gcs: p.gcs,
    gcsClockMin: p.gcsClockMin,
    netFluidMl: p.netFluidMl,
    lowMapMin: p.lowMapMin,
    arrested: p.arrested,
    arrestCause: p.arrestCause,
    injury: p.injury,
    insulinEffect: p.insulinEffect,
    glucose: p.glucose,
    potassium: p.potassium,
    potassiumShifted: p.potassiumShifted,
    ketones: p.ketones,
    bicarbonate: p.bicarbonate,
    toxin: p.toxin,
    fatigueMin: p.fatigueMin,
  };
}

/** What the treatments running in one minute do, summed. Built from the care record, read by the integrator. */
export interface MinuteInputs {
  /** Crystalloid volume delivered this minute, split by how much of it stays. */
  fluidMl: number;
  durableFluidMl: number;
  /** Norepinephrine-equivalent infusion rate, mcg/kg/min. */
  pressorRate: number;
  fixedPressorMmHg: number;
  killing: boolean;
  sourceControlled: boolean;
  /** Per-minute burden multiplier while a procedure is under way (1 = none). */
  burdenFactorPerMin: number;
  inductionMapDropMmHg: number;
  steroidActing: boolean;
  nephrotoxic: boolean;
  antipyreticDropC: number;
  painRelieved: boolean;
  spo2Gain: number;
  /** Effective volume added (negative: pooled away) by positions and venodilators, mL. */
  preloadMl: number;
  /** Bronchodilator relief: SpO2 points and breaths/min. */
  bronchodilatorSpo2: number;
  bronchodilatorRrDrop: number;
  /** Direct heart-rate and MAP changes (β-blocker, atropine). */
  hrChange: number;
  mapChange: number;
  /**
   * MAP changes that come only through the rate (atropine): folded into mapChange where the rate answers to drugs,
   * dropped in a fixed-rate rhythm that does not (an infranodal block, a junctional escape under β-blockade).
   */
  rateMapChange: number;
  /** Insulin rate over physiology.metabolic.insulin.fullEffectDose. */
  insulin: number;
  /** Solutes delivered this minute with the fluids. */
  dextroseG: number;
  potassiumMmol: number;
  bicarbonateMmol: number;
  /** Potassium moved into cells by drugs other than insulin (a β2-agonist), mmol/L/h. */
  potassiumShiftPerH: number;
  /** The heart is stopped (an arrest rhythm); with CPR the circulation is cprMapMmHg, without it none. */
  arrest: boolean;
  cpr: boolean;
  cprMapMmHg: number;
  /** What a perfusing rhythm other than sinus does: a fixed rate (0: none), a rate factor, a MAP change. */
  rhythmHr: number;
  rhythmHrFactor: number;
  rhythmMapChange: number;
  /** Whether hrChange (atropine, a β-blocker) still acts on a rhythm's fixed rate. */
  rhythmHrResponds: boolean;
  /** Demand pacing rate with capture (0: not paced). */
  pacingRate: number;
  /** mmol/L added to the hyperkalaemic arrest threshold (calcium). */
  potassiumMargin: number;
  /** A secured airway on the ventilator, at these settings (rate /min, tidal volume mL, FiO2 0.21–1). */
  ventilated: boolean;
  ventRate: number;
  ventTidalMl: number;
  fio2: number;
  /** Haemodialysis clearance (mL/min; 0: none) and its bath. */
  dialysisMlPerMin: number;
  bathBicarbonate: number;
  bathPotassium: number;
}

export const NO_INPUTS: MinuteInputs = {
  fluidMl: 0,
  durableFluidMl: 0,
  pressorRate: 0,
  fixedPressorMmHg: 0,
  killing: false,
  sourceControlled: false,
  burdenFactorPerMin: 1,
  inductionMapDropMmHg: 0,
  steroidActing: false,
  nephrotoxic: false,
  antipyreticDropC: 0,
  painRelieved: false,
  spo2Gain: 0,
  preloadMl: 0,
  bronchodilatorSpo2: 0,
  bronchodilatorRrDrop: 0,
  hrChange: 0,
  mapChange: 0,
  rateMapChange: 0,
  insulin: 0,
  dextroseG: 0,
  potassiumMmol: 0,
  bicarbonateMmol: 0,
  potassiumShiftPerH: 0,
  arrest: false,
  cpr: false,
  cprMapMmHg: 0,
  rhythmHr: 0,
  rhythmHrFactor: 1,
  rhythmMapChange: 0,
  rhythmHrResponds: false,
  pacingRate: 0,
  potassiumMargin: 0,
  ventilated: false,
  ventRate: 0,
  ventTidalMl: 0,
  fio2: 0.21,
  dialysisMlPerMin: 0,
  bathBicarbonate: 32,
  bathPotassium: 4,
};
