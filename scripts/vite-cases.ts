import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
  formatProblem,
  loadCase,
  loadCatalog,
  type Catalog,
  type Problem,
  type TextFile,
} from '../src/engine/index.ts';
import { fingerprint, listingOf, pickerOrder, type Shelf } from '../src/view/case-listing.ts';
import { guarded } from '../src/app/local-case.ts';

/** The shelf: listings, fingerprints and problems (`import { shelf, fetchCase } from 'virtual:bedside/cases'`). */
const SHELF = 'virtual:bedside/cases';
/** One shipped case, validated: `{ data, catalog }` as the engine's loader gives it. */
const ONE = 'virtual:bedside/case/';
/** The shared catalogue, validated (an author's own case file is checked against it). */
const CATALOG = 'virtual:bedside/catalog';

export interface Validated {
  shelf: Shelf;
  catalog: Catalog | null;
  /** Each valid case's module: its data, and its catalogue when it has entries of its own. */
  cases: Map<string, { data: unknown; ownCatalog: Catalog | null }>;
  files: string[];
}

/**
 * The shipped cases, validated when the site is built (or the dev server starts) instead of in every learner's
 * browser at every start: the same loader as `npm run case validate`, then each case emitted as its own module,
 * fetched when it is chosen. A shipped case with a problem stops `npm run build` with the problem's file, line and
 * field; under the dev server it is listed on the picker instead, as an author's own file is, and the rest play.
 */
export function shippedCases(root: string): Plugin {
  let building = false;
  let memo: Validated | null = null;
  const validated = (): Validated => (memo ??= validateShipped(root));
  return {
    name: 'bedside-shipped-cases',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === SHELF || id === CATALOG || id.startsWith(ONE) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:bedside/')) return undefined;
      const v = validated();
      for (const file of v.files) this.addWatchFile(file);
      if (building && v.shelf.problems.length > 0)
        this.error(`A shipped case has problems:\n${v.shelf.problems.map(formatProblem).join('\n')}`);
      const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      if (id === `\0${SHELF}`) {
        const fetchers = [...v.cases.keys()]
          .map((caseId) => `${JSON.stringify(caseId)}: () => import(${JSON.stringify(ONE + caseId)})`)
          .join(',\n  ');
        return [
          `export const shelf = ${json(v.shelf)};`,
          `const fetchers = {\n  ${fetchers}\n};`,
          'export function fetchCase(id) {',
          '  const fetcher = fetchers[id];',
          '  return fetcher === undefined ? Promise.resolve(undefined) : fetcher().then((m) => m.default);',
          '}',
        ].join('\n');
      }
      if (id === `\0${CATALOG}`) return `export default ${json(v.catalog)};`;
      const one = v.cases.get(id.slice(`\0${ONE}`.length));
      if (one === undefined) return 'export default undefined;';
      return one.ownCatalog === null
        ? `import catalog from ${JSON.stringify(CATALOG)};\nexport default { data: ${json(one.data)}, catalog };`
        : `export default { data: ${json(one.data)}, catalog: ${json(one.ownCatalog)} };`;
    },
    watchChange(id) {
      if (id.startsWith(join(root, 'cases'))) memo = null;
    },
  };
}

const read = (path: string, name: string): TextFile => ({ name, text: readFileSync(path, 'utf8') });

export function validateShipped(root: string): Validated {
  const dir = join(root, 'cases');
  const catalogFiles = readdirSync(join(dir, 'catalog'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => read(join(dir, 'catalog', f), `cases/catalog/${f}`));
  const caseNames = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.endsWith('.catalog.json'))
    .sort();
  const files = [...catalogFiles.map((f) => join(root, f.name)), ...caseNames.map((f) => join(dir, f))];
  const problems: Problem[] = [];
  const cases: Validated['cases'] = new Map();
  const hashes: Record<string, string> = {};
  const listings = [];
  const catalog = guarded('cases/catalog', () => loadCatalog(catalogFiles));
  if (!catalog.ok) {
    problems.push(...catalog.problems);
    return { shelf: { listings: [], hashes, problems }, catalog: null, cases, files };
  }
  for (const name of caseNames) {
    const file = read(join(dir, name), `cases/${name}`);
    const ownPath = join(dir, name.replace(/\.json$/, '.catalog.json'));
    const own = existsSync(ownPath)
      ? read(ownPath, `cases/${name.replace(/\.json$/, '.catalog.json')}`)
      : null;
    if (own !== null) files.push(ownPath);
    const result = guarded(file.name, () => {
      const withOwn = own === null ? catalog : loadCatalog([...catalogFiles, own]);
      return withOwn.ok ? loadCase(file, withOwn.value) : withOwn;
    });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const resolved = result.value;
    cases.set(resolved.data.id, { data: resolved.data, ownCatalog: own === null ? null : resolved.catalog });
    hashes[resolved.data.id] = fingerprint(file.text);
    listings.push(listingOf(resolved));
  }
  listings.sort(pickerOrder);
  return { shelf: { listings, hashes, problems }, catalog: catalog.value, cases, files };
}
