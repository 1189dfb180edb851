import type { Catalog } from '../schema/catalog.ts';
import { problemAt, walkJson, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';

const ACTION_PATTERN =
  /^(examine|ask|order|cancel|treat|stop|consult|diagnose|dispose):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringAt = (value: unknown, key: string): string | undefined => {
  const member = objectAt(value)[key];
  return typeof member === 'string' ? member : undefined;
};

/**
 * The checks of a case that need only its ids and lists: every id it names must exist (in the catalogue or the
 * case itself: "verb:id" strings, the best path's and the handover orders' { do, id }), ids must not repeat, the
 * best path must run forward in time. They read the JSON defensively, so
 * they run on a file that fails the schema too and the author sees a misspelt id alongside the structural errors.
 */
export function referenceProblems(source: JsonSource, catalog: Catalog): Problem[] {
  const raw = objectAt(source.value);
  const problems: Problem[] = [];
  const error = (path: PropertyKey[], message: string) => problems.push(problemAt(source, path, message));
  const must = (id: string, known: Record<string, unknown>, what: string, path: PropertyKey[]) => {
    const ids = Object.keys(known);
    if (!ids.includes(id)) error(path, `unknown ${what} "${id}"${didYouMean(id, ids)}`);
  };

  const id = stringAt(raw, 'id');
  const fileStem = source.file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (id !== undefined && id !== fileStem)
    error(['id'], `the id "${id}" must match the file name "${fileStem}"`);

  const defined = { history: 'history item', diagnoses: 'diagnosis' } as const;
  for (const [list, what] of Object.entries(defined))
    repeatedIds(raw[list], (i, repeated) => {
      error([list, i, 'id'], `${what} "${repeated}" is defined twice`);
    });
  repeatedIds(objectAt(raw.scoring).rules, (i, repeated) => {
    error(['scoring', 'rules', i, 'id'], `scoring rule "${repeated}" is defined twice`);
  });
  const diagnoses = listAt(raw.diagnoses).map(objectAt);
  if (
    diagnoses.length > 0 &&
    diagnoses.every((d) => typeof d.correct === 'boolean') &&
    !diagnoses.some((d) => d.correct === true)
  )
    error(['diagnoses'], 'at least one diagnosis must be correct');
  diagnoses.forEach((d, i) => {
    problems.push(...caseDiagnosisProblems(source, catalog, d, i));
  });

  const keyed = [
    ['exam', catalog.examRegions, 'exam region'],
    ['testOverrides', catalog.tests, 'test'],
    ['consultNotes', catalog.consults, 'consult'],
    ['results', catalog.tests, 'test'],
  ] as const;
  for (const [field, known, what] of keyed)
    for (const key of Object.keys(objectAt(raw[field]))) must(key, known, what, [field, key]);

  for (const [consult, note] of Object.entries(objectAt(raw.consultNotes)))
    listAt(objectAt(note).variants).forEach((variant, i) => {
      listAt(objectAt(variant).ifResulted).forEach((test, j) => {
        if (typeof test === 'string')
          must(test, catalog.tests, 'test', ['consultNotes', consult, 'variants', i, 'ifResulted', j]);
      });
    });

  const physiology = objectAt(raw.physiology);
  listAt(objectAt(physiology.driver).effectiveTreatments).forEach((treatment, i) => {
    if (typeof treatment === 'string')
      must(treatment, catalog.treatments, 'treatment', ['physiology', 'driver', 'effectiveTreatments', i]);
  });
  listAt(physiology.exposures).forEach((exposure, i) => {
    listAt(objectAt(exposure).withoutRunning).forEach((treatment, j) => {
      if (typeof treatment === 'string')
        must(treatment, catalog.treatments, 'treatment', ['physiology', 'exposures', i, 'withoutRunning', j]);
    });
  });

  listAt(raw.handover).forEach((entry, i) => {
    const handover = objectAt(entry);
    const named = [
      ['dispositions', catalog.dispositions, 'disposition'],
      ['stop', catalog.treatments, 'treatment'],
    ] as const;
    for (const [field, known, what] of named)
      listAt(handover[field]).forEach((ref, j) => {
        if (typeof ref === 'string') must(ref, known, what, ['handover', i, field, j]);
      });
    listAt(handover.orders).forEach((order, j) => {
      const treatment = stringAt(order, 'id');
      if (treatment !== undefined)
        must(treatment, catalog.treatments, 'treatment', ['handover', i, 'orders', j, 'id']);
    });
  });

  // The learner may commit any catalogue diagnosis, so a rule may name one the case does not list.
  const known = knownTargets(catalog, idsIn(raw.history), [
    ...Object.keys(catalog.diagnoses),
    ...idsIn(raw.diagnoses),
  ]);
  problems.push(...actionReferenceProblems(source, known));
  problems.push(...bestPathProblems(source, listAt(objectAt(raw.bestPath).actions), known));
  return problems;
}

/**
 * A case diagnosis either names a catalogue diagnosis (which brings its name, system and synonyms) or defines one
 * for this case with a label.
 */
function caseDiagnosisProblems(source: JsonSource, catalog: Catalog, diagnosis: Json, i: number): Problem[] {
  const id = stringAt(diagnosis, 'id');
  if (id === undefined) return [];
  const error = (path: PropertyKey[], message: string) =>
    problemAt(source, ['diagnoses', i, ...path], message);
  if (!(id in catalog.diagnoses))
    return diagnosis.label === undefined
      ? [
          error(
            ['id'],
            `diagnosis "${id}" is not in the diagnosis catalogue${didYouMean(id, Object.keys(catalog.diagnoses))}: ` +
              'use a catalogue id, or give it a "label" to add it for this case only',
          ),
        ]
      : [];
  return (['system', 'synonyms'] as const)
    .filter((field) => field in diagnosis)
    .map((field) =>
      error(
        [field],
        `"${id}" is a catalogue diagnosis: its ${field} come${field === 'system' ? 's' : ''} from the catalogue`,
      ),
    );
}

/** Each best-path action names something that exists, and the actions run forward in time. */
function bestPathProblems(
  source: JsonSource,
  actions: readonly unknown[],
  known: Record<string, readonly string[]>,
): Problem[] {
  const problems: Problem[] = [];
  let previous = 0;
  actions.forEach((item, i) => {
    const path = ['bestPath', 'actions', i];
    const action = objectAt(item);
    if (typeof action.at === 'number') {
      if (action.at < previous)
        problems.push(
          problemAt(
            source,
            [...path, 'at'],
            `minute ${String(action.at)} comes after minute ${String(previous)}: keep the actions in time order`,
          ),
        );
      previous = action.at;
    }
    const verb = stringAt(action, 'do');
    const id = stringAt(action, 'id');
    const ids = verb === undefined ? undefined : known[verb];
    if (id === undefined || ids === undefined || ids.includes(id)) return;
    problems.push(
      problemAt(
        source,
        [...path, 'id'],
        `no ${verb === 'ask' ? 'history item' : `${verb ?? ''} target`} "${id}"${didYouMean(id, ids)}`,
      ),
    );
  });
  return problems;
}

/** Every "verb:id" string anywhere in the case must name something that exists. */
function actionReferenceProblems(source: JsonSource, known: Record<string, readonly string[]>): Problem[] {
  const problems: Problem[] = [];
  walkJson(source.value, (text, path) => {
    if (typeof text !== 'string') return;
    const match = ACTION_PATTERN.exec(text);
    if (match === null) return;
    const [, verb = '', id = ''] = match;
    const ids = known[verb] ?? [];
    if (!ids.includes(id))
      problems.push(
        problemAt(
          source,
          path,
          `"${text}": no ${verb === 'ask' ? 'history item' : verb + ' target'} "${id}"${didYouMean(id, ids)}`,
        ),
      );
  });
  return problems;
}

/** Every id each verb can take in this case. */
function knownTargets(
  catalog: Catalog,
  historyIds: readonly string[],
  diagnosisIds: readonly string[],
): Record<string, readonly string[]> {
  return {
    examine: Object.keys(catalog.examRegions),
    ask: historyIds,
    order: Object.keys(catalog.tests),
    cancel: Object.keys(catalog.tests),
    treat: Object.keys(catalog.treatments),
    stop: Object.keys(catalog.treatments),
    consult: Object.keys(catalog.consults),
    diagnose: diagnosisIds,
    dispose: Object.keys(catalog.dispositions),
  };
}

/** The ids of a list of { id } objects, as far as a file that may not yet be valid has them. */
function idsIn(list: unknown): string[] {
  return listAt(list).flatMap((item) => {
    const id = stringAt(item, 'id');
    return id === undefined ? [] : [id];
  });
}

/** Calls back for each item whose id an earlier item of the same list already has. */
function repeatedIds(list: unknown, onRepeat: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  listAt(list).forEach((item, i) => {
    const id = stringAt(item, 'id');
    if (id === undefined) return;
    if (seen.has(id)) onRepeat(i, id);
    seen.add(id);
  });
}
