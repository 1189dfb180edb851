import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../src/engine/index.ts';
import { startActor } from '../support/play.ts';

function rowsOf(testId: string, atMin = 0): ResultRow[] {
  const actor = startActor();
  actor.send({ type: 'ADVANCE', toMin: atMin });
  actor.send({ type: 'ACT', action: { do: 'order', id: testId } });
  actor.send({ type: 'ADVANCE', toMin: atMin + 200 });
  const result = actor.getSnapshot().context.play.orders[0]?.result;
  if (result?.kind !== 'panel') throw new Error(`${testId} is not a panel`);
  return result.rows;
}
const row = (rows: ResultRow[], id: string) => {
  const r = rows.find((x) => x.componentId === id);
  if (r === undefined) throw new Error(`no ${id}`);
  return r;
};

describe('lab results', () => {
  it("the WBC of 27,400 is flagged high, with its unit, range, SI value and the report's own wording", () => {
    const wbc = row(rowsOf('cbc'), 'wbc');
    expect(wbc).toMatchObject({
      value: 27.4,
      unit: '×10³/µL',
      range: { low: 4, high: 11 },
      flag: 'H',
      provenance: 'source',
      reported: 'leukocytes 27,400/mm3',
    });
    expect(wbc.si).toEqual({ value: 27.4, unit: '×10⁹/L', range: { low: 4, high: 11 } });
  });

  it('the neutrophil artefact is shown repaired, with the original kept', () => {
    expect(row(rowsOf('cbc'), 'neutrophils')).toMatchObject({
      value: 92,
      provenance: 'corrected',
      reported: 'neutrophils 22%',
    });
  });

  it('sex-specific ranges apply: Hb 9.9 g/dL is low for a man, 99 g/L in SI', () => {
    expect(row(rowsOf('cbc'), 'hemoglobin')).toMatchObject({
      value: 9.9,
      range: { low: 13.5, high: 17.5 },
      flag: 'L',
      si: { value: 99, unit: 'g/L' },
    });
  });

  it('a lactate of 4.4 is critical (HH) and synthetic: the report gives none', () => {
    expect(row(rowsOf('lactate'), 'lactate')).toMatchObject({
      value: 4.4,
      flag: 'HH',
      provenance: 'synthetic',
    });
  });

  it("creatinine at arrival is the report's 0.80 (source); hours of shock later it is a simulated value", () => {
    expect(row(rowsOf('bmp'), 'creatinine')).toMatchObject({
      value: 0.8,
      provenance: 'source',
      reported: 'creatinine 0.80',
      si: { value: 70.7, unit: 'µmol/L' },
    });
    const later = row(rowsOf('bmp', 420), 'creatinine');
    expect(later.value).toBeGreaterThan(0.8);
    expect(later.provenance).toBe('synthetic');
  });

  it('the blood gas follows the lactate (pH 7.31 at arrival)', () => {
    const rows = rowsOf('blood-gas');
    expect(row(rows, 'ph')).toMatchObject({ value: 7.31, flag: 'L' });
    expect(row(rows, 'hco3').value).toBe(17);
  });

  it('a case-specific range overrides the catalogue (age-adjusted ESR)', () => {
    expect(row(rowsOf('esr'), 'esr')).toMatchObject({ value: 95, range: { low: 0, high: 23 }, flag: 'H' });
  });

  it('qualitative results carry text, not numbers', () => {
    expect(row(rowsOf('urinalysis'), 'ketones')).toMatchObject({ value: '1+', flag: '' });
  });
});

describe('cultures come preliminary, then final', () => {
  it('blood cultures: Gram-negative bacilli at 7 h, E. coli identified after, susceptibilities at 48 h', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'order', id: 'blood-cultures' } });
    const result = actor.getSnapshot().context.play.orders[0]?.result;
    if (result?.kind !== 'culture') throw new Error('not a culture');
    expect(result.stages.map((s) => [s.atMin, s.status, s.report.provenance])).toEqual([
      [420, 'preliminary', 'synthetic'],
      [540, 'preliminary', 'source'],
      [2880, 'final', 'synthetic'],
    ]);
    expect(result.stages[1]?.report.value).toContain('Escherichia coli');
    actor.send({ type: 'ADVANCE', toMin: 419 });
    expect(actor.getSnapshot().context.play.timeline.some((e) => e.kind === 'result')).toBe(false);
  });
});
