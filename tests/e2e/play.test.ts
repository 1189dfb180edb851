import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { axeViolations, pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase, openPicker, perform, secondsPass } from '../support/drive.ts';
import { ROOT } from '../support/load.ts';
import { firstCase } from '../support/play.ts';

const CASE = 'septic-shock-spondylodiscitis';
const script = (file: string) =>
  Script.parse(JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/scripts', file), 'utf8')));

const site = useBuiltSite();

const newPage = (width?: number, height?: number) => pageWithErrors(site.browser, width, height);

async function scorePercent(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid="score-percent"]').textContent()) ?? '';
  return Number(text.replace('%', ''));
}

// A whole case through the UI takes 3–8 s alone; allow for a loaded 2-core CI machine.
describe('playing the first case through the real UI in Chromium', { timeout: 120_000 }, () => {
  it('the guideline path reaches the debrief with the same score as the command line', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    const steps = script('ui-guideline.json');
    for (const step of steps.actions) await perform(page, step);
    await page.locator('[data-testid="score-percent"]').waitFor();
    const expected = playScript(firstCase, steps);
    expect(await scorePercent(page)).toBe(expected.score.percent);
    expect(expected.score.percent).toBeGreaterThanOrEqual(90);
    expect(await page.locator('.outcome').textContent()).toContain('The patient is alive');
    // Cultures mature after the learner's part ends; the debrief shows what came back, with the susceptibilities.
    expect(await page.locator('.later').textContent()).toContain('Susceptible: amoxicillin-clavulanate');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a harmful path (NSAID, MRI while hypotensive, discharge) ends dead, with the same score as the command line', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    const steps = script('ui-harmful.json');
    for (const step of steps.actions) await perform(page, step);
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(await scorePercent(page)).toBe(playScript(firstCase, steps).score.percent);
    expect(await page.locator('.outcome').textContent()).toContain('The patient died');
    expect(await page.locator('.score-table').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('NSAID given in shock')]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reloading mid-case loses nothing: the clock, the orders and the score all carry on', async () => {
    const { page } = await newPage();
    await openCase(page, site.url, CASE);
    const steps = script('ui-guideline.json');
    const [before, after] = [steps.actions.filter((s) => s.at <= 60), steps.actions.filter((s) => s.at > 60)];
    for (const step of before) await perform(page, step);
    const clockBefore = await clockMinutes(page);
    const ordersBefore = await page.locator('#panel-orders .pending').textContent();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await clockMinutes(page)).toBe(clockBefore);
    expect(await page.locator('#panel-orders .pending').textContent()).toBe(ordersBefore);
    for (const step of after) await perform(page, step);
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(await scorePercent(page)).toBe(playScript(firstCase, steps).score.percent);
    await page.close();
  });

  it('real time moves one simulated minute per chosen number of seconds, pauses, and holds while a dose is chosen', async () => {
    const { page, errors } = await newPage();
    // Playwright's fake clock drives the page's timers. It is paused before the case starts, so only secondsPass moves
    // it: seconds pass exactly, however slowly a loaded machine runs the test.
    await page.clock.install();
    await openPicker(page, site.url, 'real');
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    await page.locator(`[data-case="${CASE}"]`).click();
    await page.locator('[data-action="start"]').click();
    await page.locator('.clock').waitFor();
    expect(await clockMinutes(page)).toBe(0);
    await secondsPass(page, 10); // the default: 1 simulated minute per 2 s
    expect(await clockMinutes(page)).toBe(5);
    await page.locator('.real-controls button').click(); // Pause
    await secondsPass(page, 10);
    expect(await clockMinutes(page)).toBe(5);
    await page.locator('.real-controls button').click(); // Resume
    await page.locator('#clock-speed').selectOption('1');
    await secondsPass(page, 3);
    expect(await clockMinutes(page)).toBe(8);
    await hook(page, 'treat:ceftriaxone');
    await secondsPass(page, 5);
    expect(await clockMinutes(page)).toBe(8);
    await page.locator('[data-action="confirm"]').click();
    await secondsPass(page, 2);
    expect(await clockMinutes(page)).toBe(10);
    // Switching to step mode stops the clock.
    await page.locator('#clock-step').check();
    await secondsPass(page, 5);
    expect(await clockMinutes(page)).toBe(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"End case" asks first: keep playing leaves the case running, confirming opens the debrief', async () => {
    const { page, errors } = await newPage();
    await openCase(page, site.url, CASE);
    await page.getByRole('button', { name: 'End case' }).click();
    const dialog = page.getByRole('dialog', { name: 'End the case now?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep playing');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('End case');
    await hook(page, 'advance:5');
    expect(await clockMinutes(page)).toBe(5);
    await page.getByRole('button', { name: 'End case' }).click();
    await dialog.getByRole('button', { name: 'End the case' }).click();
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a corrupt save is reported and the learner can start fresh', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${site.url}?clock=step`);
    await page.evaluate(() => {
      localStorage.setItem('bedside:play', '{"version": 1, "caseId": ');
    });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.notice').textContent()).toContain('could not be resumed');
    await page.locator(`[data-case="${CASE}"]`).click();
    await page.locator('[data-action="start"]').click();
    expect(await clockMinutes(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an author's case file opens from the picker: problems listed with file, line and path; a good file plays at once", async () => {
    const { page, errors } = await newPage();
    await openPicker(page, site.url);
    const original = JSON.parse(readFileSync(join(ROOT, 'cases', `${CASE}.json`), 'utf8')) as {
      id: string;
      title: string;
      patient: { ageYears: { value: unknown } };
    };
    const broken = structuredClone(original);
    broken.patient.ageYears.value = 'forty-seven';
    await page.setInputFiles('[data-field="case-file"]', {
      name: 'my-case.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken, null, 2)),
    });
    const problems = page.locator('.author .problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(
      /my-case\.json:\d+:\d+\s+patient\.ageYears\.value\s+expected a number/,
    );
    expect(await page.locator(`[data-case="${CASE}"]`).count()).toBe(1);

    const mine = {
      ...structuredClone(original),
      id: 'my-own-case',
      title: 'My own case (TODO: a better title)',
    };
    await page.setInputFiles('[data-field="case-file"]', {
      name: 'my-own-case.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(mine, null, 2)),
    });
    await page.locator('[data-action="start"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('My own case (TODO: a better title)');
    // Warnings do not stop the case; they are listed on its briefing.
    expect(await page.locator('.briefing .notice').textContent()).toMatch(
      /my-own-case\.json:\d+:\d+\s+title\s+warning: still says TODO/,
    );
    // It survives a reload: back on the picker, marked as the author's.
    await page.goto(`${site.url}?clock=step`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('[data-case="my-own-case"]').textContent()).toContain('from your file');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every learner action has its hook in the DOM while the case runs', async () => {
    const { page } = await newPage();
    await openCase(page, site.url, CASE);
    const hooks = await page
      .locator('[data-action]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
    const expected = [
      ...Object.keys(firstCase.catalog.tests).map((id) => `order:${id}`),
      ...Object.keys(firstCase.catalog.treatments).map((id) => `treat:${id}`),
      ...Object.keys(firstCase.catalog.examRegions).map((id) => `examine:${id}`),
      ...Object.keys(firstCase.catalog.consults).map((id) => `consult:${id}`),
      ...Object.keys(firstCase.catalog.dispositions).map((id) => `dispose:${id}`),
      ...firstCase.data.diagnoses.map((d) => `diagnose:${d.id}`),
      ...firstCase.data.history.map((q) => `ask:${q.id}`),
      'advance:1',
      'advance:5',
      'advance:15',
      'advance:60',
      'advance:next-result',
    ];
    expect(hooks).toEqual(expect.arrayContaining(expected));
    await hook(page, 'treat:norepinephrine');
    await page.locator('[data-action="confirm"]').click();
    expect(await page.locator('[data-action="stop:norepinephrine"]').count()).toBe(1);
    await page.close();
  });

  it('typing "lac" in order entry finds lactate and hides what does not match', async () => {
    const { page } = await newPage();
    await openCase(page, site.url, CASE);
    await page.locator('#panel-orders summary').click();
    await page.locator('#order-search').fill('lac');
    expect(await page.locator('[data-action="order:lactate"]').isVisible()).toBe(true);
    expect(await page.locator('[data-action="order:cbc"]').isVisible()).toBe(false);
    await page.close();
  });

  it('can be played start to debrief by keyboard alone: Tab to a control, Enter to act, type to search', async () => {
    const { page, errors } = await newPage();
    /** Press Tab until the focused element matches `selector` (a learner tabbing through the page). */
    const tabTo = async (selector: string): Promise<void> => {
      for (let i = 0; i < 400; i += 1) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null);
    await openPicker(page, site.url);
    await tabTo(`[data-case="${CASE}"]`);
    await page.keyboard.press('Enter');
    await tabTo('[data-action="start"]');
    await page.keyboard.press('Enter');
    await page.locator('.clock').waitFor();

    // Examine: open the panel from its heading, Tab to the buttocks, Enter; focus stays on the control.
    await tabTo('#panel-examine summary');
    await page.keyboard.press('Enter');
    await tabTo('[data-action="examine:gluteal"]');
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel-examine').textContent()).toContain('doughy');
    expect(await focused()).toBe('examine:gluteal');

    // Orders: type to search, Tab to the match, Enter.
    await tabTo('#panel-orders summary');
    await page.keyboard.press('Enter');
    await tabTo('#order-search');
    await page.keyboard.type('cult');
    await tabTo('[data-action="order:blood-cultures"]');
    await page.keyboard.press('Enter');

    // Treat: the dose dialog opens on the dose field; Enter gives the default; focus returns to the button.
    await tabTo('#panel-treatments summary');
    await page.keyboard.press('Enter');
    await tabTo('[data-action="treat:ceftriaxone"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('dose');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('treat:ceftriaxone');

    // Time, then a disposition, which ends the case and opens the debrief with focus on its heading.
    // Examining took 2 minutes of the clock; +15 takes it to 17.
    await tabTo('[data-action="advance:15"]');
    await page.keyboard.press('Enter');
    expect(await clockMinutes(page)).toBe(17);
    await tabTo('#panel-team summary');
    await page.keyboard.press('Enter');
    await tabTo('[data-action="dispose:operating-room"]');
    await page.keyboard.press('Enter');
    // It asks first, with focus on keeping the patient: Tab to the confirming button, Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('confirm');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const expected = playScript(firstCase, {
      actions: [
        { at: 0, do: 'examine', id: 'gluteal' },
        { at: 0, do: 'order', id: 'blood-cultures' },
        { at: 0, do: 'treat', id: 'ceftriaxone' },
        { at: 17, do: 'dispose', id: 'operating-room' },
      ],
    });
    expect(await scorePercent(page)).toBe(expected.score.percent);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('axe finds no accessibility violations on the picker, the briefing, the bedside and the debrief', async () => {
    const { page } = await newPage();
    await openPicker(page, site.url);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`[data-case="${CASE}"]`).click();
    await page.locator('[data-action="start"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-action="start"]').click();
    for (const step of script('ui-guideline.json').actions.filter((s) => s.at <= 60))
      await perform(page, step);
    await page.locator('#panel-results summary').click();
    await page.locator('#panel-treatments summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await hook(page, 'dispose:icu');
    await page.locator('[data-testid="score-percent"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
