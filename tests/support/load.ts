import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadCase,
  loadCatalog,
  loadScript,
  type ResolvedCase,
  type TextFile,
} from '../../src/engine/index.ts';
import type { Script } from '../../src/engine/case/schema/script.ts';
import type { Catalog } from '../../src/engine/case/schema/catalog.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const CASE_PATH = 'cases/septic-shock-spondylodiscitis.json';

export function catalogFiles(): TextFile[] {
  const dir = join(ROOT, 'cases/catalog');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `cases/catalog/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

export function loadShippedCatalog(): Catalog {
  const loaded = loadCatalog(catalogFiles());
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
}

export function caseText(path = CASE_PATH): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The first case, loaded exactly as the CLI loads it. */
export function loadFirstCase(): ResolvedCase {
  const loaded = loadCase({ name: CASE_PATH, text: caseText() }, loadShippedCatalog());
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return loaded.value;
}

/** Every case shipped in cases/ (paths relative to the repository). */
export function shippedCasePaths(): string[] {
  return readdirSync(join(ROOT, 'cases'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => `cases/${f}`);
}

/** A shipped case, loaded exactly as the CLI loads it. */
export function loadShippedCase(path: string, catalog = loadShippedCatalog()): ResolvedCase {
  const loaded = loadCase({ name: path, text: caseText(path) }, catalog);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return loaded.value;
}

/** The first case with an edit applied to its JSON, loaded as the CLI would load it (throws if it does not load). */
export function editedFirstCase(
  edit: (data: Record<string, unknown>) => void,
  catalog = loadShippedCatalog(),
): ResolvedCase {
  return editedCase(CASE_PATH, edit, catalog);
}

/** A shipped case with an edit applied to its JSON, loaded as the CLI would load it (throws if it does not load). */
export function editedCase(
  path: string,
  edit: (data: Record<string, unknown>) => void,
  catalog = loadShippedCatalog(),
): ResolvedCase {
  const loaded = loadEditedCase(path, edit, catalog);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return loaded.value;
}

/** A shipped case with an edit applied to its JSON, through the loader: refused with problems, or loaded. */
export function loadEditedCase(
  path: string,
  edit: (data: Record<string, unknown>) => void,
  catalog = loadShippedCatalog(),
): ReturnType<typeof loadCase> {
  const data = JSON.parse(caseText(path)) as Record<string, unknown>;
  edit(data);
  return loadCase({ name: path, text: JSON.stringify(data, null, 2) }, catalog);
}

/** A case's harmful-learner script from tests/fixtures/scripts/<id>-harmful.json, through the engine's loader. */
export function harmfulScriptFor(resolved: ResolvedCase): Script {
  const name = `tests/fixtures/scripts/${resolved.data.id}-harmful.json`;
  const loaded = loadScript({ name, text: readFileSync(join(ROOT, name), 'utf8') }, resolved);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return loaded.value;
}

/** A fact in a case: anything with a provenance and a value, or a value read from the simulation. */
export interface CaseFact {
  value?: unknown;
  fromState?: string;
  provenance: string;
  reported?: string;
  note?: string;
}

/** Every fact in a case's data, with its path ("presentation.arrivalVitals.hr"). */
export function factsIn(value: unknown, path = ''): { path: string; fact: CaseFact }[] {
  if (typeof value !== 'object' || value === null) return [];
  if ('provenance' in value && ('value' in value || 'fromState' in value))
    return [{ path, fact: value as CaseFact }];
  return Object.entries(value).flatMap(([k, v]) => factsIn(v, path === '' ? k : `${path}.${k}`));
}

/**
 * The STEMI case (its catalogue has atropine, glucagon and both pacers) arriving in `initial`, with a junctional
 * escape at 26/min that costs 20 mmHg, and any other setting of that rhythm (`drugsChangeRate`…): the slow rhythm of
 * BRASH on a case that has it nowhere else.
 */
export function stemiArrivingIn(
  initial: 'sinus' | 'junctional',
  junctional: Record<string, unknown> = {},
): ResolvedCase {
  return editedCase('cases/inferior-stemi-rv.json', (data) => {
    const physiology = data.physiology as { rhythms: Record<string, unknown> };
    physiology.rhythms.initial = initial;
    physiology.rhythms.junctional = { hrBpm: 26, mapChange: -20, ...junctional };
  });
}
