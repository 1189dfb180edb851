// npm run bench:browser — frame rate of the bedside (canvas sweeping, panels idle) and the time from a click on
// "+5 min" to the clock showing the new minute, in Debian's headless Chromium (no GPU). Figures go in BENCHMARKS.md.
import { launch, serveBuiltSite } from '../tests/support/browser.ts';
import { openCase } from '../tests/support/drive.ts';

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
] as const;
const { url, server } = await serveBuiltSite();
const browser = await launch();
try {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await openCase(page, url, 'septic-shock-spondylodiscitis');
    await page.waitForTimeout(1000);
    // Frames drawn in 5 s of wall time.
    const fps = await page.evaluate(`new Promise((done) => {
      let frames = 0;
      const start = performance.now();
      const tick = () => {
        frames += 1;
        if (performance.now() - start < 5000) requestAnimationFrame(tick);
        else done(frames / ((performance.now() - start) / 1000));
      };
      requestAnimationFrame(tick);
    })`);
    // Click to repaint: click "+5 min" inside the page and wait for the next frame after the clock changed.
    const latencies: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      latencies.push(
        await page.evaluate(`new Promise((done) => {
          const start = performance.now();
          document.querySelector('[data-action="advance:5"]').click();
          requestAnimationFrame(() => done(performance.now() - start));
        })`),
      );
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? NaN;
    const worst = latencies.at(-1) ?? NaN;
    const canvas = await page.evaluate(
      `(() => { const c = document.querySelector('.bay canvas'); return c.width + 'x' + c.height; })()`,
    );
    process.stdout.write(
      `${String(width)}x${String(height)} (canvas ${String(canvas)})  ${(fps as number).toFixed(1)} frames/s  click to next frame: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms\n`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
