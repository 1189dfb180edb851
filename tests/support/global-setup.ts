import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built once for the whole run (tests/support/browser.ts serves it; never written to). */
    builtSite: string;
  }
}

/**
 * One build of the site for every browser test file (each used to build its own: about 6 s apiece on this machine).
 * A test that changes files in a build (a new service worker, a config file) serves a copy (`copyOfBuiltSite`).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = await buildSite();
  project.provide('builtSite', outDir);
  return () => {
    rmSync(outDir, { recursive: true, force: true });
  };
}
