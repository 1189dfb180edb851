import type { ShockModel } from '../schema/physiology.ts';
import { meanArterialPressure } from './observe.ts';
import type { MinuteInputs, PatientState } from './state.ts';

const DT_H = 1 / 60;
const LN2 = Math.LN2;
const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Per-minute decay factors that depend only on the model: computed once per advance, not once per minute. */
export interface StepConstants {
  transientKeep: number;
  pressorApproach: number;
}

export function stepConstants(model: ShockModel): StepConstants {
  return {
    transientKeep: Math.exp(-LN2 / model.volume.transientHalfLifeMin),
    pressorApproach: 1 - Math.exp(-LN2 / model.pressor.halfLifeMin),
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
  s.burden += DT_H * (d.growthPerH * s.burden * (1 - s.burden) - kill * s.burden);
  s.burden = clamp(s.burden * inputs.burdenFactorPerMin, 0, 1);

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

  const map = meanArterialPressure(s, inputs, model);

  // 5. Lactate follows perfusion.
  const l = model.lactate;
  const lactateTarget =
    l.base + l.perSeverity * s.severity + l.perMmHgBelowTarget * Math.max(0, model.mapTargetMmHg - map);
  const lactateFalling = lactateTarget < s.lactate;
  s.lactate += (DT_H * (lactateTarget - s.lactate)) / (lactateFalling ? l.fallTauH : l.riseTauH);

  // 6. Kidneys: urine output lags perfusion; creatinine rises while oliguric (faster after a nephrotoxin).
  const u = model.urine;
  const deficit = s.volumeDeficitMl / v.responsiveDeficitMl;
  const urineTarget =
    u.maxMlPerKgH *
    clamp((map - u.mapFloor) / u.mapSpan, 0, 1) *
    clamp(1 - 0.5 * deficit, 0.2, 1) *
    (1 - 0.5 * s.severity) *
    (inputs.nephrotoxic ? u.nephrotoxicFactor : 1);
  s.urineMlPerKgH += (DT_H * (urineTarget - s.urineMlPerKgH)) / u.tauH;
  s.netFluidMl += inputs.fluidMl - s.urineMlPerKgH * weightKg * DT_H;
  const c = model.creatinine;
  if (s.urineMlPerKgH < c.oliguriaBelowMlPerKgH)
    s.creatinine += DT_H * c.risePerH * (inputs.nephrotoxic ? c.nephrotoxicFactor : 1);

  // 7. Consciousness: one GCS point per dropEveryMin of hypoperfusion; recovers once perfusion is restored.
  const g = model.gcs;
  if (map < g.mapBelow || s.lactate > g.lactateAbove) {
    s.gcsClockMin = Math.max(0, s.gcsClockMin) + 1;
    if (s.gcsClockMin >= g.dropEveryMin) {
      s.gcs = Math.max(g.floor, s.gcs - 1);
      s.gcsClockMin = 0;
    }
  } else if (map >= model.mapTargetMmHg && lactateFalling && s.gcs < model.initial.gcs) {
    s.gcsClockMin = Math.min(0, s.gcsClockMin) - 1;
    if (-s.gcsClockMin >= g.recoverEveryMin) {
      s.gcs += 1;
      s.gcsClockMin = 0;
    }
  }

  // 8. Cardiac arrest: sustained profound hypotension or extreme lactate.
  const a = model.arrest;
  s.lowMapMin = map < a.mapBelow ? s.lowMapMin + 1 : 0;
  if (s.lowMapMin >= a.forMin || s.lactate > a.lactateAbove) s.arrested = true;
}
