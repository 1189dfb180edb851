import { actionWords, type CaseContext, type ResolvedCase } from '../engine/index.ts';

/** A candidate action as the board shows it: "Give Norepinephrine", "Order CT abdomen and pelvis". */
export function choiceLabel(resolved: ResolvedCase, ref: string): string {
  const verb = ref.slice(0, ref.indexOf(':'));
  const { what } = actionWords(resolved, ref);
  const lead: Record<string, string> = {
    examine: 'Examine',
    ask: 'Ask',
    order: 'Order',
    treat: 'Give',
    stop: 'Stop',
    consult: 'Call',
    diagnose: 'Diagnose',
    dispose: 'Send to',
  };
  return `${lead[verb] ?? verb} ${what}`;
}

export interface SuggestedDecision {
  question: string;
  options: { action: string; label: string }[];
}

/** The questions the case suggests for the phase the patient is in now (classroom mode's "what next?" board). */
export function phaseDecisions(ctx: CaseContext, resolved: ResolvedCase): SuggestedDecision[] {
  const phase = resolved.data.course?.phases.find((p) => p.id === ctx.phase);
  return (phase?.decisions ?? []).map((d) => ({
    question: d.question,
    options: d.options.map((action) => ({ action, label: choiceLabel(resolved, action) })),
  }));
}

/** Within this many minutes of the vote, a course's action counts as done "at this point" (a teaching choice). */
export const AROUND_MIN = 15;

/** When a course (the guideline's path, the real team's) did an action, as set beside a vote at atMin. */
export type Timing =
  | { when: 'never' }
  | { when: 'around' | 'earlier' | 'later'; atMin: number }
  /** The course did it, at a time it does not give. */
  | { when: 'untimed' };

/**
 * The course's time for an action nearest the vote's minute (a bolus repeated, a test re-ordered: the one closest to
 * the room's decision), and whether that was at this point, before it or after it.
 */
export function timingAt(times: readonly (number | null)[], atMin: number): Timing {
  if (times.length === 0) return { when: 'never' };
  const timed = times.filter((t): t is number => t !== null);
  if (timed.length === 0) return { when: 'untimed' };
  const nearest = timed.reduce((best, t) => (Math.abs(t - atMin) < Math.abs(best - atMin) ? t : best));
  const when = Math.abs(nearest - atMin) <= AROUND_MIN ? 'around' : nearest < atMin ? 'earlier' : 'later';
  return { when, atMin: nearest };
}
