import { isRunning } from './care.ts';
import { currentArrest, type ArrestRecord, type CaseContext } from '../play/context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { nextRandom } from '../play/rng.ts';
import { SHOCKABLE_RHYTHMS, type Rhythm } from '../case/vocabulary.ts';
import type { Resuscitation } from '../case/schema/physiology.ts';
import { gateHolds, type Moment } from './gate.ts';
import { modelFor } from './model.ts';

/** Adrenaline counts towards a return of circulation for this long after a dose (ALS: every 3–5 min). */
const ADRENALINE_WINDOW_MIN = 5;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export const isShockable = (rhythm: Rhythm) => SHOCKABLE_RHYTHMS.includes(rhythm);

export function resuscitationOf(ctx: CaseContext, resolved: ResolvedCase): Resuscitation {
  return modelFor(ctx, resolved).resuscitation;
}

/** A new arrest record, starting now. */
export function newArrest(ctx: CaseContext, rhythm: Rhythm, cause: string): ArrestRecord {
  return {
    startedAt: ctx.nowMin,
    cause,
    firstRhythm: rhythm,
    fromPhase: ctx.phase,
    minutes: 0,
    cprMin: 0,
    noFlowMin: 0,
    cprStartedAt: null,
    firstShockAt: null,
    shocks: 0,
    endedAt: null,
    outcome: null,
  };
}

/** The arrests with the current one replaced. */
export function withCurrent(ctx: CaseContext, arrest: ArrestRecord): ArrestRecord[] {
  return [...ctx.arrests.slice(0, -1), arrest];
}

/** Whether a treatment with this kind of effect has been given (accepted) since `sinceMin`. */
function givenSince(
  ctx: CaseContext,
  resolved: ResolvedCase,
  type: 'arrest-vasopressor' | 'antiarrhythmic',
  sinceMin: number,
): boolean {
  return ctx.treatments.some(
    (t) =>
      t.atMin >= sinceMin &&
      t.atMin <= ctx.nowMin &&
      (resolved.catalog.treatments[t.treatmentId]?.effects.some((e) => e.type === type) ?? false),
  );
}

/** Whether every reversible cause the case declares is treated now (by an action done, or by the state). */
export function causesTreated(ctx: CaseContext, resolved: ResolvedCase, moment: Moment): boolean {
  const done = new Set(ctx.log.filter((e) => e.accepted).map((e) => `${e.action.do}:${e.action.id}`));
  return resuscitationOf(ctx, resolved).causes.every(
    (cause) =>
      cause.treatedBy.some((ref) => done.has(ref)) ||
      (cause.treatedWhen !== undefined && gateHolds(cause.treatedWhen, moment)),
  );
}

/**
 * The chance that a shock given now ends VF/pVT with a return of circulation: the case's shockSuccess, less for
 * each minute of no flow and of arrest, more after an antiarrhythmic, much less while a declared cause is untreated.
 */
export function shockChance(ctx: CaseContext, resolved: ResolvedCase, moment: Moment): number {
  const arrest = currentArrest(ctx);
  if (arrest === null || !isShockable(ctx.rhythm)) return 0;
  const r = resuscitationOf(ctx, resolved);
  const antiarrhythmic = givenSince(ctx, resolved, 'antiarrhythmic', arrest.startedAt);
  return clamp01(
    r.shockSuccess *
      (1 - r.shockLossPerNoFlowMin) ** arrest.noFlowMin *
      (1 - r.shockLossPerArrestMin) ** arrest.minutes *
      (antiarrhythmic ? r.antiarrhythmicFactor : 1) *
      (causesTreated(ctx, resolved, moment) ? 1 : r.causeUntreatedFactor),
  );
}

/** The chance of a return of circulation at a rhythm check in PEA or asystole with CPR running. */
export function checkChance(ctx: CaseContext, resolved: ResolvedCase, moment: Moment): number {
  const r = resuscitationOf(ctx, resolved);
  const adrenaline = givenSince(ctx, resolved, 'arrest-vasopressor', ctx.nowMin - ADRENALINE_WINDOW_MIN);
  // The minutes without compressions before CPR began count against it, as they count against a shock.
  const noFlow = currentArrest(ctx)?.noFlowMin ?? 0;
  return clamp01(
    r.roscPerCycle *
      (1 - r.shockLossPerNoFlowMin) ** noFlow *
      (adrenaline ? 1 : r.withoutAdrenalineFactor) *
      (causesTreated(ctx, resolved, moment) ? 1 : r.causeUntreatedFactor),
  );
}

/** A draw from the play's seed: whether something with this chance happens, and the new PRNG state. */
export function draw(rngState: number, chance: number): { happens: boolean; rngState: number } {
  const next = nextRandom(rngState);
  return { happens: next.value < chance, rngState: next.state };
}

/** Whether CPR is running at this minute. */
export function cprRunning(ctx: CaseContext, resolved: ResolvedCase, minute: number): boolean {
  return ctx.treatments.some(
    (t) =>
      isRunning(t, minute) &&
      (resolved.catalog.treatments[t.treatmentId]?.effects.some((e) => e.type === 'cpr') ?? false),
  );
}

/**
 * The rhythm as the monitor names it: "Sinus tachycardia", "Ventricular fibrillation". Sinus and junctional rhythms
 * are named by `hr`; NaN (a rate that is not the rhythm's own) names them plainly.
 */
export function rhythmName(rhythm: Rhythm, hr: number): string {
  switch (rhythm) {
    case 'sinus':
      return hr < 60 ? 'Sinus bradycardia' : hr > 100 ? 'Sinus tachycardia' : 'Sinus rhythm';
    case 'af':
      return 'Atrial fibrillation';
    case 'svt':
      return 'Supraventricular tachycardia';
    case 'vt':
      return 'Ventricular tachycardia (with a pulse)';
    case 'chb':
      return 'Complete heart block';
    case 'junctional':
      // Named by its rate where the rate is its own (not a pacer's, not unknown: NaN or 0).
      return !(hr > 0)
        ? 'Junctional rhythm'
        : hr < 40
          ? 'Junctional bradycardia'
          : hr <= 60
            ? 'Junctional escape rhythm'
            : hr <= 100
              ? 'Accelerated junctional rhythm'
              : 'Junctional tachycardia';
    case 'vf':
      return 'Ventricular fibrillation';
    case 'pvt':
      return 'Pulseless ventricular tachycardia';
    case 'pea':
      return 'Pulseless electrical activity';
    case 'asystole':
      return 'Asystole';
    default:
      return rhythm satisfies never;
  }
}
