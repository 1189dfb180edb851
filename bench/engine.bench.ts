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

/** A case without its course events (and the rules timed from them), to see what the events cost. */
function withoutEvents(path: string) {
  const data = JSON.parse(caseText(path)) as {
    course?: { events: unknown[] };
    scoring: { rules: { from?: unknown }[] };
  };
  if (data.course !== undefined) data.course.events = [];
  data.scoring.rules = data.scoring.rules.filter((r) => typeof r.from !== 'object');
  const loaded = loadCatalog(catalog);
  if (!loaded.ok) throw new Error('catalogue');
  const result = loadCase({ name: path, text: JSON.stringify(data) }, loaded.value);
  if (!result.ok) throw new Error(path);
  return result.value;
}

describe('what the course costs: the same best path with and without its events', () => {
  for (const path of ['cases/inferior-stemi-rv.json', 'cases/anaphylaxis-peanut.json']) {
    const each = loadShippedCase(path);
    const plain = withoutEvents(path);
    bench(
      `${each.data.id}: with its ${String(each.data.course?.events.length ?? 0)} events`,
      () => {
        playScript(each, { actions: each.data.bestPath.actions });
      },
      OPTIONS,
    );
    bench(
      `${each.data.id}: without events`,
      () => {
        playScript(plain, { actions: plain.data.bestPath.actions });
      },
      OPTIONS,
    );
  }
});

describe('an arrest and its resuscitation', () => {
  const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
  const best = stemi.data.bestPath.actions;
  // Seed 14: VF at 25 min on the best path; CPR and a shock bring him back.
  const resuscitation = {
    seed: 14,
    actions: [
      ...best.filter((a) => a.at < 25),
      { at: 25, do: 'treat' as const, id: 'cpr' },
      { at: 25, do: 'treat' as const, id: 'defibrillation', dose: 150 },
      { at: 26, do: 'stop' as const, id: 'cpr' },
      ...best.filter((a) => a.at >= 25),
    ],
  };
  bench(
    'inferior-stemi-rv: VF at 25 min, CPR and a shock, then the best path',
    () => {
      playScript(stemi, resuscitation);
    },
    OPTIONS,
  );
});

describe('loading', () => {
  bench(
    'load + validate catalogue and case (parse, zod, cross-references, calibration, untreated course)',
    () => {
      const loaded = loadCatalog(catalog);
      if (!loaded.ok) throw new Error('catalogue');
      if (!loadCase({ name: CASE_PATH, text }, loaded.value).ok) throw new Error('case');
    },
  );
});

describe('long action logs (a save at the budget; replay grows with the log, not its square)', () => {
  const refused = (n: number) => ({
    actions: Array.from({ length: n }, (_, i) => ({
      at: Math.floor(i / 50),
      do: 'stop' as const,
      id: 'norepinephrine',
    })),
  });
  for (const n of [500, 1000, 2000]) {
    const log = refused(n);
    bench(
      `${String(n)} actions (stop what is not running, 50 a minute)`,
      () => {
        playScript(resolved, log);
      },
      { time: 2000, warmupTime: 500 },
    );
  }
});
