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

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, schema] of targets) {
  const text = `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
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
