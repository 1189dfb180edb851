import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { ROOT } from './load.ts';

/**
 * The bay harness page (tests/harness/bay.html) served by Vite's dev server, its dependencies bundled up front into
 * a cache of its own (no reload mid-run, no clash with another dev server's cache). `url` is the page itself.
 */
export async function serveHarness(): Promise<{ url: string; close(): Promise<void> }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bedside-harness-vite-'));
  const server = await createServer({
    root: ROOT,
    logLevel: 'error',
    cacheDir,
    optimizeDeps: { entries: ['tests/harness/bay.html'] },
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  return {
    url: `${server.resolvedUrls?.local[0] ?? ''}tests/harness/bay.html`,
    async close() {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
