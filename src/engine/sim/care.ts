import type { CaseContext, TreatmentRecord } from '../play/context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { doseProfile } from './physiology/kinetics.ts';
import { observe } from './physiology/observe.ts';
import { initialPatient, NO_INPUTS, type MinuteInputs } from './physiology/state.ts';
import type { Treatment } from '../case/schema/catalog.ts';
import type { Kinetics, ShockModel } from '../case/schema/physiology.ts';
import { ARREST_RHYTHMS, type Rhythm } from '../case/vocabulary.ts';
import { modelFor } from './model.ts';

export const isRunning = (t: { atMin: number; endsAt: number | null }, minute: number) =>
  t.atMin <= minute && (t.endsAt === null || minute < t.endsAt);

/** mL per minute a fluid runs at: a bolus at rateMlPerMin (all at once without it), an infusion at its dose in mL/h. */
export function fluidRateMlPerMin(treatment: Treatment, dose: number): number {
  return treatment.mode === 'infusion' ? dose / 60 : (treatment.rateMlPerMin ?? dose);
}

/**
 * Amount given during minute `minute`, in the treatment's dose unit: mL of a bolus until its volume is in, an
 * infusion's hourly rate / 60, a one-off dose all in its first minute.
 */
function deliveredInMinute(treatment: Treatment, given: TreatmentRecord, minute: number): number {
  if (treatment.mode === 'dose') return minute === given.atMin ? given.dose : 0;
  if (!isRunning(given, minute)) return 0;
  const rate = fluidRateMlPerMin(treatment, given.dose);
  if (treatment.mode === 'infusion') return rate;
  return Math.min(rate, Math.max(0, given.dose - (minute - given.atMin) * rate));
}

/**
 * When an effect acts, 0–1: while it runs for an infusion or bolus; for a one-off dose, along its kinetics, for
 * durationMin after it, or from the dose on.
 */
function timeCourse(
  treatment: Treatment,
  given: TreatmentRecord,
  minute: number,
  effect: { kinetics?: Kinetics | undefined; durationMin?: number | undefined },
): number {
  if (treatment.mode !== 'dose') return isRunning(given, minute) ? 1 : 0;
  const since = minute - given.atMin;
  if (effect.kinetics !== undefined) return doseProfile(effect.kinetics, since);
  if (effect.durationMin !== undefined) return since < effect.durationMin ? 1 : 0;
  return since >= 0 ? 1 : 0;
}

/** How much of an effect acts: its time course, sized by dose / defaultDose for a one-off dose. */
function share(
  treatment: Treatment,
  given: TreatmentRecord,
  minute: number,
  effect: { kinetics?: Kinetics | undefined; durationMin?: number | undefined },
): number {
  const size = treatment.mode === 'dose' ? given.dose / treatment.defaultDose : 1;
  return size * timeCourse(treatment, given, minute, effect);
}

/** When an infusion began running without a break: a change of rate is a new record that carries the old one on. */
function runningSince(ctx: CaseContext, given: TreatmentRecord): number {
  let start = given.atMin;
  for (;;) {
    const before = ctx.treatments.find(
      (t) => t.treatmentId === given.treatmentId && t.endsAt === start && t.atMin < start,
    );
    if (before === undefined) return start;
    start = before.atMin;
  }
}

/**
 * What the care given so far does to the patient during minute `minute`: the bridge from the learner's record
 * (treatments, procedures) to the physiology model's inputs. Which drugs work on this patient's disease is the
 * case's say (physiology.driver.effectiveTreatments), not the code's.
 */
export function inputsAt(
  ctx: CaseContext,
  resolved: ResolvedCase,
  minute: number,
  model = modelFor(ctx, resolved),
): MinuteInputs {
  const catalog = resolved.catalog.treatments;
  const inputs: MinuteInputs = { ...NO_INPUTS };
  const settings: Partial<Record<'rate' | 'tidal-volume' | 'fio2', number>> = {};
  for (const given of ctx.treatments) {
    if (given.atMin > minute) continue;
    const treatment = catalog[given.treatmentId];
    if (treatment === undefined) continue;
    const running = isRunning(given, minute);
    const since = minute - given.atMin;
    const delivered = treatment.effects.some((e) => e.type === 'crystalloid' || e.type === 'solute')
      ? deliveredInMinute(treatment, given, minute)
      : 0;
    for (const [index, effect] of treatment.effects.entries()) {
      if (given.missed?.includes(index) === true) continue; // this dose, in this patient, did not do this
      switch (effect.type) {
        case 'crystalloid':
          inputs.fluidMl += delivered;
          inputs.durableFluidMl += delivered * (effect.durableFraction ?? model.volume.durableFraction);
          break;
        case 'solute':
          inputs.potassiumMmol += delivered * effect.potassiumMmolPerUnit;
          inputs.dextroseG += delivered * effect.dextroseGramsPerUnit;
          inputs.bicarbonateMmol += delivered * effect.bicarbonateMmolPerUnit;
          break;
        case 'vasopressor':
          // The dose is the rate (or, for a one-off dose, the peak rate): it is not scaled by defaultDose.
          inputs.pressorRate += given.dose * effect.potency * timeCourse(treatment, given, minute, effect);
          break;
        case 'fixed-pressor':
          if (running) inputs.fixedPressorMmHg += effect.mapMmHg * Math.min(1, since / effect.onsetMin);
          break;
        case 'treats-driver': {
          if (!model.driver.effectiveTreatments.includes(given.treatmentId)) break;
          const lag = model.driver.killLagMin;
          const acting =
            treatment.mode === 'dose'
              ? since >= lag && (effect.durationMin === undefined || since < lag + effect.durationMin)
              : running && minute - runningSince(ctx, given) >= lag;
          if (acting) inputs.killing = true;
          break;
        }
        case 'preload':
          inputs.preloadMl += effect.ml * share(treatment, given, minute, effect);
          break;
        case 'bronchodilator': {
          const s = share(treatment, given, minute, effect);
          inputs.bronchodilatorSpo2 += effect.spo2Gain * s;
          inputs.bronchodilatorRrDrop += effect.rrDrop * s;
          break;
        }
        case 'haemodynamic': {
          const s = share(treatment, given, minute, effect);
          inputs.hrChange += effect.hrChange * s;
          if (effect.mapViaRate) inputs.rateMapChange += effect.mapChange * s;
          else inputs.mapChange += effect.mapChange * s;
          break;
        }
        case 'insulin':
          if (model.metabolic === undefined) break;
          // A bolus acts along its kinetics; an infusion at its rate for as long as it runs.
          if (treatment.mode === 'dose')
            inputs.insulin += effect.peakEffect * share(treatment, given, minute, effect);
          else if (running) inputs.insulin += given.dose / model.metabolic.insulin.fullEffectDose;
          break;
        case 'potassium-shift':
          if (model.metabolic !== undefined)
            inputs.potassiumShiftPerH += effect.peakPerH * share(treatment, given, minute, effect);
          break;
        case 'corticosteroid':
          if (since >= model.severity.steroidLagMin) inputs.steroidActing = true;
          break;
        case 'nephrotoxic':
          inputs.nephrotoxic = true;
          break;
        case 'antipyretic':
          if (since < effect.durationMin)
            inputs.antipyreticDropC = Math.max(inputs.antipyreticDropC, effect.tempDropC);
          break;
        case 'analgesic':
          if (since < effect.durationMin) inputs.painRelieved = true;
          break;
        case 'oxygen':
          if (running) inputs.spo2Gain = Math.max(inputs.spo2Gain, effect.spo2Gain);
          break;
        case 'cpr':
          if (running) inputs.cpr = true;
          break;
        case 'pacing':
          // Pads capture at once; a transvenous wire once it is in (onsetMin).
          if (running && since >= effect.onsetMin)
            inputs.pacingRate = Math.max(inputs.pacingRate, given.dose);
          break;
        case 'membrane-stabiliser':
          if (since < effect.durationMin)
            inputs.potassiumMargin = Math.max(inputs.potassiumMargin, effect.potassiumMarginMmol);
          break;
        case 'airway':
          // The tube is in once the procedure's minutes have passed; then the initial settings apply.
          if (since >= treatment.durationMin && !inputs.ventilated) {
            inputs.ventilated = true;
            inputs.ventRate = effect.rate;
            inputs.ventTidalMl = effect.tidalVolumeMl;
            inputs.fio2 = effect.fio2;
          }
          break;
        case 'ventilator':
          if (running) settings[effect.setting] = given.dose;
          break;
        case 'dialysis':
          if (running) {
            inputs.dialysisMlPerMin += given.dose;
            inputs.bathBicarbonate = effect.bathBicarbonate;
            inputs.bathPotassium = effect.bathPotassium;
          }
          break;
        case 'defibrillation':
        case 'cardioversion':
        case 'antiarrhythmic':
        case 'arrest-vasopressor':
          break; // they act on the rhythm when given, or on the chance of a return of circulation
        default:
          throw new Error(`unhandled effect ${JSON.stringify(effect satisfies never)}`);
      }
    }
  }
  if (inputs.ventilated) {
    inputs.ventRate = settings.rate ?? inputs.ventRate;
    inputs.ventTidalMl = settings['tidal-volume'] ?? inputs.ventTidalMl;
    inputs.fio2 = settings.fio2 === undefined ? inputs.fio2 : settings.fio2 / 100;
  }
  applyRhythm(inputs, ctx.rhythm, model);
  // A pressure that comes through the rate comes only where the rate answers to drugs.
  if (inputs.rateMapChange !== 0 && !(inputs.rhythmHr > 0 && !inputs.rhythmHrResponds))
    inputs.mapChange += inputs.rateMapChange;
  for (const procedure of ctx.procedures) {
    if (minute >= procedure.endsAt) {
      if (procedure.controlsSource) inputs.sourceControlled = true;
      continue;
    }
    if (minute < procedure.startsAt) continue;
    inputs.burdenFactorPerMin *=
      procedure.burdenFactor ** (1 / Math.max(1, procedure.endsAt - procedure.startsAt));
    if (minute < procedure.startsAt + procedure.inductionMin) {
      inputs.inductionMapDropMmHg +=
        procedure.inductionMapDropMmHg * (inputs.pressorRate > 0 ? model.pressor.inductionDropShare : 1);
    }
  }
  return inputs;
}

/** The inputs at arrival, before any care: none, but the rhythm the patient arrives in (a slow one costs output). */
export function arrivalInputs(model: ShockModel): MinuteInputs {
  const inputs: MinuteInputs = { ...NO_INPUTS };
  applyRhythm(inputs, model.rhythms.initial, model);
  return inputs;
}

/** The vitals at minute 0, rounded as a monitor shows them: what a case's calibration is checked against. */
export function arrivalVitals(
  resolved: ResolvedCase,
): Record<'hr' | 'sbp' | 'dbp' | 'rr' | 'spo2' | 'temp', number> {
  const model = resolved.data.physiology;
  const v = observe(initialPatient(model), arrivalInputs(model), model, resolved.data.patient.weightKg.value);
  return {
    hr: Math.round(v.hr),
    sbp: Math.round(v.sbp),
    dbp: Math.round(v.dbp),
    rr: Math.round(v.rr),
    spo2: Math.round(v.spo2),
    temp: Math.round(v.temp * 10) / 10,
  };
}

/**
 * What the rhythm does to this minute: an arrest rhythm stops the output (compressions make a little); a slow or
 * fast perfusing rhythm sets the rate and loses some pressure, unless it is paced.
 */
function applyRhythm(inputs: MinuteInputs, rhythm: Rhythm, model: ShockModel): void {
  if (ARREST_RHYTHMS.includes(rhythm)) {
    inputs.arrest = true;
    inputs.cprMapMmHg = model.resuscitation.cprMapMmHg;
    // The monitor counts an electrical rate in PEA and pulseless VT; VF and asystole have none.
    inputs.rhythmHr = rhythm === 'pvt' ? 180 : rhythm === 'pea' ? 40 : 0;
    return;
  }
  if (rhythm === 'sinus') return;
  const effect = model.rhythms[rhythm as 'af' | 'svt' | 'vt' | 'chb' | 'junctional'];
  inputs.rhythmHr = effect.hrBpm ?? 0;
  inputs.rhythmHrFactor = effect.hrFactor;
  inputs.rhythmHrResponds = effect.drugsChangeRate;
  // A paced slow rhythm (a block's escape, a junctional one) gets its output back; pacing does not help a fast one.
  const paced = (rhythm === 'chb' || rhythm === 'junctional') && inputs.pacingRate > 0;
  // A slow rhythm that a drug quickens (atropine in a nodal block) loses less output the nearer it gets to 60/min.
  const escape = effect.hrBpm ?? 60;
  const slow = escape < 60 && effect.drugsChangeRate;
  const share = slow ? Math.min(1, Math.max(0, (60 - escape - inputs.hrChange) / (60 - escape))) : 1;
  inputs.rhythmMapChange = paced ? 0 : effect.mapChange * share;
}
