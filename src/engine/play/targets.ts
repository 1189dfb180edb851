import type { ResolvedCase } from '../case/load/load-case.ts';
import { didYouMean } from '../case/load/suggest.ts';
import type { DiagnosisSystem } from '../case/schema/catalog.ts';
import type { LearnerAction } from './context.ts';

/** What a case lets the learner do (the ids each verb takes), why an action is refused, and how actions read. */

const targetCache = new WeakMap<ResolvedCase, Map<LearnerAction['do'], string[]>>();

/** Valid ids for each verb in this case (computed once per case). */
export function targetsFor(resolved: ResolvedCase, verb: LearnerAction['do']): string[] {
  let byVerb = targetCache.get(resolved);
  if (byVerb === undefined) targetCache.set(resolved, (byVerb = new Map<LearnerAction['do'], string[]>()));
  let ids = byVerb.get(verb);
  if (ids === undefined) byVerb.set(verb, (ids = listTargets(resolved, verb)));
  return ids;
}

function listTargets(resolved: ResolvedCase, verb: LearnerAction['do']): string[] {
  const { catalog, data } = resolved;
  switch (verb) {
    case 'examine':
      return Object.keys(catalog.examRegions);
    case 'ask':
      return data.history.map((h) => h.id);
    case 'order':
    case 'cancel':
      return Object.keys(catalog.tests);
    case 'treat':
    case 'stop':
      return Object.keys(catalog.treatments);
    case 'consult':
      return Object.keys(catalog.consults);
    case 'diagnose':
      return diagnosisOptions(resolved).map((d) => d.id);
    case 'dispose':
      return Object.keys(catalog.dispositions);
    default:
      return verb satisfies never;
  }
}

/** A working diagnosis as the learner finds it: the catalogue's general name, or the case's label for its own. */
export interface DiagnosisOption {
  id: string;
  name: string;
  /** Where it is browsed; absent for a case's own diagnosis given none (found by searching only). */
  system?: DiagnosisSystem;
  synonyms: readonly string[];
}

const optionCache = new WeakMap<ResolvedCase, DiagnosisOption[]>();

/**
 * Every working diagnosis the learner can commit in this case, by name (never in the case's order, which would put
 * the answer first): the whole catalogue, and the diagnoses the case adds of its own.
 */
export function diagnosisOptions(resolved: ResolvedCase): DiagnosisOption[] {
  const cached = optionCache.get(resolved);
  if (cached !== undefined) return cached;
  const { catalog, data } = resolved;
  const options: DiagnosisOption[] = Object.entries(catalog.diagnoses).map(([id, d]) => ({
    id,
    name: d.name,
    system: d.system,
    synonyms: d.synonyms,
  }));
  for (const d of data.diagnoses)
    if (!(d.id in catalog.diagnoses))
      options.push({
        id: d.id,
        name: d.label ?? d.id,
        ...(d.system === undefined ? {} : { system: d.system }),
        synonyms: d.synonyms ?? [],
      });
  // A plain code-unit comparison of folded names: the same order in Node and every browser.
  const key = (o: DiagnosisOption) => o.name.toLowerCase();
  options.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
  optionCache.set(resolved, options);
  return options;
}

/** The name the learner committed a diagnosis by (the catalogue's, or the case's label for its own). */
export function diagnosisName(resolved: ResolvedCase, id: string): string {
  return (
    resolved.catalog.diagnoses[id]?.name ?? resolved.data.diagnoses.find((d) => d.id === id)?.label ?? id
  );
}

const NOUN: Record<LearnerAction['do'], string> = {
  examine: 'exam region',
  ask: 'history question',
  order: 'test',
  cancel: 'test',
  treat: 'treatment',
  stop: 'treatment',
  consult: 'consult',
  diagnose: 'diagnosis',
  dispose: 'disposition',
};

/** Why an action cannot be done (unknown id, dose out of range), or null. Independent of the play's state. */
export function checkAction(resolved: ResolvedCase, action: LearnerAction): string | null {
  const ids = targetsFor(resolved, action.do);
  if (!ids.includes(action.id))
    return `unknown ${NOUN[action.do]} "${action.id}"${didYouMean(action.id, ids)}`;
  if (action.do === 'treat' && action.dose !== undefined) {
    const treatment = resolved.catalog.treatments[action.id];
    if (treatment !== undefined && !(action.dose > 0 && action.dose <= treatment.doseMax)) {
      return `dose ${String(action.dose)} ${treatment.doseUnit} of ${action.id} is outside 0–${String(treatment.doseMax)} ${treatment.doseUnit}`;
    }
  }
  return null;
}

/**
 * An action reference (`order:lactate`) as a learner reads it: what ("Lactate") and what was done to it ("ordered"),
 * with the names the case and the catalogue give. Unknown ids fall back to the id.
 */
export function actionWords(resolved: ResolvedCase, ref: string): { what: string; done: string } {
  const { catalog, data } = resolved;
  const colon = ref.indexOf(':');
  const verb = ref.slice(0, colon);
  const id = ref.slice(colon + 1);
  switch (verb) {
    case 'examine':
      return { what: catalog.examRegions[id]?.name ?? id, done: 'examined' };
    case 'ask':
      return { what: `"${data.history.find((h) => h.id === id)?.question ?? id}"`, done: 'asked' };
    case 'order':
      return { what: catalog.tests[id]?.name ?? id, done: 'ordered' };
    case 'cancel':
      return { what: catalog.tests[id]?.name ?? id, done: 'cancelled' };
    case 'treat':
      return { what: catalog.treatments[id]?.name ?? id, done: 'given' };
    case 'stop':
      return { what: catalog.treatments[id]?.name ?? id, done: 'stopped' };
    case 'consult':
      return { what: catalog.consults[id]?.name ?? id, done: 'called' };
    case 'diagnose':
      return { what: `"${diagnosisName(resolved, id)}"`, done: 'named' };
    case 'dispose':
      return { what: 'Patient', done: `sent to ${catalog.dispositions[id]?.name ?? id}` };
    default:
      return { what: ref, done: 'done' };
  }
}

/** The action as a phrase: "Lactate ordered", "Patient sent to Operating room". */
export function describeAction(resolved: ResolvedCase, ref: string): string {
  const { what, done } = actionWords(resolved, ref);
  return `${what} ${done}`;
}
