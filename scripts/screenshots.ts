// npm run screenshots — builds the site and saves Chromium screenshots at the sizes we check by eye.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveBuiltSite } from '../tests/support/browser.ts';
import { ROOT } from '../tests/support/load.ts';

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [390, 844],
] as const;

const out = join(ROOT, 'tmp/screenshots');
mkdirSync(out, { recursive: true });
const { url, server } = await serveBuiltSite();
const browser = await launch();
try {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    const file = join(out, `preview-${String(width)}x${String(height)}.png`);
    await page.screenshot({ path: file });
    process.stdout.write(`${file}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
