import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/load.ts';

/** A JSON Schema node, as far as the walk needs it. */
interface Node {
  description?: unknown;
  $ref?: unknown;
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  $defs?: Record<string, Node>;
}

/** Paths of every property (at any depth, in every branch) that has neither a description nor a $ref. */
function undescribed(node: unknown, path = ''): string[] {
  if (node === null || typeof node !== 'object') return [];
  const n = node as Node;
  const missing: string[] = [];
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    if (child.description === undefined && child.$ref === undefined) missing.push(`${path}.${key}`);
    missing.push(...undescribed(child, `${path}.${key}`));
  }
  for (const child of [n.items, n.additionalProperties]) missing.push(...undescribed(child, `${path}[]`));
  for (const branch of [n.anyOf, n.oneOf, n.allOf])
    for (const child of branch ?? []) missing.push(...undescribed(child, path));
  for (const [key, child] of Object.entries(n.$defs ?? {})) missing.push(...undescribed(child, `#${key}`));
  return missing;
}

const schema = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

describe('the editor JSON Schemas document every field', () => {
  it.each(['cases/case.schema.json', 'cases/catalog.schema.json', 'cases/script.schema.json'])(
    '%s: every property has a description',
    (file) => {
      expect(undescribed(schema(file))).toEqual([]);
    },
  );

  it('the walk finds an undescribed property at any depth', () => {
    const sample = {
      properties: {
        a: { description: 'documented', properties: { b: { type: 'number' } } },
        c: { type: 'array', items: { anyOf: [{ properties: { d: { type: 'string' } } }] } },
        e: { $ref: '#/$defs/E' },
      },
      $defs: { E: { properties: { f: { type: 'boolean' } } } },
    };
    expect(undescribed(sample)).toEqual(['.a.b', '.c', '.c[].d', '#E.f']);
  });
});
