import { phasesOf } from '../play/context.ts';
import type { PlayResult } from '../play/play.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import type { ScriptAction } from '../case/schema/script.ts';
import type { CheckResult } from './check.ts';

/**
 * The checker's probes of a case's course: every phase entered and every event fired (at other seeds for a chance
 * event), rules timed from an arrest or an event earned by acting when it happened, an arrest survived.
 */

type Verb = Exclude<ScriptAction['do'], 'end'>;

export interface Played {
  actions: ScriptAction[];
  seed: number;
  result: PlayResult;
}

/** Seeds tried to make a chance event happen (the best path, then doing nothing, at each). */
const EVENT_SEEDS = 400;

/**
 * Every phase of the course is entered and every course event happens in some play: the plays so far, then, for
 * an event still missing, the best path and doing nothing at other seeds (a chance event needs its draw).
 */
export function courseCoverage(
  resolved: ResolvedCase,
  played: readonly Played[],
  play: (actions: ScriptAction[], seed?: number) => PlayResult,
): CheckResult {
  const { data } = resolved;
  const events = data.course?.events.map((e) => e.id) ?? [];
  const fired = (id: string) => played.some((p) => (p.result.course.events[id]?.length ?? 0) > 0);
  for (const id of events) {
    for (let seed = 1; seed <= EVENT_SEEDS && !fired(id); seed += 1) {
      play(data.bestPath.actions, seed);
      if (!fired(id)) play([], seed);
    }
  }
  resuscitate(resolved, played, play);
  const phases = phasesOf(resolved).map((p) => p.id);
  const entered = new Set(played.flatMap((p) => p.result.course.phases));
  const missingPhases = phases.filter((p) => !entered.has(p));
  const missingEvents = events.filter((id) => !fired(id));
  const arrestPhase = phasesOf(resolved).find((p) => p.arrest)?.id ?? 'arrest';
  const unreachedArrest = missingPhases.includes(arrestPhase);
  const problems = missingPhases.filter((p) => p !== arrestPhase);
  return {
    name: 'every phase of the course is entered and every event happens in some play',
    ok: problems.length === 0 && missingEvents.length === 0,
    detail:
      problems.length === 0 && missingEvents.length === 0
        ? `${String(phases.length)} phases, ${String(events.length)} events${unreachedArrest ? ' (no play arrests: fine for a case that is not lethal)' : ''}`
        : [
            problems.length > 0 ? `phases never entered: ${problems.join(', ')}` : '',
            missingEvents.length > 0
              ? `events that never happen (best path and doing nothing, seeds 1–${String(EVENT_SEEDS)}): ${missingEvents.join(', ')}`
              : '',
          ]
            .filter((s) => s !== '')
            .join('; '),
  };
}

/**
 * A rule timed from an arrest or a course event can only be earned in a play where that happened: take such a
 * play, do the rule's first action at the moment it happened (CPR first in an arrest), and play it again.
 */
export function probeAnchoredRules(
  resolved: ResolvedCase,
  played: readonly Played[],
  play: (actions: ScriptAction[], seed?: number) => PlayResult,
): void {
  for (const rule of resolved.data.scoring.rules) {
    if (rule.type !== 'timed') continue;
    const from = rule.from;
    if (from !== 'arrest' && !(typeof from === 'object' && 'event' in from)) continue;
    const anchorOf = (p: Played): { at: number; rhythm?: string } | null => {
      if (from === 'arrest') {
        const first = p.result.course.arrests[0];
        return first === undefined ? null : { at: first.startedAt, rhythm: first.rhythm };
      }
      if (typeof from === 'object' && 'event' in from) {
        const at = p.result.course.events[from.event]?.[0];
        return at === undefined ? null : { at };
      }
      return null;
    };
    const wanted = rule.when?.rhythm;
    const fits = (p: Played, inLearnersPart: boolean) => {
      const anchor = anchorOf(p);
      return (
        anchor !== null &&
        (!inLearnersPart || anchor.at <= p.result.endedAt) &&
        (wanted === undefined || (anchor.rhythm !== undefined && wanted.some((r) => r === anchor.rhythm)))
      );
    };
    const source = whileThere(
      played,
      play,
      (p) => fits(p, true),
      (p) => fits(p, false),
    );
    const anchor = source === undefined ? null : anchorOf(source);
    if (source === undefined || anchor === null) continue;
    const [verb, id] = (rule.actions[0] ?? '').split(':');
    if (verb === undefined || id === undefined) continue;
    const before = source.actions.filter((a) => a.at <= anchor.at);
    const after = source.actions.filter((a) => a.at > anchor.at);
    const cprId = treatmentWith(resolved, 'cpr');
    const cpr: ScriptAction[] =
      from === 'arrest' && cprId !== undefined && !(verb === 'treat' && id === cprId)
        ? [{ at: anchor.at, do: 'treat', id: cprId }]
        : [];
    play([...before, ...cpr, { at: anchor.at, do: verb as Verb, id }, ...after], source.seed);
  }
}

/**
 * A play in which something happened while the learner was at the bedside (`there`); failing that, a play in which
 * it happened only after they left (`later`), played again with the learner staying (no disposition, no end).
 */
function whileThere(
  played: readonly Played[],
  play: (actions: ScriptAction[], seed?: number) => PlayResult,
  there: (p: Played) => boolean,
  later: (p: Played) => boolean,
): Played | undefined {
  const found = played.find(there);
  if (found !== undefined) return found;
  const after = played.find(later);
  if (after === undefined) return undefined;
  play(
    after.actions.filter((a) => a.do !== 'dispose' && a.do !== 'end'),
    after.seed,
  );
  const staying = played.at(-1);
  return staying !== undefined && there(staying) ? staying : undefined;
}

/** Seeds tried for a return of circulation. */
const ROSC_SEEDS = 40;

/**
 * An arrest must be survivable: take a play that arrests while the learner is there, answer the arrest as ALS
 * does (CPR at once, a shock every 2 minutes in VF/pVT, adrenaline 1 mg every 4 minutes, every declared reversible
 * cause treated), and play it at other seeds until the circulation returns.
 */
export function resuscitate(
  resolved: ResolvedCase,
  played: readonly Played[],
  play: (actions: ScriptAction[], seed?: number) => PlayResult,
): void {
  const { catalog, data } = resolved;
  if (played.some((p) => p.result.course.arrests.some((a) => a.outcome === 'rosc'))) return;
  const arrestsThere = (p: Played) => (p.result.course.arrests[0]?.startedAt ?? Infinity) <= p.result.endedAt;
  const source = whileThere(played, play, arrestsThere, (p) => p.result.course.arrests.length > 0);
  const arrest = source?.result.course.arrests[0];
  if (source === undefined || arrest === undefined) return;
  const at = arrest.startedAt;
  const give = (minute: number, id: string | undefined): ScriptAction[] =>
    id === undefined || catalog.treatments[id] === undefined ? [] : [{ at: minute, do: 'treat', id }];
  const causes = data.physiology.resuscitation.causes.flatMap((c) => {
    const [verb, id] = (c.treatedBy[0] ?? '').split(':');
    return verb === 'treat' && id !== undefined ? give(at, id) : [];
  });
  const als: ScriptAction[] = [...give(at, treatmentWith(resolved, 'cpr')), ...causes];
  const shock = treatmentWith(resolved, 'defibrillation');
  const adrenaline = treatmentWith(resolved, 'arrest-vasopressor');
  for (let m = at; m < at + data.physiology.resuscitation.limitMin; m += 2) {
    if (arrest.rhythm === 'vf' || arrest.rhythm === 'pvt') als.push(...give(m, shock));
    if ((m - at) % 4 === 0) als.push(...give(m, adrenaline));
  }
  const before = source.actions.filter((a) => a.at <= at && a.do !== 'dispose' && a.do !== 'end');
  const after = source.actions.filter((a) => a.at > at + data.physiology.resuscitation.limitMin);
  for (let seed = 1; seed <= ROSC_SEEDS; seed += 1) {
    const result = play([...before, ...als, ...after], seed);
    if (result.course.arrests.some((a) => a.outcome === 'rosc')) return;
  }
}

/** The catalogue's treatment with this effect (CPR, a shock, the arrest dose of adrenaline), by what it does. */
function treatmentWith(resolved: ResolvedCase, effect: 'cpr' | 'defibrillation' | 'arrest-vasopressor') {
  return Object.entries(resolved.catalog.treatments).find(([, t]) =>
    t.effects.some((e) => e.type === effect),
  )?.[0];
}
