import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, inject } from 'vitest';
import { ROOT } from './load.ts';
import { serveUnder } from './static-server.ts';

/** Debian's Chromium; no test tool downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

/**
 * The built site: under vitest, the one build of the run (tests/support/global-setup.ts), which a test must not
 * change; from a script, a fresh build.
 */
async function builtSiteDir(): Promise<string> {
  return process.env.VITEST === undefined ? buildSite() : inject('builtSite');
}

/** A copy of the run's build for a test that changes its files (a new service worker, a config file). */
async function copyOfBuiltSite(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bedside-dist-'));
  cpSync(await builtSiteDir(), outDir, { recursive: true });
  return outDir;
}

/** The built site served on a free local port (read only: see copyOfBuiltSite). */
export async function serveBuiltSite(): Promise<{ url: string; server: PreviewServer; outDir: string }> {
  const outDir = await builtSiteDir();
  return { ...(await serveFolder(outDir)), outDir };
}

/**
 * Build the site into a temporary folder (for a server of a test's own), optionally with an LRS origin let through
 * its Content-Security-Policy (the build reads `BEDSIDE_LRS_ORIGIN`).
 */
export async function buildSite(options: { lrsOrigin?: string } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bedside-dist-'));
  const before = process.env.BEDSIDE_LRS_ORIGIN;
  if (options.lrsOrigin !== undefined) process.env.BEDSIDE_LRS_ORIGIN = options.lrsOrigin;
  try {
    await build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.BEDSIDE_LRS_ORIGIN;
    else process.env.BEDSIDE_LRS_ORIGIN = before;
  }
  return outDir;
}

/** Serve a folder of files (a build, an unpacked package beside a test LMS page) on a free local port. */
export async function serveFolder(outDir: string): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    root: ROOT,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('preview server has no URL');
  return { url, server };
}

/** Close the browser and stop the preview server (afterAll of every browser test file). */
export async function closeSite(browser: Browser, server: PreviewServer): Promise<void> {
  await browser.close();
  await new Promise<void>((resolve) =>
    server.httpServer.close(() => {
      resolve();
    }),
  );
}

export async function launch(): Promise<Browser> {
  requireChromium();
  // Under vitest, one Chromium serves the whole run (tests/support/global-setup.ts): each test file connects to it
  // and gets contexts of its own (closing them when it disconnects) instead of starting a browser.
  const shared = process.env.VITEST === undefined ? '' : inject('chromiumEndpoint');
  if (shared !== '') return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** A Chromium for other processes to connect to (the test run's one browser). */
export async function launchShared(): Promise<{ endpoint: string; close(): Promise<void> }> {
  requireChromium();
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  return { endpoint: server.wsEndpoint(), close: () => server.close() };
}

/**
 * The built site on a local port and one Chromium, for a test file: started before its tests, closed after them.
 * Read `site.url` and `site.browser` inside the tests (they are set once the hook has run).
 */
export function useBuiltSite(): { url: string; browser: Browser } {
  const site = { url: '', browser: undefined as unknown as Browser };
  let server: PreviewServer | undefined;
  beforeAll(async () => {
    const built = await serveBuiltSite();
    server = built.server;
    site.url = built.url;
    site.browser = await launch();
  }, 120_000);
  afterAll(async () => {
    if (server !== undefined) await closeSite(site.browser, server);
  });
  return site;
}

/**
 * The run's build served under a deep sub-path by a plain static server (as an LMS or an intranet folder serves it),
 * and a browser, for a test file's lifetime. `copy`: a copy of the build, for a test that changes its files. The
 * server's network can be switched off (`online(false)`).
 */
export function useBuiltSiteUnder(
  prefix: string,
  options: { copy?: boolean } = {},
): { url: string; outDir: string; browser: Browser; online(on: boolean): void } {
  let server: Awaited<ReturnType<typeof serveUnder>> | undefined;
  const site = {
    url: '',
    outDir: '',
    browser: undefined as unknown as Browser,
    online(on: boolean) {
      server?.online(on);
    },
  };
  beforeAll(async () => {
    site.outDir = options.copy === true ? await copyOfBuiltSite() : await builtSiteDir();
    server = await serveUnder(site.outDir, prefix);
    site.url = server.url;
    site.browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await site.browser.close();
  });
  return site;
}

/** A page of `browser` at this size, with the page errors and console errors it logs collected as they come. */
export async function pageWithErrors(
  browser: Browser,
  width = 1280,
  height = 720,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('GPU stall')) errors.push(m.text());
  });
  return { page, errors };
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's accessibility audit of the page as it is now: each violation with the elements it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the site's Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}
