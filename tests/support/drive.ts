import type { Page } from 'playwright-core';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';

/** Current simulated minute, read from the clock in the header ("T+ 1:05"). */
export async function clockMinutes(page: Page): Promise<number> {
  const text = (await page.locator('.clock').textContent()) ?? '';
  const match = /T\+ (\d+):(\d{2})/.exec(text);
  if (match === null) throw new Error(`no clock in "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Click a control by its data-action hook, with a DOM click (works inside a collapsed panel). What asks first is
 * accepted, as a script means it: a disposition's confirmation, and the "order another?" of a test still pending.
 * (`hook(page, action, { confirm: false })` leaves the question open, for a test of the question itself.)
 */
export async function hook(page: Page, action: string, options: { confirm?: boolean } = {}): Promise<void> {
  const confirm = (options.confirm ?? true) && /^(dispose|order):/.test(action);
  // One round trip: find the one control, click it, and accept what it asks.
  const found = await page.evaluate(
    ([selector, confirm]) => {
      const targets = document.querySelectorAll<HTMLElement>(selector);
      if (targets.length !== 1) return targets.length;
      targets[0]?.click();
      if (confirm) document.querySelector<HTMLElement>('dialog[open] [data-action="confirm"]')?.click();
      return 1;
    },
    [`[data-action="${action}"]`, confirm] as const,
  );
  if (found !== 1) throw new Error(`expected one [data-action="${action}"], found ${String(found)}`);
}

/** The step clock's buttons, largest first: the clock is moved with the largest that fits. */
const CLOCK_STEPS = [60, 15, 5, 1] as const;
const stepFor = (gap: number) => CLOCK_STEPS.find((step) => gap >= step) ?? 1;

/**
 * Move the step-mode clock to `minute` with +60/+15/+5/+1, clicked as a learner would, the largest that fits. The
 * clicks happen in the page, as many as one round trip allows (each click renders at once): a long script's clock
 * took hundreds of round trips.
 */
export async function advanceTo(page: Page, minute: number): Promise<void> {
  for (let now = await clockMinutes(page); now < minute; now = await clockMinutes(page)) {
    const before = now;
    // No named functions inside: tsx (the scripts) would wrap them in a helper the page does not have.
    await page.evaluate(
      ([target, steps]) => {
        const pattern = /T\+ (\d+):(\d{2})/;
        for (let at = -1; ;) {
          const match = pattern.exec(document.querySelector('.clock')?.textContent ?? '');
          if (match === null) return;
          const now = Number(match[1]) * 60 + Number(match[2]);
          // Reached, or nothing moved in this task (the next round trip sees why).
          if (now >= target || now === at) return;
          at = now;
          const step = steps.find((s) => target - now >= s) ?? 1;
          const buttons = document.querySelectorAll<HTMLElement>(`[data-action="advance:${String(step)}"]`);
          if (buttons.length !== 1) return; // the caller's hook says what is wrong
          buttons[0]?.click();
        }
      },
      [minute, CLOCK_STEPS] as const,
    );
    // Nothing moved in the page: one click from here, which says what is wrong if the button is not there.
    if ((await clockMinutes(page)) === before)
      await hook(page, `advance:${String(stepFor(minute - before))}`);
  }
}

/** Play one scripted action through the real UI, as a learner would. */
export async function perform(page: Page, step: ScriptAction): Promise<void> {
  await advanceTo(page, step.at);
  if (step.do === 'end') {
    await hook(page, 'end');
    return;
  }
  await hook(page, `${step.do}:${step.id ?? ''}`);
  if (step.do === 'treat') {
    // A procedure or a position ("Insert arterial line?") has no dose field: only the confirming button.
    const confirm = page.locator('dialog[open] [data-action="confirm"]');
    await confirm.waitFor({ state: 'visible' });
    const field = page.locator('dialog[open] [data-field="dose"]');
    if (step.dose !== undefined && (await field.isVisible())) await field.fill(String(step.dose));
    await confirm.click();
  }
}

/** The case picker with nothing saved (a learner's first visit), the clock mode chosen in the URL. */
export async function openPicker(page: Page, url: string, clock: 'step' | 'real' = 'step'): Promise<void> {
  // A page of a context of its own that has stored nothing yet is already a first visit: no need to clear and reload.
  const fresh = page.url() === 'about:blank' && (await page.context().storageState()).origins.length === 0;
  await page.goto(`${url}?clock=${clock}`);
  await page.waitForSelector('body[data-ready="true"]');
  if (fresh) return;
  await page.evaluate(() => {
    localStorage.clear();
  });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
}

/** Start `caseId` afresh (no saved play) with the chosen clock, from the picker through the briefing. */
export async function openCase(
  page: Page,
  url: string,
  caseId: string,
  clock: 'step' | 'real' = 'step',
): Promise<void> {
  await openPicker(page, url, clock);
  await page.locator(`[data-case="${caseId}"]`).click();
  await page.locator('[data-action="start"]').click();
  await page.locator('.clock').waitFor();
}

/**
 * `seconds` of wall time on Playwright's fake clock, one second at a time: each second's timers fire once (the
 * real-time clock's tick), but the page draws about one frame a second instead of sixty, so a test of real time does
 * not wait on the bay's rendering. (`page.clock.runFor` would run every animation frame in between.)
 */
export async function secondsPass(page: Page, seconds: number): Promise<void> {
  for (let s = 0; s < seconds; s++) await page.clock.fastForward(1000);
}
