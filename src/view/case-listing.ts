import type { CaseFile, Problem, ResolvedCase } from '../engine/index.ts';

/**
 * What the picker shows of a case, without the case itself: shipped cases are listed from this and fetched only when
 * one is chosen (each is its own file of the build, already validated when the site was built).
 */
export interface CaseListing {
  id: string;
  title: string;
  complaint: string;
  difficulty: CaseFile['difficulty'];
  estimatedMinutes: number;
  kind: CaseFile['kind'];
  /** A real report's year, where known (never its title or journal, which usually name the diagnosis). */
  year: number | null;
}

/** The shipped cases as the build validated them: their listings in the picker's order, and their problems. */
export interface Shelf {
  listings: CaseListing[];
  /** Each shipped case's fingerprint (a save made against another version of the file is not replayed on this). */
  hashes: Record<string, string>;
  problems: Problem[];
}

export function listingOf(resolved: ResolvedCase): CaseListing {
  const { data } = resolved;
  return {
    id: data.id,
    title: data.title,
    complaint: data.complaint,
    difficulty: data.difficulty,
    estimatedMinutes: data.estimatedMinutes,
    kind: data.kind,
    year: data.kind === 'real-case' ? (data.source.year ?? null) : null,
  };
}

/** Real published cases first (the first case is the front door), then the synthetic teaching cases, by title. */
export function pickerOrder(a: CaseListing, b: CaseListing): number {
  const rank = (c: CaseListing) => (c.kind === 'real-case' ? 0 : 1);
  return rank(a) - rank(b) || a.title.localeCompare(b.title);
}

/** FNV-1a over the case text: enough to notice that a case changed under a save. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
