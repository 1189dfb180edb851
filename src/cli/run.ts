import { parseArgs } from 'node:util';
import { loadScript, playToEnd, summarisePlay } from '../engine/index.ts';
import { readableReport, traceTable } from './report.ts';
import { isProblem, loadCaseFile, printProblems, readText } from './files.ts';
import { checkFiles } from './check.ts';
import { newCase } from './new-case.ts';
import { validateFiles } from './validate.ts';

const USAGE = `Usage:
  npm run -s case -- play <case.json> --actions <script.json> [--json] [--trace MIN] [--seed N] [--catalog DIR]
  npm run -s case -- validate <files…> [--catalog DIR]
  npm run -s case -- check <case files…> [--catalog DIR]
  npm run -s case -- new <id> [--title "…"] [--dir cases]

Exit codes: 0 ok, 1 a case or script has errors, 2 wrong usage.`;

function play(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      actions: { type: 'string' },
      json: { type: 'boolean', default: false },
      trace: { type: 'string' },
      seed: { type: 'string' },
      catalog: { type: 'string' },
    },
  });
  const casePath = positionals[0];
  if (casePath === undefined || values.actions === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const loaded = loadCaseFile(casePath, values.catalog);
  if (!loaded.ok) {
    printProblems(loaded.problems);
    return 1;
  }
  const scriptFile = readText(values.actions);
  if (isProblem(scriptFile)) {
    printProblems([scriptFile]);
    return 1;
  }
  const script = loadScript(scriptFile, loaded.resolved);
  if (!script.ok) {
    printProblems(script.problems);
    return 1;
  }
  printProblems(script.warnings);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) {
    process.stderr.write(`--seed must be a whole number ≥ 0, got "${values.seed ?? ''}"\n`);
    return 2;
  }
  const every = values.trace === undefined ? undefined : Number(values.trace);
  if (every !== undefined && !(Number.isInteger(every) && every > 0 && every % 5 === 0)) {
    process.stderr.write(`--trace must be a multiple of 5 minutes, got "${values.trace ?? ''}"\n`);
    return 2;
  }
  const ctx = playToEnd(loaded.resolved, script.value, seed);
  const result = summarisePlay(loaded.resolved, ctx);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : readableReport(result));
  if (every !== undefined && !values.json) process.stdout.write(traceTable(ctx.trace, every));
  return 0;
}

/** The command line: runs one command, writes to stdout and stderr, and returns the exit code. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'play':
        return play(rest);
      case 'validate':
        return validateFiles(rest);
      case 'new':
        return newCase(rest);
      case 'check':
        return checkFiles(rest);
      default:
        process.stderr.write(`${USAGE}\n`);
        return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
