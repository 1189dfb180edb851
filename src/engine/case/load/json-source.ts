import { parse, type AnyNode, type DocumentNode } from '@humanwhocodes/momoa';
import { formatPath, type Problem } from './problems.ts';

/** JSON text parsed twice over: the plain value for validation and momoa's tree for line and column numbers. */
export interface JsonSource {
  file: string;
  value: unknown;
  tree: DocumentNode;
}

export function parseJson(
  file: string,
  text: string,
): { ok: true; source: JsonSource } | { ok: false; problems: Problem[] } {
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
  const duplicates = findDuplicateKeys(file, tree.body, []);
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
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

function findDuplicateKeys(file: string, node: AnyNode, path: PropertyKey[]): Problem[] {
  const found: Problem[] = [];
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
      found.push(...findDuplicateKeys(file, member.value, [...path, key]));
    }
  } else if (node.type === 'Array') {
    node.elements.forEach((element, index) =>
      found.push(...findDuplicateKeys(file, element.value, [...path, index])),
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
  if (node.type === 'Object') {
    const member = node.members.find(
      (m) => (m.name.type === 'String' ? m.name.value : m.name.name) === String(key),
    );
    return member?.value;
  }
  if (node.type === 'Array' && typeof key === 'number') return node.elements[key]?.value;
  return undefined;
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
