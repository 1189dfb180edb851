import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase, openPicker, secondsPass } from '../support/drive.ts';
import { ROOT } from '../support/load.ts';

const CASE = 'septic-shock-spondylodiscitis';
const site = useBuiltSite();

const newPage = (width?: number, height?: number) => pageWithErrors(site.browser, width, height);

/** What the clock says about its stop, on screen, and what the live region says aloud. */
async function stopNotice(page: Page): Promise<{ shown: string | null; said: string }> {
  const notice = page.locator('.clock-stop');
  return {
    shown: (await notice.isVisible()) ? await notice.locator('.clock-stop-text').textContent() : null,
    said: (await page.locator('.time-controls [aria-live="assertive"]').textContent()) ?? '',
  };
}

/**
 * Step to `minute`, then switch to real time at one simulated minute a second. The page's clock is Playwright's fake
 * one, installed before the case opened and paused here: only secondsPass moves it, a second at a time (the ticks
 * without the sixty frames a second the bay would draw in between), so a slow machine adds no tick of its own.
 */
async function realTimeFrom(page: Page, minute: number): Promise<void> {
  for (const step of [60, 60, 15, 15]) await hook(page, `advance:${String(step)}`);
  expect(await clockMinutes(page)).toBe(minute);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await page.locator('#clock-real').check();
  await page.locator('#clock-speed').selectOption('1');
}

// The untreated first case: the MAP falls below 55 mmHg at T+2:42 (the alarm a press of "+60" used to jump past).
describe('the clock stops for danger, in Chromium', { timeout: 120_000 }, () => {
  it('"+60" from arrival without treatment stops at the MAP alarm, says why, and the learner can continue', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    await hook(page, 'advance:60');
    await hook(page, 'advance:60');
    expect(await clockMinutes(page)).toBe(120);
    expect((await stopNotice(page)).shown).toBeNull();
    await hook(page, 'advance:60');
    expect(await clockMinutes(page)).toBe(162);
    const why = 'Stopped at T+ 2:42: MAP 54 mmHg — alarm';
    expect(await stopNotice(page)).toEqual({ shown: why, said: why });
    // The alarm is in the visible log too.
    expect(await page.locator('.event-log').textContent()).toContain('MAP has fallen below 55 mmHg (54).');
    expect(await axeViolations(page)).toEqual([]);

    // Continue goes on to the minute asked for; the notice goes once time moves.
    const go = page.locator('[data-action="advance:continue"]');
    expect(await go.textContent()).toBe('Continue to T+ 3:00');
    await go.click();
    expect(await clockMinutes(page)).toBe(180);
    expect((await stopNotice(page)).shown).toBeNull();
    await hook(page, 'advance:60');
    expect(await clockMinutes(page)).toBe(240);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a critical result stops "+15" at its minute, on a phone too, with the notice in the pinned header', async () => {
    const { page, errors } = await newPage(390, 844);
    await openCase(page, site.url, CASE);
    await hook(page, 'order:lactate');
    await hook(page, 'advance:15');
    const now = await clockMinutes(page);
    expect(now).toBeLessThan(15);
    const { shown } = await stopNotice(page);
    expect(shown).toMatch(
      /^Stopped at T\+ 0:0\d: Lactate \d+\.\d mmol\/L \(critically high\) — critical result$/,
    );
    expect(await page.locator('.clock-stop').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in real time, a case that asks for it pauses the clock at the alarm and says why; Resume goes on', async () => {
    const { page, errors } = await newPage();
    await page.clock.install();
    await openPicker(page, site.url, 'step');
    const original = JSON.parse(readFileSync(join(ROOT, 'cases', `${CASE}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    const pausing = { ...original, id: 'pausing-case', clock: { pauseRealTimeOn: ['alarm'] } };
    await page.setInputFiles('[data-field="case-file"]', {
      name: 'pausing-case.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pausing, null, 2)),
    });
    await page.locator('[data-action="start"]').click();
    await page.locator('.clock').waitFor();
    await realTimeFrom(page, 150);
    // One simulated minute a second: 20 s would take it to 2:50, but it pauses at 2:42.
    await secondsPass(page, 20);
    expect(await clockMinutes(page)).toBe(162);
    const why = 'Paused at T+ 2:42: MAP 54 mmHg — alarm';
    expect(await stopNotice(page)).toEqual({ shown: why, said: why });
    expect(await page.locator('.real-controls button').textContent()).toBe('Resume');
    // axe waits on timers of its own: the page's clock runs while it looks (the case's clock is paused meanwhile).
    await page.clock.resume();
    expect(await axeViolations(page)).toEqual([]);
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    expect(await clockMinutes(page)).toBe(162);
    await page.locator('[data-action="advance:continue"]').click();
    await secondsPass(page, 3);
    expect(await clockMinutes(page)).toBe(165);
    expect((await stopNotice(page)).shown).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without the case option, real time runs past the alarm as before', async () => {
    const { page } = await newPage();
    await page.clock.install();
    await openCase(page, site.url, CASE);
    await realTimeFrom(page, 150);
    await secondsPass(page, 20);
    expect(await clockMinutes(page)).toBe(170);
    expect((await stopNotice(page)).shown).toBeNull();
    await page.close();
  });
});
