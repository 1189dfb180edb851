import type { TextFile } from '../../src/engine/index.ts';

// Every case and catalogue file, bundled as text so the engine reports problems with line and column.
const catalogTexts = import.meta.glob<string>('/cases/catalog/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const caseTexts = import.meta.glob<string>(
  ['/cases/*.json', '!/cases/*.schema.json', '!/cases/*.catalog.json'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

const asFiles = (texts: Record<string, string>): TextFile[] =>
  Object.entries(texts)
    .map(([path, text]) => ({ name: path.replace(/^\//, ''), text }))
    .sort((a, b) => a.name.localeCompare(b.name));

export const catalogFiles = (): TextFile[] => asFiles(catalogTexts);
export const caseFiles = (): TextFile[] => asFiles(caseTexts);

// A case's own catalogue entries, `cases/<id>.catalog.json`, join the shared catalogue for that case only.
const localCatalogTexts = import.meta.glob<string>('/cases/*.catalog.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The case's own catalogue file, if it has one. */
export function localCatalogFor(caseFile: TextFile): TextFile | null {
  const path = `/${caseFile.name.replace(/\.json$/, '.catalog.json')}`;
  const text = localCatalogTexts[path];
  return text === undefined ? null : { name: path.slice(1), text };
}
