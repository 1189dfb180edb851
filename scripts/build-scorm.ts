// npm run build:scorm [-- --cases <id>[,<id>…]|all] [--pass-mark <percent>] [--out <file.zip>]
// Writes dist/bedside-scorm.zip: a SCORM 1.2 package of the first case (or the chosen ones) for an LMS.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildScormPackage, shippedCaseIds } from './scorm/package.ts';

const ROOT = join(import.meta.dirname, '..');
const FIRST_CASE = 'septic-shock-spondylodiscitis';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: FIRST_CASE },
    'pass-mark': { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'dist', 'bedside-scorm.zip') },
  },
});
const cases =
  values.cases === 'all'
    ? shippedCaseIds(ROOT)
    : values.cases
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
const mark = values['pass-mark'];
try {
  const built = await buildScormPackage({
    root: ROOT,
    cases,
    passMark: mark === undefined ? null : Number(mark),
    outFile: values.out,
  });
  console.log(`${built.outFile}: ${String(built.entries.length)} files, cases ${cases.join(', ')}`);
} catch (error) {
  console.error(`build:scorm: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
