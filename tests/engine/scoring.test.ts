import { describe, expect, it } from 'vitest';
import { GUIDELINE_PATH, item, play, variant, type Step } from '../support/play.ts';

const guideline = play(GUIDELINE_PATH);
const without = (verb: string, id: string) =>
  variant((steps) => steps.filter(([, v, i]) => !(v === verb && i === id)));
const moved = (verb: string, id: string, to: number) =>
  variant((steps) =>
    steps
      .map((s): Step => (s[1] === verb && s[2] === id ? [to, s[1], s[2], s[3]] : s))
      .sort((a, b) => a[0] - b[0]),
  );

describe('scoring is itemised and explained', () => {
  it('every item carries a label, a reason, a rationale and a cited source', () => {
    for (const i of guideline.score.items) {
      expect(i.label.length).toBeGreaterThan(5);
      expect(i.reason.length).toBeGreaterThan(3);
      expect(i.rationale.length).toBeGreaterThan(20);
      expect(i.source.citation.length).toBeGreaterThan(10);
      expect(i.source.confidence).not.toBe('U');
    }
  });

  it('the guideline path scores in the top band and keeps the patient alive', () => {
    expect(guideline.outcome.status).toBe('alive');
    expect(guideline.score.percent).toBeGreaterThanOrEqual(90);
    expect(guideline.score.earned).toBeLessThanOrEqual(guideline.score.max);
  });

  it('the total is the sum of the items, kept within [0, max]', () => {
    const sum = guideline.score.items.reduce((s, i) => s + i.earned, 0);
    expect(guideline.score.earned).toBeCloseTo(Math.min(guideline.score.max, Math.max(0, sum)), 5);
    expect(guideline.score.max).toBe(guideline.score.items.reduce((s, i) => s + i.max, 0));
  });
});

describe('timed critical actions', () => {
  it('antibiotics at 4 hours score lower than at 20 minutes', () => {
    const late = play(
      moved('treat', 'ceftriaxone', 240)
        .map((s): Step => (s[2] === 'cloxacillin' ? [240, s[1], s[2]] : s))
        .sort((a, b) => a[0] - b[0]),
    );
    expect(item(late, 'antibiotics-within-1h').earned).toBe(0);
    expect(item(guideline, 'antibiotics-within-1h').earned).toBe(20);
    expect(late.score.percent).toBeLessThan(guideline.score.percent - 10);
  });

  it('antibiotics at 90 minutes get partial credit', () => {
    const r = play(moved('treat', 'ceftriaxone', 90));
    expect(item(r, 'antibiotics-within-1h').earned).toBe(12);
    expect(item(r, 'antibiotics-within-1h').reason).toBe('Ceftriaxone given 1 h 30 min after arrival.');
  });

  it('cloxacillin alone is not an effective antibiotic for this E. coli', () => {
    const r = play(without('treat', 'ceftriaxone'));
    expect(item(r, 'antibiotics-within-1h').earned).toBe(0);
    expect(item(r, 'harm-antistaphylococcal-alone').earned).toBe(-6);
  });

  it('a repeat lactate only counts as a repeat after an hour (lactate plus blood gas together is one measurement)', () => {
    const together = play(
      variant((steps) => [
        ...steps.filter(([at, v, id]) => !(at === 150 && v === 'order' && id === 'lactate')),
        [3, 'order', 'blood-gas'],
      ]).sort((a, b) => a[0] - b[0]),
    );
    expect(item(together, 'repeat-lactate').earned).toBe(0);
    expect(item(guideline, 'repeat-lactate').earned).toBe(4);
  });

  it('source control is timed from the CT result: theatre 7 hours after it earns half', () => {
    const ct = guideline.timeline.find((e) => e.kind === 'result' && e.text.startsWith('CT abdomen'));
    const lateTheatre = play(moved('dispose', 'operating-room', (ct?.at ?? 0) + 420));
    expect(item(lateTheatre, 'source-control-within-6h').earned).toBe(6);
  });
});

describe('sequence', () => {
  it('antibiotics before blood cultures lose the sequence item', () => {
    const r = play(moved('order', 'blood-cultures', 25));
    expect(item(r, 'cultures-before-antibiotics').earned).toBe(0);
    expect(item(r, 'cultures-before-antibiotics').reason).toMatch(
      /Ceftriaxone given \(20 min\) came before Blood cultures.* ordered \(25 min\)/,
    );
  });
});

describe('antibiotic regimen tiers (addendum C7)', () => {
  it('the real team\'s ceftriaxone + cloxacillin earns "acceptable"; piperacillin-tazobactam earns full credit', () => {
    expect(item(guideline, 'empiric-spectrum').earned).toBe(4.5);
    const piptazo = play(
      variant((steps) =>
        steps
          .map((s): Step => (s[2] === 'ceftriaxone' ? [20, 'treat', 'piperacillin-tazobactam'] : s))
          .filter((s) => s[2] !== 'cloxacillin'),
      ),
    );
    expect(item(piptazo, 'empiric-spectrum').earned).toBe(6);
    expect(item(piptazo, 'antibiotics-within-1h').earned).toBe(20);
    expect(item(piptazo, 'real-antibiotics').earned).toBe(1);
  });
});

describe('harmful actions are penalised with their reason', () => {
  const harms: [string, Step, string, number][] = [
    ['diclofenac for the pain', [30, 'treat', 'diclofenac'], 'harm-nsaid', -8],
    ['hydroxyethyl starch', [30, 'treat', 'hydroxyethyl-starch'], 'harm-starch', -8],
    ['sodium bicarbonate for the lactate', [30, 'treat', 'sodium-bicarbonate'], 'harm-bicarbonate', -3],
    ['dexamethasone', [30, 'treat', 'dexamethasone'], 'harm-dexamethasone', -4],
    ['a lumbar puncture', [30, 'order', 'lumbar-puncture'], 'harm-lumbar-puncture', -8],
    ['an MRI while hypotensive', [10, 'order', 'mri-spine'], 'harm-mri-unstable', -6],
    ['transfusion at Hb 9.9', [30, 'treat', 'packed-red-cells'], 'harm-transfusion', -3],
    ['labelling it mechanical back pain', [30, 'diagnose', 'mechanical-back-pain'], 'harm-anchoring', -2],
  ];
  for (const [what, step, id, penalty] of harms) {
    it(`${what} costs ${String(-penalty)} points`, () => {
      const r = play([...GUIDELINE_PATH, step].sort((a, b) => a[0] - b[0]));
      expect(item(r, id).earned).toBe(penalty);
      expect(item(r, id).reason).toMatch(new RegExp(` (given|ordered|named) at ${String(step[0])} min\\.$`));
      expect(r.score.earned).toBeCloseTo(guideline.score.earned + penalty, 5);
    });
  }

  it('an MRI once the MAP is at target is not penalised', () => {
    const r = play([...GUIDELINE_PATH, [150, 'order', 'mri-spine'] as Step].sort((a, b) => a[0] - b[0]));
    expect(item(r, 'harm-mri-unstable').earned).toBe(0);
  });

  it('dopamine as the first vasopressor is penalised, but not when added after norepinephrine', () => {
    const first = play(
      variant((steps) =>
        steps.map((s): Step => (s[2] === 'norepinephrine' ? [40, 'treat', 'dopamine', 10] : s)),
      ),
    );
    expect(item(first, 'harm-dopamine-first').earned).toBe(-4);
    const added = play([...GUIDELINE_PATH, [60, 'treat', 'dopamine', 5] as Step].sort((a, b) => a[0] - b[0]));
    expect(item(added, 'harm-dopamine-first').earned).toBe(0);
  });

  it('tests without an indication cost a point each, capped', () => {
    const r = play([...GUIDELINE_PATH, [30, 'order', 'd-dimer'] as Step].sort((a, b) => a[0] - b[0]));
    expect(item(r, 'unnecessary-tests')).toMatchObject({ earned: -1, reason: 'D-dimer (about $25).' });
  });
});

describe('whole scripted learners (pack §3.4, §3.8)', () => {
  it('discharging him home is catastrophic: dead, penalised, near zero', () => {
    const r = play([
      [0, 'examine', 'general'],
      [10, 'diagnose', 'mechanical-back-pain'],
      [15, 'dispose', 'discharge'],
    ]);
    expect(r.outcome.status).toBe('dead');
    expect(item(r, 'harm-discharge').earned).toBe(-30);
    expect(r.score.percent).toBe(0);
  });

  it('fluids only: transiently better, then dead or dying; low score', () => {
    const r = play([
      [0, 'treat', 'lactated-ringers', 1000],
      [40, 'treat', 'lactated-ringers', 1000],
      [80, 'treat', 'lactated-ringers', 250],
      [720, 'end'],
    ]);
    expect(r.vitals.map).toBeLessThan(55);
    expect(item(r, 'fluids-30-ml-per-kg').earned).toBe(8);
    expect(item(r, 'vasopressor-for-persistent-hypotension').earned).toBe(0);
    expect(r.score.percent).toBeLessThan(25);
  });

  it('the full bundle but no surgeon: alive on a plateau, well short of the guideline score', () => {
    const r = play(
      GUIDELINE_PATH.filter(([, v]) => v !== 'consult' && v !== 'dispose').concat([[180, 'dispose', 'icu']]),
    );
    expect(r.outcome.status).toBe('alive');
    expect(item(r, 'source-control-within-6h').earned).toBe(0);
    expect(r.vitals.lactate).toBeGreaterThan(guideline.vitals.lactate);
    expect(r.score.percent).toBeLessThan(guideline.score.percent - 20);
  });

  it('ending early without a disposition still simulates the course to the horizon', () => {
    const r = play([
      [0, 'treat', 'norepinephrine', 0.1],
      [30, 'end'],
    ]);
    expect(r.endedAt).toBe(30);
    expect(r.endedBy).toBe('learner');
    expect(r.outcome.atMin).toBeGreaterThan(30);
  });
});
