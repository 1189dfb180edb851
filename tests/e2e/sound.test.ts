import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageWithErrors, useBuiltSite } from '../support/browser.ts';
import { clockMinutes, hook, openCase, perform } from '../support/drive.ts';

const CASE = 'septic-shock-spondylodiscitis';
const site = useBuiltSite();

interface LogEntry {
  atMs: number;
  sound: string;
  gain: number;
  output: 'waiting' | 'on' | 'unavailable';
}

/**
 * The sound layer observed, not heard (headless Chromium may refuse to play, and mutes anyway): every sound it
 * decided on, with where it went, from the test hook window.bedside.sound.
 */
async function soundLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() =>
    (window as unknown as { bedside: { sound: { log(): LogEntry[] } } }).bedside.sound.log(),
  );
}

async function soundState(page: Page): Promise<{ output: string; alarm: { sounding: string | null } }> {
  return page.evaluate(() =>
    (
      window as unknown as {
        bedside: { sound: { state(): { output: string; alarm: { sounding: string | null } } } };
      }
    ).bedside.sound.state(),
  );
}

/** What the sound layer decides during `ms` of real time from now. */
async function heardDuring(page: Page, ms: number): Promise<LogEntry[]> {
  const before = (await soundLog(page)).length;
  await page.waitForTimeout(ms);
  return (await soundLog(page)).slice(before);
}

const banner = (page: Page) => page.locator('.alarm-audio');

describe('the sound of the bay, in Chromium', { timeout: 120_000 }, () => {
  it('a MAP alarm sounds while the MAP is below its limit, stops when it recovers, and returns when it falls', async () => {
    const { page, errors } = await pageWithErrors(site.browser);
    await openCase(page, site.url, CASE);
    // The clicks that opened the case were the first gesture: the audio layer has started (headless Chromium may
    // still refuse to play, which the log would say; the decisions are the same either way).
    await expect.poll(() => soundState(page).then((s) => s.output)).not.toBe('waiting');
    // Arrival: MAP 60, below the monitor's 65. The alarm sounds (medium priority), the banner says why.
    await expect.poll(() => soundLog(page).then((l) => l.map((e) => e.sound))).toContain('alarm medium');
    expect(await banner(page).isVisible()).toBe(true);
    expect(await page.locator('.alarm-caption').textContent()).toBe(
      'Medium-priority alarm: MAP 60 mmHg, below 65',
    );
    expect(await page.locator('.alarm-caption').getAttribute('aria-live')).toBe('polite');
    // The pulse tone follows the heart (HR 109, a beep every 550 ms), counted on the sound layer's own clock, not
    // by waiting a fixed time, which a busy machine stretches.
    const from = (await soundLog(page)).length;
    const pulses = async () => (await soundLog(page)).slice(from).filter((e) => e.sound.startsWith('pulse'));
    await expect.poll(async () => (await pulses()).length).toBeGreaterThanOrEqual(5);
    const beeps = (await pulses()).slice(0, 5).map((e) => e.atMs);
    const meanGap = ((beeps.at(-1) ?? 0) - (beeps[0] ?? 0)) / (beeps.length - 1);
    expect(meanGap).toBeGreaterThan(400);
    expect(meanGap).toBeLessThan(750);

    // Norepinephrine brings the MAP up to its limit: the alarm stops, and the banner goes.
    await perform(page, { at: 0, do: 'treat', id: 'norepinephrine', dose: 0.1 });
    await hook(page, 'advance:5');
    await expect.poll(() => soundState(page).then((s) => s.alarm.sounding)).toBeNull();
    expect((await soundLog(page)).map((e) => e.sound)).toContain('alarm-stop');
    expect(await banner(page).isVisible()).toBe(false);
    expect((await heardDuring(page, 1500)).filter((e) => e.sound.startsWith('alarm'))).toEqual([]);

    // Stopped, the MAP falls back below 65: the alarm sounds again.
    await hook(page, 'stop:norepinephrine');
    for (let i = 0; i < 10 && !(await banner(page).isVisible()); i++) await hook(page, 'advance:5');
    expect(await clockMinutes(page)).toBeLessThan(60);
    await expect.poll(() => soundState(page).then((s) => s.alarm.sounding)).toBe('medium');
    const sounds = (await soundLog(page)).map((e) => e.sound);
    expect(sounds.lastIndexOf('alarm medium')).toBeGreaterThan(sounds.lastIndexOf('alarm-stop'));

    // Acknowledge quiets it; the banner stays and says so.
    await page.locator('[data-sound="acknowledge"]').click();
    expect(await soundState(page).then((s) => s.alarm.sounding)).toBeNull();
    expect(await page.locator('.alarm-caption').textContent()).toMatch(/ — acknowledged$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('mute silences everything, and is still on after a reload', async () => {
    const { page, errors } = await pageWithErrors(site.browser);
    await openCase(page, site.url, CASE);
    await expect.poll(() => soundLog(page).then((l) => l.length)).toBeGreaterThan(0);
    const mute = page.locator('[data-sound="mute"]');
    await mute.click();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    expect(await heardDuring(page, 1500)).toEqual([]);
    // The play and the setting both come back with the page.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('.clock').waitFor();
    await page.locator('h1').click();
    expect(await page.locator('[data-sound="mute"]').getAttribute('aria-pressed')).toBe('true');
    expect(await heardDuring(page, 1500)).toEqual([]);
    expect(await banner(page).isVisible()).toBe(true);
    // Unmuted, the alarm (at once, not at its next repeat) and the pulse are back.
    const before = (await soundLog(page)).length;
    await page.locator('[data-sound="mute"]').click();
    const heard = async () => (await soundLog(page)).slice(before).map((e) => e.sound);
    await expect.poll(heard).toContain('alarm medium');
    await expect.poll(async () => (await heard()).some((s) => s.startsWith('pulse'))).toBe(true);

    // The Sound menu closes as menus do: Escape (focus back on its button), or a click elsewhere.
    const menu = page.locator('details.sound-menu');
    const isOpen = () => menu.evaluate((d) => (d as HTMLDetailsElement).open);
    await menu.locator('summary').click();
    expect(await isOpen()).toBe(true);
    await page.locator('#sound-volume').focus();
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await menu.locator('summary').click();
    await page.locator('.play-header h1').click();
    expect(await isOpen()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without Web Audio the game plays silently: no error, everything still shown', async () => {
    const { page, errors } = await pageWithErrors(site.browser);
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w.AudioContext;
      delete w.webkitAudioContext;
    });
    await openCase(page, site.url, CASE);
    await expect.poll(() => soundState(page).then((s) => s.output)).toBe('unavailable');
    expect(await page.locator('.sound-note').textContent()).toContain('plays silently');
    await hook(page, 'order:lactate');
    await hook(page, 'advance:15');
    await hook(page, 'advance:60');
    expect(await clockMinutes(page)).toBeGreaterThan(0);
    expect(await banner(page).isVisible()).toBe(true);
    const log = await soundLog(page);
    expect(log.length).toBeGreaterThan(0);
    expect(new Set(log.slice(-5).map((e) => e.output))).toEqual(new Set(['unavailable']));
    expect(errors).toEqual([]);
    await page.close();
  });
});
