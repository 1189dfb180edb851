import { durationText, type CaseContext, type ResolvedCase } from '../engine/index.ts';

type RealCourseAction = ResolvedCase['data']['realCourse']['actions'][number];

/** How each provenance of a real-course time is said beside it. */
const HOW_KNOWN: Record<NonNullable<RealCourseAction['atMin']>['provenance'], string> = {
  source: 'as reported',
  corrected: 'as reported, corrected',
  inferred: 'inferred from the report',
  synthetic: 'estimated',
};

/** How a real-course time is known, as said beside it ("as reported", "estimated"). */
export function howKnown(provenance: NonNullable<RealCourseAction['atMin']>['provenance']): string {
  return HOW_KNOWN[provenance];
}

/** The minute the learner first did an action ("verb:id"): their own accepted actions, not a receiving team's. */
export function learnerFirstAt(log: CaseContext['log'], ref: string): number | null {
  const entry = log.find((e) => e.accepted && e.by !== 'team' && `${e.action.do}:${e.action.id}` === ref);
  return entry === undefined ? null : entry.atMin;
}

/** Minutes since arrival as people say them; a time before arrival (pre-hospital care) says so. */
function sinceArrival(minutes: number): string {
  const whole = Math.round(minutes);
  return whole < 0 ? `${durationText(-whole)} before arrival` : durationText(whole);
}

/**
 * One line setting the course's time for an action beside the learner's, e.g.
 * "Real team: 1 h 35 min (as reported) · You: 25 min". A synthetic case's course is the written one, never a
 * real team's. Null when neither time is known.
 */
export function courseTimingText(
  action: RealCourseAction,
  learnerAtMin: number | null,
  kind: ResolvedCase['data']['kind'],
): string | null {
  const parts: string[] = [];
  if (action.atMin !== undefined) {
    const who = kind === 'real-case' ? 'Real team' : 'Written course';
    parts.push(`${who}: ${sinceArrival(action.atMin.value)} (${HOW_KNOWN[action.atMin.provenance]})`);
  }
  if (learnerAtMin !== null) parts.push(`You: ${sinceArrival(learnerAtMin)}`);
  else if (parts.length > 0) parts.push('You: not done');
  return parts.length === 0 ? null : parts.join(' · ');
}
