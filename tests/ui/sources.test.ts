import { describe, expect, it } from 'vitest';
import { PROVENANCE_MARKS } from '../../src/ui/panels/panel.ts';
import { counted, reportLinks, sourcedFacts } from '../../src/ui/sources.ts';
import { caseText, loadEditedCase, loadShippedCase, shippedCasePaths } from '../support/load.ts';

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

describe('an inference from the report is shown as one', () => {
  it('the Sources view lists the first case’s inferred teaching points as inferences, with what each rests on', () => {
    const facts = sourcedFacts(loadShippedCase('cases/septic-shock-spondylodiscitis.json'));
    const points = facts.filter((f) => f.group === 'Teaching points');
    expect(points.map((f) => [f.label, f.provenance])).toEqual([
      ['Teaching point 1', 'inferred'],
      ['Teaching point 2', 'inferred'],
      ['Teaching point 3', 'inferred'],
      ['Teaching point 4', 'inferred'],
      ['Teaching point 5', 'synthetic'],
    ]);
    expect(points.filter((f) => f.provenance === 'inferred' && (f.note ?? '') === '')).toEqual([]);
    expect(counted(points)).toBe('0 from the report, 0 corrected, 4 inferred, 1 synthetic');
  });

  it('a group with no inference is counted as before', () => {
    const facts = sourcedFacts(loadShippedCase('cases/septic-shock-spondylodiscitis.json'));
    expect(counted(facts.filter((f) => f.group === 'History'))).not.toContain('inferred');
  });

  it('at the bedside an inference has its own mark, with words saying what it is', () => {
    const marks = Object.values(PROVENANCE_MARKS).map((m) => m.mark);
    expect(new Set(marks).size).toBe(marks.length);
    expect(PROVENANCE_MARKS.inferred).toEqual({
      mark: '~',
      words: 'Inferred: what the case report implies but does not say',
    });
  });
});

describe("a real report's links", () => {
  const first = loadShippedCase('cases/septic-shock-spondylodiscitis.json');
  it('go to its DOI and, when it is open access, to its PubMed Central full text', () => {
    const source = { ...first.data.source, doi: '10.12659/AJCR.934600', pmcid: 'PMC8793789' };
    expect(reportLinks(source)).toEqual([
      { prefix: 'doi:', label: '10.12659/AJCR.934600', href: 'https://doi.org/10.12659/AJCR.934600' },
      {
        prefix: 'PMCID: ',
        label: 'PMC8793789',
        href: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8793789/',
      },
    ]);
    // The first case's report has neither recorded: no links are made up.
    expect(reportLinks(first.data.source)).toEqual([]);
  });

  it('a PMCID that is not one is refused where it stands', () => {
    const edited = (pmcid: string) =>
      loadEditedCase('cases/septic-shock-spondylodiscitis.json', (data) => {
        (data.source as Record<string, unknown>).pmcid = pmcid;
      });
    expect(edited('PMC8793789').ok).toBe(true);
    const wrong = edited('8793789');
    expect(wrong.ok ? [] : wrong.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'source.pmcid: a PMCID looks like "PMC8793789"',
    ]);
  });
});
