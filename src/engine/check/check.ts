import { BUDGET } from '../budget.ts';
import { createActor } from 'xstate';
import { targetsFor } from '../play/actions.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import { createCaseMachine } from '../play/machine.ts';
import { courseCoverage, probeAnchoredRules, type Played } from './course-coverage.ts';
import { playScript, playToEnd, type PlayResult } from '../play/play.ts';
import { nextRandom } from '../play/rng.ts';
import type { ScoringRule } from '../case/schema/scoring.ts';
import { VERBS as SCRIPT_VERBS, type ScriptAction } from '../case/schema/script.ts';

/** The best path must score at least this (percent) with the patient alive. */
export const TOP_BAND = 85;
/** Doing nothing must score at most this (percent). */
export const NOTHING_BAND = 30;
const RANDOM_PLAYS = 150;

export interface CheckResult {
  name: string;
  ok: boolean;
  /** One line: what was found (figures), or what is wrong and where to look. */
  detail: string;
}

export interface CaseCheck {
  caseId: string;
  ok: boolean;
  results: CheckResult[];
  plays: number;
}

type Verb = Exclude<ScriptAction['do'], 'end'>;
/** Every verb a learner can act with (ending the case is tried separately). */
const VERBS = SCRIPT_VERBS.filter((v): v is Verb => v !== 'end');

/**
 * Plays a case automatically and proves what an author needs to know before learners see it: its own best path
 * reaches the top band alive; doing nothing scores low; every diagnosis, ending and scoring item can be reached;
 * no action breaks the machine; the score stays within [0, max]. Pure and deterministic (seeded random plays).
 */
export function checkCase(resolved: ResolvedCase): CaseCheck {
  const { data } = resolved;
  const results: CheckResult[] = [];
  const plays: PlayResult[] = [];
  const played: Played[] = [];
  // Array.prototype.sort is stable: actions at the same minute keep the order given.
  const play = (actions: ScriptAction[], seed = data.defaultSeed): PlayResult => {
    const sorted = [...actions].sort((a, b) => a.at - b.at);
    const result = playScript(resolved, { actions: sorted }, seed);
    plays.push(result);
    played.push({ actions: sorted, seed, result });
    return result;
  };
  const best = data.bestPath.actions;
  const withoutEnding = best.filter((a) => a.do !== 'dispose' && a.do !== 'end');

  const top = play(best);
  results.push({
    name: 'best path reaches the top band, patient alive',
    ok: top.score.percent >= TOP_BAND && top.outcome.status === 'alive',
    detail: `${String(top.score.percent)} % (needs ≥ ${String(TOP_BAND)} %), patient ${top.outcome.status}, ended by ${top.endedBy} at minute ${String(top.endedAt)}`,
  });

  const nothing = play([]);
  results.push({
    name: 'doing nothing does not score well',
    ok: nothing.score.percent <= NOTHING_BAND,
    detail: `${String(nothing.score.percent)} % (needs ≤ ${String(NOTHING_BAND)} %), patient ${nothing.outcome.status}`,
  });

  const unreachableDiagnoses = data.diagnoses
    .map((d) => d.id)
    .filter((id) => {
      const ctx = playToEnd(resolved, { actions: [{ at: 0, do: 'diagnose', id }, ...withoutEnding] });
      return !ctx.diagnoses.includes(id);
    });
  results.push({
    name: 'every diagnosis can be named',
    ok: unreachableDiagnoses.length === 0,
    detail:
      unreachableDiagnoses.length === 0
        ? `${String(data.diagnoses.length)} diagnoses`
        : `refused: ${unreachableDiagnoses.join(', ')}`,
  });

  // The endings are the final states of the statechart built from this case (one per disposition, plus death,
  // horizon and the learner ending the case). Each must be reached by some play; death may be unreachable in a
  // case that is not lethal untreated.
  const after = lastMinute(withoutEnding) + 5;
  for (const id of targetsFor(resolved, 'dispose'))
    play([...withoutEnding, { at: after, do: 'dispose', id }]);
  play(withoutEnding);
  play([...withoutEnding, { at: after, do: 'end' }]);
  const finals = finalStates(resolved);
  const reachedFinals = new Set(plays.map(endingOf));
  const unreached = finals.filter((s) => !reachedFinals.has(s));
  const dies = plays.find((p) => p.outcome.status === 'dead');
  results.push({
    name: 'every ending of the statechart can be reached',
    // Death need not be reachable (a case may not be lethal); a fault must never be (the checker reports it below).
    ok: unreached.every((s) => s === 'ended.death' || s === 'ended.fault'),
    detail: [
      `${String(finals.length - unreached.length)} of ${String(finals.length)} final states`,
      dies === undefined
        ? 'no checked play dies (fine for a case that is not lethal untreated)'
        : `death e.g. at minute ${String(dies.outcome.deathAtMin ?? 0)}`,
      unreached.some((s) => s !== 'ended.fault')
        ? `never reached: ${unreached.filter((s) => s !== 'ended.fault').join(', ')}`
        : '',
    ]
      .filter((s) => s !== '')
      .join('; '),
  });

  const busiest = Math.max(0, ...plays.map((p) => Object.values(p.course.events).flat().length));
  results.push({
    name: 'the course fires fewer events than the engine runs in a play',
    ok: busiest < BUDGET.eventFirings,
    detail: `at most ${String(busiest)} event firings in a play (the budget is ${String(BUDGET.eventFirings)}: a repeating event whose trigger keeps holding fires again every time it is held)`,
  });

  const faulted = plays.find((p) => p.endedBy === 'fault');
  results.push({
    name: 'the physiology gives a number for every vital in every play',
    ok: faulted === undefined,
    detail:
      faulted === undefined
        ? `${String(plays.length)} plays so far`
        : (faulted.timeline.find((e) => e.text.startsWith('The simulation stopped'))?.text ??
          'a play faulted'),
  });

  // Probe each penalty: its first action at arrival, on the best path without what would excuse it.
  // Stopping something is only possible once it runs: a "stop:X" harm is probed as X started, then stopped.
  for (const rule of data.scoring.rules) {
    const probe = probeFor(rule, resolved);
    if (probe === null) continue;
    const excuses = rule.type === 'harm' ? (rule.onlyIf?.without ?? []) : [];
    const start: ScriptAction[] = probe.do === 'stop' ? [{ at: 0, do: 'treat', id: probe.id ?? '' }] : [];
    const stop = probe.do === 'stop' ? { ...probe, at: 1 } : probe;
    const probed = play([...start, stop, ...best.filter((a) => !excuses.includes(`${a.do}:${a.id ?? ''}`))]);
    // A harm that needs a state (bicarbonate at a normal pH), or an earlier action (an anticoagulant after
    // thrombolysis), may not be met at arrival: try along the best path, the learner staying at the bedside, every
    // half hour until it is.
    const later =
      rule.type === 'harm' && (rule.onlyIf?.state !== undefined || rule.onlyIf?.after !== undefined);
    if (later && !reached(rule, [probed]))
      for (let at = 30; at < data.horizonMin; at += 30)
        if (reached(rule, [play([...withoutEnding, { ...stop, at }])])) break;
    // The state may come only from the treatment itself (insulin alone lowers the potassium): started at arrival
    // with nothing else, stopped, and started again every half hour until it is met.
    if (
      rule.type === 'harm' &&
      rule.onlyIf?.state !== undefined &&
      probe.do === 'treat' &&
      !reached(rule, plays)
    )
      for (let at = 30; at < data.horizonMin; at += 30)
        if (reached(rule, [play([probe, { at: at - 1, do: 'stop', id: probe.id ?? '' }, { ...probe, at }])]))
          break;
  }

  results.push(courseCoverage(resolved, played, play));
  probeAnchoredRules(resolved, played, play);

  const deadEnds = deadEndActions(resolved);
  results.push({
    name: 'no action dead-ends the machine',
    ok: deadEnds.broken.length === 0,
    detail:
      deadEnds.broken.length === 0
        ? `${String(deadEnds.tried)} actions tried at arrival, each followed by an hour`
        : `after these the clock no longer runs: ${deadEnds.broken.join(', ')}`,
  });

  let state = 0x5eed ^ data.id.length;
  const random = (): number => {
    const next = nextRandom(state);
    state = next.state;
    return next.value;
  };
  for (let i = 0; i < RANDOM_PLAYS; i += 1) play(randomScript(resolved, random));
  const neverScored = data.scoring.rules.filter((rule) => !reached(rule, plays));
  results.push({
    name: 'every scoring item can be earned (or, for a penalty, incurred)',
    ok: neverScored.length === 0,
    detail:
      neverScored.length === 0
        ? `${String(data.scoring.rules.length)} items`
        : `never reached in ${String(plays.length)} plays (the best path, probes, random learners): ${neverScored.map((r) => r.id).join(', ')}`,
  });
  const outOfBounds = plays.filter(
    (p) => p.score.earned < 0 || p.score.earned > p.score.max || p.score.percent > 100,
  );
  results.push({
    name: 'the score stays between 0 and its maximum',
    ok: outOfBounds.length === 0,
    detail:
      outOfBounds.length === 0
        ? `${String(plays.length)} plays (${String(RANDOM_PLAYS)} of them random), max ${String(top.score.max)} points`
        : `${String(outOfBounds.length)} plays out of bounds, e.g. ${String(outOfBounds[0]?.score.earned ?? 0)} of ${String(outOfBounds[0]?.score.max ?? 0)}`,
  });

  return { caseId: data.id, ok: results.every((r) => r.ok), results, plays: plays.length };
}

/** The statechart state a play ended in, e.g. "ended.operating-room" or "ended.death". */
const endingOf = (p: PlayResult) =>
  p.endedBy === 'disposition' ? `ended.${p.outcome.disposition ?? ''}` : `ended.${p.endedBy}`;

/** Every final state of the machine built from the case, read from the statechart itself. */
function finalStates(resolved: ResolvedCase): string[] {
  const machine = createCaseMachine(resolved, { seed: resolved.data.defaultSeed });
  return Object.keys(machine.root.states.ended?.states ?? {}).map((s) => `ended.${s}`);
}

const lastMinute = (actions: readonly ScriptAction[]) => actions.reduce((m, a) => Math.max(m, a.at), 0);

/** Whether some play earned this item (a penalty: incurred it). */
function reached(rule: ScoringRule, plays: readonly PlayResult[]): boolean {
  const penalty = rule.type === 'harm' || rule.type === 'unnecessary-tests';
  return plays.some((p) => {
    const item = p.score.items.find((i) => i.id === rule.id);
    return item !== undefined && (penalty ? item.earned < 0 : item.earned > 0);
  });
}

/** The action that should set off a penalty (a harm's first action, or a test nobody asked for), at arrival. */
function probeFor(rule: ScoringRule, resolved: ResolvedCase): ScriptAction | null {
  if (rule.type === 'harm') {
    const [verb, id] = (rule.actions[0] ?? '').split(':');
    if (verb === undefined || id === undefined || verb === 'end') return null;
    return { at: 0, do: verb as Verb, id };
  }
  if (rule.type === 'unnecessary-tests') {
    const extra = targetsFor(resolved, 'order').find((id) => !rule.indicated.includes(id));
    return extra === undefined ? null : { at: 0, do: 'order', id: extra };
  }
  return null;
}

/** Every action at arrival, then an hour: the machine must still accept time (or have ended properly). */
function deadEndActions(resolved: ResolvedCase): { tried: number; broken: string[] } {
  const broken: string[] = [];
  let tried = 0;
  for (const verb of VERBS) {
    for (const id of targetsFor(resolved, verb)) {
      tried += 1;
      const ref = `${verb}:${id}`;
      try {
        const actor = createActor(createCaseMachine(resolved, { seed: resolved.data.defaultSeed })).start();
        actor.send({ type: 'START' });
        actor.send({ type: 'ACT', action: { do: verb, id } });
        actor.send({ type: 'ADVANCE', toMin: 60 });
        const snapshot = actor.getSnapshot();
        const ctx = snapshot.context.play;
        if (snapshot.status === 'error' || (ctx.ended === null && ctx.nowMin !== 60)) broken.push(ref);
        actor.stop();
      } catch {
        broken.push(ref);
      }
    }
  }
  return { tried, broken };
}

/**
 * A seeded random learner: 1–15 actions of any verb at minutes 0–240, doses within the catalogue's limits, and
 * cancels of its own orders up to half an hour after them.
 */
function randomScript(resolved: ResolvedCase, random: () => number): ScriptAction[] {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const count = 1 + Math.floor(random() * 15);
  const actions: ScriptAction[] = [];
  for (let i = 0; i < count; i += 1) {
    const verb = pick(VERBS) ?? 'examine';
    if (verb === 'cancel') {
      // A learner cancels what they ordered, soon after, often before the sample is taken (sometimes too late).
      const ordered = pick(actions.filter((a) => a.do === 'order'));
      if (ordered !== undefined)
        actions.push({ at: ordered.at + Math.floor(random() * 31), do: 'cancel', id: ordered.id ?? '' });
      continue;
    }
    const id = pick(targetsFor(resolved, verb));
    if (id === undefined) continue;
    const at = Math.floor(random() * 241);
    const treatment = verb === 'treat' ? resolved.catalog.treatments[id] : undefined;
    actions.push(
      treatment === undefined
        ? { at, do: verb, id }
        : { at, do: verb, id, dose: Math.max(0.01, Math.round(random() * treatment.doseMax * 100) / 100) },
    );
  }
  return actions.sort((a, b) => a.at - b.at);
}
