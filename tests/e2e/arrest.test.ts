import { describe, expect, it } from 'vitest';
import { axeViolations, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase, perform } from '../support/drive.ts';

const CASE = 'septic-shock-spondylodiscitis';

const site = useBuiltSite();

describe('a cardiac arrest at the bedside, in Chromium', { timeout: 180_000 }, () => {
  it('untreated septic shock arrests: the hour steps stop there, the banner names the rhythm, and CPR starts from it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openCase(page, site.url, CASE);
    const banner = page.locator('.arrest-banner');
    expect(await page.locator('.monitor-text').textContent()).toContain('Sinus tachycardia');
    expect(await banner.locator('.arrest-body').isVisible()).toBe(false);

    // Untreated, the shock arrests in the tenth hour: step an hour at a time (the clock stops on the way, at the MAP
    // alarm of the third hour) until an advance stops short for the arrest.
    let arrested = false;
    for (let step = 1; step <= 20 && !arrested; step += 1) {
      await hook(page, 'advance:60');
      arrested = ((await page.locator('.clock-stop-text').textContent()) ?? '').includes('Cardiac arrest');
    }
    expect(arrested).toBe(true);
    const arrestAt = await clockMinutes(page);
    expect(await page.locator('.clock-stop-text').textContent()).toMatch(
      /^Stopped at T\+ \d+:\d\d: Cardiac arrest: pulseless electrical activity — rhythm change$/,
    );

    await banner.locator('.arrest-body').waitFor({ state: 'visible' });
    expect(await banner.locator('[role="alert"]').textContent()).toBe(
      'Cardiac arrest — Pulseless electrical activity',
    );
    expect(await banner.textContent()).toContain('CPR not started');
    expect(await page.locator('.monitor-text').textContent()).toContain('Pulseless electrical activity');
    // The banner's buttons have their own hook: the panel's data-action stays the one to click in scripts.
    expect(await page.locator('[data-action="treat:cpr"]').count()).toBe(1);
    // No reversible cause of this case is treated by thrombolysis: alteplase is not offered here.
    expect(await banner.locator('[data-arrest-action="treat:alteplase"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('[data-arrest-action="treat:cpr"]').click();
    expect(await banner.textContent()).toContain('CPR running');
    expect(await clockMinutes(page)).toBe(arrestAt);
    await expect.poll(() => page.locator('[data-arrest-action="stop:cpr"]').isVisible()).toBe(true);
    expect(await page.locator('#panel-treatments .running').textContent()).toContain('CPR');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("offers the treatment of the case's own reversible cause: alteplase in the pulmonary embolism's arrest", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openCase(page, site.url, 'covid-massive-pulmonary-embolism');
    // Intubated in shock (at 90 minutes): the heart stops at induction.
    await perform(page, { at: 1, do: 'treat', id: 'oxygen-non-rebreather', dose: 15 });
    await perform(page, { at: 92, do: 'treat', id: 'intubation' });
    const banner = page.locator('.arrest-banner');
    await banner.locator('.arrest-body').waitFor({ state: 'visible' });
    const lysis = banner.locator('[data-arrest-action="treat:alteplase"]');
    expect(await lysis.isVisible()).toBe(true);
    // After the resuscitation actions, not before CPR.
    const order = await banner
      .locator('[data-arrest-action]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-arrest-action')));
    expect(order.indexOf('treat:alteplase')).toBeGreaterThan(order.indexOf('treat:cpr'));
    await lysis.click();
    await page.locator('dialog[open] [data-action="confirm"]').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
