import { distance } from 'fastest-levenshtein';

/** The valid ids nearest to a misspelt one, best first (at most three). */
export function nearest(wrong: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(wrong.length / 3));
  return [...candidates]
    .map((id) => ({
      id,
      d: id.includes(wrong) || wrong.includes(id) ? Math.min(1, distance(wrong, id)) : distance(wrong, id),
    }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => id);
}

export function didYouMean(wrong: string, candidates: Iterable<string>): string {
  const near = nearest(wrong, candidates);
  return near.length === 0 ? '' : ` (did you mean ${near.map((id) => `"${id}"`).join(', ')}?)`;
}
