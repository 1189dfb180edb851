/** Bedside's engine: pure, deterministic, headless. Views and the CLI use only what this file exports. */
export { loadCatalog, type TextFile } from './load/load-catalog.ts';
export { loadCase, type ResolvedCase } from './load/load-case.ts';
export { formatProblem, type Problem, type Loaded } from './load/problems.ts';
export {
  createCaseMachine,
  nextResultAt,
  type CaseEvent,
  type CaseMachine,
  type MachineContext,
} from './machine.ts';
export { playScript, playToEnd, summarisePlay, toLearnerAction, type PlayResult } from './play.ts';
export { scoreCase, type Score, type ScoreItem } from './scoring/score.ts';
export { checkAction, targetsFor } from './actions.ts';
export type { ArrestRecord, CaseContext, LearnerAction, TimelineEntry, TracePoint } from './context.ts';
export { COURSE_PHASE, currentArrest, phasesOf } from './context.ts';
export { cprRunning, rhythmName } from './sim/arrest.ts';
export { RHYTHMS, type Rhythm } from './schema/course.ts';
export type { Change, ComputedResult, ResultRow, Flag } from './results.ts';
export { changeSince, flagWords, valueText } from './results.ts';
export { CaseFile } from './schema/case.ts';
export { CatalogFile } from './schema/catalog.ts';
export { Script } from './schema/script.ts';
export { loadScript } from './load/load-script.ts';
export { isRunning } from './care.ts';
export { clockText, durationText } from './clock.ts';
export type { Catalog } from './schema/catalog.ts';
export { checkCase, TOP_BAND, NOTHING_BAND, type CaseCheck, type CheckResult } from './check.ts';
