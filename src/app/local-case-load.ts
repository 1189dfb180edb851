import { loadCase, type Catalog, type Problem, type ResolvedCase, type TextFile } from '../engine/index.ts';
import { guarded, type LocalCase } from './local-case.ts';

/*
 * The loader for an author's own file (the parser with positions, the schemas, the cross-references): fetched only
 * when an author opens a file, or comes back to one kept from an earlier visit. Shipped cases were checked when the
 * site was built.
 */

/** Load the author's file against the catalogue, noting which bundled case (by id → title) it replaces. */
export function loadLocalCase(
  file: TextFile,
  catalog: Catalog,
  bundledTitles: ReadonlyMap<string, string>,
): { ok: true; value: ResolvedCase; local: LocalCase } | { ok: false; problems: Problem[] } {
  const result = guarded(file.name, () => loadCase(file, catalog));
  if (!result.ok) return result;
  const id = result.value.data.id;
  return {
    ok: true,
    value: result.value,
    local: {
      id,
      name: file.name,
      warnings: result.warnings,
      replaces: bundledTitles.get(id) ?? null,
      kept: true,
    },
  };
}
