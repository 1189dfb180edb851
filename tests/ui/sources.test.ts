import { describe, expect, it } from 'vitest';
import { sourcedFacts } from '../../src/ui/sources.ts';
import { caseText, loadShippedCase, shippedCasePaths } from '../support/load.ts';

describe('the Sources view lists every fact of a case, by where it comes from', () => {
  it.each(shippedCasePaths())('%s: every fact, each placed and said in words', (path) => {
    const facts = sourcedFacts(loadShippedCase(path));
    // As many as the case file has provenances (each fact carries exactly one).
    expect(facts).toHaveLength([...caseText(path).matchAll(/"provenance":/g)].length);
    expect(facts.filter((f) => f.group === 'Other' || f.label === '' || f.shown === '')).toEqual([]);
  });

  it('a synthetic value is said to be synthetic; a corrected one keeps the report’s words', () => {
    const facts = sourcedFacts(loadShippedCase('cases/septic-shock-spondylodiscitis.json'));
    const weight = facts.find((f) => f.label === 'Weight');
    expect(weight).toMatchObject({ shown: '75 kg', provenance: 'synthetic' });
    const story = facts.find((f) => f.label === 'Presenting story');
    expect(story?.provenance).toBe('corrected');
    expect(story?.reported).toContain('feeling of dystrophy');
  });
});
