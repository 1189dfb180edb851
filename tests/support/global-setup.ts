import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, launchShared } from './browser.ts';
import { buildCli } from './cli.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built once for the whole run (tests/support/browser.ts serves it; never written to). */
    builtSite: string;
    /** Where the run's one Chromium listens: test files connect to it rather than each starting one. */
    chromiumEndpoint: string;
    /** The command line bundled for Node, for tests that start it many times (see tests/support/cli.ts). */
    cliBundle: string;
  }
}

/**
 * One build of the site and one Chromium for every browser test file (each used to build its own, about 6 s apiece
 * on this machine, and start its own browser).
 * A test that changes files in a build (a new service worker, a config file) serves a copy (`copyOfBuiltSite`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [outDir, chromium, cli] = await Promise.all([buildSite(), launchShared(), buildCli()]);
  project.provide('builtSite', outDir);
  project.provide('chromiumEndpoint', chromium.endpoint);
  project.provide('cliBundle', cli.file);
  return async () => {
    await chromium.close();
    cli.remove();
    rmSync(outDir, { recursive: true, force: true });
  };
}
