import { checkCase } from '../engine/index.ts';
import { loadCaseFile, parseFileArgs, printProblems } from './files.ts';

/** `case check <files…>`: plays each case automatically and reports what an author must fix before teaching. */
export function checkFiles(args: string[]): number {
  const parsed = parseFileArgs(args, 'npm run -s case -- check <case files…> [--catalog DIR]');
  if (parsed === null) return 2;
  const { files: positionals, catalog } = parsed;
  let failed = 0;
  for (const path of positionals) {
    const loaded = loadCaseFile(path, catalog);
    if (!loaded.ok) {
      printProblems(loaded.problems);
      process.stdout.write(`${path}: not checked (it does not load)\n\n`);
      failed += 1;
      continue;
    }
    const report = checkCase(loaded.resolved);
    process.stdout.write(`${path} (${report.caseId}): ${String(report.plays)} plays\n`);
    for (const r of report.results)
      process.stdout.write(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.detail}\n`);
    process.stdout.write('\n');
    if (!report.ok) failed += 1;
  }
  process.stdout.write(
    failed === 0
      ? `${String(positionals.length)} case${positionals.length === 1 ? '' : 's'} checked: all good\n`
      : `${String(failed)} of ${String(positionals.length)} case${positionals.length === 1 ? '' : 's'} failed\n`,
  );
  return failed === 0 ? 0 : 1;
}
