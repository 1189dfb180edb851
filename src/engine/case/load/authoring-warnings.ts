import type { ResolvedCase } from './load-case.ts';
import { problemAt, walkJson, type JsonSource } from './json-source.ts';
import type { Problem } from './problems.ts';

/**
 * Things that are legal but suspicious in a case, reported as warnings where they stand:
 * - a synthetic value without a note saying why it is plausible;
 * - text still saying TODO (left from `case new`);
 * - a test the case itself names (in a scoring rule, the real course or a timing override) with no result for
 *   this patient, so a learner who orders it sees only the catalogue's "assumed normal";
 * - a number that fits the catalogue's range only once read in the SI unit (the author used the other unit).
 */
export function authoringWarnings(source: JsonSource, resolved: ResolvedCase): Problem[] {
  const warnings: Problem[] = [];
  const warn = (path: PropertyKey[], message: string) => {
    warnings.push(problemAt(source, path, message, 'warning'));
  };
  walkJson(source.value, (value, path) => {
    if (typeof value === 'string') {
      if (/\bTODO\b/.test(value)) warn(path, 'still says TODO');
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (isFact(value) && value.provenance === 'synthetic' && value.note === undefined)
      warn([...path, 'provenance'], 'a synthetic value needs a "note" saying why it is plausible');
  });
  const { data, catalog } = resolved;
  const named = new Map<string, PropertyKey[]>();
  data.scoring.rules.forEach((rule, i) => {
    for (const [key, refs] of Object.entries(rule)) {
      if (!Array.isArray(refs)) continue;
      refs.forEach((ref: unknown, j) => {
        if (typeof ref === 'string' && ref.startsWith('order:') && !named.has(ref.slice(6)))
          named.set(ref.slice(6), ['scoring', 'rules', i, key, j]);
      });
    }
  });
  data.realCourse.actions.forEach((a, i) => {
    if (a.action.startsWith('order:') && !named.has(a.action.slice(6)))
      named.set(a.action.slice(6), ['realCourse', 'actions', i, 'action']);
  });
  for (const testId of Object.keys(data.testOverrides))
    if (!named.has(testId)) named.set(testId, ['testOverrides', testId]);
  for (const [testId, path] of named) {
    if (data.results[testId] === undefined && catalog.tests[testId] !== undefined)
      warn(
        path,
        `the case names "${testId}" but gives no result for it: the learner would see "assumed normal"`,
      );
  }
  for (const [testId, result] of Object.entries(data.results)) {
    if (result.kind !== 'panel') continue;
    const components = catalog.tests[testId]?.components ?? {};
    for (const [componentId, given] of Object.entries(result.values)) {
      const component = components[componentId];
      if (component === undefined) continue;
      const range = component.range ?? component.rangeMale ?? component.rangeFemale;
      const factor = component.si?.factor;
      if (range === undefined || factor === undefined || (factor > 0.5 && factor < 2)) continue;
      const low = (range.low ?? 0) / 3;
      const high = (range.high ?? Number.POSITIVE_INFINITY) * 3;
      const fits = (x: number) => x >= low && x <= high;
      const path = ['results', testId, 'values', componentId];
      // A serial result is checked point by point: each was copied from the report on its own.
      const numbers =
        'course' in given
          ? given.course.map((point, i) => ({ value: point.value, path: [...path, 'course', i, 'value'] }))
          : 'value' in given
            ? [{ value: given.value, path: [...path, 'value'] }]
            : [];
      for (const { value, path: at } of numbers)
        if (typeof value === 'number' && !fits(value) && fits(value / factor))
          warn(
            at,
            `${String(value)} looks like ${component.si?.unit ?? 'the SI unit'}; this value is read in ${component.unit} (that would be ${String(Math.round((value / factor) * 10) / 10)})`,
          );
    }
  }
  return warnings;
}

function isFact(value: object): value is { provenance: string; note?: unknown } {
  return 'provenance' in value && ('value' in value || 'fromState' in value);
}
