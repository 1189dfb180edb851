import type { Statement } from '@xapi/xapi';
import type { XapiConfig } from './config.ts';

/**
 * The statements a play makes, built purely from what happened (the caller gives each one its id and the wall-clock
 * time). Objects are the catalogue's ids, the same in every build and language; verbs are ADL's where ADL has one,
 * Bedside's own (URNs, so they claim no one's domain) where it does not. The simulated minute rides in the context.
 */
export const IRI = {
  case: (id: string) => `urn:bedside:case:${id}`,
  action: (verb: string, id: string) => `urn:bedside:${verb}:${id}`,
  minute: 'urn:bedside:extension:simulated-minute',
  dose: 'urn:bedside:extension:dose',
} as const;

const ADL = (verb: string) => ({ id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } });
const OWN = (verb: string) => ({ id: `urn:bedside:verb:${verb}`, display: { 'en-US': verb } });

/** The learner's verbs that make a statement, and the verb each is told with. */
export const DECISION_VERBS = {
  order: OWN('ordered'),
  treat: OWN('treated'),
  consult: OWN('consulted'),
  diagnose: OWN('diagnosed'),
  dispose: OWN('disposed'),
} as const;

export interface Stamp {
  id: string;
  timestamp: string;
}

interface CaseRef {
  id: string;
  title: string;
}

function context(config: XapiConfig, scenario: CaseRef, atMin?: number): NonNullable<Statement['context']> {
  return {
    ...(config.registration === undefined ? {} : { registration: config.registration }),
    contextActivities: { parent: [{ objectType: 'Activity', id: IRI.case(scenario.id) }] },
    ...(atMin === undefined ? {} : { extensions: { [IRI.minute]: atMin } }),
  };
}

const caseActivity = (scenario: CaseRef) =>
  ({
    objectType: 'Activity',
    id: IRI.case(scenario.id),
    definition: {
      name: { 'en-US': scenario.title },
      type: 'http://adlnet.gov/expapi/activities/simulation',
    },
  }) as const;

/** A play begins (initialized) or a saved one is taken up again after a reload or a relaunch (resumed). */
export function launched(
  config: XapiConfig,
  scenario: CaseRef,
  how: 'initialized' | 'resumed',
  stamp: Stamp,
): Statement {
  return {
    id: stamp.id,
    timestamp: stamp.timestamp,
    actor: config.actor as Statement['actor'],
    verb: ADL(how),
    object: caseActivity(scenario),
    ...(config.registration === undefined ? {} : { context: { registration: config.registration } }),
  };
}

/** A learner decision (order, treatment, consult, diagnosis, disposition), or null for a verb not reported. */
export function decision(
  config: XapiConfig,
  scenario: CaseRef,
  entry: { do: string; id: string; dose?: number; label: string; atMin: number },
  stamp: Stamp,
): Statement | null {
  const verb = (DECISION_VERBS as Record<string, { id: string; display: Record<string, string> }>)[entry.do];
  if (verb === undefined) return null;
  return {
    id: stamp.id,
    timestamp: stamp.timestamp,
    actor: config.actor as Statement['actor'],
    verb,
    object: {
      objectType: 'Activity',
      id: IRI.action(entry.do, entry.id),
      definition: { name: { 'en-US': entry.label }, type: 'http://adlnet.gov/expapi/activities/interaction' },
    },
    ...(entry.dose === undefined ? {} : { result: { extensions: { [IRI.dose]: entry.dose } } }),
    context: context(config, scenario, entry.atMin),
  };
}

/** The end: completed with the score, and passed or failed against the pass mark. */
export function finished(
  config: XapiConfig,
  scenario: CaseRef,
  outcome: { percent: number; passMark: number; atMin: number },
  stamps: readonly [Stamp, Stamp],
): [Statement, Statement] {
  const passed = outcome.percent >= outcome.passMark;
  const result = {
    score: { scaled: outcome.percent / 100, raw: outcome.percent, min: 0, max: 100 },
    success: passed,
    completion: true,
  };
  const base = {
    actor: config.actor as Statement['actor'],
    object: caseActivity(scenario),
    result,
    context: context(config, scenario, outcome.atMin),
  };
  return [
    { ...base, id: stamps[0].id, timestamp: stamps[0].timestamp, verb: ADL('completed') },
    { ...base, id: stamps[1].id, timestamp: stamps[1].timestamp, verb: ADL(passed ? 'passed' : 'failed') },
  ];
}
