import { CaseFile } from '../schema/case.ts';
import type { Catalog } from '../schema/catalog.ts';
import { METABOLIC_VARIABLES } from '../schema/physiology.ts';
import type { ScoringRule } from '../schema/scoring.ts';
import { initialVitals } from '../physiology/observe.ts';
import { initialPatient } from '../physiology/state.ts';
import { authoringWarnings } from './authoring-warnings.ts';
import { problemAt, parseJson, walkJson, type JsonSource } from './json-source.ts';
import { byPosition, type Loaded, type Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import { zodProblems } from './zod-problems.ts';
import type { TextFile } from './load-catalog.ts';

/** A validated case together with the catalogue it refers to: everything the engine needs. */
export interface ResolvedCase {
  data: CaseFile;
  catalog: Catalog;
}

const ACTION_PATTERN = /^(examine|ask|order|treat|stop|consult|diagnose|dispose):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Parse, validate and cross-check one case file. Every problem is reported at once. */
export function loadCase(file: TextFile, catalog: Catalog): Loaded<ResolvedCase> {
  const parsed = parseJson(file.name, file.text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { source } = parsed;
  const result = CaseFile.safeParse(source.value, { reportInput: true });
  if (!result.success) {
    // The structure is wrong somewhere, but every "verb:id" can still be checked: report misspelt ids now too,
    // so the author sees every problem at once.
    const schema = zodProblems(source, result.error.issues);
    const where = new Set(schema.map((p) => p.path));
    const references = actionReferenceProblems(source, source.value, catalog).filter(
      (p) => !where.has(p.path),
    );
    return { ok: false, problems: [...schema, ...references].sort(byPosition) };
  }
  const problems = crossReferences(source, result.data, catalog);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: problems.sort(byPosition) };
  const resolved = { data: result.data, catalog };
  return {
    ok: true,
    value: resolved,
    warnings: [
      ...problems,
      ...calibrationWarnings(source, resolved),
      ...authoringWarnings(source, resolved),
    ].sort(byPosition),
  };
}

function crossReferences(source: JsonSource, data: CaseFile, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const error = (path: PropertyKey[], message: string) => problems.push(problemAt(source, path, message));
  const must = (
    id: string,
    known: Record<string, unknown> | readonly string[],
    what: string,
    path: PropertyKey[],
  ) => {
    const ids = Array.isArray(known) ? known : Object.keys(known);
    if (!ids.includes(id)) error(path, `unknown ${what} "${id}"${didYouMean(id, ids)}`);
  };

  const fileStem = source.file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (data.id !== fileStem) error(['id'], `the id "${data.id}" must match the file name "${fileStem}"`);

  const historyIds = data.history.map((h) => h.id);
  const diagnosisIds = data.diagnoses.map((d) => d.id);
  unique(historyIds, (i) =>
    error(['history', i, 'id'], `history item "${historyIds[i] ?? ''}" is defined twice`),
  );
  unique(diagnosisIds, (i) =>
    error(['diagnoses', i, 'id'], `diagnosis "${diagnosisIds[i] ?? ''}" is defined twice`),
  );
  const ruleIds = data.scoring.rules.map((r) => r.id);
  unique(ruleIds, (i) =>
    error(['scoring', 'rules', i, 'id'], `scoring rule "${ruleIds[i] ?? ''}" is defined twice`),
  );
  if (!data.diagnoses.some((d) => d.correct)) error(['diagnoses'], 'at least one diagnosis must be correct');

  for (const region of Object.keys(data.exam))
    must(region, catalog.examRegions, 'exam region', ['exam', region]);
  for (const id of Object.keys(data.testOverrides)) must(id, catalog.tests, 'test', ['testOverrides', id]);
  for (const id of Object.keys(data.consultNotes))
    must(id, catalog.consults, 'consult', ['consultNotes', id]);

  for (const [testId, result] of Object.entries(data.results)) {
    const test = catalog.tests[testId];
    if (test === undefined) {
      must(testId, catalog.tests, 'test', ['results', testId]);
      continue;
    }
    if (test.kind !== result.kind)
      error(
        ['results', testId, 'kind'],
        `the catalogue says "${testId}" is a ${test.kind}, not a ${result.kind}`,
      );
    if (result.kind === 'panel') {
      const components = test.components ?? {};
      for (const id of Object.keys(result.values))
        must(id, components, `component of ${testId}`, ['results', testId, 'values', id]);
      for (const id of Object.keys(result.ranges ?? {}))
        must(id, components, `component of ${testId}`, ['results', testId, 'ranges', id]);
    }
  }

  const physiology = data.physiology;
  physiology.driver.effectiveTreatments.forEach((id, i) => {
    must(id, catalog.treatments, 'treatment', ['physiology', 'driver', 'effectiveTreatments', i]);
  });
  physiology.exposures.forEach((exposure, i) => {
    exposure.withoutRunning.forEach((id, j) => {
      must(id, catalog.treatments, 'treatment', ['physiology', 'exposures', i, 'withoutRunning', j]);
    });
    for (const side of ['below', 'above'] as const)
      for (const variable of Object.keys(exposure[side]))
        needsMetabolic(variable, ['physiology', 'exposures', i, side, variable]);
  });
  for (const [region, finding] of Object.entries(data.exam)) {
    if (!('changes' in finding)) continue;
    finding.changes.forEach((change, i) => {
      for (const side of ['below', 'above'] as const)
        for (const variable of Object.keys(change.when[side]))
          needsMetabolic(variable, ['exam', region, 'changes', i, 'when', side, variable]);
    });
  }
  if (physiology.gcs.glucoseBelow !== undefined)
    needsMetabolic('glucose', ['physiology', 'gcs', 'glucoseBelow']);
  if (physiology.arrest.potassiumBelow !== undefined)
    needsMetabolic('potassium', ['physiology', 'arrest', 'potassiumBelow']);
  if (physiology.arrest.potassiumAbove !== undefined)
    needsMetabolic('potassium', ['physiology', 'arrest', 'potassiumAbove']);
  for (const [testId, result] of Object.entries(data.results))
    if (result.kind === 'panel')
      for (const [id, value] of Object.entries(result.values))
        if (typeof value === 'object' && 'fromState' in value)
          needsMetabolic(value.fromState, ['results', testId, 'values', id, 'fromState']);

  function needsMetabolic(variable: string, path: PropertyKey[]): void {
    if (physiology.metabolic === undefined && (METABOLIC_VARIABLES as readonly string[]).includes(variable))
      error(path, `"${variable}" needs a metabolic model: add physiology.metabolic or read another value`);
  }

  const known = knownTargets(catalog, historyIds, diagnosisIds);
  problems.push(...actionReferenceProblems(source, data, catalog, known));

  data.scoring.rules.forEach((rule, i) => {
    checkRule(rule, ['scoring', 'rules', i], { catalog, data, must, error });
  });
  let previous = 0;
  data.bestPath.actions.forEach((action, i) => {
    const path = ['bestPath', 'actions', i];
    if (action.at < previous)
      error(
        [...path, 'at'],
        `minute ${String(action.at)} comes after minute ${String(previous)}: keep the actions in time order`,
      );
    previous = action.at;
    if (action.do === 'end' || action.id === undefined) return;
    const ids = known[action.do] ?? [];
    if (!ids.includes(action.id))
      error(
        [...path, 'id'],
        `no ${action.do === 'ask' ? 'history item' : action.do + ' target'} "${action.id}"${didYouMean(action.id, ids)}`,
      );
  });
  return problems;
}

interface RuleContext {
  catalog: Catalog;
  data: CaseFile;
  must: (
    id: string,
    known: Record<string, unknown> | readonly string[],
    what: string,
    path: PropertyKey[],
  ) => void;
  error: (path: PropertyKey[], message: string) => void;
}

function checkRule(
  rule: ScoringRule,
  path: PropertyKey[],
  { catalog, data, must, error }: RuleContext,
): void {
  if (rule.source.confidence === 'U') {
    error(
      [...path, 'source', 'confidence'],
      'a rule anchored only on an unconfirmed (U) source must not score: move it to teachingPoints',
    );
  }
  switch (rule.type) {
    case 'timed':
      // An "after" anchor is a verb:id, checked with every other action reference in the case.
      if (rule.from !== 'arrival' && 'resultOf' in rule.from)
        must(rule.from.resultOf, catalog.tests, 'test', [...path, 'from', 'resultOf']);
      return;
    case 'cumulative-volume':
      rule.treatments.forEach((id, j) => {
        must(id, catalog.treatments, 'treatment', [...path, 'treatments', j]);
      });
      return;
    case 'exposure':
      must(
        rule.exposure,
        data.physiology.exposures.map((e) => e.id),
        'exposure',
        [...path, 'exposure'],
      );
      return;
    case 'unnecessary-tests':
      rule.indicated.forEach((id, j) => {
        must(id, catalog.tests, 'test', [...path, 'indicated', j]);
      });
      return;
    case 'diagnosis':
      must(
        rule.diagnosis,
        data.diagnoses.map((d) => d.id),
        'diagnosis',
        [...path, 'diagnosis'],
      );
      return;
    case 'disposition':
      rule.tiers.forEach((tier, j) => {
        must(tier.disposition, catalog.dispositions, 'disposition', [...path, 'tiers', j, 'disposition']);
      });
      return;
    case 'sequence':
    case 'regimen':
    case 'outcome':
      return; // their action references are checked with every other "verb:id" in the case
    case 'harm':
      rule.onlyIf?.beforeResultOf?.forEach((id, j) => {
        must(id, catalog.tests, 'test', [...path, 'onlyIf', 'beforeResultOf', j]);
      });
      return;
    default:
      error(path, `unknown rule type ${JSON.stringify(rule satisfies never)}`);
  }
}

/** The simulation at minute 0 should show what the report recorded at arrival. */
function calibrationWarnings(source: JsonSource, resolved: ResolvedCase): Problem[] {
  const vitals = initialVitals(initialPatient(resolved.data.physiology), resolved);
  const tolerance: Record<string, number> = { hr: 3, sbp: 4, dbp: 4, rr: 2, spo2: 2, temp: 0.2 };
  const warnings: Problem[] = [];
  for (const [name, reported] of Object.entries(resolved.data.presentation.arrivalVitals)) {
    const simulated = vitals[name as keyof typeof vitals];
    const allowed = tolerance[name] ?? 0;
    if (Math.abs(simulated - reported.value) > allowed) {
      warnings.push(
        problemAt(
          source,
          ['presentation', 'arrivalVitals', name],
          `the physiology starts at ${String(simulated)}, not ${String(reported.value)}: recalibrate the initial state`,
          'warning',
        ),
      );
    }
  }
  return warnings;
}

function unique(ids: readonly string[], onDuplicate: (index: number) => void): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) onDuplicate(i);
  });
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
    treat: Object.keys(catalog.treatments),
    stop: Object.keys(catalog.treatments),
    consult: Object.keys(catalog.consults),
    diagnose: diagnosisIds,
    dispose: Object.keys(catalog.dispositions),
  };
}

/** The ids of a list of { id } objects, as far as a not-yet-valid file has them. */
function idsIn(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? [item.id] : [],
  );
}

/**
 * Every "verb:id" string anywhere in the case must name something that exists. Works on validated data and on
 * the raw JSON of a file that failed the schema (history and diagnosis ids are then read as far as they can be).
 */
function actionReferenceProblems(
  source: JsonSource,
  value: unknown,
  catalog: Catalog,
  known?: Record<string, readonly string[]>,
): Problem[] {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const targets = known ?? knownTargets(catalog, idsIn(raw.history), idsIn(raw.diagnoses));
  const problems: Problem[] = [];
  walkJson(value, (text, path) => {
    if (typeof text !== 'string') return;
    const match = ACTION_PATTERN.exec(text);
    if (match === null) return;
    const [, verb = '', id = ''] = match;
    const ids = targets[verb] ?? [];
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
