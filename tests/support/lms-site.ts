import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { PreviewServer } from 'vite';
import { buildScormPackage } from '../../scripts/scorm/package.ts';
import { serveFolder } from './browser.ts';
import { ROOT } from './load.ts';

/**
 * The SCORM package built as an instructor builds it, unpacked under `course/` beside a test LMS page (`lms.html`,
 * scorm-again's SCORM 1.2 runtime as window.API), served on a free local port.
 */
export async function serveLmsWithPackage(
  cases: readonly string[],
  passMark: number | null,
): Promise<{ url: string; server: PreviewServer }> {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-lms-'));
  const built = await buildScormPackage({
    root: ROOT,
    cases,
    passMark,
    outFile: join(dir, 'bedside-scorm.zip'),
  });
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(built.outFile)))) {
    const path = join(dir, 'site', 'course', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  copyFileSync(join(ROOT, 'tests/fixtures/lms/lms.html'), join(dir, 'site', 'lms.html'));
  copyFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm12.min.js'), join(dir, 'site', 'scorm12.js'));
  return serveFolder(join(dir, 'site'));
}
