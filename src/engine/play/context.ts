import type { ResolvedCase } from '../case/load/load-case.ts';
import type { Vitals } from '../sim/physiology/observe.ts';
import { initialPatient, type PatientState } from '../sim/physiology/state.ts';
import type { ComputedResult } from '../sim/results.ts';
import { seedRng } from './rng.ts';
import type { TextFact } from '../case/schema/fact.ts';
import type { Phase } from '../case/schema/course.ts';
import { COURSE_PHASE, phasesOfCourse, type Rhythm } from '../case/vocabulary.ts';
import type { StopKind } from '../case/schema/case.ts';

export { ARREST_PHASE, COURSE_PHASE } from '../case/vocabulary.ts';
import type { StateVariable } from '../case/schema/state.ts';

export type LearnerAction =
  | { do: 'examine' | 'ask' | 'order' | 'cancel' | 'stop' | 'consult' | 'diagnose' | 'dispose'; id: string }
  | { do: 'treat'; id: string; dose?: number };

/** The patient as the learner would read them at one moment: each value rounded as a monitor or lab shows it. */
export type Observed = Record<StateVariable, number>;

export interface LogEntry {
  atMin: number;
  action: LearnerAction;
  accepted: boolean;
  /** Why a refused action was refused. */
  reason?: string;
  /** The patient when the action was taken, for rules such as "potassium only at K ≤ 5.0" or "MRI while hypotensive". */
  observed: Observed;
  phase: string;
  rhythm: Rhythm;
  /** Set for the receiving team's standing orders after a disposition (never scored as the learner's). */
  by?: 'team';
}

/**
 * Visit what was done, oldest first: the log's accepted entries, less every order cancelled before its sample was
 * taken (it was never done). Each accepted order made one order record, in the same order, which says so.
 */
export function forEachDone(ctx: CaseContext, visit: (entry: LogEntry, index: number) => void): void {
  let orderN = 0;
  ctx.log.forEach((entry, index) => {
    if (!entry.accepted) return;
    if (entry.action.do === 'order' && ctx.orders[orderN++]?.cancelledAt !== undefined) return;
    visit(entry, index);
  });
}

/** One cardiac arrest, from its start to a return of circulation or death. */
export interface ArrestRecord {
  startedAt: number;
  /** What stopped the heart, in words ("potassium 2.4 mmol/L"), or the course event that did. */
  cause: string;
  /** The rhythm it began in, and the rhythm now. */
  firstRhythm: Rhythm;
  /** The phase the arrest interrupted. */
  fromPhase: string;
  /** Minutes of arrest so far, with CPR, and without any (no flow). */
  minutes: number;
  cprMin: number;
  noFlowMin: number;
  cprStartedAt: number | null;
  firstShockAt: number | null;
  shocks: number;
  endedAt: number | null;
  outcome: 'rosc' | 'death' | null;
}

/** What the machine must handle before time moves on: a case event, an arrest, a return of circulation, death. */
export type Due =
  | { kind: 'event'; id: string }
  /**
   * cause: what stopped the heart, in words, kept on the arrest record; `announce` whether the bedside alert says it
   * (a course event's name is for the debrief only: at the bedside the learner sees the rhythm).
   */
  | { kind: 'arrest'; rhythm: Rhythm; cause: string; announce: boolean }
  | { kind: 'rosc' }
  | { kind: 'death'; cause: string };

/**
 * Where a learner's advance stood when it stopped for something the machine handles (a course event, an arrest): once
 * it is handled, what it said at the bedside (from this timeline entry on) and whether the rhythm changed decide
 * whether the advance stops there too or goes on.
 */
export interface Settle {
  timelineFrom: number;
  rhythm: Rhythm;
}

/** Work the machine does in order: move time, take an action, end the learner's part. */
export type WorkItem =
  | {
      kind: 'advance';
      toMin: number;
      interruptible: boolean;
      settle?: Settle;
      /** The minutes an action takes the learner (a procedure): an arrest ends them, and the learner is free. */
      busy?: true;
    }
  | { kind: 'act'; action: LearnerAction; by?: 'team' }
  | { kind: 'end' }
  /**
   * The rest of a replayed log, read a minute at a time so the queue stays short however long the log is: the
   * step at `step` becomes its advance, its actions and its end, followed by the rest.
   */
  | { kind: 'replay'; steps: readonly ReplayStep[]; step: number };

/** One minute of an action log: the actions taken at atMin, then "end" if the learner ended there. */
export interface ReplayStep {
  atMin: number;
  actions: LearnerAction[];
  end: boolean;
}

/** Where each case event stands in this play. */
export interface EventState {
  firedAt: number[];
  /** Consecutive minutes its state trigger has held. */
  heldMin: number;
  /** Will not fire (again): its chance was not drawn, or an "unless" action was done. */
  spent: boolean;
}

export interface OrderRecord {
  n: number;
  testId: string;
  orderedAt: number;
  sampledAt: number;
  resultAt: number;
  /** Filled when the sample is taken: results follow the patient at that moment. */
  result: ComputedResult | null;
  /** Set when the learner cancelled the order before its sample was taken: no sample, no result, not counted. */
  cancelledAt?: number;
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
  kind: 'action' | 'refused' | 'result' | 'event' | 'alert' | 'message';
  text: string;
  /** "verb:id" for actions and results, so views and scoring can match entries. */
  ref?: string;
  /** True for what happened after the learner's part ended (the projected course). */
  afterEnd?: boolean;
  /** For the debrief only: a course event's name, which would give away what the learner must recognise. */
  debriefOnly?: boolean;
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
  /** The NIH Stroke Scale, only in a case with physiology.neuro. */
  nihss?: number;
  /** Only in a case with physiology.metabolic. */
  metabolic?: { glucose: number; potassium: number; ph: number; bicarbonate: number; ketones: number };
}

/** Something the learner must see that stopped their advance of the clock, in words ("MAP 54 mmHg"). */
export interface StopReason {
  kind: StopKind;
  text: string;
}

/** Why the learner's last advance ended where it did: the minute, and what happened then (most urgent first). */
export interface ClockStop {
  atMin: number;
  reasons: StopReason[];
}

/** fault: the case's physiology gave a non-number and the engine stopped the play (a case author's bug). */
export type EndReason = 'disposition' | 'learner' | 'horizon' | 'death' | 'fault';

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
  /** The phase of the case's course the machine is in (a state of the statechart). */
  phase: string;
  rhythm: Rhythm;
  /** Every arrest so far; the last is the current one while its endedAt is null. */
  arrests: ArrestRecord[];
  /** Minute the arrest criteria are checked again after a return of circulation. */
  rearmAt: number;
  events: Record<string, EventState>;
  /** The phases the course has entered, in order, with the minute of each (the first at 0). */
  phaseLog: { phase: string; atMin: number }[];
  /** Physiology parameters changed by events, by path ("driver.growthPerH"). */
  overrides: Record<string, number>;
  /** Exam findings changed by events, by region. */
  examNow: Record<string, TextFact>;
  due: Due[];
  queue: WorkItem[];
  /**
   * Set when a learner's (interruptible) advance ended at a minute with something they must see (a new alarm, a
   * critical result, a rhythm change, a course event's words, a consultant arriving); cleared by the next event.
   */
  stoppedFor: ClockStop | null;
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
    // null is a real value for these (and stoppedFor), so only a key that is present replaces them
    disposition: 'disposition' in c ? (c.disposition ?? null) : ctx.disposition,
    ended: 'ended' in c ? (c.ended ?? null) : ctx.ended,
    deathAtMin: 'deathAtMin' in c ? (c.deathAtMin ?? null) : ctx.deathAtMin,
    phase: c.phase ?? ctx.phase,
    rhythm: c.rhythm ?? ctx.rhythm,
    arrests: c.arrests ?? ctx.arrests,
    rearmAt: c.rearmAt ?? ctx.rearmAt,
    events: c.events ?? ctx.events,
    phaseLog: c.phaseLog ?? ctx.phaseLog,
    overrides: c.overrides ?? ctx.overrides,
    examNow: c.examNow ?? ctx.examNow,
    due: c.due ?? ctx.due,
    queue: c.queue ?? ctx.queue,
    stoppedFor: 'stoppedFor' in c ? (c.stoppedFor ?? null) : ctx.stoppedFor,
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
  const firstPhase = phasesOf(resolved)[0]?.id ?? COURSE_PHASE;
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
    phase: firstPhase,
    rhythm: model.rhythms.initial,
    arrests: [],
    rearmAt: 0,
    events: Object.fromEntries(
      (resolved.data.course?.events ?? []).map((e) => [e.id, { firedAt: [], heldMin: 0, spent: false }]),
    ),
    phaseLog: [{ phase: firstPhase, atMin: 0 }],
    overrides: {},
    examNow: {},
    due: [],
    queue: [],
    stoppedFor: null,
  };
  return update(start, {});
}

/**
 * The phases of a case's course, as the machine's states: the case's own, or one "course" phase, plus an arrest
 * phase when the case declares none.
 */
export function phasesOf(resolved: ResolvedCase): Phase[] {
  return phasesOfCourse(resolved.data.course);
}

/** The current arrest, if the heart is stopped now. */
export function currentArrest(ctx: CaseContext): ArrestRecord | null {
  const last = ctx.arrests.at(-1);
  return last?.endedAt === null ? last : null;
}
