import type { Metabolic, ShockModel } from '../../case/schema/physiology.ts';
import { acidBase, dialysisShare, SCRATCH_GAS, stepFatigue } from './acid-base.ts';
import { effectiveDeficit, meanArterialPressure } from './observe.ts';
import type { MinuteInputs, PatientState } from './state.ts';

const DT_H = 1 / 60;
const LN2 = Math.LN2;
const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Per-minute decay factors that depend only on the model: computed once per advance, not once per minute. */
export interface StepConstants {
  transientKeep: number;
  pressorApproach: number;
  insulinApproach: number;
  /** Share of a toxic acid cleared by itself each minute (its half-life; 0 without one). */
  toxinClearance: number;
  /** Share of the potassium moved into cells that comes back out each minute (0: none comes back). */
  potassiumReturn: number;
}

export function stepConstants(model: ShockModel): StepConstants {
  return {
    transientKeep: Math.exp(-LN2 / model.volume.transientHalfLifeMin),
    pressorApproach: 1 - Math.exp(-LN2 / model.pressor.halfLifeMin),
    insulinApproach:
      model.metabolic === undefined ? 0 : 1 - Math.exp(-LN2 / model.metabolic.insulin.halfLifeMin),
    toxinClearance:
      model.metabolic?.toxin === undefined
        ? 0
        : 1 - Math.exp((-LN2 * DT_H) / model.metabolic.toxin.halfLifeH),
    potassiumReturn:
      model.metabolic?.potassium.shiftReturnHalfLifeH === undefined
        ? 0
        : 1 - Math.exp((-LN2 * DT_H) / model.metabolic.potassium.shiftReturnHalfLifeH),
  };
}

/**
 * Advance the patient by one simulated minute, in place (the caller owns a working copy).
 * Pure arithmetic, no allocation: a 12-hour course is ~720 calls, so this is the engine's hot loop.
 * Equations: clinical pack §4.3 (teaching grade, not validated).
 */
export function stepMinute(
  s: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  weightKg: number,
  k: StepConstants = stepConstants(model),
): void {
  // 1. Disease driver: logistic growth, antimicrobial kill, procedures.
  const d = model.driver;
  const kill = inputs.killing ? (inputs.sourceControlled ? d.killPerHAfterSourceControl : d.killPerH) : 0;
  s.burden += DT_H * (d.growthPerH * s.burden * (1 - s.burden) - (kill + d.clearPerH) * s.burden);
  s.burden = clamp(s.burden * inputs.burdenFactorPerMin, 0, 1);
  s.injury += DT_H * s.burden;

  // 2. Shock severity lags the burden: worsens fast, recovers slowly.
  const sv = model.severity;
  const target = clamp(sv.base + sv.perBurden * s.burden, 0, 1);
  const tau =
    target > s.severity ? sv.worsenTauH : inputs.steroidActing ? sv.recoverTauHWithSteroid : sv.recoverTauH;
  s.severity += (DT_H * (target - s.severity)) / tau;

  // 3. Volume: capillary leak; crystalloid splits into a durable share and a transient pool.
  const v = model.volume;
  s.volumeDeficitMl += DT_H * v.leakMlPerHPerSeverity * s.severity - inputs.durableFluidMl;
  s.transientMl = (s.transientMl + inputs.fluidMl - inputs.durableFluidMl) * k.transientKeep;

  // 4. Vasopressor effect site approaches the infusion rate (exact exponential, stable at any rate).
  s.pressorEffect += (inputs.pressorRate - s.pressorEffect) * k.pressorApproach;

  // 4b. Metabolic state, in a case that models it (ketoacidosis, a toxic acid), with any dialysis.
  const dialysis = dialysisShare(inputs, weightKg);
  if (model.metabolic !== undefined)
    stepMetabolic(s, inputs, model.metabolic, k, dialysis, model.creatinine.oliguriaBelowMlPerKgH);

  const map = meanArterialPressure(s, inputs, model, weightKg);

  // 5. Lactate follows perfusion.
  const l = model.lactate;
  const lactateTarget =
    l.base + l.perSeverity * s.severity + l.perMmHgBelowTarget * Math.max(0, model.mapTargetMmHg - map);
  const lactateFalling = lactateTarget < s.lactate;
  s.lactate += (DT_H * (lactateTarget - s.lactate)) / (lactateFalling ? l.fallTauH : l.riseTauH);

  // 6. Kidneys: urine output lags perfusion; creatinine rises while oliguric (faster after a nephrotoxin).
  const u = model.urine;
  const deficit = effectiveDeficit(s, inputs, model);
  const urineTarget =
    u.maxMlPerKgH *
    clamp((map - u.mapFloor) / u.mapSpan, 0, 1) *
    clamp(1 - u.lostPerDeficit * deficit, u.deficitFloor, 1) *
    (1 - u.lostPerSeverity * s.severity) *
    (inputs.nephrotoxic ? u.nephrotoxicFactor : 1);
  s.urineMlPerKgH += (DT_H * (urineTarget - s.urineMlPerKgH)) / u.tauH;
  s.netFluidMl += inputs.fluidMl - s.urineMlPerKgH * weightKg * DT_H;
  const c = model.creatinine;
  if (s.urineMlPerKgH < c.oliguriaBelowMlPerKgH)
    s.creatinine += DT_H * c.risePerH * (inputs.nephrotoxic ? c.nephrotoxicFactor : 1);
  // Dialysis clears creatinine towards a normal value.
  if (dialysis > 0) s.creatinine -= (s.creatinine - c.dialysedTo) * dialysis;
  stepFatigue(s, inputs, model);

  // 7. Consciousness: one GCS point per dropEveryMin of hypoperfusion; recovers once perfusion is restored.
  const g = model.gcs;
  const hypoglycaemic = g.glucoseBelow !== undefined && s.glucose < g.glucoseBelow;
  if (map < g.mapBelow || s.lactate > g.lactateAbove || hypoglycaemic) {
    s.gcsClockMin = Math.max(0, s.gcsClockMin) + 1;
    if (s.gcsClockMin >= g.dropEveryMin) {
      s.gcs = Math.max(g.floor, s.gcs - 1);
      s.gcsClockMin = 0;
    }
  } else if (
    map >= model.mapTargetMmHg &&
    (lactateFalling || g.glucoseBelow !== undefined) &&
    s.gcs < model.initial.gcs
  ) {
    s.gcsClockMin = Math.min(0, s.gcsClockMin) - 1;
    if (-s.gcsClockMin >= g.recoverEveryMin) {
      s.gcs += 1;
      s.gcsClockMin = 0;
    }
  }

  // 8. Cardiac arrest: sustained profound hypotension or extreme lactate (the integrator decides what follows).
  if (inputs.arrest) return;
  const a = model.arrest;
  s.lowMapMin = map < a.mapBelow ? s.lowMapMin + 1 : 0;
  if (s.lowMapMin >= a.forMin || s.lactate > a.lactateAbove) {
    s.arrested = true;
    s.arrestCause = 'circulatory';
  } else if (
    model.metabolic !== undefined &&
    ((a.potassiumBelow !== undefined && s.potassium < a.potassiumBelow) ||
      (a.potassiumAbove !== undefined && s.potassium > a.potassiumAbove + inputs.potassiumMargin))
  ) {
    s.arrested = true;
    s.arrestCause = 'arrhythmia';
  } else if (
    model.metabolic !== undefined &&
    a.phBelow !== undefined &&
    acidBase(s, inputs, model, SCRATCH_GAS).ph < a.phBelow
  ) {
    s.arrested = true;
    s.arrestCause = 'acidaemia';
  }
}

/**
 * Glucose, potassium, ketones and bicarbonate for one minute (physiology.metabolic; teaching grade, built to the
 * rates the ADA/JBDS hyperglycaemic-crisis consensus expects: glucose −50–75 mg/dL/h and potassium −0.5–1 mmol/L in
 * the first 2 h of insulin, β-hydroxybutyrate −0.5 mmol/L/h).
 */
function stepMetabolic(
  s: PatientState,
  inputs: MinuteInputs,
  m: Metabolic,
  k: StepConstants,
  dialysis: number,
  oliguriaBelow: number,
): void {
  s.insulinEffect += (inputs.insulin - s.insulinEffect) * k.insulinApproach;
  const insulin = s.insulinEffect;
  const gl = m.glucose;
  s.glucose +=
    DT_H * (gl.risePerH * Math.max(0, 1 - insulin) - gl.insulinFallPerH * insulin) +
    inputs.dextroseG * gl.mgdlPerGram -
    s.glucose * gl.dilutionPerLitre * (inputs.fluidMl / 1000);
  s.glucose = Math.max(gl.floor, s.glucose);
  const kk = m.potassium;
  s.potassium +=
    -DT_H * kk.insulinShiftPerH * insulin +
    inputs.potassiumMmol * kk.perMmol -
    kk.lossPerLitre * (inputs.fluidMl / 1000) -
    inputs.bicarbonateMmol * kk.perBicarbonateMmol;
  // A β2-agonist moves potassium into cells too (kept apart from the sum above, whose order the older cases' output
  // depends on to the last bit).
  if (inputs.potassiumShiftPerH !== 0) s.potassium -= DT_H * inputs.potassiumShiftPerH;
  // What was moved comes back out as the drugs wear off (a case that models the rebound).
  if (k.potassiumReturn > 0) {
    s.potassiumShifted +=
      DT_H * (kk.insulinShiftPerH * insulin + inputs.potassiumShiftPerH) +
      inputs.bicarbonateMmol * kk.perBicarbonateMmol;
    const back = s.potassiumShifted * k.potassiumReturn;
    s.potassiumShifted -= back;
    s.potassium += back;
  }
  // Kidneys that make too little urine keep the potassium they should pass (in proportion to the shortfall); those
  // that make urine pass what is above normal (in proportion to the flow, up to the oliguria threshold).
  if (kk.retainedPerH > 0) {
    const shortfall = 1 - s.urineMlPerKgH / oliguriaBelow;
    s.potassium += DT_H * kk.retainedPerH * clamp(shortfall, 0, 1);
  }
  if (kk.excretedPerH > 0)
    s.potassium -=
      DT_H *
      kk.excretedPerH *
      clamp(s.urineMlPerKgH / oliguriaBelow, 0, 1) *
      Math.max(0, s.potassium - kk.excretedAbove);
  s.potassium += (inputs.bathPotassium - s.potassium) * dialysis;
  s.potassium = Math.max(1, s.potassium);
  const ke = m.ketones;
  s.ketones += (DT_H * (ke.floor + ke.perBurden * s.burden - s.ketones)) / ke.tauH;
  // A toxic acid clears by itself at its half-life, and by dialysis.
  const t = m.toxin;
  if (t !== undefined) s.toxin -= s.toxin * k.toxinClearance + s.toxin * dialysis;
  const b = m.bicarbonate;
  const consumed =
    b.perKetone * s.ketones +
    b.perLactate * Math.max(0, s.lactate - 1) +
    (t?.bicarbonatePerMmol ?? 0) * s.toxin;
  s.bicarbonate +=
    (DT_H * (b.normal - consumed - s.bicarbonate)) / b.tauH +
    inputs.bicarbonateMmol * b.perMmol +
    (inputs.bathBicarbonate - consumed - s.bicarbonate) * dialysis;
  s.bicarbonate = clamp(s.bicarbonate, 1, 40);
}
