import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playScript } from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { fromSuspendData, SUSPEND_LIMIT } from '../../src/app/lms/suspend.ts';
import { closeSite, launch } from '../support/browser.ts';
import { serveLmsWithPackage } from '../support/lms-site.ts';
import { clockMinutes, perform } from '../support/drive.ts';
import { loadFirstCase } from '../support/load.ts';

const resolved = loadFirstCase();
const best = Script.parse({ actions: resolved.data.bestPath.actions });
const PASS_MARK = 80;

/** What the test LMS holds (scorm-again's CMI as JSON). */
interface LmsRecord {
  suspend_data: string;
  core: {
    lesson_status: string;
    lesson_location: string;
    exit: string;
    session_time: string;
    score: { raw: string; min: string; max: string };
  };
  interactions: Record<
    string,
    { id: string; type: string; student_response: string; result: string; time: string }
  >;
}

let browser: Browser;
let server: PreviewServer;
let url = '';

// The package built as an instructor builds it, unpacked beside a test LMS page that runs scorm-again's SCORM 1.2
// runtime as window.API: the game finds it by the standard discovery and the test reads what the LMS received.
beforeAll(async () => {
  ({ url, server } = await serveLmsWithPackage([resolved.data.id], PASS_MARK));
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await closeSite(browser, server);
});

const record = (lms: Page) => lms.evaluate(() => (window as unknown as { record(): LmsRecord }).record());

/** The LMS page, and the package launched from it in a window of its own (the game finds the API on its opener). */
async function launchFromLms(
  context: BrowserContext,
  query = '',
): Promise<{ lms: Page; game: Page; errors: string[] }> {
  const lms = await context.newPage();
  await lms.goto(`${url}lms.html${query}`);
  const [game] = await Promise.all([
    context.waitForEvent('page'),
    lms.evaluate(() => {
      window.open('course/index.html?clock=step', 'bedside', 'width=1280,height=720');
    }),
  ]);
  const errors: string[] = [];
  game.on('pageerror', (e) => errors.push(e.message));
  await game.setViewportSize({ width: 1280, height: 720 });
  await game.waitForSelector('body[data-ready="true"]');
  return { lms, game, errors };
}

/** The test LMS with the package in its frame (`query` sets the LMS up), the case started. */
async function startInLmsFrame(
  query: string,
): Promise<{ context: BrowserContext; lms: Page; frame: FrameLocator }> {
  const context = await browser.newContext();
  const lms = await context.newPage();
  await lms.goto(`${url}lms.html?frame=1&${query}`);
  const frame = lms.frameLocator('iframe');
  await frame.locator('[data-action="start"]').click();
  return { context, lms, frame };
}

/** Click a control in the frame by its hook, as the drive helpers click (the frame's layout may fold it away). */
const press = (frame: FrameLocator, action: string) =>
  frame.locator(`[data-action="${action}"]`).evaluate((el: HTMLElement) => {
    el.click();
  });

describe('the SCORM 1.2 package in an LMS (scorm-again as the runtime)', { timeout: 180_000 }, () => {
  it('records the play, resumes from suspend data alone, and reports the score and the pass', async () => {
    const context = await browser.newContext();
    const first = await launchFromLms(context);
    // One case in the package: it opens on its briefing.
    await first.game.locator('[data-action="start"]').click();
    await first.game.locator('.clock').waitFor();
    let rec = await record(first.lms);
    expect(rec.core.lesson_status).toBe('incomplete');

    // The first part of the guideline's path, then the learner closes the window.
    const half = best.actions.filter((a) => a.at <= 60);
    for (const step of half) await perform(first.game, step);
    const minute = await clockMinutes(first.game);
    await first.game.close({ runBeforeUnload: true });
    await expect
      .poll(() => first.lms.evaluate(() => (window as unknown as { finished: boolean }).finished))
      .toBe(true);
    rec = await record(first.lms);
    expect(rec.core.lesson_status).toBe('incomplete');
    expect(rec.core.exit).toBe('suspend');
    expect(rec.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(rec.core.lesson_location).toBe(
      `T+ ${String(Math.floor(minute / 60))}:${String(minute % 60).padStart(2, '0')}`,
    );
    expect(rec.suspend_data.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const kept = fromSuspendData(rec.suspend_data);
    expect(kept.ok && kept.save.log.map((e) => `${e.action.do}:${e.action.id}`)).toEqual(
      half.map((a) => `${a.do}:${a.id ?? ''}`),
    );
    // Each decision an interaction, in order, with its time in the case.
    const interactions = Object.values(rec.interactions);
    expect(interactions.map((i) => i.id)).toEqual(
      half.map((a, n) => `${String(n + 1)}_${a.do}_${a.id ?? ''}`),
    );
    expect(interactions[0]).toMatchObject({ type: 'performance', result: 'neutral' });
    expect(interactions.at(-1)?.student_response).toMatch(/ at T\+\d+:\d{2}$/);
    expect(interactions.every((i) => /^\d{2}:\d{2}:\d{2}$/.test(i.time))).toBe(true);
    await first.lms.close();

    // Another computer: this browser's own copy of the play is gone; the LMS relaunches with its suspend data.
    const setup = await context.newPage();
    await setup.goto(`${url}lms.html`);
    await setup.evaluate(() => {
      localStorage.removeItem('bedside:play');
    });
    await setup.close();
    const second = await launchFromLms(context, '?resume=1');
    await second.game.locator('.clock').waitFor();
    expect(await clockMinutes(second.game)).toBe(minute);
    expect(await second.game.locator('[data-action="start"]').count()).toBe(0);

    // The rest of the path, to the debrief: the score the command line gives, passed against the build's mark.
    const percent = second.game.locator('[data-testid="score-percent"]');
    for (const step of best.actions.filter((a) => a.at > 60)) await perform(second.game, step);
    if ((await percent.count()) === 0) await perform(second.game, { at: 0, do: 'end' });
    await percent.waitFor();
    const shown = Number(((await percent.textContent()) ?? '').replace('%', ''));
    expect(shown).toBe(playScript(resolved, best, resolved.data.defaultSeed).score.percent);
    rec = await record(second.lms);
    expect(Number(rec.core.score.raw)).toBeCloseTo(shown, 1);
    expect(rec.core.score.min).toBe('0');
    expect(rec.core.score.max).toBe('100');
    expect(shown).toBeGreaterThanOrEqual(PASS_MARK);
    expect(rec.core.lesson_status).toBe('passed');
    // Interactions go on from where the first session left them.
    expect(Object.keys(rec.interactions)).toHaveLength(best.actions.filter((a) => a.do !== 'end').length);
    expect(second.errors).toEqual([]);
    expect(first.errors).toEqual([]);
    await context.close();
  });

  it('finds the API on a parent frame, and judges by the LMS’s own mastery score over the build’s', async () => {
    // The LMS's mastery score is 0: a play that scores nothing passes there, where the build's 80 would fail it.
    const { context, lms, frame } = await startInLmsFrame('mastery=0');
    await press(frame, 'end');
    await frame.locator('[data-testid="score-percent"]').waitFor();
    const rec = await record(lms);
    expect(Number(rec.core.score.raw)).toBeLessThan(PASS_MARK);
    expect(rec.core.lesson_status).toBe('passed');
    await context.close();
  });

  it('an LMS that refuses the resume data: the learner is told, in words, and plays on', async () => {
    const { context, frame } = await startInLmsFrame('refuse=1');
    await press(frame, 'order:lactate');
    const status = frame.locator('.lms-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /The LMS refused LMSSetValue cmi\.suspend_data.*Your play is still kept in this browser\./,
    );
    await press(frame, 'advance:15');
    // Dismissed, it stays away until the LMS has something new to say.
    await frame.locator('[data-action="lms-dismiss"]').click();
    expect(await status.isVisible()).toBe(false);
    // Time moves on (a critical result may stop the step early, as it does anywhere).
    await expect.poll(() => frame.locator('.clock').textContent()).not.toContain('T+ 0:00');
    await context.close();
  });

  it('without an LMS, the same package just plays', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}course/index.html?clock=step`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('[data-action="start"]').click();
    await perform(page, { at: 5, do: 'order', id: 'lactate' });
    expect(await clockMinutes(page)).toBe(5);
    expect(await page.locator('.lms-status').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
