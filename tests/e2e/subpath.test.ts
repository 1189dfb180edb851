import { describe, expect, it } from 'vitest';
import { useBuiltSiteUnder } from '../support/browser.ts';
import { clockMinutes, hook, openCase } from '../support/drive.ts';

const PREFIX = '/lms/course-42/bedside/';

const site = useBuiltSiteUnder(PREFIX);

describe('the built site works from any sub-path', { timeout: 120_000 }, () => {
  it('loads and plays from /lms/course-42/bedside/ (relative asset URLs, no 404)', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const failures: string[] = [];
    page.on('response', (r) => {
      // bedside.config.json is optional (xAPI settings an instructor may put beside the game): its 404 is expected.
      if (r.status() >= 400 && !r.url().endsWith('/bedside.config.json'))
        failures.push(`${String(r.status())} ${r.url()}`);
    });
    page.on('pageerror', (e) => failures.push(e.message));
    await openCase(page, site.url, 'septic-shock-spondylodiscitis');
    await hook(page, 'advance:15');
    expect(await clockMinutes(page)).toBe(15);
    // The bay is fetched when the case starts (from the sub-path too).
    await page.locator('.bay canvas').first().waitFor();
    expect(await page.locator('.bay canvas:not(.bay-sweep)').count()).toBe(1);
    // The web font came from the sub-path too.
    expect(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);
    expect(failures).toEqual([]);
    await page.close();
  });
});
