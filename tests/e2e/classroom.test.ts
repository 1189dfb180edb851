import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook } from '../support/drive.ts';

const CASE = 'septic-shock-spondylodiscitis';
const site = useBuiltSite();

/** Words that only the score and the answer material carry (the debrief's, and the sources naming the report). */
const ANSWERS = [
  'Score',
  'How you were scored',
  'The guideline path',
  'What the real team did',
  'Teaching points',
];

/** The visible text of the page (what the room can read). */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Visible text nodes of the page, and how many of them are set at 20 px or more. */
async function textSizes(page: Page): Promise<{ total: number; large: number; small: string[] }> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let total = 0;
    let large = 0;
    const small: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (text === '' || parent === null) continue;
      const box = parent.getBoundingClientRect();
      if (
        box.width === 0 ||
        box.height === 0 ||
        parent.closest('[hidden], dialog:not([open]), .sr-only') !== null
      )
        continue;
      total += 1;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size >= 20) large += 1;
      else small.push(`${String(size)}px ${text.slice(0, 40)}`);
    }
    return { total, large, small };
  });
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

async function openClassroom(page: Page): Promise<void> {
  await page.goto(`${site.url}?mode=classroom`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => {
    localStorage.clear();
  });
  await page.goto(`${site.url}?mode=classroom&case=${CASE}`);
  await page.waitForSelector('body[data-ready="true"]');
}

/**
 * One "what next?" on the projector: open the board ("v"), add the candidates found by `searches`, let the room vote
 * (`hands`), and commit the leader.
 */
async function vote(
  page: Page,
  searches: readonly string[],
  hands: (page: Page) => Promise<void>,
): Promise<void> {
  await page.keyboard.press('v');
  const board = page.locator('.decision-board');
  await board.waitFor();
  for (const query of searches) {
    await page.locator('#board-search').fill(query);
    await board.locator('[data-action^="board-add:"]').first().click();
  }
  expect(await board.locator('.vote-options li').count()).toBe(searches.length);
  await hands(page);
  await board.locator('.vote-options li.leading [data-action^="commit:"]').click();
  expect(await board.isVisible()).toBe(false);
}

describe('classroom projection', { timeout: 240_000 }, () => {
  it('a class: the projector and the presenter window in step, answers only after the reveal', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (e) => errors.push(e.message));
    };
    const projector = await context.newPage();
    watch(projector);
    await openClassroom(projector);
    expect(await projector.locator('[data-field="classroom"]').isChecked()).toBe(true);
    await projector.locator('[data-action="start"]').click();
    await projector.locator('.clock').waitFor();
    // The clock is in step mode, with no switch to real time on the projector.
    expect(await projector.locator('.time-controls .mode').isVisible()).toBe(false);
    await projector.keyboard.press('m');
    await expect.poll(() => clockMinutes(projector)).toBe(1);
    await projector.keyboard.press('?');
    const listed = (await projector.locator('dialog[data-testid="shortcuts"]').textContent()) ?? '';
    for (const what of [
      'Advance 1 minute',
      'End the case',
      'Reveal or hide the answers',
      'presenter window',
      'Open Treat',
    ])
      expect(listed).toContain(what);
    await projector.keyboard.press('Escape');

    // "c" opens the presenter window, which joins the projector's channel.
    const opened = context.waitForEvent('page');
    await projector.keyboard.press('c');
    const presenter = await opened;
    watch(presenter);
    await presenter.locator('.clock').waitFor();
    expect(await clockMinutes(presenter)).toBe(1);
    expect(await presenter.locator('.presenter-notes').textContent()).toContain('Answer key');

    // An action in either window shows in the other within a second.
    await hook(presenter, 'advance:5');
    await expect.poll(() => clockMinutes(projector), { timeout: 1000 }).toBeGreaterThan(1);
    await projector.keyboard.press('f');
    const now = await clockMinutes(projector);
    await expect.poll(() => clockMinutes(presenter), { timeout: 1000 }).toBe(now);

    // Two decision moments on the projector: candidates from the panels' search, the room's hands, one committed.
    await vote(projector, ['Lact', 'Blood cult'], (p) =>
      p.locator('[data-action="tally:order:lactate"]').click({ clickCount: 1 }),
    );
    await expect
      .poll(() => presenter.locator('#panel-orders').textContent(), { timeout: 1000 })
      .toContain('Lactate');
    await vote(projector, ['Complete blood', 'Basic metab'], async (p) => {
      await p.locator('[data-field="votes:order:cbc"]').fill('4');
      await p.locator('[data-field="votes:order:bmp"]').fill('31');
    });
    await expect
      .poll(() => presenter.locator('#panel-orders').textContent(), { timeout: 1000 })
      .toContain('Basic metabolic panel');
    // The presenter's own action reaches the projector.
    await hook(presenter, 'order:cbc');
    await expect
      .poll(() => projector.locator('#panel-orders').textContent(), { timeout: 1000 })
      .toContain('Complete blood count');

    const sizes = await textSizes(projector);
    expect(sizes.large / sizes.total, sizes.small.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(await noHorizontalScroll(projector)).toBe(true);
    expect(await axeViolations(projector)).toEqual([]);
    expect(await axeViolations(presenter)).toEqual([]);
    for (const word of [...ANSWERS, 'Answer key', 'For the instructor'])
      expect(await visibleText(projector)).not.toContain(word);

    // A reload of either window keeps the play (the projector's save; the presenter asks again).
    await projector.reload();
    await projector.waitForSelector('body[data-ready="true"]');
    expect(await clockMinutes(projector)).toBe(now);
    await presenter.reload();
    await presenter.locator('.clock').waitFor();
    expect(await clockMinutes(presenter)).toBe(now);

    // The presenter ends the case; the projector's debrief keeps its answers until the reveal.
    await presenter.locator('[data-focus="end-case"]').click();
    await presenter.locator('dialog[open] [data-action="end"]').click();
    await projector.locator('.debrief h1').waitFor();
    await presenter.locator('.debrief h1').waitFor();
    for (const word of ANSWERS) expect(await visibleText(projector)).not.toContain(word);
    expect(await projector.locator('[data-testid="score-percent"]').isVisible()).toBe(false);
    // The committed votes went through the normal act path: they are in the room's own course.
    const done = (await projector.locator('.debrief ol.timeline').textContent()) ?? '';
    expect(done).toContain('Lactate');
    expect(done).toContain('Basic metabolic panel');
    expect(await axeViolations(projector)).toEqual([]);
    // Both windows tell the same outcome, and a reload of the projector keeps the debrief.
    const outcome = await projector.locator('.outcome').textContent();
    expect(await presenter.locator('.outcome').textContent()).toBe(outcome);
    await projector.reload();
    await projector.locator('.debrief h1').waitFor();
    expect(await projector.locator('.outcome').textContent()).toBe(outcome);
    // The presenter sees the score before the room does.
    expect(await presenter.locator('[data-testid="score-percent"]').isVisible()).toBe(true);
    const score = await presenter.locator('[data-testid="score-percent"]').textContent();

    await presenter.locator('[data-action="reveal"]').click();
    await expect
      .poll(() => projector.locator('[data-testid="score-percent"]').isVisible(), { timeout: 1000 })
      .toBe(true);
    expect(await projector.locator('[data-testid="score-percent"]').textContent()).toBe(score);
    expect(await visibleText(projector)).toContain('Teaching points');
    // Each vote beside the guideline's path and the real team's course.
    const votes = projector.locator('.votes-review');
    expect(await votes.locator('table').count()).toBe(2);
    expect(await votes.locator('tr.chosen').first().textContent()).toContain('Lactate');
    expect(await votes.locator('tr.chosen').nth(1).textContent()).toContain('31');
    expect(await presenter.locator('.votes-review table').count()).toBe(2);
    expect(await projector.locator('[data-action="reveal"]').getAttribute('aria-pressed')).toBe('true');
    // "r" hides them again.
    await projector.keyboard.press('r');
    expect(await projector.locator('[data-testid="score-percent"]').isVisible()).toBe(false);
    await expect
      .poll(() => presenter.locator('[data-action="reveal"]').getAttribute('aria-pressed'))
      .toBe('false');
    expect(await axeViolations(projector)).toEqual([]);
    expect(await axeViolations(presenter)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits 1024×768 and 3840×2160 with no horizontal scroll', async () => {
    for (const [width, height] of [
      [1024, 768],
      [3840, 2160],
    ] as const) {
      const { page, errors } = await pageWithErrors(site.browser, width, height);
      await openClassroom(page);
      await page.locator('[data-action="start"]').click();
      await page.locator('.clock').waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
