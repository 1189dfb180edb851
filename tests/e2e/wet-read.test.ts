import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { advanceTo, clockMinutes, hook, openCase } from '../support/drive.ts';

const site = useBuiltSite();

async function open(page: Page, id: 'orders' | 'results'): Promise<void> {
  if (!(await page.locator(`#panel-${id}`).evaluate((el) => (el as HTMLDetailsElement).open)))
    await page.locator(`#panel-${id} summary`).click();
}

const resultsText = (page: Page) => page.locator('#panel-results').innerText();
/** The CT's impression, and a phrase only its findings have. */
const IMPRESSION = /Bilateral gluteus maximus abscesses/;
const FINDINGS = /Contrast-enhanced CT abdomen and pelvis/;

describe("a radiologist's wet read before the report", { timeout: 120_000 }, () => {
  it('is offered once the scan is done, gives the impression early, and the findings come with the report', async () => {
    const { page, errors } = await pageWithErrors(site.browser);
    await openCase(page, site.url, 'septic-shock-spondylodiscitis');
    await hook(page, 'order:ct-abdomen-pelvis');
    await open(page, 'orders');
    const ask = page.locator('#panel-orders [data-read-action="order:radiology-wet-read"]');
    // Not before the images exist.
    expect(await ask.count()).toBe(0);
    await advanceTo(page, 35);
    await ask.waitFor();
    expect(await ask.innerText()).toContain('Ask for a wet read');
    expect(await axeViolations(page)).toEqual([]);
    await ask.click();
    const askedAt = await clockMinutes(page);
    expect(await page.locator('#panel-orders .wet-read-status').innerText()).toContain('wet read asked');
    expect(await ask.count()).toBe(0);

    await open(page, 'results');
    await advanceTo(page, askedAt + 20);
    const wet = page.locator('#panel-results article.wet-read');
    await wet.waitFor();
    const said = await wet.innerText();
    expect(said).toContain('Preliminary impression (wet read)');
    expect(said).toMatch(IMPRESSION);
    // Given before the report is due.
    const times = [/given T\+ (\d+):(\d\d)/, /due about T\+ (\d+):(\d\d)/].map((re) => {
      const m = re.exec(said);
      return m === null ? NaN : Number(m[1]) * 60 + Number(m[2]);
    });
    expect(times[0]).toBeLessThan(times[1] ?? 0);
    // The findings are the report's, and the report is not back.
    expect(await resultsText(page)).not.toMatch(FINDINGS);
    expect(await axeViolations(page)).toEqual([]);

    await advanceTo(page, 100);
    const report = page.locator('#panel-results article.report[data-result="ct-abdomen-pelvis"]');
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toMatch(FINDINGS);
    expect(text.indexOf('Findings')).toBeLessThan(text.indexOf("Impression (radiologist's)"));
    expect(await wet.innerText()).toMatch(/report came at T\+ \d+:\d\d with the findings/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
