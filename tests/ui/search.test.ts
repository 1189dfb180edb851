import { describe, expect, it } from 'vitest';
import { diagnosisOptions } from '../../src/engine/play/targets.ts';
import { fold, matches, matchRank } from '../../src/ui/search.ts';
import { firstCase } from '../support/play.ts';

/** The names the diagnosis search shows for what was typed, best first (as the panel orders them). */
function found(query: string): string[] {
  return diagnosisOptions(firstCase)
    .map((o) => ({ name: o.name, rank: matchRank(query, { name: o.name, others: o.synonyms }) }))
    .filter((m): m is { name: string; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((m) => m.name);
}

describe('type-ahead search', () => {
  it('folds case, accents, apostrophes and dashes, so spelling does not matter', () => {
    expect(fold('Guillain–Barré syndrome')).toBe('guillain barre syndrome');
    expect(fold("Bell's palsy")).toBe('bells palsy');
    expect(found('guillain barre')).toEqual(['Guillain–Barré syndrome']);
    expect(found('bells')).toEqual(["Bell's palsy"]);
  });

  it('"infer" finds both inferior STEMIs first, and nothing that lacks the word', () => {
    const names = found('infer');
    expect(names.slice(0, 2)).toEqual(['Inferior STEMI', 'Inferior STEMI with right-ventricular infarction']);
    expect(names.every((n) => /infer/i.test(n))).toBe(true);
  });

  it('a name that starts with the words comes before one that only contains them, then abbreviations', () => {
    expect(found('sepsis').slice(0, 2)).toEqual(['Sepsis', 'Neutropenic sepsis (febrile neutropenia)']);
    expect(found('dka')).toEqual(['Diabetic ketoacidosis']);
    expect(found('stemi')).toEqual(
      expect.arrayContaining(['Anterior STEMI', 'Inferior STEMI', 'Lateral STEMI', 'Posterior STEMI']),
    );
  });

  it('every word typed must match somewhere; an empty query matches all (order entry shows everything)', () => {
    expect(found('aortic dissection')).toEqual(['Aortic dissection']);
    expect(found('zzz')).toEqual([]);
    expect(matches('', { name: 'Lactate', others: [] })).toBe(true);
    expect(matches('lac', { name: 'Lactate', others: ['lactic acid'] })).toBe(true);
    expect(matches('lac', { name: 'Complete blood count', others: ['cbc', 'FBC'] })).toBe(false);
  });
});
