import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playScript, type ResolvedCase } from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { useBuiltSite } from '../support/browser.ts';
import { openCase, perform } from '../support/drive.ts';
import { ROOT, harmfulScriptFor, loadShippedCase, shippedCasePaths } from '../support/load.ts';

const site = useBuiltSite();

/** Play a script through the real UI and return the debrief's score and outcome text. */
async function playInBrowser(resolved: ResolvedCase, script: Script) {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openCase(page, site.url, resolved.data.id);
  const percent = page.locator('[data-testid="score-percent"]');
  for (const step of script.actions) {
    if ((await percent.count()) > 0) break; // the patient died: the debrief is up
    await perform(page, step);
  }
  if ((await percent.count()) === 0 && !script.actions.some((a) => a.do === 'end' || a.do === 'dispose'))
    await perform(page, { at: 0, do: 'end' });
  await percent.waitFor();
  const result = {
    percent: Number(((await percent.textContent()) ?? '').replace('%', '')),
    outcome: (await page.locator('.outcome').textContent()) ?? '',
    items: await page.locator('.score-table').allTextContents(),
    debrief: (await page.locator('main.debrief').textContent()) ?? '',
    errors,
  };
  await page.close();
  return result;
}

// Every shipped case, not only the first: its own best path, and its harmful script where it has one, through the
// real UI in Chromium, must give the command line's score (the same engine, the same action log).
describe('every case through the real UI', { timeout: 120_000 }, () => {
  for (const path of shippedCasePaths()) {
    const resolved = loadShippedCase(path);
    const id = resolved.data.id;

    it(`${id}: the best path reaches the debrief alive, with the command line's score`, async () => {
      const script = Script.parse({ actions: resolved.data.bestPath.actions });
      const played = await playInBrowser(resolved, script);
      const expected = playScript(resolved, script, resolved.data.defaultSeed);
      expect(played.percent).toBe(expected.score.percent);
      expect(expected.outcome.status).toBe('alive');
      expect(played.outcome).toContain('The patient is alive');
      // A synthetic case never presents its written course as what a real team did.
      const heading =
        resolved.data.kind === 'real-case' ? 'What the real team did' : 'The written course (synthetic)';
      expect(played.debrief).toContain(heading);
      expect(played.debrief.includes('What the real team did')).toBe(resolved.data.kind === 'real-case');
      expect(played.errors).toEqual([]);
    });

    const harmful = join(ROOT, 'tests/fixtures/scripts', `${id}-harmful.json`);
    if (!existsSync(harmful)) continue; // the first case's harmful path is played in play.test.ts
    it(`${id}: the harmful script scores as the command line says`, async () => {
      const script = harmfulScriptFor(resolved);
      const played = await playInBrowser(resolved, script);
      const expected = playScript(resolved, script, resolved.data.defaultSeed); // the browser plays the case's seed
      expect(played.percent).toBe(expected.score.percent);
      const harms = expected.score.items.filter((i) => i.earned < 0).map((i) => i.label);
      expect(harms.length).toBeGreaterThan(0);
      for (const label of harms)
        expect(played.items).toEqual(expect.arrayContaining([expect.stringContaining(label)]));
      expect(played.errors).toEqual([]);
    });
  }
});
