import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/engine/index.ts';
import { axeViolations, pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase, perform } from '../support/drive.ts';
import { firstCase } from '../support/play.ts';

const CASE = 'septic-shock-spondylodiscitis';
const site = useBuiltSite();

const newPage = (width?: number, height?: number) => pageWithErrors(site.browser, width, height);

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);
const pendingOrders = (page: Page) => page.locator('#panel-orders .pending li').allTextContents();

describe('confirm what cannot be undone, undo what can, in Chromium', { timeout: 120_000 }, () => {
  it("a disposition asks first, says it ends the learner's part, and can be called off", async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    await page.locator('#panel-team summary').click();
    await page.locator('[data-action="dispose:icu"]').click();
    const dialog = page.getByRole('dialog', { name: 'Send the patient to Intensive care unit?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This ends your part of the case and cannot be undone');
    // The safe choice has the focus; the confirming button carries the hook.
    expect(await focusedText(page)).toBe('Keep the patient here');
    expect(await dialog.locator('[data-action="confirm"]').textContent()).toBe('Send to Intensive care unit');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await dialog.count()).toBe(0);
    expect(await page.locator('[data-testid="score-percent"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'dispose:icu',
    );
    // Escape calls it off too.
    await page.locator('[data-action="dispose:icu"]').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    // The dialog's close event comes as a task of its own after the key: wait for it to be taken away.
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    expect(await clockMinutes(page)).toBe(0);
    // Confirmed, the case ends and the debrief opens.
    await page.locator('[data-action="dispose:icu"]').click();
    await dialog.locator('[data-action="confirm"]').click();
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an order is cancelled before its sample: no result, and scored as the command line scores it', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    await page.locator('#panel-orders summary').click();
    await hook(page, 'order:ct-abdomen-pelvis');
    expect(await pendingOrders(page)).toEqual([
      expect.stringMatching(/^CT abdomen and pelvis .*ordered.*Cancel/),
    ]);
    // A blood count's sample is taken at once: nothing left to cancel.
    await hook(page, 'order:cbc');
    expect(await page.locator('[data-action="cancel:cbc"]').count()).toBe(0);
    await hook(page, 'advance:5');
    await page.getByRole('button', { name: 'Cancel CT abdomen and pelvis with IV contrast' }).click();
    const rows = await pendingOrders(page);
    expect(rows[0]).toMatch(/cancelled/);
    expect(rows[0]).not.toMatch(/Cancel /);
    expect(await page.locator('[data-action="cancel:ct-abdomen-pelvis"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The cancel is in the saved log: a reload replays it.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect((await pendingOrders(page))[0]).toMatch(/cancelled/);
    await hook(page, 'advance:60');
    await hook(page, 'advance:60');
    await hook(page, 'advance:60');
    expect(await page.locator('.event-log').textContent()).not.toContain('CT abdomen');
    await perform(page, { at: await clockMinutes(page), do: 'end' });
    await page.locator('[data-testid="score-percent"]').waitFor();
    const expected = playScript(firstCase, {
      actions: [
        { at: 0, do: 'order', id: 'ct-abdomen-pelvis' },
        { at: 0, do: 'order', id: 'cbc' },
        { at: 5, do: 'cancel', id: 'ct-abdomen-pelvis' },
      ],
    });
    expect(await page.locator('[data-testid="score-percent"]').textContent()).toBe(
      `${String(expected.score.percent)}%`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an identical order already pending asks before a second one: a double click orders one blood count', async () => {
    const { page, errors } = await newPage();
    // Without the opened panel's smooth scroll, which would move the button between the two clicks.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openCase(page, site.url, CASE);
    await page.locator('#panel-orders summary').click();
    await page.locator('[data-action="order:cbc"]').dblclick();
    const dialog = page.getByRole('dialog', {
      name: 'Order another Complete blood count with differential?',
    });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('is still pending');
    expect(await pendingOrders(page)).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep the one pending' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await pendingOrders(page)).toHaveLength(1);
    // Asked for again and confirmed: the engine takes a second one.
    await page.locator('[data-action="order:cbc"]').click();
    await dialog.locator('[data-action="confirm"]').click();
    expect(await pendingOrders(page)).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a running infusion is titrated beside the vitals, through the same dose dialog', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    await perform(page, { at: 0, do: 'treat', id: 'norepinephrine', dose: 0.1 });
    const titrate = page.locator('.monitor-text [data-focus="monitor-titrate:norepinephrine"]');
    await titrate.waitFor();
    expect(await titrate.textContent()).toBe('Titrate Norepinephrine · 0.1 mcg/kg/min');
    await titrate.click();
    const field = page.locator('dialog[open] [data-field="dose"]');
    expect(await field.inputValue()).toBe('0.1');
    await field.fill('0.2');
    await page.locator('dialog[open] [data-action="confirm"]').click();
    expect(await titrate.textContent()).toBe('Titrate Norepinephrine · 0.2 mcg/kg/min');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe(
      'monitor-titrate:norepinephrine',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
