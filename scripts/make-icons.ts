// npx tsx scripts/make-icons.ts — the installable app's PNG icons (192 and 512 px, and a maskable 512), drawn by
// Chromium from assets/icons/bedside.svg. Run it after changing the SVG and commit the PNGs beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/support/browser.ts';
import { ROOT } from '../tests/support/load.ts';

const svg = readFileSync(join(ROOT, 'assets/icons/bedside.svg'), 'utf8');
const browser = await launch();
try {
  for (const [size, name] of [
    [192, 'bedside-192.png'],
    [512, 'bedside-512.png'],
    [512, 'bedside-maskable-512.png'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0;background:#0f1b2d">${svg.replace('width="512" height="512"', `width="${String(size)}" height="${String(size)}"`)}</body>`,
    );
    await page.screenshot({ path: join(ROOT, 'assets/icons', name) });
    await page.close();
    console.log(`assets/icons/${name}`);
  }
} finally {
  await browser.close();
}
