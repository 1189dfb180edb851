import { basename, dirname } from 'node:path';
import { loadCatalog, type Problem } from '../engine/index.ts';
import { isProblem, loadCaseFile, parseFileArgs, printProblems, readText } from './files.ts';

/** A catalogue file lives in a folder named "catalog", or is a case's own `<case>.catalog.json`; anything else is a case. */
const isCatalogFile = (path: string) =>
  basename(dirname(path)) === 'catalog' || path.endsWith('.catalog.json');

export function validateFiles(args: string[]): number {
  const parsed = parseFileArgs(args, 'npm run -s case -- validate <files…> [--catalog DIR]');
  if (parsed === null) return 2;
  const { files: positionals, catalog } = parsed;
  let errors = 0;
  let warnings = 0;
  for (const path of positionals) {
    let problems: Problem[];
    if (isCatalogFile(path)) {
      const file = readText(path);
      const loaded = isProblem(file) ? { ok: false as const, problems: [file] } : loadCatalog([file]);
      problems = loaded.ok ? loaded.warnings : loaded.problems;
    } else {
      const loaded = loadCaseFile(path, catalog);
      problems = loaded.ok ? loaded.warnings : loaded.problems;
    }
    printProblems(problems);
    errors += problems.filter((p) => p.severity === 'error').length;
    warnings += problems.filter((p) => p.severity === 'warning').length;
  }
  const files = positionals.length;
  process.stderr.write(
    `${String(files)} file${files === 1 ? '' : 's'} checked: ${String(errors)} error${errors === 1 ? '' : 's'}, ${String(warnings)} warning${warnings === 1 ? '' : 's'}\n`,
  );
  return errors > 0 ? 1 : 0;
}
