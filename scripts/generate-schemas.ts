// Writes the editor JSON Schemas from the zod schemas (the single source of truth).
// `--check` fails instead of writing when a committed schema is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CaseFile, CatalogFile, Script } from '../src/engine/index.ts';

const root = join(import.meta.dirname, '..');
const targets = [
  ['cases/case.schema.json', CaseFile],
  ['cases/catalog.schema.json', CatalogFile],
  ['cases/script.schema.json', Script],
] as const;

const COMMENT = {
  type: 'string',
  description: 'A note for authors and reviewers. Bedside ignores it; use it to say what to fill in or why.',
} as const;

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, schema] of targets) {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // Authors may leave a "$comment" in any object (the loader drops them), so editors must not flag it.
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === 'object' && jsonSchema.additionalProperties === false)
        jsonSchema.properties = { $comment: COMMENT, ...jsonSchema.properties };
    },
  });
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const path = join(root, file);
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current === text) continue;
  if (check) {
    process.stdout.write(`${file} is out of date: run npm run schema\n`);
    stale += 1;
  } else {
    writeFileSync(path, text);
    process.stdout.write(`wrote ${file}\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
