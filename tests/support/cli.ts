import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { inject } from 'vitest';
import { ROOT } from './load.ts';

/**
 * The command line as a test starts it in a process of its own: `node --import tsx src/cli/main.ts`, as
 * `npm run case` does, or, under vitest, the same source bundled once for the run (tsx compiling the engine
 * afresh took a second or two per process, and the hostile-input corpus starts twenty).
 */
export function cliCommand(): string[] {
  const bundle = process.env.VITEST === undefined ? '' : inject('cliBundle');
  return bundle === '' ? ['--import', 'tsx', 'src/cli/main.ts'] : [bundle];
}

/**
 * Bundle src/cli/main.ts for Node into one file. It lives two folders below the project (in node_modules), where
 * the command line's own paths (`../../cases/catalog` from its module) still find the project's files.
 */
export async function buildCli(): Promise<{ file: string; remove(): void }> {
  const outDir = join(ROOT, 'node_modules', `.bedside-cli-${String(process.pid)}`);
  mkdirSync(outDir, { recursive: true });
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: 'src/cli/main.ts',
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'main.mjs' } },
    },
  });
  return {
    file: join(outDir, 'main.mjs'),
    remove: () => {
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
