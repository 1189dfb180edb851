import { describe, expect, it } from 'vitest';
import { playToEnd, type CaseContext, type ResolvedCase, type ResultRow } from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { loadShippedCase, shippedCasePaths } from '../support/load.ts';
import { item, play } from '../support/play.ts';

// Issue 17, finding 10, in every case: a venous gas ordered anywhere reads the patient, not an assumed-normal gas.
const sepsis = loadShippedCase('cases/septic-shock-spondylodiscitis.json');
const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
const anaphylaxis = loadShippedCase('cases/anaphylaxis-peanut.json');

const GASES = ['blood-gas', 'blood-gas-venous'] as const;

/** The rows of every result of a test in a play, in order, with the minute each sample was taken. */
function samplesOf(ctx: CaseContext, testId: string): { sampledAt: number; rows: ResultRow[] }[] {
  return ctx.orders
    .filter((o) => o.testId === testId)
    .map((o) => {
      if (o.result?.kind !== 'panel') throw new Error(`no ${testId} result`);
      return { sampledAt: o.sampledAt, rows: o.result.rows };
    });
}
const rowOf = (rows: ResultRow[], componentId: string) => {
  const found = rows.find((r) => r.componentId === componentId);
  if (found === undefined) throw new Error(`no ${componentId} row`);
  return found;
};
const valueOf = (rows: ResultRow[], componentId: string): number => {
  const { value } = rowOf(rows, componentId);
  if (typeof value !== 'number') throw new Error(`${componentId} is not a number`);
  return value;
};
const playActions = (resolved: ResolvedCase, actions: ScriptAction[]) => playToEnd(resolved, { actions });
/** Both gases taken together at each of the given minutes. */
const bothGasesAt = (...minutes: number[]): ScriptAction[] =>
  minutes.flatMap((at) => GASES.map((id) => ({ at, do: 'order', id }) satisfies ScriptAction));

describe('every case gives its venous gas (issue 17, finding 10)', () => {
  for (const path of shippedCasePaths()) {
    it(`${path}: a venous or arterial gas at 2 min has no assumed-normal value`, () => {
      const resolved = loadShippedCase(path);
      const ctx = playActions(resolved, bothGasesAt(2));
      for (const testId of GASES) {
        const [first] = samplesOf(ctx, testId);
        const assumed = (first?.rows ?? []).filter(
          (r) => r.note?.includes('normal result is assumed') === true,
        );
        expect(first, testId).toBeDefined();
        expect(
          assumed.map((r) => r.componentId),
          testId,
        ).toEqual([]);
      }
    });
  }
});

describe('the venous gas agrees with the arterial gas and the simulated state', () => {
  it('in septic shock both gases read the simulated lactate, at arrival and after resuscitation', () => {
    // Minutes on the 5-minute trace, so the simulated lactate of the moment can be read beside each sample.
    const ctx = playActions(sepsis, [
      ...bothGasesAt(5),
      { at: 6, do: 'treat', id: 'lactated-ringers', dose: 1000 },
      ...bothGasesAt(150),
    ]);
    for (const testId of GASES) {
      const samples = samplesOf(ctx, testId);
      expect(samples).toHaveLength(2);
      for (const { sampledAt, rows } of samples) {
        const simulated = ctx.trace.find((p) => p.atMin === sampledAt)?.lactate;
        if (simulated === undefined) throw new Error(`no trace at ${String(sampledAt)}`);
        expect(valueOf(rows, 'lactate'), `${testId} at ${String(sampledAt)}`).toBe(
          Math.round(simulated * 10) / 10,
        );
      }
    }
    const [arrival, later] = samplesOf(ctx, 'blood-gas-venous');
    expect(rowOf(arrival?.rows ?? [], 'lactate')).toMatchObject({ value: 4.4, flag: 'HH' });
    // Not a number held fixed: the second venous lactate is the patient's at 150 min.
    expect(valueOf(later?.rows ?? [], 'lactate')).not.toBe(4.4);
  });

  for (const [name, resolved] of [
    ['septic shock', sepsis],
    ['the inferior STEMI', stemi],
    ['anaphylaxis', anaphylaxis],
  ] as const) {
    it(`in ${name} the venous pH is about 0.03 lower and the PCO2 about 5 mmHg higher than the arterial`, () => {
      const ctx = playActions(resolved, bothGasesAt(2));
      const arterial = samplesOf(ctx, 'blood-gas')[0]?.rows ?? [];
      const venous = samplesOf(ctx, 'blood-gas-venous')[0]?.rows ?? [];
      expect(valueOf(arterial, 'ph') - valueOf(venous, 'ph')).toBeCloseTo(0.03, 2);
      expect(valueOf(venous, 'pco2') - valueOf(arterial, 'pco2')).toBeGreaterThanOrEqual(4);
      expect(valueOf(venous, 'pco2') - valueOf(arterial, 'pco2')).toBeLessThanOrEqual(6);
      for (const shared of ['lactate', 'potassium', 'sodium', 'glucose'])
        expect(valueOf(venous, shared), shared).toBe(valueOf(arterial, shared));
      // A venous PO2 and saturation sit within the venous intervals: never flagged as hypoxaemia.
      expect(rowOf(venous, 'po2').flag).toBe('');
      expect(rowOf(venous, 'so2').flag).toBe('');
    });
  }
});

describe('the anaphylaxis gases', () => {
  it('the best path takes a venous gas, as the pack asks', () => {
    const gases = anaphylaxis.data.bestPath.actions.filter(
      (a) => a.do === 'order' && a.id?.startsWith('blood-gas'),
    );
    expect(gases.map((a) => a.id)).toEqual(['blood-gas-venous']);
  });

  it('the venous gas reads a PO2 of 36 and a saturation of 66 % without a low flag, and the pH of 7.33', () => {
    const venous = samplesOf(playActions(anaphylaxis, bothGasesAt(2)), 'blood-gas-venous')[0]?.rows ?? [];
    expect(rowOf(venous, 'po2')).toMatchObject({ value: 36, flag: '' });
    expect(rowOf(venous, 'so2')).toMatchObject({ value: 66, flag: '' });
    expect(rowOf(venous, 'ph')).toMatchObject({ value: 7.33, flag: '' });
  });

  it('an arterial gas before treatment shows the hypoxaemia of SpO2 90 %: PaO2 about 60, SaO2 90, both low', () => {
    const ctx = playActions(anaphylaxis, bothGasesAt(0));
    const arterial = samplesOf(ctx, 'blood-gas')[0]?.rows ?? [];
    expect(valueOf(arterial, 'po2')).toBeGreaterThanOrEqual(55);
    expect(valueOf(arterial, 'po2')).toBeLessThanOrEqual(65);
    expect(rowOf(arterial, 'po2').flag).toBe('L');
    expect(rowOf(arterial, 'sao2')).toMatchObject({ value: 90, flag: 'L' });
    expect(rowOf(arterial, 'ph')).toMatchObject({ value: 7.36, flag: '' });
  });

  it('either gas is an indicated test; a CT is not', () => {
    for (const testId of GASES)
      expect(item(play([[2, 'order', testId]], 1, anaphylaxis), 'unnecessary-tests').earned, testId).toBe(0);
    expect(item(play([[2, 'order', 'ct-abdomen-pelvis']], 1, anaphylaxis), 'unnecessary-tests').earned).toBe(
      -1,
    );
  });
});

describe('a venous gas measures the lactate in septic shock (SSC: lactate, not an arterial sample)', () => {
  it('a venous gas in the first hour earns the lactate credit; one at 2 h earns half', () => {
    const early = play([[10, 'order', 'blood-gas-venous']], 1, sepsis);
    const late = play([[120, 'order', 'blood-gas-venous']], 1, sepsis);
    expect(item(early, 'lactate-measured').earned).toBe(item(early, 'lactate-measured').max);
    expect(item(late, 'lactate-measured').earned).toBe(item(late, 'lactate-measured').max / 2);
  });

  it('a repeat venous gas counts as the repeat lactate; two gases taken together do not', () => {
    const repeated = play(
      [
        [10, 'order', 'blood-gas-venous'],
        [120, 'order', 'blood-gas-venous'],
      ],
      1,
      sepsis,
    );
    const together = play(
      [
        [10, 'order', 'blood-gas-venous'],
        [10, 'order', 'blood-gas'],
      ],
      1,
      sepsis,
    );
    expect(item(repeated, 'repeat-lactate').earned).toBe(item(repeated, 'repeat-lactate').max);
    expect(item(together, 'repeat-lactate').earned).toBe(0);
  });

  it('a venous gas is an indicated test in septic shock and in the STEMI', () => {
    for (const resolved of [sepsis, stemi])
      expect(item(play([[2, 'order', 'blood-gas-venous']], 1, resolved), 'unnecessary-tests').earned).toBe(0);
  });
});

describe('the STEMI gases follow the simulated lactate (a normal pH with a rising lactate was inconsistent)', () => {
  it('normal at arrival; a lactic acidosis, partly compensated, in untreated cardiogenic shock', () => {
    const ctx = playActions(stemi, [
      { at: 0, do: 'order', id: 'blood-gas' },
      { at: 480, do: 'order', id: 'blood-gas' },
    ]);
    const [arrival, late] = ctx.orders
      .filter((o) => o.testId === 'blood-gas')
      .map((o) => (o.result?.kind === 'panel' ? o.result.rows : []));
    if (arrival === undefined || late === undefined) throw new Error('two gases expected');
    expect(valueOf(arrival, 'ph')).toBeCloseTo(7.4, 2);
    expect(Math.abs(valueOf(arrival, 'hco3') - 23.5)).toBeLessThanOrEqual(1);
    expect(valueOf(late, 'lactate')).toBeGreaterThan(4);
    expect(valueOf(late, 'ph')).toBeLessThan(7.35);
    expect(valueOf(late, 'hco3')).toBeLessThan(valueOf(arrival, 'hco3') - 4);
    expect(valueOf(late, 'pco2')).toBeLessThan(valueOf(arrival, 'pco2'));
    expect(valueOf(late, 'base-excess')).toBeLessThan(-4);
  });
});
