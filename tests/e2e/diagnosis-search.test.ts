import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, useBuiltSite } from '../support/browser.ts';
import { hook, openCase } from '../support/drive.ts';
import { loadShippedCase } from '../support/load.ts';

const CASE = 'inferior-stemi-rv';
const stemi = loadShippedCase(`cases/${CASE}.json`);
const site = useBuiltSite();

async function openDiagnosis(width = 1280, height = 720): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openCase(page, site.url, CASE);
  await page.locator('#panel-diagnosis summary').click();
  return { page, errors };
}

/** The names of the diagnoses the learner can see, in the order shown. */
async function visibleOptions(page: Page): Promise<string[]> {
  return page
    .locator('.diagnosis-results [data-action^="diagnose:"]')
    .evaluateAll((nodes) =>
      nodes.filter((n) => n.closest('[hidden]') === null).map((n) => n.getAttribute('data-action') ?? ''),
    );
}

describe('committing a working diagnosis by searching, in Chromium', { timeout: 120_000 }, () => {
  it("lists nothing before the learner types: none of the case's diagnoses is on screen", async () => {
    const { page, errors } = await openDiagnosis();
    expect(await page.locator('#diagnosis-search').isVisible()).toBe(true);
    expect(await visibleOptions(page)).toEqual([]);
    for (const d of stemi.data.diagnoses)
      expect(await page.locator(`[data-action="diagnose:${d.id}"]`).isVisible(), d.id).toBe(false);
    expect(await page.locator('#panel-diagnosis [role="status"]').textContent()).toBe(
      'Type to search, or choose a body system to browse.',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('typing "infer" finds both inferior STEMIs; unrelated diagnoses are found too', async () => {
    const { page } = await openDiagnosis();
    await page.locator('#diagnosis-search').pressSequentially('infer');
    const found = await visibleOptions(page);
    expect(found.slice(0, 2)).toEqual(['diagnose:inferior-stemi', 'diagnose:inferior-stemi-rv']);
    expect(await page.locator('#panel-diagnosis [role="status"]').textContent()).toMatch(
      /diagnoses found\.$/,
    );
    // Diagnoses this case says nothing about are offered all the same: the list is the catalogue's.
    await page.locator('#diagnosis-search').fill('pneum');
    expect(await visibleOptions(page)).toEqual(
      expect.arrayContaining([
        'diagnose:community-acquired-pneumonia',
        'diagnose:spontaneous-pneumothorax',
        'diagnose:tension-pneumothorax',
      ]),
    );
    await page.locator('#diagnosis-search').fill('appendicitis');
    expect(await visibleOptions(page)).toEqual(['diagnose:acute-appendicitis']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('browsing a body system lists it by name, whatever the case', async () => {
    const { page } = await openDiagnosis();
    await page.locator('#diagnosis-system').selectOption('cardiovascular');
    const listed = await page
      .locator('.diagnosis-results li:not([hidden]) button')
      .evaluateAll((nodes) => nodes.map((n) => n.textContent.toLowerCase()));
    expect(listed.length).toBeGreaterThan(15);
    expect(listed).toEqual([...listed].sort());
    await page.close();
  });

  it('committing adds it to the problem list, by keyboard; a diagnosis the case does not list is named too', async () => {
    const { page, errors } = await openDiagnosis();
    const search = page.locator('#diagnosis-search');
    await search.pressSequentially('infer');
    // ArrowDown moves from the field to the first result; Enter commits it.
    await search.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'diagnose:inferior-stemi',
    );
    await page.keyboard.press('Enter');
    const problems = page.locator('#panel-diagnosis .problem-list li');
    await expect.poll(() => problems.allTextContents()).toEqual(['Inferior STEMI']);
    expect(await page.locator('[data-action="diagnose:inferior-stemi"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    // The search stays as typed, so a second diagnosis can be added from the same list.
    expect(await search.inputValue()).toBe('infer');
    await search.fill('panc');
    await page.locator('[data-action="diagnose:acute-pancreatitis"]').click();
    await expect.poll(() => problems.allTextContents()).toEqual(['Inferior STEMI', 'Acute pancreatitis']);
    expect(await axeViolations(page)).toEqual([]);

    // The debrief reviews each: right, and named but not the diagnosis here.
    await hook(page, 'end');
    const review = page.locator('.diagnosis-review');
    await review.waitFor();
    const text = (await review.textContent()) ?? '';
    expect(text).toContain('✓ Right: Acute inferior STEMI');
    expect(text).toContain('✗ Named, not the diagnosis: Acute pancreatitis');
    expect(text).toContain(
      '○ Also right, not named by you: Acute inferior STEMI with right-ventricular infarction',
    );
    expect(text).not.toContain('unknown');
    await review.locator('details summary').click();
    expect(await review.locator('details').textContent()).toContain('Aortic dissection');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the hook for every diagnosis is one control, so scripted plays can name any of them', async () => {
    const { page } = await openDiagnosis(390, 844);
    const hooks = await page
      .locator('[data-action^="diagnose:"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
    expect(new Set(hooks).size).toBe(hooks.length);
    expect(hooks).toEqual(expect.arrayContaining(stemi.data.diagnoses.map((d) => `diagnose:${d.id}`)));
    await page.close();
  });
});
