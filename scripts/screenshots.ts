// npm run screenshots — builds the site and saves Chromium screenshots of every screen at the sizes we check by
// eye (1280×720, 1920×1080, a 390×844 phone) into tmp/screenshots/. Open them and look before calling UI work done.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Script } from '../src/engine/case/schema/script.ts';
import { launch, serveBuiltSite } from '../tests/support/browser.ts';
import { serveHarness } from '../tests/support/harness.ts';
import { advanceTo, hook, openCase, openPicker, perform } from '../tests/support/drive.ts';
import { SCENARIOS } from '../tests/harness/bay-scenarios.ts';
import { serveLmsWithPackage } from '../tests/support/lms-site.ts';
import { serveUnder } from '../tests/support/static-server.ts';
import { ROOT, loadShippedCase, shippedCasePaths } from '../tests/support/load.ts';

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [390, 844],
] as const;
const CASE = 'septic-shock-spondylodiscitis';
const guideline = Script.parse(
  JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/scripts/ui-guideline.json'), 'utf8')),
);

const out = join(ROOT, 'tmp/screenshots');
mkdirSync(out, { recursive: true });

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const file = join(out, `${name}-${String(width)}x${String(height)}.png`);
  // Let the canvas draw a few frames (sweeping traces) before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage });
  process.stdout.write(`${file}\n`);
}

async function screens(browser: Browser, url: string, width: number, height: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height } });
  await openPicker(page, url);
  await shoot(page, '1-picker');
  await page.locator(`[data-case="${CASE}"]`).click();
  await page.locator('[data-action="start"]').waitFor();
  await shoot(page, '2-briefing');
  await openCase(page, url, CASE);
  await shoot(page, '3-arrival');
  // Half-way through the guideline path: results in, fluids and noradrenaline running.
  for (const step of guideline.actions.filter((a) => a.at <= 90)) await perform(page, step);
  await hook(page, 'advance:15');
  for (const id of ['results', 'treatments']) {
    await page.locator(`#panel-${id} summary`).click();
  }
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await shoot(page, '4-treating');
  await page.locator('#panel-results').scrollIntoViewIfNeeded();
  await shoot(page, '5-results');
  for (const step of guideline.actions.filter((a) => a.at > 90)) await perform(page, step);
  await page.locator('[data-testid="score-percent"]').waitFor();
  await shoot(page, '6-debrief');
  await shoot(page, '6-debrief-full', true);
  await page.close();
}

/** Untreated, the first case arrests in its tenth hour: the arrest banner, then CPR running. */
async function arrest(browser: Browser, url: string, width: number, height: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height } });
  await openCase(page, url, CASE);
  // The hour steps are interruptible: they stop at the minute of the arrest.
  for (let hour = 0; hour < 16 && !(await page.locator('.arrest-banner.active').count()); hour += 1)
    await hook(page, 'advance:60');
  await shoot(page, '9-arrest');
  await page.locator('[data-arrest-action="treat:cpr"]').click();
  await hook(page, 'advance:1');
  await shoot(page, '9-arrest-cpr');
  await page.close();
}

/** Every other shipped case: its bedside half-way through its own best path, and its debrief. */
async function otherCases(browser: Browser, url: string, width: number, height: number): Promise<void> {
  for (const path of shippedCasePaths()) {
    const resolved = loadShippedCase(path);
    const id = resolved.data.id;
    if (id === CASE) continue;
    const page = await browser.newPage({ viewport: { width, height } });
    await openCase(page, url, id);
    const steps = resolved.data.bestPath.actions;
    const half = steps[Math.floor(steps.length / 2)]?.at ?? 0;
    for (const step of steps.filter((a) => a.at <= half)) await perform(page, step);
    for (const panelId of ['results', 'treatments']) await page.locator(`#panel-${panelId} summary`).click();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await shoot(page, `7-${id}-bedside`);
    await page.locator('#panel-results').scrollIntoViewIfNeeded();
    await shoot(page, `7-${id}-results`);
    for (const step of steps.filter((a) => a.at > half)) await perform(page, step);
    await page.locator('[data-testid="score-percent"]').waitFor();
    await shoot(page, `8-${id}-debrief-full`, true);
    await page.close();
  }
}

/** What a learner sees after a damaged save, and an author after opening a file that replaces a bundled case. */
async function hardening(browser: Browser, url: string, width: number, height: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height } });
  await openPicker(page, url);
  await page.evaluate(() => {
    localStorage.setItem('bedside:play', '{"version":1,"caseId":"x","log":[null]}');
  });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await shoot(page, '10-damaged-save');
  await page.locator('[data-action="discard-damaged-save"]').click();
  const mine = { ...(JSON.parse(readFileSync(join(ROOT, `cases/${CASE}.json`), 'utf8')) as object) };
  await page.setInputFiles('[data-field="case-file"]', {
    name: `${CASE}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...mine, title: 'My edited copy of the first case' }, null, 2)),
  });
  await page.locator('[data-action="start"]').waitFor();
  await shoot(page, '10-opened-file-replaces');
  await page.close();
}

/** Each case's ECGs as the learner reads them (the tracing, then the enlarged view), and the first case's wet read. */
async function ecgs(browser: Browser, url: string, width: number, height: number): Promise<void> {
  for (const path of shippedCasePaths()) {
    const resolved = loadShippedCase(path);
    const id = resolved.data.id;
    const tests = Object.keys(resolved.data.results).filter(
      (t) => resolved.catalog.tests[t]?.ecg !== undefined,
    );
    if (tests.length === 0) continue;
    const page = await browser.newPage({ viewport: { width, height } });
    await openCase(page, url, id);
    for (const t of tests) await hook(page, `order:${t}`);
    await advanceTo(page, 10);
    await page.locator('#panel-results summary').click();
    for (const t of tests) {
      const article = page.locator(`#panel-results article.ecg-result[data-result="${t}"]`);
      await article.scrollIntoViewIfNeeded();
      await article.screenshot({
        path: join(out, `11-ecg-${id}-${t}-${String(width)}x${String(height)}.png`),
      });
    }
    await page.locator('#panel-results .ecg-enlarge').first().click();
    await shoot(page, `11-ecg-${id}-enlarged`);
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width, height } });
  await openCase(page, url, CASE);
  await hook(page, 'order:ct-abdomen-pelvis');
  await advanceTo(page, 35);
  await page.locator('#panel-orders summary').click();
  await page.locator('#panel-orders .pending').scrollIntoViewIfNeeded();
  await shoot(page, '12-wet-read-offered');
  await page.locator('[data-read-action="order:radiology-wet-read"]').click();
  await advanceTo(page, 50);
  await page.locator('#panel-results summary').click();
  await page.locator('#panel-results article.wet-read').scrollIntoViewIfNeeded();
  await shoot(page, '12-wet-read-given');
  await page.close();
}

/**
 * The bay from the harness page (served by Vite): the monitor in each rhythm, and each case's patient at arrival
 * (untreated) and along its best path.
 */
async function bays(browser: Browser, width: number, height: number): Promise<void> {
  const harness = await serveHarness();
  const page = await browser.newPage({ viewport: { width, height } });
  const show = async (query: string, name: string) => {
    await page.goto(`${harness.url}?${query}`);
    await page.waitForFunction(() => 'bay' in window);
    await shoot(page, name);
  };
  try {
    for (const scenario of Object.keys(SCENARIOS))
      await show(`scenario=${scenario}`, `13-monitor-${scenario}`);
    // The projector's monitor (large type, steady alarms) in the rhythms with the longest words.
    for (const scenario of ['sinus', 'vt', 'chb-junctional', 'pvt', 'arterial', 'shock'])
      await show(`scenario=${scenario}&classroom=1`, `13-monitor-large-${scenario}`);
    for (const path of shippedCasePaths()) {
      const resolved = loadShippedCase(path);
      const id = resolved.data.id;
      const last = resolved.data.bestPath.actions.at(-1)?.at ?? 60;
      await show(`case=${id}&at=0&plan=none`, `14-patient-${id}-arrival`);
      await show(`case=${id}&at=${String(Math.floor(last / 2))}&plan=best`, `14-patient-${id}-treated`);
    }
  } finally {
    await page.close();
    await harness.close();
  }
}

/**
 * A class: the projector and the presenter window side by side in one browser, a vote on the board with the case's
 * question, then the debrief before and after the reveal.
 */
async function classroom(browser: Browser, url: string, width: number, height: number): Promise<void> {
  const context = await browser.newContext({ viewport: { width, height } });
  const projector = await context.newPage();
  await projector.goto(`${url}?mode=classroom`);
  await projector.waitForSelector('body[data-ready="true"]');
  await projector.evaluate(() => {
    localStorage.clear();
  });
  await projector.goto(`${url}?mode=classroom&case=${CASE}`);
  await projector.waitForSelector('body[data-ready="true"]');
  await shoot(projector, '15-classroom-briefing');
  await projector.locator('[data-action="start"]').click();
  await projector.locator('.clock').waitFor();
  const opened = context.waitForEvent('page');
  await projector.keyboard.press('c');
  const presenter = await opened;
  await presenter.locator('.clock').waitFor();
  for (const step of guideline.actions.filter((a) => a.at <= 20)) await perform(projector, step);
  await hook(projector, 'advance:15');
  await shoot(projector, '15-classroom-projector');
  await projector.keyboard.press('v');
  await projector.locator('.board-suggested summary').click();
  await projector.locator('[data-action="board-ask:2"]').click();
  await projector.locator('[data-field="votes:treat:norepinephrine"]').fill('27');
  await projector.locator('[data-field="votes:treat:lactated-ringers"]').fill('11');
  await projector.locator('[data-action="tally:treat:dopamine"]').click();
  await presenter.waitForTimeout(300);
  await shoot(projector, '15-classroom-board');
  await shoot(presenter, '15-classroom-presenter-board');
  await presenter.locator('[data-action="commit:treat:norepinephrine"]').click();
  await presenter.locator('dialog[open] [data-action="confirm"]').click();
  await projector.locator('.decision-board').waitFor({ state: 'hidden' });
  await hook(projector, 'end');
  await projector.locator('.debrief h1').waitFor();
  await presenter.locator('.debrief h1').waitFor();
  await shoot(projector, '15-classroom-debrief-hidden');
  await shoot(presenter, '15-classroom-presenter-debrief', true);
  await projector.keyboard.press('r');
  await shoot(projector, '15-classroom-debrief-revealed', true);
  await context.close();
}

/**
 * The SCORM package in a test LMS (scorm-again as the runtime): the game in the LMS's frame, the briefing and a play,
 * and an LMS that refuses the resume data (the learner's notice at the bottom).
 */
async function lms(browser: Browser, width: number, height: number): Promise<void> {
  const { url, server } = await serveLmsWithPackage([CASE], 75);
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}lms.html?frame=1`);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-action="start"]').waitFor();
    await shoot(page, '16-lms-briefing');
    await frame.locator('[data-action="start"]').click();
    await frame.locator('.clock').waitFor();
    // A new launch without resume data is a new attempt: the briefing again.
    await page.goto(`${url}lms.html?frame=1&refuse=1`);
    await frame.locator('[data-action="start"]').click();
    await frame.locator('[data-action="order:lactate"]').evaluate((el: HTMLElement) => {
      el.click();
    });
    await frame.locator('.lms-status').waitFor();
    await shoot(page, '16-lms-refused');
    await page.close();
  } finally {
    server.httpServer.close();
  }
}

/**
 * Offline: the first visit ("plays without a network"), a new version waiting on the picker, and the same during a
 * case (offered when it ends). Served under a sub-path by a server that reads files as they are asked for, so a
 * changed service worker is a new version.
 */
async function offline(browser: Browser, outDir: string, width: number, height: number): Promise<void> {
  const site = await serveUnder(outDir, '/ward/bedside/');
  try {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${site.url}?clock=step`);
    await page.locator('.update-banner:not([hidden])').waitFor({ timeout: 30_000 });
    await shoot(page, '17-offline-ready');
    appendFileSync(join(outDir, 'sw.js'), `\n// screenshots ${String(width)}\n`);
    await page.reload();
    await page.locator('[data-action="update-now"]:not([hidden])').waitFor({ timeout: 30_000 });
    await shoot(page, '17-offline-update-ready');
    await page.locator(`[data-case="${CASE}"]`).click();
    await page.locator('[data-action="start"]').click();
    await page.locator('.clock').waitFor();
    await shoot(page, '17-offline-update-after-case');
    await context.close();
  } finally {
    await site.close();
  }
}

/**
 * xAPI: settings naming an LRS the build's Content-Security-Policy does not let through; the notice at the foot of
 * the page names the build option, over a case in play.
 */
async function xapi(browser: Browser, url: string, width: number, height: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height } });
  const launchTo = new URLSearchParams({
    clock: 'step',
    endpoint: 'https://lrs.example.net/xapi/',
    auth: 'Basic a2V5OnNlY3JldA==',
    actor: JSON.stringify({ mbox: 'mailto:learner@example.org' }),
  });
  await page.goto(`${url}?${launchTo.toString()}`);
  await page.locator(`[data-case="${CASE}"]`).click();
  await page.locator('[data-action="start"]').click();
  await page.locator('.xapi-status:not([hidden])').waitFor();
  await shoot(page, '18-xapi-blocked-by-policy');
  await page.close();
}

/** `npm run screenshots -- classroom ecgs` shoots only those sets; no argument shoots them all. */
const only = new Set(process.argv.slice(2));
const wanted = (set: string) => only.size === 0 || only.has(set);
const { url, server, outDir } = await serveBuiltSite();
const browser = await launch();
try {
  const sets: [string, (width: number, height: number) => Promise<void>][] = [
    ['hardening', (w, h) => hardening(browser, url, w, h)],
    ['screens', (w, h) => screens(browser, url, w, h)],
    ['cases', (w, h) => otherCases(browser, url, w, h)],
    ['arrest', (w, h) => arrest(browser, url, w, h)],
    ['ecgs', (w, h) => ecgs(browser, url, w, h)],
    ['bays', (w, h) => bays(browser, w, h)],
    ['lms', (w, h) => lms(browser, w, h)],
    ['offline', (w, h) => offline(browser, outDir, w, h)],
    ['xapi', (w, h) => xapi(browser, url, w, h)],
  ];
  for (const [name, shootAt] of sets) if (wanted(name)) for (const [w, h] of SIZES) await shootAt(w, h);
  // A projector: the sizes a lecture hall has.
  if (wanted('classroom'))
    for (const [w, h] of [
      [1024, 768],
      [1920, 1080],
      [3840, 2160],
    ] as const)
      await classroom(browser, url, w, h);
} finally {
  await browser.close();
  server.httpServer.close();
}
