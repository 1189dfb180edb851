import { describe, expect, it } from 'vitest';
import { checkAction, formatProblem, loadCatalog, playToEnd, targetsFor } from '../../src/engine/index.ts';
import { actionWords, diagnosisName, diagnosisOptions } from '../../src/engine/play/targets.ts';
import {
  catalogFiles,
  CASE_PATH,
  editedCase,
  loadEditedCase,
  loadShippedCase,
  loadShippedCatalog,
  shippedCasePaths,
} from '../support/load.ts';
import { firstCase, play } from '../support/play.ts';

const catalog = loadShippedCatalog();
const cases = shippedCasePaths().map((path) => loadShippedCase(path, catalog));

type Edit = (data: Record<string, unknown>) => void;
const diagnosesOf = (data: Record<string, unknown>) => data.diagnoses as Record<string, unknown>[];
const refusal = (edit: Edit): string[] => {
  const loaded = loadEditedCase(CASE_PATH, edit, catalog);
  if (loaded.ok) throw new Error('expected the case to be refused');
  return loaded.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}  ${p.message}`);
};

describe('the diagnosis catalogue', () => {
  it('loads, broad: well over a hundred diagnoses across every system', () => {
    const systems = new Set(Object.values(catalog.diagnoses).map((d) => d.system));
    expect(Object.keys(catalog.diagnoses).length).toBeGreaterThanOrEqual(100);
    expect(systems.size).toBe(14);
  });

  it('holds every diagnosis a shipped case names, so every case offers the same list', () => {
    for (const resolved of cases)
      for (const d of resolved.data.diagnoses)
        expect(catalog.diagnoses, resolved.data.id).toHaveProperty([d.id]);
    const offered = cases.map((c) => diagnosisOptions(c).map((o) => o.id));
    for (const list of offered) expect(list).toEqual(offered[0]);
  });

  it("offers diagnoses by name, never in the case's order (which puts the right answers first)", () => {
    const names = diagnosisOptions(firstCase).map((o) => o.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(diagnosisOptions(firstCase)[0]?.id).not.toBe(firstCase.data.diagnoses[0]?.id);
  });

  it('refuses two diagnoses of the same name, where the second stands', () => {
    const text = JSON.stringify({
      diagnoses: { 'heart-attack': { name: 'Inferior STEMI', system: 'cardiovascular' } },
    });
    const loaded = loadCatalog([...catalogFiles(), { name: 'cases/catalog/extra.json', text }]);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      'cases/catalog/extra.json:1:38  diagnoses.heart-attack.name  diagnosis "inferior-stemi" already has the name "Inferior STEMI": the learner could not tell them apart',
    ]);
  });
});

describe("a case's diagnoses", () => {
  it('a diagnosis neither in the catalogue nor defined by the case (no label) is refused, with a suggestion', () => {
    const problems = refusal((data) => {
      diagnosesOf(data).push({ id: 'septic-shok', correct: false, explanation: 'A misspelling.' });
    });
    expect(problems).toEqual([
      'diagnoses[9].id  diagnosis "septic-shok" is not in the diagnosis catalogue (did you mean "septic-shock"?): use a catalogue id, or give it a "label" to add it for this case only',
    ]);
  });

  it('a catalogue diagnosis takes its system and synonyms from the catalogue, not the case', () => {
    const problems = refusal((data) => {
      Object.assign(diagnosesOf(data)[0] ?? {}, { system: 'infection', synonyms: ['shock'] });
    });
    expect(problems).toEqual([
      'diagnoses[0].system  "septic-shock" is a catalogue diagnosis: its system comes from the catalogue',
      'diagnoses[0].synonyms  "septic-shock" is a catalogue diagnosis: its synonyms come from the catalogue',
    ]);
  });

  it('a case may add its own diagnosis with a label: offered in that case, found by its synonyms', () => {
    const resolved = editedCase(CASE_PATH, (data) => {
      diagnosesOf(data).push({
        id: 'brucellar-spondylitis',
        label: 'Brucellar spondylitis',
        system: 'infection',
        synonyms: ['brucellosis'],
        correct: false,
        explanation: 'No animal contact or unpasteurised dairy.',
      });
    });
    expect(diagnosisOptions(resolved).find((o) => o.id === 'brucellar-spondylitis')).toEqual({
      id: 'brucellar-spondylitis',
      name: 'Brucellar spondylitis',
      system: 'infection',
      synonyms: ['brucellosis'],
    });
    expect(targetsFor(resolved, 'diagnose')).toContain('brucellar-spondylitis');
    expect(diagnosisOptions(firstCase).map((o) => o.id)).not.toContain('brucellar-spondylitis');
  });

  it('a rule may name a catalogue diagnosis the case does not list ("diagnose:acute-appendicitis")', () => {
    const loaded = loadEditedCase(CASE_PATH, (data) => {
      const rules = (data.scoring as { rules: { type: string; actions?: string[] }[] }).rules;
      const harm = rules.find((r) => r.type === 'harm');
      harm?.actions?.push('diagnose:acute-appendicitis');
    });
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
  });
});

describe('committing a diagnosis the case does not list', () => {
  it('is accepted: a catalogue diagnosis is a target in every case', () => {
    expect(targetsFor(firstCase, 'diagnose')).toEqual(
      expect.arrayContaining(['acute-appendicitis', 'inferior-stemi', 'septic-shock']),
    );
    expect(checkAction(firstCase, { do: 'diagnose', id: 'acute-appendicitis' })).toBeNull();
    expect(checkAction(firstCase, { do: 'diagnose', id: 'appendicitis' })).toMatch(
      /^unknown diagnosis "appendicitis" \(did you mean "acute-appendicitis"/,
    );
  });

  it('lands on the problem list, named as the learner found it, and is scored as not correct', () => {
    const actions = [{ at: 5, do: 'diagnose', id: 'acute-appendicitis' }] as const;
    const ctx = playToEnd(firstCase, { actions: [...actions] });
    expect(ctx.diagnoses).toEqual(['acute-appendicitis']);
    expect(ctx.log.map((e) => e.accepted)).toEqual([true]);
    const result = play([[5, 'diagnose', 'acute-appendicitis']]);
    const diagnosisItems = result.score.items.filter((i) =>
      firstCase.data.scoring.rules.some((r) => r.id === i.id && r.type === 'diagnosis'),
    );
    expect(diagnosisItems.length).toBeGreaterThan(0);
    expect(diagnosisItems.map((i) => i.earned)).toEqual(diagnosisItems.map(() => 0));
    expect(diagnosisName(firstCase, 'acute-appendicitis')).toBe('Acute appendicitis');
    expect(actionWords(firstCase, 'diagnose:acute-appendicitis')).toEqual({
      what: '"Acute appendicitis"',
      done: 'named',
    });
  });

  it('the right diagnosis, found in the catalogue, still earns its points', () => {
    const result = play([[5, 'diagnose', 'septic-shock']]);
    const rule = firstCase.data.scoring.rules.find(
      (r) => r.type === 'diagnosis' && r.diagnosis === 'septic-shock',
    );
    expect(result.score.items.find((i) => i.id === rule?.id)?.earned).toBeGreaterThan(0);
    expect(diagnosisName(firstCase, 'septic-shock')).toBe('Septic shock');
  });
});
