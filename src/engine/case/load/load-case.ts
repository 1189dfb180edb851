import { CaseFile } from '../schema/case.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { ScoringRule } from '../schema/scoring.ts';
import { arrivalVitals } from '../../sim/care.ts';
import { authoringWarnings } from './authoring-warnings.ts';
import { referenceProblems } from './case-references.ts';
import { problemAt, parseJson, type JsonSource } from './json-source.ts';
import { byPosition, type Loaded, type Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import { zodProblems } from './zod-problems.ts';
import { courseProblems, needsMetabolic as metabolicProblem } from './check-course.ts';
import type { TextFile } from './load-catalog.ts';
import { untreatedCourseProblems } from './untreated-course.ts';

/** A validated case together with the catalogue it refers to: everything the engine needs. */
export interface ResolvedCase {
  data: CaseFile;
  catalog: Catalog;
}

/** Parse, validate and cross-check one case file. Every problem is reported at once. */
export function loadCase(file: TextFile, catalog: Catalog): Loaded<ResolvedCase> {
  const parsed = parseJson(file.name, file.text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { source } = parsed;
  const result = CaseFile.safeParse(source.value, { reportInput: true });
  // Ids are checked on the JSON itself, so a misspelt id shows up alongside any structural error, once.
  const references = referenceProblems(source, catalog);
  if (!result.success) {
    const schema = zodProblems(source, result.error.issues);
    const where = new Set(schema.map((p) => p.path));
    return {
      ok: false,
      problems: [...schema, ...references.filter((p) => !where.has(p.path))].sort(byPosition),
    };
  }
  const problems = [...references, ...crossReferences(source, result.data, catalog)];
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: problems.sort(byPosition) };
  const resolved = { data: result.data, catalog };
  const course = untreatedCourseProblems(source, resolved);
  if (course.length > 0) return { ok: false, problems: course };
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

/** The checks that need a case that fits the schema: results against the catalogue, the metabolic model, rules. */
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

  for (const [testId, result] of Object.entries(data.results)) {
    const test = catalog.tests[testId];
    if (test === undefined) continue; // an unknown test: a reference problem
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
      for (const id of Object.keys(result.measurable ?? {}))
        must(id, components, `component of ${testId}`, ['results', testId, 'measurable', id]);
    }
  }

  const physiology = data.physiology;
  physiology.exposures.forEach((exposure, i) => {
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
  // A sign on the patient's face reads the simulated state too: glucose without a metabolic model would read 0.
  data.appearance.forEach((sign, i) => {
    if (sign.when === undefined) return;
    for (const side of ['below', 'above'] as const)
      for (const variable of Object.keys(sign.when[side]))
        needsMetabolic(variable, ['appearance', i, 'when', side, variable]);
  });
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
    const why = metabolicProblem(data, variable);
    if (why !== null) error(path, why);
  }

  data.scoring.rules.forEach((rule, i) => {
    checkRule(rule, ['scoring', 'rules', i], { catalog, data, must, error });
  });
  problems.push(...courseProblems(source, data, catalog));
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
      if (typeof rule.from === 'object' && 'event' in rule.from)
        must(rule.from.event, data.course?.events.map((e) => e.id) ?? [], 'course event', [
          ...path,
          'from',
          'event',
        ]);
      if (typeof rule.from === 'object' && 'resultOf' in rule.from)
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
  const vitals = arrivalVitals(resolved);
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
