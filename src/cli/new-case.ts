import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { displayName, loadCaseFile, printProblems } from './files.ts';

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'case-template.json');
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `case new <id>`: writes cases/<id>.json from the commented template (a valid, playable skeleton whose
 * "$comment" notes say what to fill in), checks it loads, and says what to do next.
 */
export function newCase(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'cases' }, title: { type: 'string' } },
  });
  const id = positionals[0];
  if (id === undefined || positionals.length > 1) {
    process.stderr.write('Usage: npm run -s case -- new <id> [--title "…"] [--dir cases]\n');
    return 2;
  }
  if (!KEBAB.test(id)) {
    process.stderr.write(
      `"${id}" is not a case id: use lower-case words joined by hyphens, e.g. inferior-stemi\n`,
    );
    return 2;
  }
  const path = resolve(values.dir, `${id}.json`);
  if (existsSync(path)) {
    process.stderr.write(`${displayName(path)} already exists: not overwritten\n`);
    return 1;
  }
  const title = values.title ?? `TODO: a title for ${id}`;
  const text = readFileSync(TEMPLATE, 'utf8')
    .replace('"{{id}}"', JSON.stringify(id))
    .replace('"{{title}}"', JSON.stringify(title));
  writeFileSync(path, text);
  const loaded = loadCaseFile(path);
  if (!loaded.ok) {
    // The template is tested to load; this only happens with a catalogue that lacks the ids it uses.
    printProblems(loaded.problems);
    return 1;
  }
  process.stdout.write(
    [
      `wrote ${displayName(path)}: a playable skeleton; its "$comment" notes say what to fill in.`,
      'Next:',
      `  npm run -s case -- validate ${displayName(path)}   (every problem, with line and column)`,
      '  npm start, then open the case from the picker (the page reloads when you save the file)',
      '  docs/authoring.md explains each part.',
      '',
    ].join('\n'),
  );
  return 0;
}
