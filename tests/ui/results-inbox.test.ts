import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../src/engine/index.ts';
import { changeText, flagText, severity } from '../../src/ui/panels/result-grade.ts';
import { inboxOrder } from '../../src/ui/panels/results.ts';
import { visibleResults } from '../../src/view/view-model.ts';
import { firstCase, runPlan } from '../support/play.ts';

const order = (id: string) => ({ do: 'order' as const, id });
const row = (flag: ResultRow['flag'], value: number, low = 4, high = 11) => ({
  flag,
  value,
  range: { low, high },
});

describe('the results inbox lists the newest result first', () => {
  const ctx = runPlan(
    firstCase,
    [
      [0, order('cbc')],
      [0, order('lactate')],
      [60, order('lactate')],
      [61, order('crp')],
    ],
    180,
  );
  const inbox = inboxOrder(visibleResults(ctx), ctx.nowMin);

  it('sorted by when each result came back, latest on top', () => {
    const times = inbox.map(({ order: o }) => o.resultAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(inbox[0]?.order.testId).toBe('crp');
    expect(inbox.map(({ order: o }) => o.testId)).toEqual(['crp', 'lactate', 'cbc', 'lactate']);
  });

  it('a repeated test carries its earlier samples for the trend; the first sample has none', () => {
    const [later, first] = inbox.filter(({ order: o }) => o.testId === 'lactate');
    expect(later?.earlier.map((o) => o.sampledAt)).toEqual([0]);
    expect(first?.earlier).toEqual([]);
  });
});

describe('a value far outside its range stands out more than one just outside it', () => {
  it('a WBC of 27.4 (range 4–11) is marked; 11.6 is mild; a critical flag is critical', () => {
    expect(severity(row('H', 27.4))).toBe('marked');
    expect(severity(row('H', 11.6))).toBe('mild');
    expect(severity(row('HH', 55))).toBe('critical');
    expect(severity(row('LL', 0.8))).toBe('critical');
    expect(severity(row('', 7))).toBe('normal');
  });

  it('says so in words, for a screen reader as much as for the eye', () => {
    expect(flagText(row('H', 27.4))).toBe('markedly high');
    expect(flagText(row('H', 11.6))).toBe('high');
    expect(flagText(row('LL', 0.8))).toBe('critically low');
  });

  it('a range open at one end grades by its limit: a CRP of 115 (≤ 5) is marked', () => {
    expect(severity({ flag: 'H', value: 115, range: { high: 5 } })).toBe('marked');
    expect(severity({ flag: 'H', value: 8, range: { high: 5 } })).toBe('mild');
  });
});

describe('a trend gives the change in the lab’s own precision', () => {
  it('signed, with a true minus', () => {
    expect(changeText(5.8, 6.1)).toBe('+0.3');
    expect(changeText(7.3, 6.1)).toBe('−1.2');
    expect(changeText(486, 491)).toBe('+5');
    expect(changeText(4.5, 4.5)).toBe('0');
  });
});
