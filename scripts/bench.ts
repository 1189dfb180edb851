// npm run bench — every figure the performance budgets are set on, measured on this machine: engine plays a second
// per shipped case, loading and validating, the opening script's size, the time to an interactive picker (cold and
// warm, with and without a 4× slower CPU), the bay's frame rate and main-thread share at 720p, 1080p and 4K, and the
// heap over six simulated hours of real-time play. It prints a report, appends it to BENCHMARKS.md with the machine,
// the command and the date, and exits non-zero when a budget is missed. (`npm run bench:engine` gives vitest's
// detailed statistics for the engine alone.) Budgets live here, never in timed tests.
import { execSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadCase, loadCatalog, playScript, Script, type ResolvedCase } from '../src/engine/index.ts';
import { playToEnd } from '../src/engine/play/play.ts';
import { inputsAt } from '../src/engine/sim/care.ts';
import { modelFor } from '../src/engine/sim/model.ts';
import { blankVitals, observe } from '../src/engine/sim/physiology/observe.ts';
import { copyPatient, initialPatient } from '../src/engine/sim/physiology/state.ts';
import { stepConstants, stepMinute } from '../src/engine/sim/physiology/step.ts';
import { buildSite, launch, serveFolder } from '../tests/support/browser.ts';
import { openCase } from '../tests/support/drive.ts';
import {
  CASE_PATH,
  ROOT,
  caseText,
  catalogFiles,
  loadShippedCase,
  shippedCasePaths,
} from '../tests/support/load.ts';

/** `npm run bench -- bay heap` measures only those parts (and records nothing); no argument measures them all. */
const PARTS = ['engine', 'load', 'build', 'picker', 'bay', 'heap'] as const;
const only = new Set(process.argv.slice(2));
const wanted = (part: (typeof PARTS)[number]) => only.size === 0 || only.has(part);
for (const part of only)
  if (!(PARTS as readonly string[]).includes(part))
    throw new Error(`npm run bench: no part "${part}" (${PARTS.join(', ')})`);
const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const BUDGET = {
  playsPerSecond: 10_000,
  openingScriptGzipKB: 150,
  pickerColdThrottledMs: 800,
  mainThreadShare1080: 0.2,
  /** "60 fps": a display's 60 Hz, allowing the odd late frame (58 of 60). */
  fps4k: 58,
  /** Heap growth over six simulated hours, after a garbage collection: "flat". */
  heapGrowthMB: 5,
} as const;

interface Line {
  what: string;
  value: string;
  budget: string;
  ok: boolean | null;
}
const report: Line[] = [];
const say = (what: string, value: string, budget = '', ok: boolean | null = null) => {
  report.push({ what, value, budget, ok });
  process.stdout.write(
    `${ok === false ? '✗' : ok === true ? '✓' : ' '} ${what}: ${value}${budget === '' ? '' : ` (budget ${budget})`}\n`,
  );
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// 1. The engine: full scripted plays of each shipped case's best path, arrival to its horizon.
function playsPerSecond(resolved: ResolvedCase): number {
  const script = Script.parse({ actions: resolved.data.bestPath.actions });
  const rounds: number[] = [];
  for (let warm = performance.now(); performance.now() - warm < 500;) playScript(resolved, script);
  for (let round = 0; round < 5; round++) {
    let plays = 0;
    const start = performance.now();
    while (performance.now() - start < 600) {
      playScript(resolved, script);
      plays += 1;
    }
    rounds.push(plays / ((performance.now() - start) / 1000));
  }
  return median(rounds);
}
/**
 * The physiology alone: a step and an observation for every minute to the case's horizon (the care of its best path
 * at minute 100, held constant), which every play must compute whatever surrounds it: the least a play can cost,
 * best of 15 rounds, in µs.
 */
function physiologyMicroseconds(resolved: ResolvedCase): number {
  const ctx = playToEnd(resolved, Script.parse({ actions: resolved.data.bestPath.actions }));
  const model = modelFor(ctx, resolved);
  const inputs = inputsAt(ctx, resolved, 100, model);
  const constants = stepConstants(model);
  const weightKg = resolved.data.patient.weightKg.value;
  const out = blankVitals();
  const course = () => {
    const patient = copyPatient(initialPatient(model));
    for (let minute = 0; minute < resolved.data.horizonMin; minute++) {
      stepMinute(patient, inputs, model, weightKg, constants);
      observe(patient, inputs, model, weightKg, out);
    }
  };
  for (let warm = performance.now(); performance.now() - warm < 300;) course();
  let best = Infinity;
  for (let round = 0; round < 15; round++) {
    const start = performance.now();
    for (let i = 0; i < 50; i++) course();
    best = Math.min(best, (performance.now() - start) / 50);
  }
  return best * 1000;
}
for (const path of wanted('engine') ? shippedCasePaths() : []) {
  const resolved = loadShippedCase(path);
  const rate = playsPerSecond(resolved);
  say(
    `engine: ${resolved.data.id} best path, plays/s`,
    Math.round(rate).toLocaleString('en'),
    `≥ ${BUDGET.playsPerSecond.toLocaleString('en')}`,
    rate >= BUDGET.playsPerSecond,
  );
  const floor = physiologyMicroseconds(resolved);
  say(
    `engine: ${resolved.data.id} physiology alone, ${String(resolved.data.horizonMin)} min: µs (plays/s it allows)`,
    `${floor.toFixed(0)} (${Math.round(1e6 / floor).toLocaleString('en')})`,
  );
}

// 2. Loading and validating a case (what `npm run case validate` and an author's own file cost; shipped cases are
// validated when the site is built, not in the learner's browser).
if (wanted('load')) {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const catalog = loadCatalog(catalogFiles());
    if (!catalog.ok || !loadCase({ name: CASE_PATH, text: caseText() }, catalog.value).ok)
      throw new Error('load');
    times.push(performance.now() - start);
  }
  say('load + validate the catalogue and the first case, ms (median of 15)', median(times).toFixed(1));
}

// 3. The build: each script's size, and what the page fetches before the picker.
const outDir = await buildSite();
const assets = join(outDir, 'assets');
const html = readFileSync(join(outDir, 'index.html'), 'utf8');
const opening = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
let openingGzip = 0;
for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') && wanted('build'))) {
  const bytes = readFileSync(join(assets, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const first = opening.includes(file);
  if (first) openingGzip += gzip;
  say(
    `script ${file}${first ? ' (opening)' : ''}`,
    `${kb(statSync(join(assets, file)).size)} raw, ${kb(gzip)} gzip`,
  );
}
if (wanted('build'))
  say(
    'opening script before the picker, gzip',
    kb(openingGzip),
    `≤ ${String(BUDGET.openingScriptGzipKB)} KB`,
    openingGzip <= BUDGET.openingScriptGzipKB * 1024,
  );

// 4. The browser: time to an interactive picker, the bay, the heap.
const { url, server } = await serveFolder(outDir);
const browser = await launch();
try {
  if (wanted('picker')) await pickerTimes(browser);
  if (wanted('bay'))
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
      [3840, 2160],
    ] as const)
      await bay(browser, width, height);
  if (wanted('heap')) await heap(browser);
} finally {
  await browser.close();
  server.httpServer.close();
}

/** Navigation start to the picker's first screen being ready (the app's `bedside:ready` mark). */
async function readyAt(page: Page, address: string, reload: boolean): Promise<number> {
  if (reload) await page.reload();
  else await page.goto(address);
  await page.waitForSelector('body[data-ready="true"]');
  return page.evaluate<number>(`performance.getEntriesByName('bedside:ready')[0]?.startTime ?? Number.NaN`);
}

async function pickerTimes(b: Browser): Promise<void> {
  for (const rate of [1, 4]) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await b.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      cold.push(await readyAt(page, url, false));
      warm.push(await readyAt(page, url, true));
      await context.close();
    }
    const slow = rate === 1 ? '' : `, CPU ${String(rate)}× slower`;
    const c = median(cold);
    say(
      `picker ready, cold${slow}, ms (median of 5)`,
      c.toFixed(0),
      rate === 4 ? `≤ ${String(BUDGET.pickerColdThrottledMs)}` : '',
      rate === 4 ? c <= BUDGET.pickerColdThrottledMs : null,
    );
    say(`picker ready, warm (cached)${slow}, ms (median of 5)`, median(warm).toFixed(0));
  }
}

/** Frames and the main thread's busy share over 5 s while the monitor sweeps (case open, clock still). */
async function bay(b: Browser, width: number, height: number): Promise<void> {
  const page = await b.newPage({ viewport: { width, height } });
  await openCase(page, url, 'septic-shock-spondylodiscitis');
  await page.locator('.bay canvas').first().waitFor();
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
  };
  const before = await busy();
  // The bay's own frames (its loop may draw fewer than the page's animation frames) over 5 s. A string, not a
  // function: tsx's transform would put a helper in it that the page does not have.
  const { fps, wholeFps, seconds } = await page.evaluate<{ fps: number; wholeFps: number; seconds: number }>(
    `new Promise((done) => {
      const start = performance.now();
      const first = window.bedside.bayFrames();
      const firstWhole = window.bedside.bayWholeFrames();
      setTimeout(() => {
        const s = (performance.now() - start) / 1000;
        done({
          fps: (window.bedside.bayFrames() - first) / s,
          wholeFps: (window.bedside.bayWholeFrames() - firstWhole) / s,
          seconds: s,
        });
      }, 5000);
    })`,
  );
  const share = ((await busy()) - before) / seconds;
  const size = `${String(width)}×${String(height)}`;
  say(
    `bay ${size}: frames/s`,
    fps.toFixed(1),
    width === 3840 ? `≥ ${String(BUDGET.fps4k)}` : '',
    width === 3840 ? fps >= BUDGET.fps4k : null,
  );
  say(`bay ${size}: whole redraws/s (otherwise a half, or the sweep alone)`, wholeFps.toFixed(1), '', null);
  say(
    `bay ${size}: main-thread busy share`,
    `${(share * 100).toFixed(0)} %`,
    width === 1920 ? `≤ ${String(BUDGET.mainThreadShare1080 * 100)} %` : '',
    width === 1920 ? share <= BUDGET.mainThreadShare1080 : null,
  );
  await page.close();
}

/**
 * Six simulated hours of real-time play (1 s a minute) on a faked clock: every timer and animation frame of those
 * six wall minutes runs, faster than real time. The heap after a garbage collection, each simulated hour.
 */
async function heap(b: Browser): Promise<void> {
  const context = await b.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${url}?clock=real`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('[data-case="septic-shock-spondylodiscitis"]').click();
  await page.locator('[data-action="start"]').click();
  await page.locator('#clock-speed').selectOption('1');
  const cdp = await context.newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const samples = [await used()];
  for (let hour = 1; hour <= 6; hour++) {
    await page.clock.runFor(60_000);
    samples.push(await used());
  }
  const clock = (await page.locator('.clock').textContent()) ?? '';
  const mb = samples.map((s) => (s / 1024 / 1024).toFixed(1));
  const growth = ((samples.at(-1) ?? Number.NaN) - (samples[1] ?? Number.NaN)) / 1024 / 1024;
  say(`heap each simulated hour, MB (clock at the end: ${clock.trim()})`, mb.join(' → '));
  say(
    'heap growth from hour 1 to hour 6, MB',
    growth.toFixed(1),
    `≤ ${String(BUDGET.heapGrowthMB)}`,
    Number.isFinite(growth) && growth <= BUDGET.heapGrowthMB,
  );
  await context.close();
}

// The record: appended to BENCHMARKS.md.
const machine = `${String(cpus().length)}× ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execSync(
  '/usr/bin/chromium --version',
  { stdio: ['ignore', 'pipe', 'ignore'] },
)
  .toString()
  .trim()}`;
const missed = report.filter((l) => l.ok === false);
const table = [
  '| what | measured | budget |',
  '| --- | ---: | --- |',
  ...report.map(
    (l) =>
      `| ${l.what} | ${l.value} | ${l.budget === '' ? '' : `${l.budget} ${l.ok === true ? '✓' : '✗ missed'}`} |`,
  ),
].join('\n');
if (only.size === 0)
  appendFileSync(
    join(ROOT, 'BENCHMARKS.md'),
    `\n### ${new Date().toISOString().slice(0, 10)}: \`npm run bench\`\n\nMachine: ${machine}. Load average at the start: ${loadAtStart}.\n\n${table}\n\n${missed.length === 0 ? 'Every budget met.' : `Budgets missed: ${String(missed.length)}.`}\n`,
  );
// In the repository's own style, so that the record passes npm test's format check.
if (only.size === 0)
  execSync(`${join(ROOT, 'node_modules/.bin/prettier')} --write BENCHMARKS.md`, { cwd: ROOT });
process.stdout.write(
  `\n${only.size === 0 ? 'Appended to BENCHMARKS.md. ' : ''}${missed.length === 0 ? 'Every budget met.' : `${String(missed.length)} budget(s) missed.`}\n`,
);
process.exitCode = missed.length === 0 ? 0 : 1;
