import type { Neuro, ShockModel, StateCondition, StateVariable } from '../../case/schema/physiology.ts';
import { acidBase, SCRATCH_GAS } from './acid-base.ts';
import type { MinuteInputs, PatientState } from './state.ts';

/** What the monitor and the bedside show. Unrounded; views and reports round. */
export interface Vitals {
  hr: number;
  sbp: number;
  dbp: number;
  map: number;
  rr: number;
  spo2: number;
  temp: number;
  lactate: number;
  crt: number;
  urine: number;
  gcs: number;
  creatinine: number;
  glucose: number;
  potassium: number;
  ketones: number;
  bicarbonate: number;
  ph: number;
  pco2: number;
  anionGap: number;
  toxin: number;
  injury: number;
  severity: number;
  burden: number;
  /**
   * The NIH Stroke Scale (0–42), only in a case with physiology.neuro: absent otherwise, so a case without it keeps
   * the same record (and the same play, byte for byte).
   */
  nihss?: number;
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/**
 * The deficit the heart feels, in units of responsiveDeficitMl: the volume state less any preload added by a
 * position (legs raised) or plus venous pooling (a nitrate).
 */
export function effectiveDeficit(state: PatientState, inputs: MinuteInputs, model: ShockModel): number {
  return (state.volumeDeficitMl - inputs.preloadMl) / model.volume.responsiveDeficitMl;
}

/**
 * Fluid responsiveness, 0 (a bolus keeps only volume.nonResponderShare of its transient effect) to 1 (pack §4.3 FR):
 * the deficit still to fill, and, in a case with volume.plateau, no more than the net balance leaves. The pack's
 * FR → 0 after 40 mL/kg (§4.4 B) needs the second: with 30 % of each bolus durable and the leak going on, the first
 * case's deficit alone is still about 1.4 of its 2 L after 3 L given.
 */
export function fluidResponsiveness(
  state: PatientState,
  deficit: number,
  model: ShockModel,
  weightKg: number,
): number {
  const byDeficit = clamp(deficit, 0, 1);
  const plateau = model.volume.plateau;
  if (plateau === undefined) return byDeficit;
  // In mL rather than mL/kg: nothing divides by the weight.
  const fromMl = plateau.fallsFromMlPerKg * weightKg;
  const overMl = plateau.fallsOverMlPerKg * weightKg;
  const net = state.netFluidMl;
  const left = net <= fromMl ? 1 : net >= fromMl + overMl ? 0 : 1 - (net - fromMl) / overMl;
  return Math.min(byDeficit, left);
}

/** Transient-pool effect, 0–1, scaled by fluid responsiveness (pack §4.3 E_fl). */
function fluidEffect(state: PatientState, model: ShockModel, deficit: number, weightKg: number): number {
  const floor = model.volume.nonResponderShare;
  const responsiveness = fluidResponsiveness(state, deficit, model, weightKg);
  return (1 - Math.exp(-state.transientMl / model.map.fluidScaleMl)) * (floor + (1 - floor) * responsiveness);
}

export function meanArterialPressure(
  state: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  weightKg: number,
): number {
  // In cardiac arrest there is no cardiac output: only chest compressions make a pressure.
  if (inputs.arrest) return inputs.cpr ? inputs.cprMapMmHg : 0;
  const deficit = effectiveDeficit(state, inputs, model);
  return mapWith(state, inputs, model, deficit, fluidEffect(state, model, deficit, weightKg));
}

/** The MAP outside an arrest, given the deficit and the fluid effect (observe has them already). */
function mapWith(
  state: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  deficit: number,
  fluid: number,
): number {
  const m = model.map;
  const p = model.pressor;
  const ec50 =
    (p.ec50Base + p.ec50PerSeverity * state.severity) * (inputs.steroidActing ? p.steroidEc50Factor : 1);
  const pressor = (p.emaxMmHg * state.pressorEffect) / (ec50 + state.pressorEffect);
  const acid = m.acidPerLactate * Math.max(0, state.lactate - m.acidFromLactate);
  return (
    m.base +
    m.perSeverity * state.severity +
    m.perDeficit * deficit +
    m.fluidMaxMmHg * fluid +
    pressor +
    inputs.fixedPressorMmHg +
    inputs.mapChange +
    inputs.rhythmMapChange -
    acid -
    inputs.inductionMapDropMmHg
  );
}

/** Steps of fluid overload (pack §4.3: each overloadStepMl beyond the threshold while capillaries leak). */
function overloadStepsOf(state: PatientState, model: ShockModel, weightKg: number): number {
  const v = model.volume;
  return state.severity > v.overloadMinSeverity
    ? Math.max(0, (state.netFluidMl - v.overloadFromMlPerKg * weightKg) / v.overloadStepMl)
    : 0;
}

function saturation(
  state: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  overloadSteps: number,
): number {
  const r = model.respiratory;
  const roomAir =
    r.spo2Base +
    r.spo2PerSeverity * state.severity +
    r.spo2PerOverloadStep * overloadSteps +
    inputs.bronchodilatorSpo2 * r.bronchodilatorResponse;
  // On the ventilator the shortfall from 100 % shrinks with the inspired oxygen (teaching grade: × 0.21 / FiO2).
  if (inputs.ventilated) return clamp(100 - (100 - Math.min(100, roomAir)) * (0.21 / inputs.fio2), 50, 100);
  return clamp(roomAir + inputs.spo2Gain, 50, 100);
}

export function oxygenSaturation(
  state: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  weightKg: number,
): number {
  return saturation(state, inputs, model, overloadStepsOf(state, model, weightKg));
}

/**
 * The NIH Stroke Scale of the moment (physiology.neuro): the core's fixed deficit, the penumbra still at risk (the
 * burden) and what has been lost while it stayed so (injury, burden × hours), as a whole score within 0–max.
 */
export function nihssOf(state: PatientState, neuro: Neuro): number {
  const n = neuro.nihss;
  return clamp(Math.round(n.base + n.perBurden * state.burden + n.perInjury * state.injury), 0, n.max);
}

/** A vitals record of zeros, its keys in the order observe writes them (the order a play's JSON keeps). */
export function blankVitals(): Vitals {
  return {
    hr: 0,
    sbp: 0,
    dbp: 0,
    map: 0,
    rr: 0,
    spo2: 0,
    anionGap: 0,
    toxin: 0,
    temp: 0,
    lactate: 0,
    crt: 0,
    urine: 0,
    gcs: 0,
    creatinine: 0,
    glucose: 0,
    potassium: 0,
    ketones: 0,
    bicarbonate: 0,
    ph: 0,
    pco2: 0,
    injury: 0,
    severity: 0,
    burden: 0,
  };
}

/**
 * What the monitor and the bedside show, from the state and this minute's inputs. Written into `out` when one is
 * given (the integrator rewrites one record every minute and copies only the minutes it keeps), else a new record.
 */
export function observe(
  state: PatientState,
  inputs: MinuteInputs,
  model: ShockModel,
  weightKg: number,
  out: Vitals = blankVitals(),
): Vitals {
  const deficit = effectiveDeficit(state, inputs, model);
  // The same fluid effect enters the MAP and the heart rate: computed once.
  const fluid = fluidEffect(state, model, deficit, weightKg);
  const map = inputs.arrest
    ? meanArterialPressure(state, inputs, model, weightKg)
    : mapWith(state, inputs, model, deficit, fluid);
  const pulsePressure = model.pulsePressure.base + model.pulsePressure.perSeverity * state.severity;
  const temp = model.temperature.base + model.temperature.perBurden * state.burden - inputs.antipyreticDropC;
  const h = model.hr;
  const sinusHr =
    h.base +
    h.perSeverity * state.severity +
    h.perDeficit * clamp(deficit, 0, h.deficitCap) +
    h.perDegreeC * (temp - 37) -
    h.fluidMax * fluid +
    (model.painful && !inputs.painRelieved ? h.pain : 0) +
    inputs.hrChange;
  const fixedHr = inputs.rhythmHr + (inputs.rhythmHrResponds ? inputs.hrChange : 0);
  const rhythmHr = inputs.rhythmHr > 0 ? fixedHr : sinusHr * inputs.rhythmHrFactor;
  const hr = inputs.arrest ? inputs.rhythmHr : Math.max(rhythmHr, inputs.pacingRate);
  const overloadSteps = overloadStepsOf(state, model, weightKg);
  const r = model.respiratory;
  const crt =
    model.crt.base +
    model.crt.perMap * clamp((model.mapTargetMmHg - map) / model.crt.mapSpan, 0, 1) +
    model.crt.perVolume * state.severity * clamp(deficit, 0, 1);
  const acid = acidBase(state, inputs, model, SCRATCH_GAS);
  // In arrest: compressions make a small pulse pressure, ventilations 10 a minute, and the oximeter finds no pulse.
  const pp = inputs.arrest ? (inputs.cpr ? 25 : 0) : pulsePressure;
  const breathing = !inputs.arrest;
  out.hr = hr;
  out.sbp = map + (2 * pp) / 3;
  out.dbp = Math.max(0, map - pp / 3);
  out.map = map;
  out.rr = inputs.ventilated
    ? inputs.ventRate
    : !breathing
      ? inputs.cpr
        ? 10
        : 0
      : Math.max(
          6,
          r.rrBase +
            r.rrPerSeverity * state.severity +
            r.rrPerOverloadStep * overloadSteps +
            acid.rrGain -
            inputs.bronchodilatorRrDrop * r.bronchodilatorResponse,
        );
  out.spo2 = breathing ? saturation(state, inputs, model, overloadSteps) : 0;
  out.anionGap = acid.anionGap;
  out.toxin = state.toxin;
  out.temp = temp;
  out.lactate = state.lactate;
  out.crt = crt;
  out.urine = state.urineMlPerKgH;
  out.gcs = state.gcs;
  out.creatinine = state.creatinine;
  out.glucose = state.glucose;
  out.potassium = state.potassium;
  out.ketones = state.ketones;
  out.bicarbonate = state.bicarbonate;
  out.ph = acid.ph;
  out.pco2 = acid.pco2;
  out.injury = state.injury;
  out.severity = state.severity;
  out.burden = state.burden;
  if (model.neuro !== undefined) out.nihss = nihssOf(state, model.neuro);
  return out;
}

/** One value of the vitals, read by a function of its own (a keyed read by a varying name is slow). */
type Reader = (v: Vitals) => number;
const readers = new Map<string, Reader>();
function readerOf(name: StateVariable): Reader {
  let read = readers.get(name);
  // A value the case does not simulate (nihss without physiology.neuro) reads as NaN: no threshold is crossed.
  if (read === undefined) readers.set(name, (read = (v: Vitals) => v[name] ?? Number.NaN));
  return read;
}

/** A limit on one value, read by a function of its own. */
interface Limit {
  read: Reader;
  limit: number;
}

/** A condition as lists to run down: the integrator asks every minute, and entries of an object each time cost. */
export interface Compiled {
  below: readonly Limit[];
  above: readonly Limit[];
}
const compiled = new WeakMap<StateCondition, Compiled>();

/** A condition as lists to run down (made once per condition): the integrator asks every minute. */
export function compileCondition(condition: StateCondition): Compiled {
  let c = compiled.get(condition);
  if (c === undefined) {
    const limits = (given: Partial<Record<StateVariable, number>>): Limit[] =>
      (Object.entries(given) as [StateVariable, number | undefined][]).flatMap(([name, limit]) =>
        limit === undefined ? [] : [{ read: readerOf(name), limit }],
      );
    compiled.set(condition, (c = { below: limits(condition.below), above: limits(condition.above) }));
  }
  return c;
}

/** Whether the patient meets a compiled condition (compileCondition). */
export function meetsCompiled(c: Compiled, v: Vitals): boolean {
  for (const { read, limit } of c.below) if (read(v) < limit) return true;
  for (const { read, limit } of c.above) if (read(v) > limit) return true;
  return false;
}

/** Whether the patient meets a condition: any listed value below (or above) its threshold. */
export function meets(condition: StateCondition, v: Vitals): boolean {
  return meetsCompiled(compileCondition(condition), v);
}
