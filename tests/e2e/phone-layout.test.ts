import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bayView } from '../../src/view/view-model.ts';
import { axeViolations, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase } from '../support/drive.ts';
import { firstCase, runPlan } from '../support/play.ts';

const CASE = 'septic-shock-spondylodiscitis';
const site = useBuiltSite();

async function newPage(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** The HR and MAP the monitor shows at `minute` with nothing done, from the same engine and view model. */
function expectedAt(minute: number): { hr: string; map: string } {
  const ctx = runPlan(firstCase, [], minute, firstCase.data.defaultSeed);
  const { vitals } = bayView(ctx, firstCase, { paused: false, reducedMotion: false });
  return { hr: `${String(vitals.hr)} /min`, map: `MAP ${String(vitals.map)}` };
}

/** Where an element is, against the viewport's height. */
const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, viewport: window.innerHeight };
  });

describe('the patient stays in view', { timeout: 120_000 }, () => {
  it('on a phone (390×844) the vitals stay pinned, current, and over no control, with the Treat panel scrolled', async () => {
    const { page, errors } = await newPage(390, 844);
    await openCase(page, site.url, CASE);
    await page.locator('#panel-treatments summary').click();
    // Far down the Treat panel: the bay and the monitor are long gone off the top of the screen.
    await page.locator('#panel-treatments li').last().scrollIntoViewIfNeeded();
    expect((await box(page, '.bay')).bottom).toBeLessThan(0);

    const strip = await box(page, '.monitor-text');
    expect(strip.top).toBeGreaterThanOrEqual(0);
    expect(strip.bottom).toBeLessThanOrEqual(strip.viewport);
    // Compact: a strip, not half the screen.
    expect(strip.height).toBeLessThan(80);
    const now = await clockMinutes(page);
    let shown = (await page.locator('.monitor-text').textContent()) ?? '';
    expect(shown).toContain(expectedAt(now).hr);
    expect(shown).toContain(expectedAt(now).map);
    expect(shown).toMatch(/Rhythm\s*Sinus tachycardia/);
    expect(shown).toMatch(/SpO₂\s*\d+ %/);
    expect(shown).toMatch(/RR\s*\d+ \/min/);
    // MAP 60 at arrival: the alarm says so in words, not only in red.
    expect(shown).toContain('LOW');

    // Time passes while the learner is down in the panel: the strip follows the patient.
    await hook(page, 'advance:15');
    const later = await clockMinutes(page);
    expect(later).toBeGreaterThan(now);
    shown = (await page.locator('.monitor-text').textContent()) ?? '';
    expect(shown).toContain(expectedAt(later).hr);
    expect(shown).toContain(expectedAt(later).map);
    const stillThere = await box(page, '.monitor-text');
    expect(stillThere.top).toBeGreaterThanOrEqual(0);
    expect(stillThere.bottom).toBeLessThanOrEqual(stillThere.viewport);

    // A control reached by the keyboard stops below the pinned top, never under it.
    const pinnedBottom = (await box(page, '.play-top')).bottom;
    await page.locator('#panel-treatments [data-action="treat:position-legs-raised"]').focus();
    expect(
      (await box(page, '#panel-treatments [data-action="treat:position-legs-raised"]')).top,
    ).toBeGreaterThanOrEqual(pinnedBottom);

    // Read once: the strip is not a live region (a screen reader is not interrupted every minute).
    expect(await page.locator('.monitor-text [aria-live], .monitor-text[aria-live]').count()).toBe(0);
    expect(await page.locator('.monitor-text').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a wide screen (1280×720) the vitals stay under the bay, and a panel opened low in its column scrolls into view', async () => {
    const { page, errors } = await newPage(1280, 720);
    await openCase(page, site.url, CASE);
    expect(await page.locator('.stage .monitor-text').count()).toBe(1);
    // The order list is long: opened, it pushes Treat to the foot of the column.
    await page.locator('#panel-orders summary').click();
    await page.locator('#panel-treatments summary').scrollIntoViewIfNeeded();
    const column = await box(page, '.panels');
    expect((await box(page, '#panel-treatments')).top).toBeGreaterThan(column.top + column.height / 2);

    await page.locator('#panel-treatments summary').click();
    await page.waitForFunction(() => {
      const panel = document.querySelector('#panel-treatments')?.getBoundingClientRect();
      const column = document.querySelector('.panels')?.getBoundingClientRect();
      return panel !== undefined && column !== undefined && panel.top <= column.top + 40;
    });
    // The opened panel's heading is in view at the top of its column, and what it holds is visible below it.
    const opened = await box(page, '#panel-treatments');
    expect(opened.top).toBeGreaterThanOrEqual(column.top - 1);
    expect(await page.locator('#panel-treatments .running').isVisible()).toBe(true);
    // Focus stays where the learner clicked: the panel's own heading.
    expect(
      await page.evaluate(() => document.activeElement?.closest('#panel-treatments summary') !== null),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
