import { describe, expect, it } from 'vitest';
import { checkCase, formatProblem, loadCase, type CaseCheck } from '../../src/engine/index.ts';
import { caseText, editedFirstCase, loadShippedCatalog, shippedCasePaths } from '../support/load.ts';

const catalog = loadShippedCatalog();
const shipped = shippedCasePaths();

const checkEdited = (edit: (data: Record<string, unknown>) => void): CaseCheck =>
  checkCase(editedFirstCase(edit, catalog));
const failing = (check: CaseCheck) => check.results.filter((r) => !r.ok).map((r) => r.name);

describe('the case checker (npm run case -- check)', () => {
  // CI runs the checker on every case in cases/: a broken case fails the build here.
  for (const path of shipped) {
    it(`passes ${path}`, () => {
      const loaded = loadCase({ name: path, text: caseText(path) }, catalog);
      if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
      const check = checkCase(loaded.value);
      expect(check.results.filter((r) => !r.ok)).toEqual([]);
      expect(check.plays).toBeGreaterThan(100);
    });
  }

  it('fails a case whose own best path does not reach the top band', () => {
    const check = checkEdited((data) => {
      (data.bestPath as { actions: unknown[] }).actions = [{ at: 0, do: 'examine', id: 'general' }];
    });
    expect(check.ok).toBe(false);
    expect(failing(check)).toContain('best path reaches the top band, patient alive');
  });

  it('fails a case with a scoring item no learner can earn, and names it', () => {
    const check = checkEdited((data) => {
      const rules = (data.scoring as { rules: unknown[] }).rules;
      rules.push({
        id: 'impossible',
        type: 'regimen',
        label: 'Two dispositions at once',
        category: 'guideline',
        points: 1,
        tiers: [{ label: 'both', requires: [['dispose:icu'], ['dispose:ward']], fraction: 1 }],
        rationale: 'A rule written wrongly on purpose.',
        source: { anchor: 'TEST', citation: 'A test.', confidence: 'K' },
      });
    });
    const reach = check.results.find((r) => r.name.startsWith('every scoring item'));
    expect(reach?.ok).toBe(false);
    expect(reach?.detail).toMatch(/: impossible$/);
  });

  it('reaches a penalty for stopping a treatment by starting it first', () => {
    const check = checkEdited((data) => {
      (data.scoring as { rules: unknown[] }).rules.push({
        id: 'harm-stop-norepinephrine',
        type: 'harm',
        label: 'Norepinephrine stopped',
        category: 'harm',
        penalty: 2,
        actions: ['stop:norepinephrine'],
        rationale: 'Test fixture.',
        source: { anchor: 'TEST', citation: 'Test fixture.', confidence: 'K' },
      });
    });
    expect(failing(check)).not.toContain('every scoring item can be earned (or, for a penalty, incurred)');
  });

  it('fails a case where doing nothing scores well', () => {
    const check = checkEdited((data) => {
      const rules = (data.scoring as { rules: { type: string; points?: number }[] }).rules;
      // Reward not dying... in a case where the untreated patient lives (no deterioration at all).
      const physiology = data.physiology as { driver: { growthPerH: number }; initial: { burden: number } };
      physiology.initial.burden = 0;
      physiology.driver.growthPerH = 0;
      for (const rule of rules) if (rule.type === 'outcome') rule.points = 1000;
    });
    expect(failing(check)).toContain('doing nothing does not score well');
  });

  it('reports a course event that never happens and a phase never entered', () => {
    const check = checkEdited((data) => {
      data.course = {
        phases: [
          { id: 'arrival', label: 'Arrival' },
          { id: 'never', label: 'Never reached' },
        ],
        events: [
          {
            id: 'too-late',
            label: 'After the horizon',
            when: { atMin: 10_000 },
            effects: [{ type: 'phase', phase: 'never' }],
          },
        ],
      };
    });
    const coverage = check.results.find((r) => r.name.startsWith('every phase of the course'));
    expect(coverage?.ok).toBe(false);
    expect(coverage?.detail).toContain('phases never entered: never');
    expect(coverage?.detail).toContain('too-late');
  });
});
