// npx tsx scripts/classroom-type.ts — the projector's type as the room sees it: the share of the page's visible text
// set at 20 px or more, the smallest page text, the smallest word on the monitor's canvas (CSS px) and whether the
// page scrolls sideways, at 1024×768, 1920×1080 and 3840×2160 (the first case, just started, classroom mode).
import { launch, serveBuiltSite } from '../tests/support/browser.ts';

const { url, server } = await serveBuiltSite();
const browser = await launch();
try {
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}?mode=classroom&case=septic-shock-spondylodiscitis`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('[data-action="start"]').click();
    await page.locator('.clock').waitFor();
    // The bay is fetched when the case starts: measure once it has drawn.
    await page.waitForFunction('window.bedside.bayFrames() > 0');
    const r = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let total = 0;
      let large = 0;
      let smallest = Infinity;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if ((node.textContent?.trim() ?? '') === '' || parent === null) continue;
        const box = parent.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (parent.closest('[hidden], dialog:not([open]), .sr-only') !== null) continue;
        const size = Number.parseFloat(getComputedStyle(parent).fontSize);
        total += 1;
        if (size >= 20) large += 1;
        smallest = Math.min(smallest, size);
      }
      const canvas = (
        window as unknown as { bedside: { bayTexts(): { cssPx: number }[] } }
      ).bedside.bayTexts();
      const root = document.documentElement;
      return {
        total,
        large,
        smallest,
        canvasWords: canvas.length,
        canvasSmallest: Math.min(...canvas.map((t) => t.cssPx)),
        sideways: root.scrollWidth > root.clientWidth,
      };
    });
    console.log(
      `${String(width)}×${String(height)}: page text at 20 px or more ${String(r.large)}/${String(r.total)} ` +
        `(${((100 * r.large) / r.total).toFixed(1)} %), smallest ${r.smallest.toFixed(1)} px; ` +
        `monitor words ${String(r.canvasWords)}, smallest ${r.canvasSmallest.toFixed(1)} px; ` +
        `sideways scroll: ${r.sideways ? 'yes' : 'no'}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
