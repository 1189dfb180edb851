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

/**
 * The words on the bay's canvas (the monitor) at their displayed sizes, in CSS px, once the bay (fetched when the case
 * starts) has drawn a frame.
 */
async function canvasTexts(page: Page): Promise<{ text: string; cssPx: number }[]> {
  await page.waitForFunction(
    () => (window as unknown as { bedside: { bayFrames(): number } }).bedside.bayFrames() > 0,
  );
  return page.evaluate(() =>
    (window as unknown as { bedside: { bayTexts(): { text: string; cssPx: number }[] } }).bedside.bayTexts(),
  );
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

/** The board's options in a window, with their counts, as "verb:id=count". */
const boardCounts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.decision-board li[data-option]')].map(
      (li) => `${li.dataset.option ?? ''}=${li.querySelector('input')?.value ?? ''}`,
    ),
  );

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

    // An action in either window shows in the other (the channel is immediate; how fast is not a test's to time).
    await hook(presenter, 'advance:5');
    await expect.poll(() => clockMinutes(projector)).toBeGreaterThan(1);
    await projector.keyboard.press('f');
    const now = await clockMinutes(projector);
    await expect.poll(() => clockMinutes(presenter)).toBe(now);

    // Vote 1, on the projector: the case's own question for this phase; hands counted in either window.
    await projector.keyboard.press('v');
    const board = projector.locator('.decision-board');
    await board.waitFor();
    await expect.poll(() => presenter.locator('.decision-board').isVisible()).toBe(true);
    // The case's questions stay folded until the instructor opens them (the room does not read ahead).
    expect(await projector.locator('[data-action="board-ask:0"]').isVisible()).toBe(false);
    await projector.locator('.board-suggested summary').click();
    await projector.locator('[data-action="board-ask:0"]').click();
    expect(await board.locator('.board-question').textContent()).toContain('what do you do first?');
    await expect
      .poll(() => boardCounts(presenter))
      .toEqual([
        'order:blood-cultures=0',
        'treat:lactated-ringers=0',
        'order:mri-spine=0',
        'treat:diclofenac=0',
      ]);
    await presenter.locator('[data-field="votes:order:blood-cultures"]').fill('23');
    await projector.locator('[data-action="tally:treat:lactated-ringers"]').click();
    await projector.locator('[data-action="tally:treat:lactated-ringers"]').click();
    await expect
      .poll(() => boardCounts(projector))
      .toEqual([
        'order:blood-cultures=23',
        'treat:lactated-ringers=2',
        'order:mri-spine=0',
        'treat:diclofenac=0',
      ]);
    await expect.poll(() => boardCounts(presenter)).toContain('treat:lactated-ringers=2');
    // A reload in mid-vote keeps the board and its counts.
    await projector.reload();
    await projector.waitForSelector('body[data-ready="true"]');
    expect(await boardCounts(projector)).toContain('order:blood-cultures=23');
    await projector.locator('.vote-options li.leading [data-action="commit:order:blood-cultures"]').click();
    await expect.poll(() => board.isVisible()).toBe(false);
    await expect.poll(() => presenter.locator('.decision-board').isVisible()).toBe(false);
    await expect.poll(() => presenter.locator('#panel-orders').textContent()).toContain('Blood cultures');

    // Vote 2, driven from the presenter window: its own candidates, the room's hands typed there.
    await presenter.keyboard.press('v');
    await expect.poll(() => board.isVisible()).toBe(true);
    for (const query of ['Norepi', 'Lactated']) {
      await presenter.locator('#board-search').fill(query);
      await presenter.locator('[data-action^="board-add:treat:"]').first().click();
    }
    await presenter.locator('[data-field="votes:treat:norepinephrine"]').fill('4');
    await presenter.locator('[data-field="votes:treat:lactated-ringers"]').fill('31');
    await expect
      .poll(() => boardCounts(projector))
      .toEqual(['treat:norepinephrine=4', 'treat:lactated-ringers=31']);
    // Committed, its dose asked, then cancelled: nothing done, so no vote, and the board stays up.
    await presenter.locator('[data-action="commit:treat:lactated-ringers"]').click();
    await presenter.locator('dialog[open] [data-field="dose"]').waitFor();
    await presenter.keyboard.press('Escape');
    await presenter.locator('dialog[open]').waitFor({ state: 'detached' });
    expect(await board.isVisible()).toBe(true);
    // Committed again and its dose confirmed: done on the projector, and only now recorded.
    await presenter.locator('[data-action="commit:treat:lactated-ringers"]').click();
    await presenter.locator('dialog[open] [data-action="confirm"]').click();
    await expect.poll(() => board.isVisible()).toBe(false);
    await expect
      .poll(() => projector.locator('#panel-treatments').textContent())
      .toContain('Lactated Ringer');
    // The presenter's own action reaches the projector.
    await hook(presenter, 'order:cbc');
    await expect
      .poll(() => projector.locator('#panel-orders').textContent())
      .toContain('Complete blood count');

    const sizes = await textSizes(projector);
    expect(sizes.large / sizes.total, sizes.small.join('\n')).toBeGreaterThanOrEqual(0.9);
    // The monitor's words too (the alarm limits, the units, the lane names): every one at 20 px or more.
    const canvas = await canvasTexts(projector);
    expect(canvas.map((t) => t.text)).toEqual(expect.arrayContaining(['HR', 'bpm', 'Pleth', 'NIBP']));
    expect(canvas.filter((t) => t.cssPx < 20).map((t) => `${t.cssPx.toFixed(1)}px ${t.text}`)).toEqual([]);
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
    expect(done).toContain('Blood cultures');
    expect(done).toContain('Lactated Ringer');
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
    await expect.poll(() => projector.locator('[data-testid="score-percent"]').isVisible()).toBe(true);
    expect(await projector.locator('[data-testid="score-percent"]').textContent()).toBe(score);
    expect(await visibleText(projector)).toContain('Teaching points');
    // Each vote beside the guideline's path and the real team's course.
    const votes = projector.locator('.votes-review');
    expect(await votes.locator('table').count()).toBe(2);
    expect(await votes.locator('caption').first().textContent()).toContain('what do you do first?');
    const first = (await votes.locator('tr.chosen').first().textContent()) ?? '';
    expect(first).toContain('Blood cultures');
    expect(first).toContain('23 (92%)');
    // The guideline's path draws cultures within minutes of arrival: at this point, with its time.
    expect(first).toMatch(/(At this point|Earlier) \(T\+ 0:03\)/);
    const second = (await votes.locator('tr.chosen').nth(1).textContent()) ?? '';
    expect(second).toContain('31 (89%)');
    // An option neither the guideline's path nor the report has: the report's silence is said as such.
    const mri = (await votes.locator('tr', { hasText: 'MRI' }).textContent()) ?? '';
    expect(mri).toContain('Not on the path');
    expect(mri).toContain('Not in the report');
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
      // At 1024×768 the page's type is 20 px and its smaller print (units, hints) 18: about 60 % reaches 20 px.
      const sizes = await textSizes(page);
      expect(sizes.large / sizes.total, sizes.small.join('\n')).toBeGreaterThanOrEqual(
        width > 1920 ? 0.9 : 0.6,
      );
      // The monitor's words reach 20 px where the bay is shown 1,067 px wide or more; at 1024×768 the room reads the
      // vitals beside it (page text) instead.
      const canvasTooSmall = (await canvasTexts(page)).filter((t) => t.cssPx < 20).map((t) => t.text);
      expect(canvasTooSmall.length === 0).toBe(width > 1920);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
