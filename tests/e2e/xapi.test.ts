import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playScript } from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { SAVE_KEY } from '../../src/app/save.ts';
import { XAPI_QUEUE_KEY } from '../../src/app/xapi/xapi-link.ts';
import { buildSite, launch } from '../support/browser.ts';
import { hook, perform } from '../support/drive.ts';
import { loadFirstCase } from '../support/load.ts';
import { serveUnder } from '../support/static-server.ts';
import { startStubLrs } from '../support/stub-lrs.ts';

const AUTH = `Basic ${Buffer.from('bedside:s3cret').toString('base64')}`;
const ACTOR = { objectType: 'Agent', name: 'A Learner', mbox: 'mailto:learner@example.org' };
const REGISTRATION = '0c4c2d2e-8a1f-4b53-9d7e-2f6a5b1c9e01';
const VERBS = 'http://adlnet.gov/expapi/verbs/';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveUnder>>;
let lrs: Awaited<ReturnType<typeof startStubLrs>>;
let outDir = '';

beforeAll(async () => {
  lrs = await startStubLrs(AUTH);
  // The build lets the LRS's origin through its Content-Security-Policy, as an instructor's build would.
  outDir = await buildSite({ lrsOrigin: lrs.origin });
  site = await serveUnder(outDir, '/bedside/');
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await site.close();
  await lrs.close();
  await browser.close();
});

interface Told {
  verb: { id: string };
  object: { id: string };
  actor: unknown;
  context?: { registration?: string; extensions?: Record<string, unknown> };
  result?: { score?: { raw: number }; success?: boolean; extensions?: Record<string, unknown> };
}
const told = () => [...lrs.stored.values()] as Told[];
const waiting = (page: Page) =>
  page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[]).length, XAPI_QUEUE_KEY);

async function fresh(context: BrowserContext, address: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(address);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Every request the page makes to anywhere but the game's own server. */
function elsewhere(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(site.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      seen.push(r.url());
  });
  return seen;
}

describe('xAPI learning records', { timeout: 180_000 }, () => {
  it('with no configuration the game sends nothing anywhere', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const seen = elsewhere(page);
    await page.goto(`${site.url}?clock=step`);
    await page.waitForSelector('body[data-ready="true"]');
    const resolved = loadFirstCase();
    await page.locator(`[data-case="${resolved.data.id}"]`).click();
    await page.locator('[data-action="start"]').click();
    await hook(page, 'order:lactate');
    await hook(page, 'end');
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(seen).toEqual([]);
    expect(lrs.posts).toEqual([]);
    expect(await waiting(page)).toBe(0);
    await context.close();
  });

  it('launch parameters: every decision told once, through a lost LRS and a reload, then completed and the score', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const params = new URLSearchParams({
      clock: 'step',
      endpoint: lrs.endpoint,
      auth: AUTH,
      actor: JSON.stringify(ACTOR),
      registration: REGISTRATION,
    });
    const page = await fresh(context, `${site.url}?${params.toString()}`);
    const resolved = loadFirstCase();
    await page.locator(`[data-case="${resolved.data.id}"]`).click();
    await page.locator('[data-action="start"]').click();
    const best = Script.parse({ actions: resolved.data.bestPath.actions });
    const percent = page.locator('[data-testid="score-percent"]');
    const steps = best.actions;
    const third = Math.floor(steps.length / 3);
    for (const step of steps.slice(0, third)) await perform(page, step);
    await expect.poll(() => waiting(page)).toBe(0);
    const before = lrs.stored.size;
    expect(before).toBeGreaterThan(1);

    // The LRS cannot be reached: decisions wait in this browser, through a reload.
    lrs.reachable(false);
    for (const step of steps.slice(third, 2 * third)) await perform(page, step);
    expect(await waiting(page)).toBeGreaterThan(0);
    expect(lrs.stored.size).toBe(before);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('.clock').waitFor();
    expect(await waiting(page)).toBeGreaterThan(0);

    // Back: the browser says it is online again, and everything waiting goes.
    lrs.reachable(true);
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe(0);
    for (const step of steps.slice(2 * third)) {
      if ((await percent.count()) > 0) break;
      await perform(page, step);
    }
    if ((await percent.count()) === 0) await perform(page, { at: 0, do: 'end' });
    await percent.waitFor();
    await expect.poll(() => waiting(page)).toBe(0);

    const statements = told();
    expect(lrs.invalid).toEqual([]);
    // None sent twice: every id arrived in exactly one accepted POST, and no POST was a repeat.
    const accepted = lrs.posts.filter((p) => p.status === 200).flatMap((p) => p.ids);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(lrs.posts.filter((p) => p.status === 409)).toEqual([]);
    expect(statements.every((s) => JSON.stringify(s.actor) === JSON.stringify(ACTOR))).toBe(true);
    expect(statements.every((s) => s.context?.registration === REGISTRATION)).toBe(true);

    const verbs = statements.map((s) => s.verb.id.replace(VERBS, ''));
    expect(verbs[0]).toBe('initialized');
    expect(verbs.filter((v) => v === 'resumed')).toHaveLength(1);
    // One statement per order, treatment, consult, diagnosis and disposition in the play's log, in order, with
    // the catalogue id and the simulated minute.
    const log = await page.evaluate(
      (key) =>
        (
          JSON.parse(localStorage.getItem(key) ?? '{}') as {
            log: { action: { do: string; id: string }; atMin: number }[];
          }
        ).log,
      SAVE_KEY,
    );
    const decisions = log.filter((e) =>
      ['order', 'treat', 'consult', 'diagnose', 'dispose'].includes(e.action.do),
    );
    const decided = statements.filter((s) => s.verb.id.startsWith('urn:bedside:verb:'));
    expect(decided.map((s) => s.object.id)).toEqual(
      decisions.map((e) => `urn:bedside:${e.action.do}:${e.action.id}`),
    );
    expect(decided.map((s) => s.context?.extensions?.['urn:bedside:extension:simulated-minute'])).toEqual(
      decisions.map((e) => e.atMin),
    );
    // The end: completed, then passed or failed, with the score the command line gives for the same play.
    const expected = playScript(resolved, best, resolved.data.defaultSeed).score.percent;
    expect(verbs.slice(-2)).toEqual(['completed', expected >= 70 ? 'passed' : 'failed']);
    expect(statements.at(-1)?.result?.score?.raw).toBe(expected);
    expect(Number(((await percent.textContent()) ?? '').replace('%', ''))).toBe(expected);

    // A reload at the debrief does not tell the end again.
    const count = lrs.stored.size;
    await page.reload();
    await percent.waitFor();
    await page.waitForTimeout(500);
    expect(lrs.stored.size).toBe(count);
    await context.close();
  });

  it('bedside.config.json: user name and password; an LRS that refuses is said, and nothing is lost', async () => {
    lrs.stored.clear();
    const config = join(outDir, 'bedside.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        xapi: {
          endpoint: lrs.endpoint,
          username: 'bedside',
          password: 's3cret',
          actor: { name: 'Ward learner', account: { homePage: 'https://lms.example.org', name: 'u123' } },
        },
      }),
    );
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await fresh(context, `${site.url}?clock=step`);
      await page.evaluate(() => {
        localStorage.clear();
      });
      lrs.refuse(403);
      const resolved = loadFirstCase();
      await page.locator(`[data-case="${resolved.data.id}"]`).click();
      await page.locator('[data-action="start"]').click();
      await hook(page, 'order:lactate');
      const notice = page.locator('.xapi-status');
      await expect.poll(() => notice.textContent()).toContain('refused the credentials');
      expect(await notice.isVisible()).toBe(true);
      expect(await waiting(page)).toBe(2);
      expect(lrs.stored.size).toBe(0);

      lrs.refuse(null);
      await hook(page, 'order:blood-cultures');
      await expect.poll(() => waiting(page)).toBe(0);
      await expect.poll(() => notice.isVisible()).toBe(false);
      const statements = told();
      expect(statements.map((s) => s.object.id)).toEqual([
        `urn:bedside:case:${resolved.data.id}`,
        'urn:bedside:order:lactate',
        'urn:bedside:order:blood-cultures',
      ]);
      expect(statements[0]?.actor).toMatchObject({ account: { name: 'u123' } });
      await context.close();
    } finally {
      rmSync(config);
    }
  });

  it('a config whose LRS the build may not reach is said, naming the build option, and nothing is sent', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const elsewhereLrs = 'https://lrs.example.net/xapi/';
    const params = new URLSearchParams({
      endpoint: elsewhereLrs,
      auth: AUTH,
      actor: JSON.stringify(ACTOR),
    });
    const page = await context.newPage();
    const seen = elsewhere(page);
    await page.goto(`${site.url}?${params.toString()}`);
    await page.waitForSelector('body[data-ready="true"]');
    const notice = page.locator('.xapi-status');
    await expect.poll(() => notice.textContent()).toContain('BEDSIDE_LRS_ORIGIN=https://lrs.example.net');
    // A broken setting is said too: a bad actor in the launch parameters.
    await page.goto(`${site.url}?endpoint=${encodeURIComponent(lrs.endpoint)}&auth=x&actor=%7B%7D`);
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => notice.textContent()).toContain('actor');
    expect(seen).toEqual([]);
    await context.close();
  });
});
