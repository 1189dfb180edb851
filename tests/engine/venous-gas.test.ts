import { describe, expect, it } from 'vitest';
import { playToEnd, type CaseContext, type ResolvedCase, type ResultRow } from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { matches } from '../../src/ui/search.ts';
import { loadShippedCase } from '../support/load.ts';
import { item, play } from '../support/play.ts';

// Issue 17, finding 10: a venous sample is judged against venous reference ranges, an arterial one against arterial.
const dka: ResolvedCase = loadShippedCase('cases/diabetic-ketoacidosis.json');

/** The rows of the first result of a test in a play. */
function firstRows(ctx: CaseContext, testId: string): ResultRow[] {
  const result = ctx.orders.find((o) => o.testId === testId)?.result;
  if (result?.kind !== 'panel') throw new Error(`no ${testId} result`);
  return result.rows;
}
const rowOf = (rows: ResultRow[], componentId: string) => {
  const found = rows.find((r) => r.componentId === componentId);
  if (found === undefined) throw new Error(`no ${componentId} row`);
  return found;
};
const gasAt2 = (testId: string, resolved = dka): ResultRow[] =>
  firstRows(
    playToEnd(resolved, { actions: [{ at: 2, do: 'order', id: testId } satisfies ScriptAction] }),
    testId,
  );

describe('the venous blood gas (issue 17, finding 10)', () => {
  it('the DKA best path takes venous gases only', () => {
    const gases = dka.data.bestPath.actions.filter((a) => a.do === 'order' && a.id?.startsWith('blood-gas'));
    expect(gases.length).toBeGreaterThanOrEqual(4);
    expect(gases.every((a) => a.id === 'blood-gas-venous')).toBe(true);
  });

  it('the DKA venous gas reads a PO2 of 38 and a saturation of 68 % without a low flag', () => {
    const rows = firstRows(playToEnd(dka, { actions: dka.data.bestPath.actions }), 'blood-gas-venous');
    expect(rowOf(rows, 'po2')).toMatchObject({ value: 38, flag: '' });
    expect(rowOf(rows, 'so2')).toMatchObject({ value: 68, flag: '' });
    // The acidosis is still flagged: pH 7.13 is critically low on either sample.
    expect(rowOf(rows, 'ph')).toMatchObject({ value: 7.13, flag: 'LL' });
    expect(rowOf(rows, 'potassium')).toMatchObject({ value: 5.8, flag: 'H' });
  });

  it('an arterial PO2 of 38 and a saturation of 68 % are still flagged low', () => {
    const venousValuesAsArterial: ResolvedCase = {
      ...dka,
      data: {
        ...dka.data,
        results: {
          ...dka.data.results,
          'blood-gas': {
            kind: 'panel',
            values: {
              po2: { value: 38, provenance: 'synthetic', note: 'A venous PO2 reported as arterial.' },
              sao2: { value: 68, provenance: 'synthetic', note: 'A venous saturation reported as arterial.' },
            },
          },
        },
      },
    };
    const rows = gasAt2('blood-gas', venousValuesAsArterial);
    expect(rowOf(rows, 'po2')).toMatchObject({ value: 38, flag: 'L' });
    expect(rowOf(rows, 'sao2')).toMatchObject({ value: 68, flag: 'L' });
  });

  it('an arterial gas in DKA shows her acidosis and a PaO2 raised by the hyperventilation, not an assumed-normal gas', () => {
    const rows = gasAt2('blood-gas');
    expect(rows.some((r) => r.note?.includes('assumed') === true)).toBe(false);
    expect(rowOf(rows, 'ph')).toMatchObject({ value: 7.13, flag: 'LL' });
    expect(rowOf(rows, 'potassium')).toMatchObject({ value: 5.8 });
    // Alveolar gas equation on air with a PaCO2 of about 16: PaO2 about 120 mmHg.
    expect(rowOf(rows, 'po2').value).toBeGreaterThanOrEqual(115);
    expect(rowOf(rows, 'po2').value).toBeLessThanOrEqual(125);
    expect(rowOf(rows, 'sao2')).toMatchObject({ value: 99, flag: '' });
  });

  it('order entry finds both gases by "gas"; VBG finds only the venous one and ABG only the arterial one', () => {
    const entry = (id: string) => {
      const test = dka.catalog.tests[id];
      if (test === undefined) throw new Error(`no test ${id}`);
      return { name: test.name, others: [id, ...test.synonyms] };
    };
    const found = (query: string) =>
      ['blood-gas', 'blood-gas-venous'].filter((id) => matches(query, entry(id)));
    expect(found('gas')).toEqual(['blood-gas', 'blood-gas-venous']);
    expect(found('blood gas')).toEqual(['blood-gas', 'blood-gas-venous']);
    expect(found('VBG')).toEqual(['blood-gas-venous']);
    expect(found('venous')).toEqual(['blood-gas-venous']);
    expect(found('ABG')).toEqual(['blood-gas']);
    expect(found('arterial')).toEqual(['blood-gas']);
  });
});

describe('the DKA scoring reads the venous gas', () => {
  it('insulin once the venous gas has given a potassium is no harm; insulin before any potassium result is', () => {
    const after = play(
      [
        [1, 'order', 'blood-gas-venous'],
        [15, 'treat', 'insulin-infusion', 0.1],
      ],
      1,
      dka,
    );
    const before = play(
      [
        [1, 'order', 'blood-gas-venous'],
        [2, 'treat', 'insulin-infusion', 0.1],
      ],
      1,
      dka,
    );
    expect(item(after, 'harm-insulin-before-potassium').earned).toBe(0);
    expect(item(before, 'harm-insulin-before-potassium').earned).toBe(-12);
  });

  it('an arterial gas also gives the potassium before insulin', () => {
    const afterArterial = play(
      [
        [1, 'order', 'blood-gas'],
        [15, 'treat', 'insulin-infusion', 0.1],
      ],
      1,
      dka,
    );
    expect(item(afterArterial, 'harm-insulin-before-potassium').earned).toBe(0);
  });

  it('a venous gas at 2 min earns the early-gas credit at no cost; an arterial gas earns it but is an unnecessary test', () => {
    const venous = play([[2, 'order', 'blood-gas-venous']], 1, dka);
    const arterial = play([[2, 'order', 'blood-gas']], 1, dka);
    expect(item(venous, 'venous-gas-early').earned).toBe(item(venous, 'venous-gas-early').max);
    expect(item(venous, 'unnecessary-tests').earned).toBe(0);
    expect(item(arterial, 'venous-gas-early').earned).toBe(item(arterial, 'venous-gas-early').max);
    expect(item(arterial, 'unnecessary-tests').earned).toBe(-1);
  });

  it('the potassium is rechecked on repeat venous gases', () => {
    const repeated = play(
      [
        [1, 'order', 'blood-gas-venous'],
        [60, 'order', 'blood-gas-venous'],
      ],
      1,
      dka,
    );
    expect(item(repeated, 'repeat-potassium').earned).toBe(item(repeated, 'repeat-potassium').max);
  });
});
