import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';
import { serveHarness } from '../support/harness.ts';

/**
 * The bay as Chromium draws it, read back from the canvas: the monitor's ECG lane for each rhythm (still strips, as
 * with reduced motion) and the skin of the anaphylaxis patient. The harness page (tests/harness/bay.html) is served
 * by Vite's dev server, its dependencies bundled up front into a cache of its own (no reload mid-test, no clash with
 * another dev server's cache).
 */
let harness: Awaited<ReturnType<typeof serveHarness>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  harness = await serveHarness();
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** The ECG lane on the 1280×720 canvas (src/game/monitor.ts): x, y, width, height, and its baseline's row. */
const ECG = { x: 732, y: 112, w: 290, h: 114 } as const;
/** The traces are painted on a layer of their own over the lanes (src/game/sweep-layer.ts), whose corner is here. */
const SWEEP_LAYER = { x: 732, y: 90 } as const;
const BASELINE = Math.round(ECG.y + ECG.h * 0.7 - ECG.y);

interface Column {
  /** Pixels above the baseline reached by the trace in this column (negative below it), or null if none drawn. */
  top: number | null;
  bottom: number | null;
}

async function openBay(query: string): Promise<Page> {
  if (browser === undefined) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${harness?.url ?? ''}?${query}&reduced=1`);
  await page.waitForFunction(() => window.bay !== undefined && document.querySelector('canvas') !== null);
  // The scene has drawn its still strips (a trace on the sweep layer), and a couple more frames have gone to the
  // bay's own canvas; waited for, not timed, so a busy machine only makes it slower.
  await page.waitForFunction(() => {
    const layer = document.querySelector<HTMLCanvasElement>('canvas.bay-sweep');
    const data = layer?.getContext('2d')?.getImageData(0, 0, layer.width, layer.height).data;
    if (data === undefined) return false;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
    return false;
  });
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i += 1) await new Promise((done) => requestAnimationFrame(done));
  });
  return page;
}

/** The ECG trace read from the canvas: for each column, the highest and lowest green pixel against the baseline. */
async function ecgColumns(scenario: string): Promise<Column[]> {
  const page = await openBay(`scenario=${scenario}`);
  const columns = await page.evaluate(
    ({ x, y, w, h, baseline }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.bay-sweep');
      const data = canvas?.getContext('2d')?.getImageData(x, y, w, h).data;
      if (data === undefined) throw new Error('no canvas');
      const out: { top: number | null; bottom: number | null }[] = [];
      for (let c = 0; c < w; c += 1) {
        let top: number | null = null;
        let bottom: number | null = null;
        for (let r = 0; r < h; r += 1) {
          const i = (r * w + c) * 4;
          const [red, green, blue] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
          // The ECG's green (#3ff07a), against the black glass.
          if (green > 150 && green - red > 60 && green - blue > 30) {
            top ??= baseline - r;
            bottom = baseline - r;
          }
        }
        out.push({ top, bottom });
      }
      return out;
    },
    { ...ECG, x: ECG.x - SWEEP_LAYER.x, y: ECG.y - SWEEP_LAYER.y, baseline: BASELINE },
  );
  await page.close();
  return columns;
}

/** Columns where a complex towers over the baseline (R waves or spikes), merged into one position per complex. */
function peaks(columns: Column[], above: number): number[] {
  const found: number[] = [];
  let previous = -Infinity;
  columns.forEach((col, c) => {
    if ((col.top ?? 0) < above) return;
    if (c - previous > 6) found.push(c);
    previous = c;
  });
  return found;
}
const intervals = (at: number[]) => at.slice(1).map((c, i) => c - (at[i] ?? 0));
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
const extent = (columns: Column[]) =>
  Math.max(...columns.map((c) => c.top ?? 0)) - Math.min(...columns.map((c) => c.bottom ?? 0));
/** The trace's middle in each column, for comparing two strips. */
const mid = (columns: Column[]) => columns.map((c) => ((c.top ?? 0) + (c.bottom ?? 0)) / 2);

describe('the monitor draws the rhythm the engine has', () => {
  const rhythms = ['sinus', 'af', 'svt', 'vt', 'chb', 'chb-junctional', 'paced', 'vf', 'vf-fine', 'asystole'];
  const traces = new Map<string, Column[]>();
  beforeAll(async () => {
    for (const rhythm of rhythms) traces.set(rhythm, await ecgColumns(rhythm));
  }, 120_000);
  const trace = (rhythm: string) => {
    const t = traces.get(rhythm);
    if (t === undefined) throw new Error(`no trace for ${rhythm}`);
    return t;
  };

  it('sinus rhythm is periodic: tall R waves at equal intervals (78/min at 80 px/s: about 62 px)', () => {
    const r = peaks(trace('sinus'), 50);
    expect(r.length).toBeGreaterThanOrEqual(4);
    expect(spread(intervals(r))).toBeLessThanOrEqual(4);
    for (const gap of intervals(r)) expect(gap).toBeGreaterThan(55);
  });

  it('atrial fibrillation is irregularly irregular: R to R intervals differ', () => {
    const r = peaks(trace('af'), 50);
    expect(r.length).toBeGreaterThanOrEqual(4);
    expect(spread(intervals(r))).toBeGreaterThan(10);
  });

  it('SVT is regular and fast; complete heart block slow (38/min: about 126 px between complexes)', () => {
    const svt = intervals(peaks(trace('svt'), 50));
    expect(spread(svt)).toBeLessThanOrEqual(4);
    for (const gap of svt) expect(gap).toBeLessThan(32);
    for (const gap of intervals(peaks(trace('chb'), 40))) expect(gap).toBeGreaterThan(110);
  });

  it('VF is chaotic with no R waves, and finer after minutes of arrest; asystole is nearly flat', () => {
    expect(peaks(trace('vf'), 50)).toEqual([]);
    expect(extent(trace('vf'))).toBeGreaterThan(30);
    expect(extent(trace('vf-fine'))).toBeLessThan(extent(trace('vf')) * 0.6);
    expect(extent(trace('asystole'))).toBeLessThanOrEqual(8);
  });

  it('draws every rhythm differently from every other', () => {
    for (const a of rhythms)
      for (const b of rhythms) {
        if (a >= b) continue;
        const [ma, mb] = [mid(trace(a)), mid(trace(b))];
        const diff = ma.reduce((sum, v, i) => sum + Math.abs(v - (mb[i] ?? 0)), 0) / ma.length;
        expect(diff, `${a} vs ${b}`).toBeGreaterThan(1.5);
      }
  });
});

describe('the sweep layer', () => {
  /**
   * The monitor's traces are painted a few columns a frame (src/game/trace.ts): after any run of frames the layer
   * must show what painting the trace whole would. Frames of 1/60 s; uneven frames; frames longer than the erase gap;
   * runs that wrap round the lane several times.
   */
  it('painted frame by frame shows what painting it whole would', async () => {
    const page = await openBay('scenario=shock');
    const runs = await page.evaluate(() => {
      const check = window.sweepCheck;
      if (check === undefined) throw new Error('no sweep check');
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const even = Array.from({ length: 300 }, () => 1 / 60);
      const uneven = Array.from({ length: 400 }, () => 0.004 + random() * 0.05);
      const long = Array.from({ length: 40 }, () => 0.2 + random() * 0.15);
      return {
        even: check(even),
        uneven: check(uneven),
        long: check(long),
        behind: check(even, true),
      };
    });
    await page.close();
    for (const run of [runs.even, runs.uneven, runs.long]) {
      expect(run.drawn).toBeGreaterThan(500);
      // A pixel or two at the gap's far edge may differ (a stroke's round end); no stroke missing or left over.
      expect(run.differing).toBeLessThan(run.drawn * 0.005);
    }
    // One frame behind is a clearly different picture: the comparison can fail.
    expect(runs.behind.differing).toBeGreaterThan(runs.behind.drawn * 0.02);
  });
});

describe('the patient looks like the case in the bay', () => {
  /**
   * Pixels of a hive's red flare over the skin of the near wrist and hand (x 326–400, y 420–456 on the 1280×720
   * canvas, clear of the red ECG lead and the oximeter's light): far redder than any skin tone or its shading.
   */
  async function hivePixels(query: string): Promise<{ red: number; signs: readonly string[] }> {
    const page = await openBay(query);
    const result = await page.evaluate(() => {
      const data = document.querySelector('canvas')?.getContext('2d')?.getImageData(326, 420, 74, 36).data;
      if (data === undefined) throw new Error('no canvas');
      let red = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (r > 170 && r - g > 85 && r - b > 60) red += 1;
      }
      return { red, signs: window.bayView?.patient.signs ?? [] };
    });
    await page.close();
    return result;
  }

  it('the anaphylaxis patient arrives with hives on the arm, gone once adrenaline has worked', async () => {
    const arrival = await hivePixels('case=anaphylaxis-peanut&at=0');
    expect(arrival.signs).toContain('urticaria');
    expect(arrival.red).toBeGreaterThan(40);
    const treated = await hivePixels('case=anaphylaxis-peanut&at=120&plan=best');
    expect(treated.signs).not.toContain('urticaria');
    expect(treated.red).toBeLessThan(arrival.red / 5);
    const septic = await hivePixels('case=septic-shock-spondylodiscitis&at=0');
    expect(septic.red).toBeLessThan(arrival.red / 5);
  }, 60_000);
});

describe("lead II shows the case's ST segment", () => {
  /** The trace's height (px above the baseline) 60 ms after each J point: 9–10 columns after the R's upstroke. */
  async function stAfterEachR(scenario: string): Promise<number[]> {
    const columns = await ecgColumns(scenario);
    const mids = mid(columns);
    return peaks(columns, 50)
      .filter((c) => c + 10 < columns.length)
      .map((c) => ((mids[c + 9] ?? 0) + (mids[c + 10] ?? 0)) / 2);
  }

  it('an inferior STEMI lifts the ST segment 2.5 mm (about 17 px at 70 px/mV); plain sinus keeps it on the baseline', async () => {
    const stemi = await stAfterEachR('stemi');
    expect(stemi.length).toBeGreaterThanOrEqual(3);
    for (const px of stemi) expect(px).toBeGreaterThan(12);
    for (const px of stemi) expect(px).toBeLessThan(24);
    const sinus = await stAfterEachR('sinus');
    expect(sinus.length).toBeGreaterThanOrEqual(3);
    for (const px of sinus) expect(Math.abs(px)).toBeLessThan(4);
  }, 60_000);
});
