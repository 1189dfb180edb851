/** Bedside's engine: pure, deterministic, headless. Views and the CLI use only what this file exports. */
export { loadCatalog, type TextFile } from './case/load/load-catalog.ts';
export { loadCase, type ResolvedCase } from './case/load/load-case.ts';
export { formatProblem, type Problem, type Loaded } from './case/load/problems.ts';
export {
  createCaseMachine,
  nextResultAt,
  type CaseEvent,
  type CaseMachine,
  type MachineContext,
} from './play/machine.ts';
export { playScript, playToEnd, summarisePlay, toLearnerAction, type PlayResult } from './play/play.ts';
export { scoreCase, type Score, type ScoreItem } from './scoring/score.ts';
export { checkAction, targetsFor } from './play/actions.ts';
export type {
  ArrestRecord,
  CaseContext,
  LearnerAction,
  LogEntry,
  TimelineEntry,
  TracePoint,
} from './play/context.ts';
export { COURSE_PHASE, currentArrest, phasesOf } from './play/context.ts';
export { cprRunning, rhythmName } from './sim/arrest.ts';
export { RHYTHMS, type Rhythm } from './case/vocabulary.ts';
export type { Change, ComputedResult, ResultRow, Flag } from './sim/results.ts';
export { changeSince, flagWords, valueText } from './sim/results.ts';
export { CaseFile } from './case/schema/case.ts';
export { APPEARANCE_SIGNS } from './case/vocabulary.ts';
export type { Appearance, AppearanceSign } from './case/schema/case.ts';
export { CatalogFile } from './case/schema/catalog.ts';
export { Script } from './case/schema/script.ts';
export { loadScript } from './case/load/load-script.ts';
export { inputsAt, isRunning } from './sim/care.ts';
export { meets } from './sim/physiology/observe.ts';
export { clockText, durationText } from './play/clock.ts';
export type { Catalog } from './case/schema/catalog.ts';
export { checkCase, TOP_BAND, NOTHING_BAND, type CaseCheck, type CheckResult } from './check/check.ts';
export { BUDGET } from './budget.ts';
export { LearnerActionSchema } from './play/learner-action.ts';
export { fileSizeProblem } from './budget.ts';
export { issueSentence } from './case/load/zod-problems.ts';
export { actionWords, diagnosisName, diagnosisOptions, type DiagnosisOption } from './play/targets.ts';
