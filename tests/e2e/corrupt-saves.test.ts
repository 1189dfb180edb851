import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fingerprint, SAVE_KEY, SET_ASIDE_KEY, type SavedPlay } from '../../src/app/save.ts';
import { useBuiltSite } from '../support/browser.ts';
import { clockMinutes } from '../support/drive.ts';
import { caseText } from '../support/load.ts';
import { openPicker } from '../support/drive.ts';

const CASE = 'septic-shock-spondylodiscitis';

const site = useBuiltSite();

/** Twelve minutes into the first case, as the app saves it. */
const VALID: SavedPlay = {
  version: 1,
  caseId: CASE,
  caseHash: fingerprint(caseText()),
  seed: 1,
  log: [
    { atMin: 0, action: { do: 'examine', id: 'general' } },
    { atMin: 5, action: { do: 'order', id: 'lactate' } },
  ],
  nowMin: 12,
  endedAtMin: null,
  settings: { clock: 'step', secondsPerMinute: 2, units: 'conventional' },
};

function edited(edit: (save: Record<string, unknown> & { log: unknown[] }) => void): string {
  const save = structuredClone(VALID) as unknown as Record<string, unknown> & { log: unknown[] };
  edit(save);
  return JSON.stringify(save);
}

const DAMAGED: { what: string; text: string; why: RegExp }[] = [
  { what: 'not JSON', text: '{"version": 1, "caseId": ', why: /not valid JSON/ },
  { what: 'null', text: 'null', why: /expected an object, got null/ },
  {
    what: 'a log holding null',
    text: edited((s) => s.log.push(null)),
    why: /log\[2\]: expected an object, got null/,
  },
  {
    what: 'an action that is null',
    text: edited((s) => {
      s.log[1] = { atMin: 5, action: null };
    }),
    why: /log\[1\]\.action: expected an object, got null/,
  },
  {
    what: 'an unknown verb',
    text: edited((s) => {
      s.log[1] = { atMin: 5, action: { do: 'x', id: 'lactate' } };
    }),
    why: /log\[1\]\.action\.do: unknown action "x"/,
  },
  {
    what: '100,000 actions',
    // As short as an entry can be (about 4 MB in all), so the browser's storage takes it.
    text: edited((s) => {
      s.log = Array.from({ length: 100_000 }, () => ({ atMin: 0, action: { do: 'ask', id: 'a' } }));
    }),
    why: /has 100000 actions; Bedside keeps at most \d+/,
  },
  {
    what: 'a wrong case hash',
    text: edited((s) => {
      s.caseHash = '00000000';
    }),
    why: /edited since this play was saved/,
  },
  {
    what: 'an action this case does not have',
    text: edited((s) => {
      s.log[1] = { atMin: 5, action: { do: 'order', id: 'unobtainium' } };
    }),
    why: /does not fit this case: log\[1\]\.action\.id: unknown test "unobtainium"/,
  },
];

/** A fresh page (its own storage) that reloads with `text` under the save key; console errors are collected. */
async function reloadWithSave(text: string): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('GPU stall')) errors.push(m.text());
  });
  await page.goto(`${site.url}?clock=step`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(
    ([key, value]) => {
      localStorage.setItem(key, value);
    },
    [SAVE_KEY, text] as const,
  );
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

describe('a damaged save never stops the game from loading', { timeout: 60_000 }, () => {
  for (const { what, text, why } of DAMAGED) {
    it(`${what}: the picker loads, says why, and keeps the save aside to download`, async () => {
      const { page, errors } = await reloadWithSave(text);
      await page.locator('.case-list').waitFor();
      expect(await page.locator(`[data-case="${CASE}"]`).count()).toBe(1);
      const notice = page.getByRole('alert').filter({ hasText: 'Your saved play could not be resumed' });
      expect(await notice.textContent()).toMatch(why);
      expect(await notice.locator('[data-action="download-damaged-save"]').count()).toBe(1);
      expect(await notice.locator('[data-action="discard-damaged-save"]').count()).toBe(1);
      expect((await stored(page, SET_ASIDE_KEY)) === text).toBe(true);
      expect(await stored(page, SAVE_KEY)).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the damaged save downloads as it was, is still offered after a reload, and can be discarded', async () => {
    const text = edited((s) => {
      s.log[1] = { atMin: 5, action: null };
    });
    const { page, errors } = await reloadWithSave(text);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-damaged-save"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bedside-save-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    // The test run's Chromium is shared (connected to, not launched): the file is streamed back, not read in place.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const kept = page.getByRole('alert').filter({ hasText: 'A saved play is kept aside' });
    await kept.waitFor();
    await kept.locator('[data-action="discard-damaged-save"]').click();
    await kept.waitFor({ state: 'detached' });
    expect(await page.getByRole('status').filter({ hasText: 'discarded' }).count()).toBe(1);
    expect(await stored(page, SET_ASIDE_KEY)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a valid save still resumes where the learner left it', async () => {
    const { page, errors } = await reloadWithSave(JSON.stringify(VALID));
    await page.locator('.clock').waitFor();
    expect(await clockMinutes(page)).toBe(12);
    expect(await page.getByRole('alert').filter({ hasText: 'saved play' }).count()).toBe(0);
    expect(await stored(page, SET_ASIDE_KEY)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("an author's opened file says what it replaces and whether it is kept", { timeout: 60_000 }, () => {
  const openFile = (page: Page, name: string, text: string) =>
    page.setInputFiles('[data-field="case-file"]', {
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  const reloadPicker = async (page: Page) => {
    await page.goto(`${site.url}?clock=step`);
    await page.waitForSelector('body[data-ready="true"]');
  };

  it('a file with the id of a bundled case replaces it, says so, and can be removed', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openPicker(page, site.url);
    const mine = { ...(JSON.parse(caseText()) as object), title: 'My version of the spondylodiscitis case' };
    // The loader wants the file named after its id: the author's edited copy of the shipped case.
    await openFile(page, `${CASE}.json`, JSON.stringify(mine, null, 2));
    await page.locator('[data-action="start"]').waitFor();
    expect(await page.locator('.briefing .notice').textContent()).toMatch(
      /septic-shock-spondylodiscitis\.json:1:1 +\(file\) +warning: This file has the same id as the bundled case "[^"]+" \(septic-shock-spondylodiscitis\); it replaces it until you remove your file\./,
    );
    await reloadPicker(page);
    expect(await page.locator(`[data-case="${CASE}"]`).textContent()).toContain('My version');
    expect(await page.locator('.author').textContent()).toContain('same id as the bundled case');
    await page.locator('[data-action="remove-local-case"]').click();
    await page.getByRole('status').filter({ hasText: 'removed' }).waitFor();
    expect(await page.locator(`[data-case="${CASE}"]`).textContent()).not.toContain('My version');
    await reloadPicker(page);
    expect(await page.locator(`[data-case="${CASE}"]`).textContent()).not.toContain('My version');
    await page.close();
  });

  it('a file too large to keep after a reload plays in this tab and says so', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openPicker(page, site.url);
    const big = { ...(JSON.parse(caseText()) as object), id: 'my-big-case', title: 'My big case' };
    // Trailing white space is still JSON: a file over the 1 MB Bedside keeps, within the 2 MB it plays.
    await openFile(page, 'my-big-case.json', JSON.stringify(big, null, 2) + ' '.repeat(1_100_000));
    await page.locator('[data-action="start"]').waitFor();
    expect(await page.locator('.briefing .notice').textContent()).toContain(
      'This case is too large to keep after a reload; it plays in this tab only.',
    );
    await reloadPicker(page);
    expect(await page.locator('[data-case="my-big-case"]').count()).toBe(0);
    await page.close();
  });
});
