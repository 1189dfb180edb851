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
