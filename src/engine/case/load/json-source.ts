import { parse, type AnyNode, type DocumentNode, type ObjectNode } from '@humanwhocodes/momoa';
import { BUDGET, fileSizeProblem } from '../../budget.ts';
import { formatPath, type Problem } from './problems.ts';

/** JSON text parsed twice over: the plain value for validation and momoa's tree for line and column numbers. */
export interface JsonSource {
  file: string;
  value: unknown;
  tree: DocumentNode;
}

/**
 * Parse a case, catalogue or script file. A file beyond the engine's budget (too large, nested too deep) is refused
 * before it is parsed, so nothing hostile reaches the parser's recursion; a number too large for a double (1e309)
 * is refused where it stands instead of reading as Infinity.
 */
export function parseJson(
  file: string,
  text: string,
): { ok: true; source: JsonSource } | { ok: false; problems: Problem[] } {
  const refused = tooLarge(text) ?? tooDeep(text);
  if (refused !== null) return { ok: false, problems: [{ file, path: '', severity: 'error', ...refused }] };
  let tree: DocumentNode;
  try {
    tree = parse(text, { mode: 'json' });
  } catch (error) {
    const e = error as Error & { line?: number; column?: number };
    const message = `invalid JSON: ${e.message.replace(/\s*\(\d+:\d+\)\s*$/, '')}`;
    return {
      ok: false,
      problems: [{ file, line: e.line ?? 1, column: e.column ?? 1, path: '', message, severity: 'error' }],
    };
  }
  const problems = treeProblems(file, text, tree.body, []);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, source: { file, value: withoutComments(JSON.parse(text) as unknown), tree } };
}

/**
 * Drops every "$comment" member (the JSON Schema keyword for notes), so authors can annotate any object of a case
 * or catalogue file. Nothing else moves, so every path still points at the same place in the text.
 */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value))
    if (key !== '$comment') out[key] = withoutComments(member);
  return out;
}

type Refusal = Pick<Problem, 'line' | 'column' | 'message'>;

/** A file beyond BUDGET.fileBytes, measured in UTF-8 bytes as it is stored. */
function tooLarge(text: string): Refusal | null {
  // Each UTF-16 unit is at least one byte: only a text near the limit needs counting.
  const message = fileSizeProblem(text.length > BUDGET.fileBytes ? text.length : utf8Bytes(text));
  return message === null ? null : { line: 1, column: 1, message };
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The first bracket that nests objects and arrays deeper than BUDGET.jsonDepth, at its line and column (counted as
 * the parser counts them). Strings are skipped, escapes and all; anything malformed is left to the parser.
 */
function tooDeep(text: string): Refusal | null {
  let depth = 0;
  let line = 1;
  let column = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    column++;
    if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      line++;
      column = 0;
    } else if (inString) {
      if (c === BACKSLASH) {
        i++;
        column++;
      } else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > BUDGET.jsonDepth)
        return {
          line,
          column,
          message: `objects and arrays are nested more than ${String(BUDGET.jsonDepth)} deep (a case nests about 8)`,
        };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return null;
}

const [LF, CR, QUOTE, BACKSLASH] = [10, 13, 34, 92];
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [123, 125, 91, 93];

/** What the parser lets through: a key given twice (JSON keeps only the last), a number too large for a double. */
function treeProblems(file: string, text: string, node: AnyNode, path: PropertyKey[]): Problem[] {
  const found: Problem[] = [];
  if (node.type === 'Number' && !Number.isFinite(node.value)) {
    const literal = text.slice(node.loc.start.offset, node.loc.end.offset);
    const shown = literal.length > 40 ? `${literal.slice(0, 40)}…` : literal;
    found.push({
      file,
      line: node.loc.start.line,
      column: node.loc.start.column,
      path: formatPath(path),
      message: `${shown} is too large for a number (JSON numbers must be within ±1.8e308)`,
      severity: 'error',
    });
  }
  if (node.type === 'Object') {
    const seen = new Set<string>();
    for (const member of node.members) {
      const key = member.name.type === 'String' ? member.name.value : member.name.name;
      if (seen.has(key)) {
        const { line, column } = member.name.loc.start;
        found.push({
          file,
          line,
          column,
          path: formatPath([...path, key]),
          message: `duplicate key "${key}" (JSON keeps only the last)`,
          severity: 'error',
        });
      }
      seen.add(key);
      found.push(...treeProblems(file, text, member.value, [...path, key]));
    }
  } else if (node.type === 'Array') {
    node.elements.forEach((element, index) =>
      found.push(...treeProblems(file, text, element.value, [...path, index])),
    );
  }
  return found;
}

/** The nearest node on `path` that exists: a missing field is reported where its parent object starts. */
export function locate(source: JsonSource, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: AnyNode = source.tree.body;
  for (const key of path) {
    const next = child(node, key);
    if (next === undefined) break;
    node = next;
  }
  return { line: node.loc.start.line, column: node.loc.start.column };
}

function child(node: AnyNode, key: PropertyKey): AnyNode | undefined {
  if (node.type === 'Object') return membersOf(node).get(String(key));
  if (node.type === 'Array' && typeof key === 'number') return node.elements[key]?.value;
  return undefined;
}

/**
 * An object's members by key, built once per object: a file with thousands of wrong entries in one object is
 * located in linear time, not by a search of the object per problem.
 */
const members = new WeakMap<ObjectNode, Map<string, AnyNode>>();
function membersOf(node: ObjectNode): Map<string, AnyNode> {
  let byKey = members.get(node);
  if (byKey === undefined) {
    byKey = new Map();
    for (const m of node.members) {
      const key = m.name.type === 'String' ? m.name.value : m.name.name;
      if (!byKey.has(key)) byKey.set(key, m.value);
    }
    members.set(node, byKey);
  }
  return byKey;
}

export function problemAt(
  source: JsonSource,
  path: readonly PropertyKey[],
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file: source.file, ...locate(source, path), path: formatPath(path), message, severity };
}

/** Visit every value of a parsed JSON document (objects, arrays and leaves) with its path, parents first. */
export function walkJson(
  value: unknown,
  visit: (value: unknown, path: PropertyKey[]) => void,
  path: PropertyKey[] = [],
): void {
  visit(value, path);
  if (Array.isArray(value))
    value.forEach((item, i) => {
      walkJson(item, visit, [...path, i]);
    });
  else if (typeof value === 'object' && value !== null)
    for (const [key, member] of Object.entries(value)) walkJson(member, visit, [...path, key]);
}
