import type { ResolvedCase } from './load/load-case.ts';
import type { Vitals } from './physiology/observe.ts';
import { initialPatient, type PatientState } from './physiology/state.ts';
import type { ComputedResult } from './results.ts';
import { seedRng } from './rng.ts';
import type { TextFact } from './schema/fact.ts';

export type LearnerAction =
  | { do: 'examine' | 'ask' | 'order' | 'stop' | 'consult' | 'diagnose' | 'dispose'; id: string }
  | { do: 'treat'; id: string; dose?: number };

export interface LogEntry {
  atMin: number;
  action: LearnerAction;
  accepted: boolean;
  /** Why a refused action was refused. */
  reason?: string;
  /** MAP when the action was taken, for rules such as "MRI while hypotensive". */
  mapAtAction: number;
  /** SpO2 when the action was taken, for rules such as "oxygen at a normal saturation". */
  spo2AtAction: number;
}

export interface OrderRecord {
  n: number;
  testId: string;
  orderedAt: number;
  sampledAt: number;
  resultAt: number;
  /** Filled when the sample is taken: results follow the patient at that moment. */
  result: ComputedResult | null;
}

export interface TreatmentRecord {
  n: number;
  treatmentId: string;
  atMin: number;
  dose: number;
  /** When it stops running: a bolus when its volume is in, an infusion when stopped or re-dosed; null = running. */
  endsAt: number | null;
  /** Indexes of the treatment's effects that did not happen this time (an effect with a chance, drawn when given). */
  missed?: number[];
}

export interface ProcedureRecord {
  label: string;
  trigger: string;
  startsAt: number;
  endsAt: number;
  burdenFactor: number;
  controlsSource: boolean;
  inductionMapDropMmHg: number;
  inductionMin: number;
}

export interface TimelineEntry {
  atMin: number;
  kind: 'action' | 'refused' | 'result' | 'event' | 'alert';
  text: string;
  /** "verb:id" for actions and results, so views and scoring can match entries. */
  ref?: string;
  /** True for what happened after the learner's part ended (the projected course). */
  afterEnd?: boolean;
}

export interface TracePoint {
  atMin: number;
  hr: number;
  sbp: number;
  dbp: number;
  map: number;
  rr: number;
  spo2: number;
  temp: number;
  lactate: number;
  gcs: number;
  /** Only in a case with physiology.metabolic. */
  metabolic?: { glucose: number; potassium: number; ph: number; bicarbonate: number; ketones: number };
}

export type EndReason = 'disposition' | 'learner' | 'horizon' | 'death';

/** Everything the engine knows about one play. JSON-serialisable, so a snapshot persists and restores as is. */
export interface CaseContext {
  caseId: string;
  seed: number;
  rngState: number;
  nowMin: number;
  patient: PatientState;
  vitals: Vitals;
  log: LogEntry[];
  orders: OrderRecord[];
  treatments: TreatmentRecord[];
  consults: { consultId: string; atMin: number; arrivesAt: number }[];
  asked: string[];
  examined: string[];
  /** What each examination found, in order (a finding may change with the patient: examine again to see). */
  findings: { region: string; atMin: number; finding: TextFact }[];
  diagnoses: string[];
  procedures: ProcedureRecord[];
  exposureMin: Record<string, number>;
  alarms: { mapLow: boolean; spo2Low: boolean };
  timeline: TimelineEntry[];
  trace: TracePoint[];
  disposition: { id: string; atMin: number } | null;
  ended: { reason: EndReason; atMin: number } | null;
  deathAtMin: number | null;
}

/**
 * The play with some fields replaced. Every play state is built here, as one literal with every field in the
 * same order, so V8 gives all of them one hidden class; spreading partial updates of varying shapes instead made
 * each copy several times slower (BENCHMARKS.md).
 */
export function update(ctx: CaseContext, c: Partial<CaseContext>): CaseContext {
  return {
    caseId: c.caseId ?? ctx.caseId,
    seed: c.seed ?? ctx.seed,
    rngState: c.rngState ?? ctx.rngState,
    nowMin: c.nowMin ?? ctx.nowMin,
    patient: c.patient ?? ctx.patient,
    vitals: c.vitals ?? ctx.vitals,
    log: c.log ?? ctx.log,
    orders: c.orders ?? ctx.orders,
    treatments: c.treatments ?? ctx.treatments,
    consults: c.consults ?? ctx.consults,
    asked: c.asked ?? ctx.asked,
    examined: c.examined ?? ctx.examined,
    findings: c.findings ?? ctx.findings,
    diagnoses: c.diagnoses ?? ctx.diagnoses,
    procedures: c.procedures ?? ctx.procedures,
    exposureMin: c.exposureMin ?? ctx.exposureMin,
    alarms: c.alarms ?? ctx.alarms,
    timeline: c.timeline ?? ctx.timeline,
    trace: c.trace ?? ctx.trace,
    // null is a real value for these three, so only a key that is present replaces them
    disposition: 'disposition' in c ? (c.disposition ?? null) : ctx.disposition,
    ended: 'ended' in c ? (c.ended ?? null) : ctx.ended,
    deathAtMin: 'deathAtMin' in c ? (c.deathAtMin ?? null) : ctx.deathAtMin,
  };
}

/** Revealed findings a view can show, with provenance. */
export interface Finding {
  id: string;
  label: string;
  text: string;
  fact: TextFact | null;
}

export function initialContext(resolved: ResolvedCase, seed: number, vitals: Vitals): CaseContext {
  const model = resolved.data.physiology;
  const start: CaseContext = {
    caseId: resolved.data.id,
    seed,
    rngState: seedRng(seed),
    nowMin: 0,
    patient: initialPatient(model),
    vitals,
    log: [],
    orders: [],
    treatments: [],
    consults: [],
    asked: [],
    examined: [],
    findings: [],
    diagnoses: [],
    procedures: [],
    exposureMin: Object.fromEntries(model.exposures.map((e) => [e.id, 0])),
    alarms: { mapLow: false, spo2Low: false },
    timeline: [],
    trace: [],
    disposition: null,
    ended: null,
    deathAtMin: null,
  };
  return update(start, {});
}
