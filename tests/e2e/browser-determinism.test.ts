import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playScript, targetsFor } from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { closeSite, launch, serveBuiltSite } from '../support/browser.ts';
import { ROOT, loadShippedCase, shippedCasePaths } from '../support/load.ts';
import { firstCase } from '../support/play.ts';

let browser: Browser;
let server: PreviewServer;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const site = await serveBuiltSite();
  server = site.server;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
  });
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready="true"]');
}, 120_000);

afterAll(async () => {
  await closeSite(browser, server);
});

function inBrowser(script: unknown, seed?: number): Promise<string> {
  return page.evaluate(
    async ({ script, seed }) => {
      const bedside = (
        window as unknown as {
          bedside: { play: (id: string, s: unknown, seed?: number) => Promise<unknown> };
        }
      ).bedside;
      return JSON.stringify(await bedside.play('septic-shock-spondylodiscitis', script, seed));
    },
    { script, seed },
  );
}

describe('the engine in Chromium gives the same result as in Node', { timeout: 120_000 }, () => {
  it('loads without a page error and lists every case, built from the case files, the real cases first', async () => {
    expect(pageErrors).toEqual([]);
    const listed = await page
      .locator('[data-case]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-case')));
    expect([...listed].sort()).toEqual(shippedCasePaths().map((p) => p.replace(/^cases\/(.*)\.json$/, '$1')));
    // Every real, published case before any synthetic one; the first case is among them.
    const real = shippedCasePaths()
      .map((p) => loadShippedCase(p).data)
      .filter((d) => d.kind === 'real-case')
      .map((d) => d.id);
    expect(real.length).toBeGreaterThanOrEqual(4);
    expect([...listed.slice(0, real.length)].sort()).toEqual([...real].sort());
    expect(listed.slice(0, real.length)).toContain(firstCase.data.id);
  });

  for (const file of ['guideline-path.json', 'no-treatment.json', 'guideline-piptazo.json']) {
    it(`${file}: byte-identical JSON`, async () => {
      const script: unknown = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/scripts', file), 'utf8'));
      const node = JSON.stringify(playScript(firstCase, script as never));
      expect(await inBrowser(script)).toBe(node);
    });
  }

  it('random learners with random seeds: byte-identical JSON', async () => {
    const verbs = ['examine', 'order', 'treat', 'stop', 'consult', 'diagnose', 'dispose'] as const;
    const scripts = fc.sample(
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 60 }),
          fc.constantFrom(...verbs),
          fc.nat(),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
        { maxLength: 20 },
      ),
      { numRuns: 12, seed: 2026 },
    );
    for (const [i, steps] of scripts.entries()) {
      let at = 0;
      const actions = steps.map(([gap, verb, pick, dose]): ScriptAction => {
        at += gap;
        const ids = targetsFor(firstCase, verb);
        return {
          at,
          do: verb,
          id: ids[pick % ids.length] ?? 'general',
          ...(verb === 'treat' ? { dose: Math.min(dose, 1) } : {}),
        };
      });
      const node = JSON.stringify(playScript(firstCase, { actions }, i * 97));
      expect(await inBrowser({ actions }, i * 97)).toBe(node);
    }
  });
});
