import { CATALOG_SECTIONS, CatalogFile, type Catalog } from '../schema/catalog.ts';
import { hiddenCharacterWarnings } from './authoring-warnings.ts';
import { parseJson, problemAt } from './json-source.ts';
import { byPosition, type Loaded, type Problem } from './problems.ts';
import { zodProblems } from './zod-problems.ts';

export interface TextFile {
  /** Path as the author knows it, e.g. "cases/catalog/tests.json". */
  name: string;
  text: string;
}

/** Merge every catalogue file; an id defined twice, or an inconsistent entry, is reported where it stands. */
export function loadCatalog(files: readonly TextFile[]): Loaded<Catalog> {
  const catalog: Catalog = {
    tests: {},
    treatments: {},
    consults: {},
    dispositions: {},
    examRegions: {},
    diagnoses: {},
  };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // Two diagnoses of the same name would be two identical search results: the learner could not tell them apart.
  const diagnosisByName = new Map<string, string>();
  for (const file of files) {
    const parsed = parseJson(file.name, file.text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { source } = parsed;
    warnings.push(...hiddenCharacterWarnings(source));
    const result = CatalogFile.safeParse(source.value, { reportInput: true });
    if (!result.success) {
      problems.push(...zodProblems(source, result.error.issues));
      continue;
    }
    for (const section of CATALOG_SECTIONS) {
      for (const [id, entry] of Object.entries(result.data[section] ?? {})) {
        if (id in catalog[section])
          problems.push(
            problemAt(source, [section, id], `"${id}" is already defined in another catalogue file`),
          );
        (catalog[section] as Record<string, unknown>)[id] = entry;
      }
    }
    for (const [id, diagnosis] of Object.entries(result.data.diagnoses ?? {})) {
      const name = diagnosis.name.trim().toLowerCase();
      const other = diagnosisByName.get(name);
      if (other !== undefined && other !== id)
        problems.push(
          problemAt(
            source,
            ['diagnoses', id, 'name'],
            `diagnosis "${other}" already has the name "${diagnosis.name}": the learner could not tell them apart`,
          ),
        );
      diagnosisByName.set(name, id);
    }
    for (const [id, test] of Object.entries(result.data.tests ?? {})) {
      if (
        test.kind === 'panel' &&
        (test.components === undefined || Object.keys(test.components).length === 0)
      ) {
        problems.push(problemAt(source, ['tests', id, 'components'], 'a panel needs at least one component'));
      }
      const range = test.turnaroundRangeMin;
      if (range !== undefined && !(range[0] <= test.turnaroundMin && test.turnaroundMin <= range[1])) {
        problems.push(
          problemAt(
            source,
            ['tests', id, 'turnaroundRangeMin'],
            `the range must contain turnaroundMin (${String(test.turnaroundMin)})`,
          ),
        );
      }
    }
    for (const [id, treatment] of Object.entries(result.data.treatments ?? {})) {
      if (treatment.mode === 'bolus' && treatment.rateMlPerMin === undefined) {
        problems.push(problemAt(source, ['treatments', id, 'rateMlPerMin'], 'a bolus needs rateMlPerMin'));
      }
      // A one-off vasopressor or insulin dose must say how it builds and wanes: without kinetics a vasopressor would
      // do nothing and an insulin bolus would act for ever.
      treatment.effects.forEach((effect, i) => {
        if (
          treatment.mode === 'dose' &&
          (effect.type === 'vasopressor' || effect.type === 'insulin') &&
          effect.kinetics === undefined
        )
          problems.push(
            problemAt(
              source,
              ['treatments', id, 'effects', i, 'kinetics'],
              `a one-off ${effect.type} dose needs kinetics (how fast it acts and wears off)`,
            ),
          );
      });
      if (treatment.defaultDose > treatment.doseMax) {
        problems.push(
          problemAt(
            source,
            ['treatments', id, 'defaultDose'],
            `defaultDose is above doseMax (${String(treatment.doseMax)})`,
          ),
        );
      }
    }
  }
  return problems.length > 0
    ? { ok: false, problems: [...problems, ...warnings].sort(byPosition) }
    : { ok: true, value: catalog, warnings: warnings.sort(byPosition) };
}
