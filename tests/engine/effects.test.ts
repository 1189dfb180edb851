import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/engine/play/actions.ts';
import { inputsAt } from '../../src/engine/sim/care.ts';
import {
  formatProblem,
  loadCase,
  scoreCase,
  type CaseContext,
  type LearnerAction,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import { doseEndMin, doseProfile, dosePeakMin } from '../../src/engine/sim/physiology/kinetics.ts';
import { acidBase } from '../../src/engine/sim/physiology/acid-base.ts';
import { NO_INPUTS } from '../../src/engine/sim/physiology/state.ts';
import { initialPatient } from '../../src/engine/sim/physiology/state.ts';
import {
  CASE_PATH,
  caseText,
  editedFirstCase,
  loadShippedCase,
  loadShippedCatalog,
} from '../support/load.ts';
import { firstCase, runPlan, startActor } from '../support/play.ts';

const catalog = loadShippedCatalog();

/** The first case with an edit applied (e.g. a metabolic model added). */
const edited = (edit: (data: Record<string, unknown>) => void): ResolvedCase =>
  editedFirstCase(edit, catalog);
const physiologyOf = (data: Record<string, unknown>) => data.physiology as Record<string, unknown>;

const METABOLIC = {
  initial: { glucoseMgDl: 486, potassium: 5.8, ketones: 6.1, bicarbonate: 5 },
  insulin: { fullEffectDose: 0.1, halfLifeMin: 20 },
  glucose: { risePerH: 10, insulinFallPerH: 65, mgdlPerGram: 5, dilutionPerLitre: 0.08, floor: 20 },
  potassium: { insulinShiftPerH: 0.5, perMmol: 0.02, lossPerLitre: 0.05, perBicarbonateMmol: 0.005 },
  ketones: { floor: 0.1, perBurden: 8, tauH: 1 },
  bicarbonate: { normal: 24, perKetone: 3.1, tauH: 1, perMmol: 0.04 },
  rrPerBicarbonateDeficit: 0.7,
};
const withMetabolism = () =>
  edited((data) => {
    physiologyOf(data).metabolic = METABOLIC;
    (physiologyOf(data).driver as { effectiveTreatments: string[] }).effectiveTreatments.push(
      'insulin-infusion',
    );
  });

/** Play timed actions on a case and return the engine context at `untilMin`. */
const run = (resolved: ResolvedCase, plan: [number, LearnerAction][], untilMin: number): CaseContext =>
  runPlan(resolved, plan, untilMin);

describe('one-off doses follow their kinetics', () => {
  const imAdrenaline = { onsetHalfLifeMin: 4, offsetHalfLifeMin: 8 };

  it('build from nothing to a peak of 1 and wane to nothing (IM adrenaline peaks at about 8 minutes)', () => {
    expect(doseProfile(imAdrenaline, 0)).toBe(0);
    expect(dosePeakMin(imAdrenaline)).toBeCloseTo(8, 1);
    expect(doseProfile(imAdrenaline, dosePeakMin(imAdrenaline))).toBeCloseTo(1, 6);
    const after = [10, 15, 20, 30, 40].map((t) => doseProfile(imAdrenaline, t));
    expect(after).toEqual([...after].sort((a, b) => b - a));
    expect(doseProfile(imAdrenaline, 20)).toBeGreaterThan(0.3);
    expect(doseProfile(imAdrenaline, doseEndMin(imAdrenaline))).toBe(0);
    expect(doseEndMin(imAdrenaline)).toBeLessThan(90);
  });

  it('scale with the dose: half the dose, half the venous pooling of a nitrate', () => {
    const pooled = (dose: number) => {
      const ctx = run(firstCase, [[0, { do: 'treat', id: 'nitroglycerin', dose }]], 4);
      return inputsAt(ctx, firstCase, 4).preloadMl;
    };
    expect(pooled(0.4)).toBeLessThan(-400);
    expect(pooled(0.2)).toBeCloseTo(pooled(0.4) / 2, 6);
  });
});

describe('treatments that act on the disease driver', () => {
  it('an infusion acts only while it runs; a one-off antibiotic from its lag on', () => {
    const resolved = withMetabolism();
    const ctx = run(
      resolved,
      [
        [0, { do: 'treat', id: 'insulin-infusion', dose: 0.1 }],
        [90, { do: 'stop', id: 'insulin-infusion' }],
      ],
      100,
    );
    const lag = resolved.data.physiology.driver.killLagMin;
    expect(lag).toBeLessThan(90);
    expect(inputsAt(ctx, resolved, lag - 1).killing).toBe(false);
    expect(inputsAt(ctx, resolved, lag + 1).killing).toBe(true);
    expect(inputsAt(ctx, resolved, 95).killing).toBe(false);
    const antibiotic = run(firstCase, [[0, { do: 'treat', id: 'ceftriaxone' }]], 1);
    expect(inputsAt(antibiotic, firstCase, lag - 1).killing).toBe(false);
    expect(inputsAt(antibiotic, firstCase, lag + 600).killing).toBe(true);
  });
});

describe('the metabolic model', () => {
  it('derives pCO2 by Winter and pH by Henderson–Hasselbalch (bicarbonate 5 → pCO2 ≈ 15.5, pH ≈ 7.13)', () => {
    const resolved = withMetabolism();
    const start = initialPatient(resolved.data.physiology);
    const acid = acidBase(start, NO_INPUTS, resolved.data.physiology);
    expect(acid.pco2).toBeCloseTo(15.5, 1);
    expect(acid.ph).toBeCloseTo(7.13, 2);
    expect(acidBase({ ...start, bicarbonate: 24 }, NO_INPUTS, resolved.data.physiology)).toMatchObject({
      pco2: 40,
    });
    expect(acidBase({ ...start, bicarbonate: 24 }, NO_INPUTS, resolved.data.physiology).ph).toBeCloseTo(
      7.4,
      2,
    );
    expect(acidBase(start, NO_INPUTS, firstCase.data.physiology)).toMatchObject({ pco2: 40, rrGain: 0 });
    expect(acidBase(start, NO_INPUTS, firstCase.data.physiology).ph).toBeCloseTo(7.4, 2);
  });

  it('insulin lowers glucose and moves potassium into cells; potassium in the fluid puts it back', () => {
    const resolved = withMetabolism();
    const insulinOnly = run(resolved, [[0, { do: 'treat', id: 'insulin-infusion', dose: 0.1 }]], 120);
    const withPotassium = run(
      resolved,
      [
        [0, { do: 'treat', id: 'insulin-infusion', dose: 0.1 }],
        [0, { do: 'treat', id: 'potassium-chloride', dose: 20 }],
      ],
      120,
    );
    const nothing = run(resolved, [], 120);
    expect(insulinOnly.patient.glucose).toBeLessThan(nothing.patient.glucose - 60);
    expect(insulinOnly.patient.potassium).toBeLessThan(5.8 - 0.4);
    expect(withPotassium.patient.potassium).toBeGreaterThan(insulinOnly.patient.potassium + 0.6);
    expect(insulinOnly.patient.ketones).toBeLessThan(nothing.patient.ketones);
    expect(insulinOnly.vitals.ph).toBeGreaterThan(nothing.vitals.ph);
  });

  it('dextrose 50 % raises glucose at once; bicarbonate raises bicarbonate and lowers potassium', () => {
    const resolved = withMetabolism();
    const before = run(resolved, [], 10).patient;
    const after = run(
      resolved,
      [
        [10, { do: 'treat', id: 'dextrose-50', dose: 50 }],
        [10, { do: 'treat', id: 'sodium-bicarbonate', dose: 100 }],
      ],
      11,
    ).patient;
    expect(after.glucose - before.glucose).toBeCloseTo(25 * 5, -1);
    expect(after.bicarbonate).toBeGreaterThan(before.bicarbonate + 3);
    expect(after.potassium).toBeLessThan(before.potassium - 0.4);
  });

  it('is refused where a case reads a metabolic value it does not model', () => {
    const data = JSON.parse(caseText()) as { results: Record<string, { values: Record<string, unknown> }> };
    const bmp = data.results.bmp ?? { values: {} };
    bmp.values.glucose = { fromState: 'glucose', provenance: 'synthetic' };
    const loaded = loadCase({ name: CASE_PATH, text: JSON.stringify(data, null, 2) }, catalog);
    const problems = loaded.ok ? [] : loaded.problems.map(formatProblem);
    expect(problems.join('\n')).toMatch(/results\.bmp\.values\.glucose\.fromState.*needs a metabolic model/);
  });
});

describe('effects that happen only in some patients', () => {
  it('are drawn once per dose from the seed: the same seed, the same patient; over many seeds, the stated share', () => {
    const marked = (seed: number) => {
      let ctx = startActor(seed, firstCase).getSnapshot().context.play;
      ctx = applyAction(ctx, firstCase, { do: 'treat', id: 'nitroglycerin' });
      return ctx.treatments[0]?.missed === undefined;
    };
    const chance = firstCase.catalog.treatments.nitroglycerin?.effects.find(
      (e) => e.chance !== undefined,
    )?.chance;
    expect(chance).toBeGreaterThan(0);
    const seeds = Array.from({ length: 500 }, (_, i) => i + 1);
    expect(seeds.map(marked)).toEqual(seeds.map(marked));
    const share = seeds.filter(marked).length / seeds.length;
    expect(Math.abs(share - (chance ?? 0))).toBeLessThan(0.07);
    // The draw is part of the play: what the missed effect would have done is absent from the inputs.
    const seed = seeds.find((s) => !marked(s)) ?? 0;
    let ctx = startActor(seed, firstCase).getSnapshot().context.play;
    ctx = applyAction(ctx, firstCase, { do: 'treat', id: 'nitroglycerin' });
    const certain = inputsAt(ctx, firstCase, 3).preloadMl;
    const seedMarked = seeds.find(marked) ?? 0;
    let ctx2 = startActor(seedMarked, firstCase).getSnapshot().context.play;
    ctx2 = applyAction(ctx2, firstCase, { do: 'treat', id: 'nitroglycerin' });
    expect(inputsAt(ctx2, firstCase, 3).preloadMl).toBeLessThan(certain * 2);
  });
});

describe('exposure credit', () => {
  const withRule = (extra: Record<string, unknown>) =>
    edited((data) => {
      (data.scoring as { rules: unknown[] }).rules.push({
        id: 'few-minutes-hypotensive',
        type: 'exposure',
        label: 'Few minutes with MAP below 65',
        category: 'guideline',
        points: 5,
        exposure: 'hypotension-without-vasopressor',
        bands: [{ atMostMin: 100000, fraction: 1 }],
        rationale: 'Test fixture.',
        source: { anchor: 'TEST', citation: 'Test fixture.', confidence: 'K' },
        ...extra,
      });
    });
  const earned = (resolved: ResolvedCase, plan: [number, LearnerAction][], until: number) =>
    scoreCase(resolved, run(resolved, plan, until)).items.find((i) => i.id === 'few-minutes-hypotensive')
      ?.earned;

  it('is not given to a patient who died (the tally stopped with the heart)', () => {
    const resolved = withRule({});
    expect(earned(resolved, [], 120)).toBe(5);
    expect(earned(resolved, [], resolved.data.horizonMin)).toBe(0);
  });

  it('needs the treatment it names when it says so: no credit for not treating', () => {
    const resolved = withRule({ requires: ['treat:norepinephrine'] });
    expect(earned(resolved, [], 60)).toBe(0);
    expect(earned(resolved, [[0, { do: 'treat', id: 'norepinephrine', dose: 0.1 }]], 60)).toBe(5);
  });
});

describe('a rule timed from a result', () => {
  it('counts an action before the result as on time, or as too early when the rule says so', () => {
    const rule = (beforeResult: string) =>
      edited((data) => {
        (data.scoring as { rules: unknown[] }).rules.push({
          id: 'insulin-after-gas',
          type: 'timed',
          label: 'Insulin within an hour of the gas result',
          category: 'guideline',
          points: 4,
          actions: ['treat:insulin-infusion'],
          from: { resultOf: 'blood-gas' },
          beforeResult,
          bands: [{ withinMin: 60, fraction: 1 }],
          rationale: 'Test fixture.',
          source: { anchor: 'TEST', citation: 'Test fixture.', confidence: 'K' },
        });
      });
    const early: [number, LearnerAction][] = [
      [0, { do: 'order', id: 'blood-gas' }],
      [1, { do: 'treat', id: 'insulin-infusion' }],
    ];
    const item = (resolved: ResolvedCase) =>
      scoreCase(resolved, run(resolved, early, 30)).items.find((i) => i.id === 'insulin-after-gas');
    expect(item(rule('on-time'))?.earned).toBe(4);
    expect(item(rule('no-credit'))?.earned).toBe(0);
    expect(item(rule('no-credit'))?.reason).toMatch(/before the Blood gas .* result: too early for credit/);
  });
});

describe('a repeat timed from the first dose, and a harm that depends on the saturation', () => {
  it('times the second IM adrenaline from the first (5–15 minutes), and oxygen is a harm only at a normal SpO2', () => {
    const anaphylaxis = loadShippedCase('cases/anaphylaxis-peanut.json', catalog);
    const repeat = (first: number, second: number) =>
      scoreCase(
        anaphylaxis,
        run(
          anaphylaxis,
          [
            [first, { do: 'treat', id: 'adrenaline-im' }],
            [second, { do: 'treat', id: 'adrenaline-im' }],
          ],
          second + 1,
        ),
      ).items.find((i) => i.id === 'adrenaline-im-repeat');
    expect(repeat(10, 22)?.earned).toBe(10); // 12 min after the first, though 22 after arrival
    expect(repeat(10, 22)?.reason).toMatch(/12 min after the first Adrenaline/);
    expect(repeat(0, 3)?.earned).toBe(0); // too soon to be a repeat
    expect(repeat(0, 35)?.earned).toBe(0); // 35 min: too late

    const stemi = loadShippedCase('cases/inferior-stemi-rv.json', catalog);
    const harm = (ctx: CaseContext) =>
      scoreCase(stemi, ctx).items.find((i) => i.id === 'harm-routine-oxygen')?.earned;
    expect(harm(run(stemi, [[0, { do: 'treat', id: 'oxygen' }]], 5))).toBe(-2);
    const ctx = run(stemi, [[0, { do: 'treat', id: 'oxygen' }]], 5);
    expect(ctx.log[0]?.observed.spo2).toBe(97);
    // The same rule with a threshold above this patient's saturation does not apply.
    const strict = edited((data) => {
      (data.scoring as { rules: unknown[] }).rules.push({
        id: 'oxygen-when-saturating',
        type: 'harm',
        label: 'Oxygen above 95 %',
        category: 'harm',
        penalty: 1,
        actions: ['treat:oxygen'],
        onlyIf: { spo2Above: 95 },
        rationale: 'Test fixture.',
        source: { anchor: 'TEST', citation: 'Test fixture.', confidence: 'K' },
      });
    });
    const oxygenAt94 = run(strict, [[0, { do: 'treat', id: 'oxygen' }]], 5);
    expect(oxygenAt94.log[0]?.observed.spo2).toBe(94);
    expect(scoreCase(strict, oxygenAt94).items.find((i) => i.id === 'oxygen-when-saturating')?.earned).toBe(
      0,
    );
  });
});

describe('exam findings that follow the patient', () => {
  it('are read when the region is examined: stridor at arrival, none once adrenaline has worked', () => {
    const anaphylaxis = loadShippedCase('cases/anaphylaxis-peanut.json', catalog);
    const airway: LearnerAction = { do: 'examine', id: 'airway' };
    const ctx = run(
      anaphylaxis,
      [
        [0, airway],
        [1, { do: 'treat', id: 'adrenaline-im' }],
        [6, { do: 'treat', id: 'adrenaline-im' }],
        [60, airway],
      ],
      61,
    );
    const found = ctx.findings.filter((f) => f.region === 'airway').map((f) => [f.atMin, f.finding.value]);
    expect(found).toHaveLength(2);
    expect(found[0]?.[1]).toMatch(/stridor at rest/i);
    expect(found[1]?.[1]).toMatch(/no stridor/i);
    expect(ctx.timeline.filter((e) => e.ref === 'examine:airway').map((e) => e.text)).toEqual([
      expect.stringMatching(/stridor at rest/i),
      expect.stringMatching(/no stridor/i),
    ]);
  });

  it('may not read a metabolic value in a case without a metabolic model', () => {
    const data = JSON.parse(caseText()) as { exam: Record<string, unknown> };
    const usual = { value: 'Alert.', provenance: 'synthetic', note: 'Test fixture.' };
    data.exam.neurological = {
      changes: [{ when: { below: { glucose: 60 } }, finding: usual }],
      otherwise: usual,
    };
    const loaded = loadCase({ name: CASE_PATH, text: JSON.stringify(data, null, 2) }, catalog);
    const problems = loaded.ok ? [] : loaded.problems.map(formatProblem);
    expect(problems.join('\n')).toMatch(
      /exam\.neurological\.changes\[0\]\.when\.below\.glucose .*metabolic model/,
    );
  });
});

describe('leaving the department', () => {
  it('discharge cancels a procedure that has not started; a transfer does not', () => {
    const stemi = loadShippedCase('cases/inferior-stemi-rv.json', catalog);
    const pending = stemi.data.physiology.interventions.find((i) => i.trigger === 'consult:cath-lab');
    expect(pending?.afterMin).toBeGreaterThan(5);
    const sent = (disposition: string) =>
      run(
        stemi,
        [
          [0, { do: 'consult', id: 'cath-lab' }],
          [1, { do: 'dispose', id: disposition }],
        ],
        2,
      ).procedures.length;
    expect(sent('coronary-care')).toBe(1);
    expect(sent('discharge')).toBe(0);
  });
});

describe('positions and exposures', () => {
  it('one position at a time: sitting up ends lying flat with the legs raised', () => {
    const ctx = run(
      firstCase,
      [
        [0, { do: 'treat', id: 'position-legs-raised' }],
        [10, { do: 'treat', id: 'position-sitting-up' }],
      ],
      12,
    );
    expect(inputsAt(ctx, firstCase, 5).preloadMl).toBe(300);
    expect(inputsAt(ctx, firstCase, 11).preloadMl).toBe(-500);
  });

  it('an exposure counts minutes above a threshold as well as below one', () => {
    const resolved = edited((data) => {
      (physiologyOf(data).exposures as unknown[]).push({
        id: 'hypertension',
        label: 'MAP above 85',
        above: { map: 85 },
      });
    });
    const ctx = run(resolved, [[0, { do: 'treat', id: 'adrenaline-iv-bolus' }]], 30);
    expect(ctx.exposureMin.hypertension).toBeGreaterThan(0);
    expect(run(resolved, [], 30).exposureMin.hypertension ?? 0).toBe(0);
  });
});

describe('a harm that depends on what was known', () => {
  it('insulin before any potassium result is penalised; after the result it is not', () => {
    const resolved = edited((data) => {
      (data.scoring as { rules: unknown[] }).rules.push({
        id: 'insulin-before-potassium',
        type: 'harm',
        label: 'Insulin before the potassium is known',
        category: 'harm',
        penalty: 5,
        actions: ['treat:insulin-infusion'],
        onlyIf: { beforeResultOf: ['bmp', 'blood-gas'] },
        rationale: 'Test fixture.',
        source: { anchor: 'TEST', citation: 'Test fixture.', confidence: 'K' },
      });
    });
    const harm = (plan: [number, LearnerAction][]) =>
      scoreCase(resolved, run(resolved, plan, 60)).items.find((i) => i.id === 'insulin-before-potassium')
        ?.earned;
    expect(harm([[1, { do: 'treat', id: 'insulin-infusion' }]])).toBe(-5);
    expect(
      harm([
        [0, { do: 'order', id: 'blood-gas' }],
        [20, { do: 'treat', id: 'insulin-infusion' }],
      ]),
    ).toBe(0);
    expect(
      harm([
        [0, { do: 'order', id: 'bmp' }],
        [2, { do: 'treat', id: 'insulin-infusion' }],
      ]),
    ).toBe(-5);
  });
});
