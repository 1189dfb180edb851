import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCase, loadCatalog, type Problem } from '../../src/engine/index.ts';
import { cliCommand } from '../support/cli.ts';
import {
  CASE_PATH,
  ROOT,
  caseText,
  catalogFiles,
  loadShippedCatalog,
  shippedCasePaths,
} from '../support/load.ts';

const catalog = loadShippedCatalog();
const isHidden = (p: Problem) => p.message.startsWith('contains U+');

interface History {
  history: { answer: { value: string } }[];
  patient: Record<string, unknown>;
}

/** The first case with its first history answer replaced by `answer`, as text and as the loader sees it. */
function withAnswer(answer: string, edit: (data: History) => void = () => undefined) {
  const data = JSON.parse(caseText()) as History;
  const first = data.history[0];
  if (first === undefined) throw new Error('the first case has no history');
  first.answer.value = answer;
  edit(data);
  const text = JSON.stringify(data, null, 2);
  const loaded = loadCase({ name: CASE_PATH, text }, catalog);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return { text, warnings: loaded.warnings.filter(isHidden) };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(needle: string, text: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

const BIDI: [number, string][] = [
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x061c, 'ARABIC LETTER MARK'],
];
const CONTROLS = [0x00, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f, 0x85, 0x9f];
const INVISIBLE: [number, string][] = [
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (byte order mark)'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
];
const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
/** Rows for it.each, titled by code point: [title, code, name]. */
const titled = (rows: [number, string][]) => rows.map(([code, name]) => [hex(code), code, name] as const);

describe('authored text that hides what it says is warned about, where it stands', () => {
  it.each(titled(BIDI))('a bidi control U+%s in a history answer', (_, code, name) => {
    const { text, warnings } = withAnswer(`Two weeks${String.fromCodePoint(code)}, worse`);
    expect(warnings).toEqual([
      {
        file: CASE_PATH,
        ...positionOf('"Two weeks', text),
        path: 'history[0].answer.value',
        message: `contains U+${hex(code)} ${name} at character 10, which can make text display differently from what it says`,
        severity: 'warning',
      } satisfies Problem,
    ]);
  });

  it.each(CONTROLS.map(hex))('a control character U+%s in a history answer', (code) => {
    const { text, warnings } = withAnswer(`Two${String.fromCodePoint(parseInt(code, 16))} weeks`);
    const { line, column } = positionOf('"Two', text);
    expect(warnings.map(formatProblem)).toEqual([
      `${CASE_PATH}:${String(line)}:${String(column)}  history[0].answer.value  warning: contains U+${code} CONTROL CHARACTER at character 4, which does not show on screen and can hide what the text says`,
    ]);
  });

  it.each(titled(INVISIBLE))('invisible formatting U+%s in a history answer', (_, code, name) => {
    const { warnings } = withAnswer(`Two${String.fromCodePoint(code)}weeks`);
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'history[0].answer.value',
        `contains U+${hex(code)} ${name} at character 4, which does not show on screen and can hide what the text says`,
      ],
    ]);
  });

  it('counts characters as a reader does (an emoji is one), and says how often a character repeats', () => {
    const rlo = '\u202E';
    const { warnings } = withAnswer(`🤒 fever${rlo}a${rlo}b${rlo} and\u200Bchills`);
    expect(warnings.map((w) => w.message)).toEqual([
      'contains U+200B ZERO WIDTH SPACE at character 17, which does not show on screen and can hide what the text says',
      'contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8 (and 2 more times), which can make text display differently from what it says',
    ]);
  });

  it('checks notes ("$comment") too, though the engine never reads them', () => {
    const { text, warnings } = withAnswer('About two weeks.', (data) => {
      data.patient.$comment = 'Author note: \u202Eg k 07';
    });
    expect(warnings).toEqual([
      expect.objectContaining({ path: 'patient.$comment', ...positionOf('"Author note', text) }),
    ]);
  });

  it('a catalogue entry is checked too, its key printed with the character made visible', () => {
    const tests = catalogFiles().find((f) => f.name.endsWith('/tests.json'));
    if (tests === undefined) throw new Error('no tests.json');
    const data = JSON.parse(tests.text) as { tests: Record<string, { name: string }> };
    const cbc = data.tests.cbc;
    if (cbc === undefined) throw new Error('no cbc');
    cbc.name = 'Complete\u200B blood count';
    const named = loadCatalog([{ name: tests.name, text: JSON.stringify(data, null, 2) }]);
    expect(named.ok ? named.warnings.map((w) => [w.path, w.message]) : named.problems).toEqual([
      [
        'tests.cbc.name',
        'contains U+200B ZERO WIDTH SPACE at character 9, which does not show on screen and can hide what the text says',
      ],
    ]);
    // An id with an override is refused by the schema; the warning comes with the error, printed harmlessly.
    data.tests['cb\u202Ec'] = cbc;
    const refused = loadCatalog([{ name: tests.name, text: JSON.stringify(data, null, 2) }]);
    expect(refused.ok).toBe(false);
    const shown = refused.ok ? [] : refused.problems.filter(isHidden);
    expect(shown.map((p) => p.path)).toEqual([
      'tests.cbc.name',
      'tests.cb<U+202E>c',
      'tests.cb<U+202E>c.name',
    ]);
    expect(shown.map(formatProblem).join('\n')).not.toContain('\u202E');
  });

  it('plain text in any script gives no warning: accents, Greek, Arabic, emoji, symbols, tabs and new lines', () => {
    const { warnings } = withAnswer(
      'Café, naïve, Ärztin; αιμοσφαιρίνη; ألم في الظهر منذ أسبوعين; 🤒🧑‍⚕️👍🏽 ≥ 38 °C, 5 µg; ×10⁹/L;\tline one\nline two',
    );
    expect(warnings).toEqual([]);
  });

  it('the shipped cases and catalogue give none', () => {
    const found: string[] = [];
    const shipped = loadCatalog(catalogFiles());
    found.push(...(shipped.ok ? shipped.warnings : shipped.problems).map(formatProblem));
    for (const path of shippedCasePaths()) {
      const loaded = loadCase({ name: path, text: caseText(path) }, catalog);
      found.push(...(loaded.ok ? loaded.warnings : loaded.problems).filter(isHidden).map(formatProblem));
    }
    expect(shippedCasePaths().length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it('`validate` prints the warning with file:line:col and path, and still passes the file', () => {
    // The id must match the file name, so the edited case keeps it, in a folder of its own.
    const file = join(mkdtempSync(join(tmpdir(), 'bedside-text-')), 'septic-shock-spondylodiscitis.json');
    const data = JSON.parse(caseText()) as History;
    data.patient.$comment = 'reversed \u202Etext';
    const text = JSON.stringify(data, null, 2);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [...cliCommand(), 'validate', file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const { line, column } = positionOf('"reversed', readFileSync(file, 'utf8'));
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toContain(
      `septic-shock-spondylodiscitis.json:${String(line)}:${String(column)}  patient.$comment  warning: contains U+202E RIGHT-TO-LEFT OVERRIDE at character 10`,
    );
  });
});
