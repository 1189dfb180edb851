import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { useBuiltSiteUnder } from '../support/browser.ts';
import { hook, perform } from '../support/drive.ts';
import { loadFirstCase } from '../support/load.ts';

const PREFIX = '/hospital/teaching/bedside/';

// A copy of the build: the test publishes a new version by changing its service worker.
const site = useBuiltSiteUnder(PREFIX, { copy: true });

/** The page is controlled by the service worker, with everything precached. */
const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe(
  'offline: an installable app that plays with no network after one visit',
  { timeout: 180_000 },
  () => {
    it('visits once, goes offline, reloads and plays the first case to its debrief', async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.url}?clock=step`);
      await page.waitForSelector('body[data-ready="true"]');
      await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
      await expect
        .poll(() => page.locator('.update-banner').textContent(), { timeout: 30_000 })
        .toContain('plays without a network');
      // It is installable: a manifest with icons, served beside the game.
      const manifest = await page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
        return link === null
          ? null
          : ((await (await fetch(link.href)).json()) as { icons: { sizes: string }[] });
      });
      expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

      // The network goes.
      site.online(false);
      await context.setOffline(true);
      try {
        await page.reload();
        await page.waitForSelector('body[data-ready="true"]');
        const resolved = loadFirstCase();
        await page.locator(`[data-case="${resolved.data.id}"]`).click();
        await page.locator('[data-action="start"]').click();
        const best = Script.parse({ actions: resolved.data.bestPath.actions });
        const percent = page.locator('[data-testid="score-percent"]');
        for (const step of best.actions) {
          if ((await percent.count()) > 0) break;
          await perform(page, step);
        }
        if ((await percent.count()) === 0) await perform(page, { at: 0, do: 'end' });
        await percent.waitFor();
        expect(Number(((await percent.textContent()) ?? '').replace('%', ''))).toBe(
          playScript(resolved, best, resolved.data.defaultSeed).score.percent,
        );
        // The bay drew too: its canvas came from the cache with the rest.
        expect(errors).toEqual([]);
      } finally {
        site.online(true);
        await context.setOffline(false);
      }
      await context.close();
    });

    it('a new version waits: never reloads mid-case, and is offered once the case ends', async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${site.url}?clock=step`);
      await page.waitForSelector('body[data-ready="true"]');
      await expect.poll(() => controlled(page), { timeout: 30_000 }).toBe(true);
      // A new version is published; the learner comes back (Bedside looks for one each time it starts).
      appendFileSync(join(site.outDir, 'sw.js'), '\n// a new version\n');
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      const banner = page.locator('.update-banner');
      await expect
        .poll(() => banner.textContent(), { timeout: 30_000 })
        .toContain('A new version of Bedside is ready.');
      expect(await page.locator('[data-action="update-now"]').isVisible()).toBe(true);

      // A case starts before the learner takes it: from then on it waits for the case's end, and nothing reloads.
      const resolved = loadFirstCase();
      await page.locator(`[data-case="${resolved.data.id}"]`).click();
      await page.locator('[data-action="start"]').click();
      await page.evaluate(() => {
        (window as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      await expect.poll(() => banner.textContent()).toContain('offered when this case ends');
      expect(await page.locator('[data-action="update-now"]').isVisible()).toBe(false);
      await hook(page, 'order:lactate');
      await hook(page, 'advance:15');
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
        true,
      );

      // The case ends: now it is offered, and taken.
      await hook(page, 'end');
      await page.locator('[data-testid="score-percent"]').waitFor();
      await expect.poll(() => banner.textContent()).toContain('A new version of Bedside is ready.');
      await Promise.all([page.waitForEvent('load'), page.locator('[data-action="update-now"]').click()]);
      await page.waitForSelector('body[data-ready="true"]');
      expect(
        await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
      ).toBeUndefined();
      const waiting = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
      );
      expect(waiting).toBeNull();
      await context.close();
    });
  },
);
