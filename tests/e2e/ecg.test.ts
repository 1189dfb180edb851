import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { advanceTo, clockMinutes, hook, openCase } from '../support/drive.ts';

const site = useBuiltSite();

const newPage = (width?: number, height?: number) => pageWithErrors(site.browser, width, height);

async function openResults(page: Page): Promise<void> {
  if (!(await page.locator('#panel-results').evaluate((el) => (el as HTMLDetailsElement).open)))
    await page.locator('#panel-results summary').click();
}

const resultsText = (page: Page) => page.locator('#panel-results').innerText();
/** What would give the reading away: the diagnosis, or the written read's own words. */
const GIVEAWAY = /STEMI|infarction|Impression|ST elevation|reciprocal/i;

describe('an ECG drawn to be read, and read by a cardiologist on request', { timeout: 120_000 }, () => {
  it('the STEMI ECG shows as a tracing with 12 leads and no interpretation until a cardiology read is back', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, 'inferior-stemi-rv');
    await hook(page, 'order:ecg');
    await advanceTo(page, 10);
    await openResults(page);
    const drawing = page.locator('#panel-results svg.ecg-paper[role="img"]');
    await drawing.waitFor();
    expect(await drawing.getAttribute('aria-label')).toBe('12-lead ECG recorded at T+0:00');
    const leads = await drawing.locator('.ecg-label').allTextContents();
    expect(new Set(leads)).toEqual(
      new Set(['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']),
    );
    expect(await drawing.locator('polyline.ecg-pen').count()).toBe(13); // 12 leads and the rhythm strip
    expect(await resultsText(page)).not.toMatch(GIVEAWAY);
    expect(await page.locator('section.events').innerText()).not.toMatch(GIVEAWAY);
    expect(await axeViolations(page)).toEqual([]);

    // Enlarged for measuring, in a dialog that Escape closes.
    await page.locator('#panel-results .ecg-enlarge').click();
    await page.locator('dialog.ecg-large[open] svg[role="img"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // The dialog's close event comes as a task of its own after the key: wait for it to be taken away.
    await page.locator('dialog.ecg-large').waitFor({ state: 'detached', timeout: 5000 });

    // The learner asks for the read: it takes time, and says nothing until it is back.
    await page.locator('#panel-results [data-read-action="order:ecg-cardiology-read"]').click();
    const askedAt = await clockMinutes(page);
    expect(await page.locator('#panel-results .read-status').innerText()).toContain('not back yet');
    expect(await resultsText(page)).not.toMatch(GIVEAWAY);
    await advanceTo(page, askedAt + 19);
    expect(await resultsText(page)).not.toMatch(GIVEAWAY);
    await advanceTo(page, askedAt + 30);
    const read = page.locator('#panel-results .ecg-read');
    await read.waitFor();
    const readText = await read.innerText();
    expect(readText).toContain('inferior ST-elevation myocardial infarction');
    expect(readText.indexOf('Findings')).toBeGreaterThanOrEqual(0);
    expect(readText.indexOf('Findings')).toBeLessThan(readText.indexOf('Impression'));
    // Newest first: the read, just back, sits above the tracing it reads.
    const order = await page
      .locator('#panel-results article.result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-result')));
    expect(order.indexOf('ecg-cardiology-read')).toBeLessThan(order.indexOf('ecg'));
    expect(await axeViolations(page)).toEqual([]);

    await hook(page, 'dispose:cath-lab');
    await page.locator('[data-testid="score-percent"]').waitFor();
    const debrief = page.locator('.debrief-ecgs');
    expect(await debrief.locator('svg.ecg-paper').count()).toBe(1);
    expect(await debrief.innerText()).toContain('Impression');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the debrief shows the read even when none was asked for; the right-sided ECG has V4R', async () => {
    const { page, errors } = await newPage(390, 844);
    await openCase(page, site.url, 'inferior-stemi-rv');
    await hook(page, 'order:ecg');
    await hook(page, 'order:ecg-right-sided');
    await advanceTo(page, 12);
    await openResults(page);
    const right = page.locator('#panel-results svg.ecg-paper[data-leads="right-sided"]');
    await right.waitFor();
    expect(await right.locator('.ecg-label').allTextContents()).toContain('V4R');
    expect(await right.locator('.ecg-label').allTextContents()).not.toContain('V4');
    expect(await resultsText(page)).not.toMatch(GIVEAWAY);
    expect(await axeViolations(page)).toEqual([]);
    await hook(page, 'dispose:cath-lab');
    await page.locator('[data-testid="score-percent"]').waitFor();
    const debrief = await page.locator('.debrief-ecgs').innerText();
    expect(debrief).toContain('V4R');
    expect(debrief).toContain('Impression');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the results inbox', { timeout: 120_000 }, () => {
  it('lists the newest result first, and a repeated test shows its trend', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, 'septic-shock-spondylodiscitis');
    await hook(page, 'order:cbc');
    await hook(page, 'order:lactate');
    await advanceTo(page, 60);
    await hook(page, 'order:lactate');
    await advanceTo(page, 75);
    await openResults(page);
    const captions = await page
      .locator('#panel-results article.result caption, #panel-results article.result h3')
      .allTextContents();
    expect(captions[0]).toMatch(/^Lactate .*sampled T\+ 1:00/);
    const latest = page.locator('#panel-results article.result').first();
    expect(await latest.locator('.trend').innerText()).toMatch(/→/);
    expect(await latest.locator('.trend .sr-only').innerText()).toMatch(/^, (up|down|unchanged)/);
    // The WBC of 27.4 is marked (far above 4–11), in words for a screen reader as well.
    const wbc = page.locator('#panel-results tr', { hasText: 'White cell count' }).first();
    expect(await wbc.getAttribute('class')).toBe('marked');
    expect(await wbc.locator('td.flag').innerText()).toContain('H');
    expect(await wbc.locator('td.flag .sr-only').textContent()).toBe('markedly ');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
