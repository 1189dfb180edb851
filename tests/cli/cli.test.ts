import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/run.ts';
import { CASE_PATH, ROOT, caseText, factsIn } from '../support/load.ts';

/**
 * The command line run in this process, its output caught: what `npm run -s case --` does after Node has started.
 * Starting Node and compiling the engine for each command cost a second or two; one test below runs the real
 * process, and tests/cli/hostile-input.test.ts runs every hostile file through it.
 */
function cli(...args: string[]) {
  let out = '';
  let err = '';
  const catchInto = (write: (text: string) => void) => (chunk: string | Uint8Array) => {
    write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(catchInto((t) => (out += t)));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(catchInto((t) => (err += t)));
  try {
    return { code: main(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** The real command line, as `npm run -s case --` runs it (without npm's start-up cost). */
function processCli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}
const GOOD = 'tests/fixtures/scripts/guideline-piptazo.json';

describe('npm run case -- play', () => {
  it('prints one JSON object with the promised fields, byte-identical on every run', () => {
    const first = cli('play', CASE_PATH, '--actions', GOOD, '--json');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'case',
      'seed',
      'endedAt',
      'endedBy',
      'outcome',
      'score',
      'course',
      'vitals',
      'timeline',
    ]);
    expect(result).toMatchObject({
      case: 'septic-shock-spondylodiscitis',
      seed: 3,
      endedAt: 150,
      outcome: { status: 'alive' },
    });
    expect(Object.keys(result.vitals as object)).toEqual([
      'hr',
      'sbp',
      'dbp',
      'map',
      'rr',
      'spo2',
      'temp',
      'lactate',
      'gcs',
    ]);
    expect((result.score as { percent: number }).percent).toBeGreaterThanOrEqual(95);
    expect(cli('play', CASE_PATH, '--actions', GOOD, '--json').out).toBe(first.out);
    // The real process prints the same bytes, and exits 0.
    const real = processCli('play', CASE_PATH, '--actions', GOOD, '--json');
    expect(real).toEqual({ code: 0, out: first.out, err: '' });
  });

  it("--seed overrides the script's seed", () => {
    const r = JSON.parse(cli('play', CASE_PATH, '--actions', GOOD, '--json', '--seed', '11').out) as {
      seed: number;
    };
    expect(r.seed).toBe(11);
  });

  it('without --json prints a readable report', () => {
    const { code, out } = cli('play', CASE_PATH, '--actions', GOOD);
    expect(code).toBe(0);
    expect(out).toMatch(/^Case septic-shock-spondylodiscitis \(seed 3\)\nEnded at 2:30 by disposition\./);
    expect(out).toContain('Score ');
    expect(out).toContain('Timeline');
  });

  it('a bad script exits 1 naming each problem with file:line:col, path and the nearest valid ids', () => {
    const { code, out, err } = cli(
      'play',
      CASE_PATH,
      '--actions',
      'tests/fixtures/scripts/bad-ids.json',
      '--json',
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n').filter(Boolean)).toEqual([
      'tests/fixtures/scripts/bad-ids.json:3:37  actions[0].id  unknown test "lactat" (did you mean "lactate"?)',
      'tests/fixtures/scripts/bad-ids.json:4:63  actions[1].dose  dose 40 mcg/kg/min of norepinephrine is outside 0–1 mcg/kg/min',
      'tests/fixtures/scripts/bad-ids.json:5:13  actions[2].at  time runs backwards: 3 comes after 5',
    ]);
  });

  it('a bad case exits 1 with every problem, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedside-'));
    const broken = join(dir, 'septic-shock-spondylodiscitis.json');
    writeFileSync(
      broken,
      caseText()
        .replace('"turnaroundMin"', '"turnaround"')
        .replace('"horizonMin": 720', '"horizonMin": "long"'),
    );
    const { code, err } = cli('play', broken, '--actions', GOOD, '--json');
    expect(code).toBe(1);
    expect(err).toMatch(
      /septic-shock-spondylodiscitis\.json:\d+:\d+ {2}horizonMin {2}expected a number, got the string "long"/,
    );
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('wrong usage exits 2 with the usage text (the real process)', () => {
    const { code, err } = processCli('play', CASE_PATH);
    expect(code).toBe(2);
    expect(err).toContain('Usage:');
  });
});

describe('npm run case -- validate', () => {
  it('passes the shipped case and catalogue', () => {
    const { code, err } = cli(
      'validate',
      CASE_PATH,
      'cases/catalog/tests.json',
      'cases/catalog/treatments.json',
      'cases/catalog/care.json',
    );
    expect(err.trim().split('\n').at(-1)).toBe('4 files checked: 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('fails a missing file clearly', () => {
    const { code, err } = cli('validate', 'cases/no-such-case.json');
    expect(code).toBe(1);
    expect(err).toContain('cases/no-such-case.json:1:1  (file)  file not found');
  });
});

describe('the shared acceptance check', () => {
  const check = join(ROOT, '../shared/acceptance/check.mjs');
  it.skipIf(!existsSync(check))('passes (node ../shared/acceptance/check.mjs)', () => {
    const run = spawnSync(process.execPath, [check], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).toContain('8 passed, 0 failed');
    expect(run.status).toBe(0);
  });
});

describe('generated JSON Schemas', () => {
  it('are committed and up to date with the zod schema', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-schemas.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const schema = JSON.parse(readFileSync(join(ROOT, 'cases/case.schema.json'), 'utf8')) as {
      title: string;
      properties: Record<string, { description?: string }>;
    };
    expect(schema.title).toBe('Bedside case');
    expect(schema.properties.horizonMin?.description).toMatch(/simulated to this minute/);
  });
});

describe('npm run case -- new', () => {
  it('writes a commented skeleton that validates and plays, and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedside-new-'));
    const made = cli('new', 'inferior-stemi', '--dir', dir, '--title', 'Chest pain at 3 a.m.');
    expect(made.code).toBe(0);
    const path = join(dir, 'inferior-stemi.json');
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ id: 'inferior-stemi', title: 'Chest pain at 3 a.m.' });
    expect(text).toContain('"$comment"');
    const checked = cli('validate', path);
    expect(checked.code).toBe(0);
    expect(checked.err).toContain('0 errors');
    const script = join(dir, 'script.json');
    writeFileSync(script, JSON.stringify({ actions: [{ at: 0, do: 'order', id: 'lactate' }] }));
    expect(cli('play', path, '--actions', script, '--json').code).toBe(0);
    const again = cli('new', 'inferior-stemi', '--dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('writes a skeleton that is synthetic throughout, in English, and passes the checker', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedside-new-'));
    expect(cli('new', 'generic-fever', '--dir', dir).code).toBe(0);
    const path = join(dir, 'generic-fever.json');
    const text = readFileSync(path, 'utf8');
    const skeleton = JSON.parse(text) as { kind: string };
    const facts = factsIn(skeleton);
    expect(skeleton.kind).toBe('synthetic-teaching');
    expect(facts.length).toBeGreaterThan(10);
    expect(facts.filter(({ fact }) => fact.provenance !== 'synthetic').map((f) => f.path)).toEqual([]);
    expect(
      facts.filter(({ fact }) => !(fact.note ?? '').startsWith('Placeholder')).map((f) => f.path),
    ).toEqual([]);
    // No trace of the first case's Spanish report.
    expect(text).not.toMatch(/[áéíóúñªº¿¡]|\bPaciente\b|\baños\b|\bFc:|\bTa:/i);
    const validated = cli('validate', path);
    expect(validated.code).toBe(0);
    expect(validated.err).toContain('0 errors');
    expect(validated.err).not.toContain('recalibrate');
    const checked = cli('check', path);
    expect(checked.out).toContain('1 case checked: all good');
    expect(checked.code).toBe(0);
  });

  it('refuses an id that is not kebab-case', () => {
    const bad = cli('new', 'Inferior STEMI');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('lower-case words joined by hyphens');
  });
});

describe('npm run case -- check', () => {
  it('reports each check on one line and exits 0 for a sound case, 1 for one that does not load', () => {
    // The JSON Schemas beside the cases are for editors: `cases/*.json` names them, and they are not cases.
    const good = cli('check', CASE_PATH, 'cases/case.schema.json');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/ok {4}best path reaches the top band, patient alive: 100 %/);
    expect(good.out).toContain('1 case checked: all good');
    const dir = mkdtempSync(join(tmpdir(), 'bedside-check-'));
    const broken = join(dir, 'septic-shock-spondylodiscitis.json');
    writeFileSync(broken, caseText().replace('"bestPath": {', '"bestPath": { "actions": [], "x": 1,'));
    const bad = cli('check', broken, '--catalog', join(ROOT, 'cases/catalog'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('not checked (it does not load)');
  });
});
