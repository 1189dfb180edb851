import type { AnyNode } from '@humanwhocodes/momoa';
import type { ResolvedCase } from './load-case.ts';
import { problemAt, walkJson, type JsonSource } from './json-source.ts';
import { formatPath, type Problem } from './problems.ts';

/**
 * Things that are legal but suspicious in a case, reported as warnings where they stand:
 * - a synthetic value without a note saying why it is plausible;
 * - text still saying TODO (left from `case new`);
 * - a test the case itself names (in a scoring rule, the real course or a timing override) with no result for
 *   this patient, so a learner who orders it sees only the catalogue's "assumed normal";
 * - a number that fits the catalogue's range only once read in the SI unit (the author used the other unit);
 * - a character that changes how text displays or hides in it (see hiddenCharacterWarnings).
 */
export function authoringWarnings(source: JsonSource, resolved: ResolvedCase): Problem[] {
  const warnings: Problem[] = [];
  const warn = (path: PropertyKey[], message: string) => {
    warnings.push(problemAt(source, path, message, 'warning'));
  };
  walkJson(source.value, (value, path) => {
    if (typeof value === 'string') {
      if (/\bTODO\b/.test(value)) warn(path, 'still says TODO');
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (isFact(value) && value.provenance === 'synthetic' && value.note === undefined)
      warn([...path, 'provenance'], 'a synthetic value needs a "note" saying why it is plausible');
  });
  warnings.push(...hiddenCharacterWarnings(source));
  const { data, catalog } = resolved;
  const named = new Map<string, PropertyKey[]>();
  data.scoring.rules.forEach((rule, i) => {
    for (const [key, refs] of Object.entries(rule)) {
      if (!Array.isArray(refs)) continue;
      refs.forEach((ref: unknown, j) => {
        if (typeof ref === 'string' && ref.startsWith('order:') && !named.has(ref.slice(6)))
          named.set(ref.slice(6), ['scoring', 'rules', i, key, j]);
      });
    }
  });
  data.realCourse.actions.forEach((a, i) => {
    if (a.action.startsWith('order:') && !named.has(a.action.slice(6)))
      named.set(a.action.slice(6), ['realCourse', 'actions', i, 'action']);
  });
  for (const testId of Object.keys(data.testOverrides))
    if (!named.has(testId)) named.set(testId, ['testOverrides', testId]);
  for (const [testId, path] of named) {
    if (data.results[testId] === undefined && catalog.tests[testId] !== undefined)
      warn(
        path,
        `the case names "${testId}" but gives no result for it: the learner would see "assumed normal"`,
      );
  }
  for (const [testId, result] of Object.entries(data.results)) {
    if (result.kind !== 'panel') continue;
    const components = catalog.tests[testId]?.components ?? {};
    for (const [componentId, given] of Object.entries(result.values)) {
      const component = components[componentId];
      if (component === undefined) continue;
      const range = component.range ?? component.rangeMale ?? component.rangeFemale;
      const factor = component.si?.factor;
      if (range === undefined || factor === undefined || (factor > 0.5 && factor < 2)) continue;
      const low = (range.low ?? 0) / 3;
      const high = (range.high ?? Number.POSITIVE_INFINITY) * 3;
      const fits = (x: number) => x >= low && x <= high;
      const path = ['results', testId, 'values', componentId];
      // A serial result is checked point by point: each was copied from the report on its own.
      const numbers =
        'course' in given
          ? given.course.map((point, i) => ({ value: point.value, path: [...path, 'course', i, 'value'] }))
          : 'value' in given
            ? [{ value: given.value, path: [...path, 'value'] }]
            : [];
      for (const { value, path: at } of numbers)
        if (typeof value === 'number' && !fits(value) && fits(value / factor))
          warn(
            at,
            `${String(value)} looks like ${component.si?.unit ?? 'the SI unit'}; this value is read in ${component.unit} (that would be ${String(Math.round((value / factor) * 10) / 10)})`,
          );
    }
  }
  return warnings;
}

function isFact(value: object): value is { provenance: string; note?: unknown } {
  return 'provenance' in value && ('value' in value || 'fromState' in value);
}

/** Characters that reorder the text around them: a reader sees one thing and the file says another. */
const BIDI_CONTROLS: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** Characters that show as nothing (or break a line nobody sees): two strings that look alike can differ. */
const INVISIBLE: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

/** C0 and C1 controls other than tab, newline and carriage return (JSON text escapes them; the screen shows none). */
const isControl = (code: number) =>
  (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);

const isHidden = (code: number) =>
  BIDI_CONTROLS[code] !== undefined || INVISIBLE[code] !== undefined || isControl(code);

const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}]$/u;

/**
 * Every string of a case or catalogue file, keys and "$comment"s included, checked for bidi controls, control
 * characters and invisible formatting: one warning per character per string, at the string, naming the code point
 * and where it stands (the first time, counted in characters from 1). A zero width joiner inside an emoji sequence
 * (🧑‍⚕️) is how that emoji is written, and passes.
 */
export function hiddenCharacterWarnings(source: JsonSource): Problem[] {
  const warnings: Problem[] = [];
  const check = (node: AnyNode, text: string, path: PropertyKey[]) => {
    const chars = Array.from(text);
    const found = new Map<number, { at: number; times: number }>();
    chars.forEach((char, i) => {
      const code = char.codePointAt(0) ?? 0;
      if (!isHidden(code)) return;
      if (code === 0x200d && EMOJI.test(chars[i - 1] ?? '') && EMOJI.test(chars[i + 1] ?? '')) return;
      const seen = found.get(code);
      if (seen === undefined) found.set(code, { at: i + 1, times: 1 });
      else seen.times += 1;
    });
    for (const [code, { at, times }] of found) {
      const name = BIDI_CONTROLS[code] ?? INVISIBLE[code] ?? 'CONTROL CHARACTER';
      const why =
        BIDI_CONTROLS[code] === undefined
          ? 'which does not show on screen and can hide what the text says'
          : 'which can make text display differently from what it says';
      const more = times > 1 ? ` (and ${String(times - 1)} more time${times > 2 ? 's' : ''})` : '';
      warnings.push({
        file: source.file,
        line: node.loc.start.line,
        column: node.loc.start.column,
        // The path is printed too: a key holding such a character is shown with it escaped, not obeyed.
        path: formatPath(path.map((key) => (typeof key === 'string' ? visible(key) : key))),
        message: `contains ${codePoint(code)} ${name} at character ${String(at)}${more}, ${why}`,
        severity: 'warning',
      });
    }
  };
  // Iterative: no recursion to run out of, however deep the file. (The order does not matter: loaders sort.)
  const pending: { node: AnyNode; path: PropertyKey[] }[] = [{ node: source.tree.body, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, path } = next;
    if (node.type === 'String') check(node, node.value, path);
    else if (node.type === 'Object')
      for (const member of node.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        check(member.name, key, [...path, key]);
        pending.push({ node: member.value, path: [...path, key] });
      }
    else if (node.type === 'Array')
      node.elements.forEach((element, i) => pending.push({ node: element.value, path: [...path, i] }));
  }
  return warnings;
}

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** A key as it can be printed safely: each flagged character written as its code point. */
function visible(key: string): string {
  return Array.from(key, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return isHidden(code) ? `<${codePoint(code)}>` : char;
  }).join('');
}
