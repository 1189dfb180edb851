import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSite, launch, serveBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase } from '../support/drive.ts';

const PREFIX = '/lms/course-42/bedside/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
};

let browser: Browser;
let preview: PreviewServer;
let server: Server;
let url: string;

beforeAll(async () => {
  const site = await serveBuiltSite();
  preview = site.server;
  // A plain static server that only answers under a deep sub-path, as an LMS or an intranet folder would.
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const file = normalize(join(site.outDir, path.slice(PREFIX.length) || 'index.html'));
    if (!file.startsWith(site.outDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}${PREFIX}`;
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  await closeSite(browser, preview);
});

describe('the built site works from any sub-path', { timeout: 120_000 }, () => {
  it('loads and plays from /lms/course-42/bedside/ (relative asset URLs, no 404)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${String(r.status())} ${r.url()}`);
    });
    page.on('pageerror', (e) => failures.push(e.message));
    await openCase(page, url, 'septic-shock-spondylodiscitis');
    await hook(page, 'advance:15');
    expect(await clockMinutes(page)).toBe(15);
    expect(await page.locator('.bay canvas').count()).toBe(1);
    // The web font came from the sub-path too.
    expect(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);
    expect(failures).toEqual([]);
    await page.close();
  });
});
