// npm run bench — how fast the engine plays and loads the cases. Figures go in BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { loadCase, loadCatalog, playScript, Script } from '../src/engine/index.ts';
import {
  CASE_PATH,
  ROOT,
  caseText,
  catalogFiles,
  loadFirstCase,
  loadShippedCase,
  shippedCasePaths,
} from '../tests/support/load.ts';

const resolved = loadFirstCase();
const script = (file: string) => Script.parse(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
const guideline = script('tests/fixtures/scripts/guideline-path.json');
const nothing = script('tests/fixtures/scripts/no-treatment.json');
const text = caseText();
/** Long enough runs for stable figures on a shared 2-core machine. */
const OPTIONS = { time: 3000, warmupTime: 1000 };
const catalog = catalogFiles();

describe('full scripted plays of the first case (arrival to the 12 h horizon)', () => {
  bench(
    'guideline path (24 actions, drainage at 3 h)',
    () => {
      playScript(resolved, guideline);
    },
    OPTIONS,
  );
  bench(
    'no treatment (death at about 9.6 h)',
    () => {
      playScript(resolved, nothing);
    },
    OPTIONS,
  );
});

describe("every shipped case's own best path, arrival to its horizon", () => {
  for (const path of shippedCasePaths()) {
    const each = loadShippedCase(path);
    bench(
      `${each.data.id} (${String(each.data.bestPath.actions.length)} actions, ${String(each.data.horizonMin / 60)} h)`,
      () => {
        playScript(each, { actions: each.data.bestPath.actions });
      },
      OPTIONS,
    );
  }
});

describe('loading', () => {
  bench('load + validate catalogue and case (parse, zod, cross-references, calibration)', () => {
    const loaded = loadCatalog(catalog);
    if (!loaded.ok) throw new Error('catalogue');
    if (!loadCase({ name: CASE_PATH, text }, loaded.value).ok) throw new Error('case');
  });
});
