/**
 * Issue 17 (clinical review), first case: findings 3, 4, 6, 7 and the metronidazole note of 9. Each finding has the
 * credited act and its contraindicated variant.
 */
import { describe, expect, it } from 'vitest';
import { playScript, playToEnd, type ResolvedCase } from '../../src/engine/index.ts';
import { ScoringRule } from '../../src/engine/case/schema/scoring.ts';
import { firstCase, GUIDELINE_PATH, item, play, variant, type Step } from '../support/play.ts';

const rule = (id: string) => {
  const found = firstCase.data.scoring.rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};
/** The guideline path (ceftriaxone + cloxacillin at 20 min, norepinephrine at 40) with steps added. */
const plus = (...steps: Step[]) => variant((path) => [...path, ...steps].sort((a, b) => a[0] - b[0]));
/** The guideline path with one treatment's steps replaced. */
const replacing = (id: string, ...steps: Step[]) =>
  variant((path) =>
    [...path.filter(([, v, i]) => !(v === 'treat' && i === id)), ...steps].sort((a, b) => a[0] - b[0]),
  );

describe('finding 3: hydrocortisone is credited at 200 mg/day once shock needs an ongoing vasopressor', () => {
  it('hydrocortisone 50 mg (the first 6-hourly dose) while norepinephrine runs earns the full credit', () => {
    const r = play(plus([60, 'treat', 'hydrocortisone', 50]));
    expect(item(r, 'hydrocortisone').earned).toBe(item(r, 'hydrocortisone').max);
    expect(item(r, 'hydrocortisone').max).toBeGreaterThan(0);
  });

  it('hydrocortisone without a dose is the catalogue default, 50 mg, and is credited', () => {
    expect(firstCase.catalog.treatments.hydrocortisone?.defaultDose).toBe(50);
    expect(firstCase.catalog.treatments.hydrocortisone?.doseUnit).toBe('mg');
    const r = play(plus([60, 'treat', 'hydrocortisone']));
    expect(item(r, 'hydrocortisone').earned).toBe(item(r, 'hydrocortisone').max);
  });

  it('a single 10 mg of hydrocortisone is not the 200 mg/day regimen: no credit, and the reason says why', () => {
    const r = play(plus([60, 'treat', 'hydrocortisone', 10]));
    expect(item(r, 'hydrocortisone').earned).toBe(0);
    expect(item(r, 'hydrocortisone').reason).toMatch(/10 mg/);
    expect(item(r, 'hydrocortisone').reason).toMatch(/50 mg/);
  });

  it('100 mg at once (400 mg/day if repeated 6-hourly) is not the regimen either', () => {
    expect(item(play(plus([60, 'treat', 'hydrocortisone', 100])), 'hydrocortisone').earned).toBe(0);
  });

  it('hydrocortisone 50 mg before any vasopressor runs earns nothing, and the reason says so', () => {
    const r = play(plus([30, 'treat', 'hydrocortisone', 50]));
    expect(item(r, 'hydrocortisone').earned).toBe(0);
    expect(item(r, 'hydrocortisone').reason).toMatch(/not while .*running/);
  });

  it('the best path starts norepinephrine first, then gives hydrocortisone 50 mg while it runs', () => {
    const actions = firstCase.data.bestPath.actions;
    const pressor = actions.find((a) => a.do === 'treat' && a.id === 'norepinephrine');
    const steroid = actions.find((a) => a.do === 'treat' && a.id === 'hydrocortisone');
    expect(pressor).toBeDefined();
    expect(steroid?.dose).toBe(50);
    expect(steroid?.at ?? 0).toBeGreaterThan(pressor?.at ?? Infinity);
    const best = playScript(firstCase, { actions });
    expect(item(best, 'hydrocortisone').earned).toBe(item(best, 'hydrocortisone').max);
    expect(firstCase.data.bestPath.note).toMatch(/hydrocortisone 50 mg/i);
  });

  it('the rationale says a single 50 mg in the ED is the first dose of the 6-hourly regimen', () => {
    expect(rule('hydrocortisone').rationale).toMatch(/50 mg .*6-hourly/);
    expect(rule('hydrocortisone').rationale).toMatch(/first dose/);
  });
});

describe('a dose range on a rule (the engine, generic)', () => {
  const timedCase = (doses: unknown): ResolvedCase => {
    const extra = ScoringRule.parse({
      id: 'steroid-timed',
      type: 'timed',
      label: 'A steroid within 2 h',
      category: 'guideline',
      points: 2,
      actions: ['treat:hydrocortisone'],
      doses,
      bands: [{ withinMin: 120, fraction: 1 }],
      rationale: 'A test rule: only the dose in range counts.',
      source: { anchor: 'TEST', citation: 'A test rule', confidence: 'K' },
    });
    return { ...firstCase, data: { ...firstCase.data, scoring: { rules: [extra] } } };
  };
  const resolved = () => timedCase({ hydrocortisone: { atLeast: 40, atMost: 60 } });

  it('a timed rule counts only a dose inside its range, and names the range when none was', () => {
    const steps = (dose: number): Step[] => [[10, 'treat', 'hydrocortisone', dose]];
    expect(item(play(steps(50), undefined, resolved()), 'steroid-timed').earned).toBe(2);
    const low = item(play(steps(20), undefined, resolved()), 'steroid-timed');
    expect(low.earned).toBe(0);
    expect(low.reason).toMatch(/20 mg/);
    expect(low.reason).toMatch(/40–60 mg/);
    expect(item(play(steps(80), undefined, resolved()), 'steroid-timed').earned).toBe(0);
  });

  it('a later dose in range is the one that counts', () => {
    const steps: Step[] = [
      [10, 'treat', 'hydrocortisone', 20],
      [30, 'treat', 'hydrocortisone', 50],
    ];
    const r = item(play(steps, undefined, resolved()), 'steroid-timed');
    expect(r.earned).toBe(2);
  });

  it('the schema refuses a range for a treatment the rule does not name, or one upside down', () => {
    expect(() => timedCase({ dexamethasone: { atLeast: 4 } })).toThrow(/dexamethasone/);
    expect(() => timedCase({ hydrocortisone: { atLeast: 60, atMost: 40 } })).toThrow(/atLeast/);
    expect(() => timedCase({ hydrocortisone: {} })).toThrow();
  });
});

describe('finding 4: the empirical regimen needs Gram-negative, anti-staphylococcal and anaerobic cover', () => {
  const spectrum = (...steps: Step[]) => item(play(replacing('cloxacillin', ...steps)), 'empiric-spectrum');

  it('ceftriaxone + metronidazole is not full credit and is not said to cover staphylococci', () => {
    const r = spectrum([60, 'treat', 'metronidazole', 500]);
    expect(r.earned).toBeLessThan(r.max);
    expect(r.earned).toBeGreaterThan(item(play(replacing('cloxacillin')), 'empiric-spectrum').earned);
    expect(r.reason).not.toMatch(/covers? staphylococc/i);
    expect(r.reason).toMatch(/staphylococc/i);
  });

  it('ceftriaxone + cloxacillin + metronidazole (Gram-negative, staphylococci, anaerobes) earns full credit', () => {
    const r = spectrum([20, 'treat', 'cloxacillin'], [60, 'treat', 'metronidazole', 500]);
    expect(r.earned).toBe(r.max);
  });

  it('piperacillin-tazobactam alone covers all three and earns full credit', () => {
    const r = item(
      play(
        variant((path) =>
          path
            .filter(([, v, i]) => !(v === 'treat' && (i === 'ceftriaxone' || i === 'cloxacillin')))
            .concat([[20, 'treat', 'piperacillin-tazobactam']])
            .sort((a, b) => a[0] - b[0]),
        ),
      ),
      'empiric-spectrum',
    );
    expect(r.earned).toBe(r.max);
  });

  it('the real team regimen is acceptable, not full (no anaerobic cover despite gas), and full as concordance', () => {
    const real = play(GUIDELINE_PATH);
    const r = item(real, 'empiric-spectrum');
    expect(r.earned).toBeLessThan(r.max);
    expect(r.earned).toBeGreaterThan(0);
    expect(r.reason).toMatch(/acceptable/i);
    expect(r.reason).toMatch(/no anaerobic cover/i);
    expect(item(real, 'real-antibiotics').earned).toBe(item(real, 'real-antibiotics').max);
  });

  it('ceftriaxone alone scores below every regimen that misses only one of the three', () => {
    const alone = item(play(replacing('cloxacillin')), 'empiric-spectrum').earned;
    expect(alone).toBeGreaterThan(0);
    expect(alone).toBeLessThan(item(play(GUIDELINE_PATH), 'empiric-spectrum').earned);
    expect(alone).toBeLessThan(spectrum([60, 'treat', 'metronidazole', 500]).earned);
  });

  it('no tier that lacks an anti-staphylococcal agent is labelled as covering staphylococci', () => {
    const spectrumRule = rule('empiric-spectrum');
    if (spectrumRule.type !== 'regimen') throw new Error('empiric-spectrum is a regimen');
    const antiStaph = [
      'treat:cloxacillin',
      'treat:vancomycin',
      'treat:piperacillin-tazobactam',
      'treat:meropenem',
    ];
    const covers = (tier: (typeof spectrumRule.tiers)[number]) =>
      tier.requires.some((group) => group.every((ref) => antiStaph.includes(ref)));
    const withoutStaph = spectrumRule.tiers.filter((tier) => !covers(tier));
    expect(withoutStaph.map((t) => t.label)).not.toContainEqual(
      expect.stringMatching(/(^|[^-])staphylococcal cover(?! only)/i),
    );
    expect(withoutStaph.filter((t) => t.fraction === 1)).toEqual([]);
  });

  it('the rule is marked as awaiting a clinician sign-off (addendum C7)', () => {
    const r = rule('empiric-spectrum');
    expect(r.rationale).toMatch(/clinician sign-off/i);
    expect(r.source.strength ?? '').toMatch(/clinician sign-off/i);
  });
});

describe('finding 6: stopping at 20 mL/kg with signs of overload is not penalised', () => {
  const litres = (...boluses: Step[]) =>
    item(play(replacing('lactated-ringers', ...boluses)), 'fluids-30-ml-per-kg');

  it('20 mL/kg (1,500 mL for 75 kg) then stopped, in a patient with oedema and effusions, earns full credit', () => {
    const r = litres([5, 'treat', 'lactated-ringers', 1000], [35, 'treat', 'lactated-ringers', 500]);
    expect(r.earned).toBe(r.max);
  });

  it('30 mL/kg still earns full credit', () => {
    const r = item(play(GUIDELINE_PATH), 'fluids-30-ml-per-kg');
    expect(r.earned).toBe(r.max);
  });

  it('too little fluid is still penalised: 1 L (13 mL/kg) earns a quarter, none earns nothing', () => {
    const one = litres([5, 'treat', 'lactated-ringers', 1000]);
    expect(one.earned).toBe(one.max * 0.25);
    expect(litres().earned).toBe(0);
  });

  it('the rationale says why stopping at 20 mL/kg is not penalised', () => {
    expect(rule('fluids-30-ml-per-kg').rationale).toMatch(/20 mL\/kg/);
    expect(rule('fluids-30-ml-per-kg').rationale).toMatch(/not penalised/);
  });
});

describe('finding 7: each harm cites what supports it', () => {
  it('dexamethasone is a harm on the pack (K), not on SSC26-R79, which says nothing about it', () => {
    const r = rule('harm-dexamethasone');
    expect(r.source.anchor).not.toBe('SSC26-R79');
    expect(r.source.anchor).toBe('PACK-3.8');
    expect(r.source.confidence).toBe('K');
    expect(item(play(plus([60, 'treat', 'dexamethasone'])), 'harm-dexamethasone').earned).toBe(-4);
    expect(item(play(GUIDELINE_PATH), 'harm-dexamethasone').earned).toBe(0);
  });

  it('MRI while unstable is a harm on the pack (K), not on IDSA 2015, which does not address its timing', () => {
    const r = rule('harm-mri-unstable');
    expect(r.source.anchor).not.toBe('NVO15');
    expect(r.source.anchor).toBe('PACK-3.8');
    expect(r.source.confidence).toBe('K');
    expect(item(play([[5, 'order', 'mri-spine']]), 'harm-mri-unstable').earned).toBe(-6);
    expect(item(play(GUIDELINE_PATH), 'harm-mri-unstable').earned).toBe(0);
  });
});

describe('finding 9: the best-path note says when metronidazole is given, as the path gives it', () => {
  const best = playToEnd(firstCase, { actions: firstCase.data.bestPath.actions });
  const metronidazoleAt = best.timeline.find(
    (e) => e.kind === 'action' && e.ref === 'treat:metronidazole',
  )?.atMin;
  const ctResultAt = best.timeline.find(
    (e) => e.kind === 'result' && e.ref === 'order:ct-abdomen-pelvis',
  )?.atMin;

  it('metronidazole is given before the CT result, so the note does not tie it to the CT', () => {
    expect(metronidazoleAt).toBeDefined();
    expect(ctResultAt).toBeDefined();
    expect(metronidazoleAt ?? Infinity).toBeLessThan(ctResultAt ?? 0);
    expect(firstCase.data.bestPath.note).not.toMatch(/once the CT shows gas/i);
    expect(firstCase.data.bestPath.note).toMatch(/metronidazole[^.;]*examination/i);
  });
});
