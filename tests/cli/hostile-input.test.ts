import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGET } from '../../src/engine/index.ts';
import { LIST_MAX } from '../../src/engine/case/schema/bounds.ts';
import { CASE_PATH, ROOT, caseText } from '../support/load.ts';
import { cliCommand } from '../support/cli.ts';

/**
 * A hostile-input corpus, built fresh, through the real command line: huge numbers, numbers beyond a double,
 * deep nesting, enormous arrays, zero and negative quantities, numbers written as text. Every command must end
 * within LIMIT_MS with exit code 1 and a message naming the file and the field, never a stack trace; the largest
 * valid inputs must still play.
 */
const LIMIT_MS = 20_000;
const GOOD_SCRIPT = 'tests/fixtures/scripts/guideline-piptazo.json';
const DIR = mkdtempSync(join(tmpdir(), 'bedside-hostile-'));
afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

/** The command line in a process of its own (tests/support/cli.ts), stopped after LIMIT_MS. */
function cli(...args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...cliCommand(), ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: LIMIT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, out, err, ms: performance.now() - started });
      },
    );
  });
}

/** Runs at most two commands at a time (the machine has two cores). */
async function inPairs<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 2)
    results.push(...(await Promise.all(items.slice(i, i + 2).map(run))));
  return results;
}

const STACK_TRACE = /^\s+at |\b\w*Error\b|Maximum call stack|FATAL|heap out of memory/m;

/** A file of the corpus and the problem it must be refused with: "<file>:line:col  <field>  <message>". */
interface Hostile {
  name: string;
  text: string;
  field: string;
  message: RegExp;
  /** Where the problem is reported, if not in the file itself (a case's own catalogue). */
  reportedIn?: string;
}

/** The shipped case as a file of this name, with values set by path ("patient.weightKg.value"). */
function edited(name: string, values: Record<string, unknown>, space?: number): string {
  const data = JSON.parse(caseText()) as Record<string, unknown>;
  for (const [at, value] of Object.entries({ id: name.replace(/\.json$/, ''), ...values })) {
    const keys = at.split('.');
    const last = keys.pop() ?? '';
    let node = data;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    node[last] = value;
  }
  return JSON.stringify(data, null, space);
}
/** A course of `n` events, one a minute. */
const ticking = (n: number) => ({
  phases: [{ id: 'stable', label: 'Stable' }],
  events: Array.from({ length: n }, (_, i) => ({
    id: `tick-${String(i)}`,
    label: 'Tick',
    when: { atMin: i },
    effects: [{ type: 'phase', phase: 'stable' }],
  })),
});
const deep = (key: string) => `{\n  "${key}": ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}`;
const TOO_DEEP = new RegExp(`nested more than ${String(BUDGET.jsonDepth)} deep`);
const TOO_LARGE = /^the file is [\d,]+ bytes, over the limit of 2,000,000 bytes/;
const HORIZON = String(BUDGET.horizonMin);

const CASES: Hostile[] = [
  {
    name: 'horizon-1e8.json',
    text: edited('horizon-1e8.json', { horizonMin: 100_000_000 }, 2),
    field: 'horizonMin',
    message: new RegExp(`^expected at most ${HORIZON} \\(min\\), got 100000000$`),
  },
  {
    name: 'lactate-1e308.json',
    text: edited('lactate-1e308.json', { 'physiology.initial.lactate': 1e308 }, 2),
    field: 'physiology.initial.lactate',
    message: /^expected at most 40 \(mmol\/L\), got 1e\+308$/,
  },
  {
    name: 'weight-zero.json',
    text: edited('weight-zero.json', { 'patient.weightKg.value': 0 }, 2),
    field: 'patient.weightKg.value',
    message: /^expected at least 0.3 \(kg\), got 0$/,
  },
  {
    name: 'weight-negative.json',
    text: edited('weight-negative.json', { 'patient.weightKg.value': -70 }, 2),
    field: 'patient.weightKg.value',
    message: /^expected at least 0.3 \(kg\), got -70$/,
  },
  {
    name: 'turnaround-negative.json',
    text: edited('turnaround-negative.json', { testOverrides: { cbc: { turnaroundMin: -30 } } }, 2),
    field: 'testOverrides.cbc.turnaroundMin',
    message: /^expected at least 0 \(min\), got -30$/,
  },
  {
    name: 'number-1e309.json',
    text: edited('number-1e309.json', {}, 2).replace(/"horizonMin": \d+/, '"horizonMin": 1e309'),
    field: 'horizonMin',
    message: /^1e309 is too large for a number/,
  },
  {
    name: 'numbers-as-text.json',
    text: edited('numbers-as-text.json', { horizonMin: 'NaN', 'patient.weightKg.value': 'Infinity' }, 2),
    field: 'horizonMin',
    message: /^expected a number, got the string "NaN"$/,
  },
  { name: 'nested-10000.json', text: deep('id'), field: '(file)', message: TOO_DEEP },
  {
    name: 'events-100000.json',
    text: edited('events-100000.json', { course: ticking(100_000) }),
    field: '(file)',
    message: TOO_LARGE,
  },
  {
    name: 'events-over-the-list-limit.json',
    text: edited('events-over-the-list-limit.json', { course: ticking(LIST_MAX + 1) }),
    field: 'course.events',
    message: new RegExp(`^expected at most ${String(LIST_MAX)} items, got ${String(LIST_MAX + 1)}$`),
  },
  {
    name: 'oversized.json',
    text: edited('oversized.json', { $comment: 'x'.repeat(3_000_000) }),
    field: '(file)',
    message: TOO_LARGE,
  },
  {
    name: 'own-catalogue-negative.json',
    text: edited('own-catalogue-negative.json', {}, 2),
    field: 'treatments.odd-fluid.defaultDose',
    message: /^expected more than 0 \(the treatment's dose unit\), got -500$/,
    reportedIn: 'own-catalogue-negative.catalog.json',
  },
];

const OWN_CATALOGUE = {
  name: 'own-catalogue-negative.catalog.json',
  text: JSON.stringify(
    {
      treatments: {
        'odd-fluid': {
          name: 'Odd fluid',
          category: 'fluid',
          route: 'IV',
          mode: 'bolus',
          doseUnit: 'mL',
          defaultDose: -500,
          doseMax: 0,
          rateMlPerMin: 25,
        },
      },
    },
    null,
    2,
  ),
};

const actions = (n: number, action: (i: number) => object) =>
  JSON.stringify({ actions: Array.from({ length: n }, (_, i) => action(i)) });
const examine = () => ({ at: 0, do: 'examine', id: 'general' });
const SCRIPTS: Hostile[] = [
  {
    name: 'script-1000000-actions.json',
    text: actions(1_000_000, examine),
    field: '(file)',
    message: TOO_LARGE,
  },
  {
    name: 'script-over-budget.json',
    text: actions(BUDGET.actions + 1, examine),
    field: 'actions',
    message: new RegExp(
      `^expected at most ${String(BUDGET.actions)} items, got ${String(BUDGET.actions + 1)}$`,
    ),
  },
  {
    name: 'script-doses.json',
    text: JSON.stringify(
      {
        actions: [
          { at: 0, do: 'treat', id: 'lactated-ringers', dose: -500 },
          { at: 1, do: 'treat', id: 'norepinephrine', dose: 0 },
        ],
      },
      null,
      2,
    ),
    field: 'actions[0].dose',
    message: /^expected more than 0 \(the treatment's dose unit\), got -500$/,
  },
  {
    name: 'script-minute-1e8.json',
    text: JSON.stringify({ actions: [{ at: 100_000_000, do: 'end' }] }),
    field: 'actions[0].at',
    message: new RegExp(`^expected at most ${HORIZON} \\(min\\), got 100000000$`),
  },
  {
    name: 'script-1e309.json',
    text: '{ "actions": [{ "at": 0, "do": "treat", "id": "norepinephrine", "dose": 1e309 }] }',
    field: 'actions[0].dose',
    message: /^1e309 is too large for a number/,
  },
  {
    name: 'script-seed-as-text.json',
    text: JSON.stringify({ seed: 'Infinity', actions: [] }),
    field: 'seed',
    message: /^expected a number, got the string "Infinity"$/,
  },
  { name: 'script-nested-10000.json', text: deep('actions'), field: '(file)', message: TOO_DEEP },
];

const path = (name: string) => join(DIR, name);
for (const file of [...CASES, OWN_CATALOGUE, ...SCRIPTS]) writeFileSync(path(file.name), file.text);

/** The problem line the command must print for a hostile file, and no stack trace. */
function expectRefused(run: Run, hostile: Hostile): void {
  expect(run.code, `${hostile.name}: exit code (null: stopped after ${String(LIMIT_MS)} ms)`).toBe(1);
  expect(run.err, hostile.name).not.toMatch(STACK_TRACE);
  const lines = run.err
    .split('\n')
    .filter((line) => line.startsWith(`${path(hostile.reportedIn ?? hostile.name)}:`));
  const named = lines
    .map((line) => line.replace(/^[^ ]+ {2}/, ''))
    .filter((line) => line.startsWith(`${hostile.field}  `));
  expect(
    named.map((line) => line.slice(hostile.field.length + 2)),
    hostile.name,
  ).toContainEqual(expect.stringMatching(hostile.message));
}

describe('the command line on a hostile-input corpus: each file refused quickly, by name and field', () => {
  it('validate refuses every hostile case and catalogue in one run', async () => {
    const run = await cli('validate', ...CASES.map((c) => path(c.name)), path(OWN_CATALOGUE.name));
    expect(run.ms).toBeLessThan(LIMIT_MS);
    for (const hostile of CASES) expectRefused(run, hostile);
  });

  it('check reports every hostile case as not loading', async () => {
    const run = await cli('check', ...CASES.map((c) => path(c.name)));
    for (const hostile of CASES) {
      expectRefused(run, hostile);
      expect(run.out).toContain(`${path(hostile.name)}: not checked (it does not load)`);
    }
  });

  it('play refuses each hostile case (with a good script) and each hostile script (with a good case)', async () => {
    const runs = await inPairs([...CASES, ...SCRIPTS], async (hostile) => {
      const args = SCRIPTS.includes(hostile)
        ? [CASE_PATH, '--actions', path(hostile.name)]
        : [path(hostile.name), '--actions', GOOD_SCRIPT];
      return { hostile, run: await cli('play', ...args, '--json') };
    });
    for (const { hostile, run } of runs) {
      expectRefused(run, hostile);
      expect(run.out, hostile.name).toBe('');
    }
  }, 120_000);

  it('the largest valid inputs (a week-long course, a full budget of actions) still validate, check and play', async () => {
    const week = path('week-long.json');
    writeFileSync(week, edited('week-long.json', { horizonMin: BUDGET.horizonMin }, 2));
    const full = path('script-full-budget.json');
    writeFileSync(
      full,
      actions(BUDGET.actions, (i) => ({ at: Math.floor(i / 10), do: 'ask', id: 'onset' })),
    );
    const [validate, check, playWeek, playFull] = await inPairs(
      [
        ['validate', week],
        ['check', week],
        ['play', week, '--actions', GOOD_SCRIPT, '--json'],
        ['play', CASE_PATH, '--actions', full, '--json'],
      ],
      (args) => cli(...args),
    );
    expect(validate?.code).toBe(0);
    for (const run of [validate, check, playWeek, playFull]) {
      expect(run?.code, run?.err).not.toBeNull();
      expect(run?.err).not.toMatch(STACK_TRACE);
    }
    expect(JSON.parse(playWeek?.out ?? '')).toMatchObject({ outcome: { status: 'alive' } });
    expect(playFull?.code, playFull?.err).toBe(0);
  }, 120_000);
});

describe('a file of gigabytes', () => {
  it('is refused by its size on disk, before it is read', async () => {
    // Sparse: four gigabytes that take no room on the disk (and would exhaust memory if read).
    const huge = path('four-gigabytes.json');
    writeFileSync(huge, '');
    truncateSync(huge, 4 * 1024 ** 3);
    const run = await cli('validate', huge);
    expect(run.ms).toBeLessThan(LIMIT_MS);
    expectRefused(run, { name: 'four-gigabytes.json', text: '', field: '(file)', message: TOO_LARGE });
  });
});
