import { vitalsNow } from '../sim/advance.ts';
import { COURSE_PHASE, currentArrest, update, type CaseContext, type TimelineEntry } from './context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { copyPatient } from '../sim/physiology/state.ts';
import type { Phase } from '../case/schema/course.ts';
import { ARREST_RHYTHMS } from '../case/vocabulary.ts';
import { newArrest, rhythmName, withCurrent } from '../sim/arrest.ts';
import { durationText } from './clock.ts';

/** What the statechart's own transitions do to the play: an arrest, a return of circulation, death, a new phase. */
/** The heart has stopped: a new arrest, its rhythm, unconsciousness, and the monitor shows it at once. */
export function beginArrest(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const due = play.due[0];
  if (due?.kind !== 'arrest') return play;
  const patient = copyPatient(play.patient);
  patient.gcs = 3;
  patient.lowMapMin = 0;
  // The learner stops whatever took their time (an intubation, a pacing wire) to resuscitate: the procedure's
  // minutes no longer hold the clock.
  const next = play.queue[0];
  const started = update(play, {
    ...(play.ended === null && next?.kind === 'advance' && next.busy === true
      ? { queue: play.queue.slice(1) }
      : {}),
    arrests: [...play.arrests, newArrest(play, due.rhythm, due.cause)],
    rhythm: due.rhythm,
    patient,
    // After the learner's part the projected course has nobody to resuscitate: the arrest is the end.
    due:
      play.ended === null
        ? play.due.slice(1)
        : [
            {
              kind: 'death',
              cause: "cardiac arrest after the learner's part (the projected course does not resuscitate)",
            },
          ],
    timeline: [
      ...play.timeline,
      {
        atMin: play.nowMin,
        kind: 'alert',
        text: `Cardiac arrest: ${rhythmName(due.rhythm, 0).toLowerCase()}${due.announce ? ` (${due.cause})` : ''}.`,
        ...(play.ended === null ? {} : { afterEnd: true }),
      },
    ],
  });
  return update(started, { vitals: vitalsNow(started, resolved) });
}

/** A return of spontaneous circulation: the arrest ends; the criteria are watched again after a short while. */
export function returnOfCirculation(play: CaseContext, resolved: ResolvedCase): CaseContext {
  const arrest = currentArrest(play);
  if (arrest === null) return update(play, { due: play.due.slice(1) });
  const patient = copyPatient(play.patient);
  patient.lowMapMin = 0;
  const ended = update(play, {
    arrests: withCurrent(play, { ...arrest, endedAt: play.nowMin, outcome: 'rosc' }),
    // A shock or a rhythm check gives an organised rhythm; an event that set one (heart block) keeps it.
    rhythm: ARREST_RHYTHMS.includes(play.rhythm) ? 'sinus' : play.rhythm,
    patient,
    rearmAt: play.nowMin + resolved.data.physiology.resuscitation.rearrestAfterMin,
    due: play.due.slice(1),
    timeline: [
      ...play.timeline,
      {
        atMin: play.nowMin,
        kind: 'alert',
        text: `Return of spontaneous circulation after ${durationText(play.nowMin - arrest.startedAt)} of arrest.`,
      },
    ],
  });
  return update(ended, { vitals: vitalsNow(ended, resolved) });
}

/** Death: the arrest (if any) ends, and so does the learner's part if it had not already. */
export function die(play: CaseContext): CaseContext {
  const due = play.due[0];
  const cause = due?.kind === 'death' ? due.cause : 'death';
  const arrest = currentArrest(play);
  // A part already ended (a disposition, or the learner's "end") stays ended as it was: death after it is the
  // course's, recorded in deathAtMin, and a replay of the save still stops where the learner did.
  const ended = play.ended ?? { reason: 'death' as const, atMin: play.nowMin };
  return update(play, {
    deathAtMin: play.nowMin,
    ended,
    arrests:
      arrest === null
        ? play.arrests
        : withCurrent(play, { ...arrest, endedAt: play.nowMin, outcome: 'death' }),
    due: [],
    queue: [],
    timeline: [
      ...play.timeline,
      {
        atMin: play.nowMin,
        kind: 'alert',
        text: `The patient dies: ${cause}.`,
        ...(play.ended === null ? {} : { afterEnd: true }),
      },
    ],
  });
}

/** The phase's label on the timeline when the course moves into it (and what is said at the bedside then). */
export function enterPhase(play: CaseContext, phase: Phase): CaseContext {
  if (play.phase === phase.id) return play;
  const phaseLog = [...play.phaseLog, { phase: phase.id, atMin: play.nowMin }];
  // Nothing new to say: the arrest's own alert, the implicit phase of a case without a course, or back where an
  // arrest interrupted.
  const last = play.arrests.at(-1);
  const resumed = last?.outcome === 'rosc' && last.endedAt === play.nowMin && last.fromPhase === phase.id;
  if (phase.arrest || phase.id === COURSE_PHASE || resumed)
    return update(play, { phase: phase.id, phaseLog });
  const afterEnd = play.ended === null ? {} : { afterEnd: true };
  const at = { atMin: play.nowMin, ref: `phase:${phase.id}`, ...afterEnd };
  const notes: TimelineEntry[] = [{ ...at, kind: 'event', text: `Phase: ${phase.label}.` }];
  if (phase.message !== undefined) notes.push({ ...at, kind: 'message', text: phase.message.value });
  return update(play, { phase: phase.id, phaseLog, timeline: [...play.timeline, ...notes] });
}
