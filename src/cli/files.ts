import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fileSizeProblem,
  formatProblem,
  loadCase,
  loadCatalog,
  type Problem,
  type ResolvedCase,
  type TextFile,
} from '../engine/index.ts';

const PROJECT_CATALOG = resolve(dirname(fileURLToPath(import.meta.url)), '../../cases/catalog');

/** A path as the author typed it, relative to the working directory when that is shorter. */
export function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export function readText(path: string): TextFile | Problem {
  try {
    // Refused before it is read: a file of gigabytes would exhaust memory before the parser could say so.
    const tooLarge = fileSizeProblem(statSync(path).size);
    if (tooLarge !== null)
      return { file: displayName(path), line: 1, column: 1, path: '', message: tooLarge, severity: 'error' };
    return { name: displayName(path), text: readFileSync(path, 'utf8') };
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : `cannot read: ${(error as Error).message}`;
    return { file: displayName(path), line: 1, column: 1, path: '', message, severity: 'error' };
  }
}

export const isProblem = (x: TextFile | Problem): x is Problem => 'severity' in x;

/** The catalogue beside the case (cases/catalog/), or the project's own. */
export function catalogDirFor(casePath: string, explicit?: string): string {
  if (explicit !== undefined) return resolve(explicit);
  const beside = join(dirname(resolve(casePath)), 'catalog');
  return existsSync(beside) ? beside : PROJECT_CATALOG;
}

export function readCatalogFiles(dir: string): TextFile[] | Problem[] {
  if (!existsSync(dir))
    return [
      {
        file: displayName(dir),
        line: 1,
        column: 1,
        path: '',
        message: 'catalogue folder not found',
        severity: 'error',
      },
    ];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readText(join(dir, f)));
  const problems = files.filter(isProblem);
  return problems.length > 0 ? problems : files.filter((f): f is TextFile => !isProblem(f));
}

export type CaseLoad =
  { ok: true; resolved: ResolvedCase; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** A case's own catalogue entries: `<case>.catalog.json` beside `<case>.json`, if there is one. */
export function localCatalogFor(casePath: string): string {
  return resolve(casePath).replace(/\.json$/, '.catalog.json');
}

export function loadCaseFile(casePath: string, catalogDir?: string): CaseLoad {
  const catalogFiles = readCatalogFiles(catalogDirFor(casePath, catalogDir));
  if (catalogFiles.some((f) => 'severity' in f)) return { ok: false, problems: catalogFiles as Problem[] };
  const local = localCatalogFor(casePath);
  const localFile = existsSync(local) ? readText(local) : null;
  if (localFile !== null && isProblem(localFile)) return { ok: false, problems: [localFile] };
  const catalog = loadCatalog([...(catalogFiles as TextFile[]), ...(localFile === null ? [] : [localFile])]);
  if (!catalog.ok) return { ok: false, problems: catalog.problems };
  const file = readText(casePath);
  if (isProblem(file)) return { ok: false, problems: [file] };
  const loaded = loadCase(file, catalog.value);
  return loaded.ok
    ? { ok: true, resolved: loaded.value, warnings: loaded.warnings }
    : { ok: false, problems: loaded.problems };
}

export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
}

/** `<command> <files…> [--catalog DIR]`: the files and the catalogue, or null after printing the usage line. */
export function parseFileArgs(args: string[], usage: string): { files: string[]; catalog?: string } | null {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { catalog: { type: 'string' } },
  });
  if (positionals.length === 0) {
    process.stderr.write(`Usage: ${usage}\n`);
    return null;
  }
  // The JSON Schemas beside the cases (for editors) are not cases: `cases/*.json` names them too.
  const files = positionals.filter((p) => !p.endsWith('.schema.json'));
  return values.catalog === undefined ? { files } : { files, catalog: values.catalog };
}
