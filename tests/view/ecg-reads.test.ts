import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../../src/engine/index.ts';
import { ecgsReadBy, ecgTracing, readMatchesRhythm, readOf } from '../../src/view/ecg-reads.ts';
import { loadShippedCase } from '../support/load.ts';
import { runPlan } from '../support/play.ts';

const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
const order = (id: string) => ({ do: 'order' as const, id });

function find(ctx: CaseContext, testId: string, nth = 0): CaseContext['orders'][number] {
  const found = ctx.orders.filter((o) => o.testId === testId)[nth];
  if (found === undefined) throw new Error(`no order of ${testId}`);
  return found;
}

describe('an ECG is a tracing to read, not an answer', () => {
  const ctx = runPlan(stemi, [[0, order('ecg')]], 15);
  const ecg = find(ctx, 'ecg');

  it("records the rate of the moment and the case's morphology with the result", () => {
    expect(ecg.result?.kind).toBe('report');
    if (ecg.result?.kind !== 'report') return;
    expect(ecg.result.ecg?.leads).toBe('standard');
    expect(ecg.result.ecg?.rateBpm).toBe(58);
    expect(ecg.result.ecg?.morphology?.leads.III?.stMm).toBeGreaterThan(
      ecg.result.ecg?.morphology?.leads.II?.stMm ?? 9,
    );
  });

  it('the timeline says the tracing is there, never what it shows', () => {
    const said = ctx.timeline
      .filter((e) => e.ref === 'order:ecg')
      .map((e) => e.text)
      .join(' ');
    expect(said).toContain('tracing recorded');
    expect(said).not.toMatch(/STEMI|infarction|ST elevation|Impression/i);
  });

  it('draws the rhythm of the moment of recording, as the engine recorded it', () => {
    const tracing = ecgTracing(ecg);
    expect(tracing).toMatchObject({
      rhythm: 'sinus',
      leads: 'standard',
      recordedAt: 0,
      pacedBpm: 0,
      seed: ecg.n,
    });
    expect(tracing === null ? null : readMatchesRhythm(tracing)).toBe(true);
  });

  it('a tracing recorded in another rhythm says the written report was for the arrival rhythm', () => {
    if (ecg.result?.kind !== 'report' || ecg.result.ecg === undefined) throw new Error('no ECG recorded');
    const inBlock = { ...ecg, result: { ...ecg.result, ecg: { ...ecg.result.ecg, rhythm: 'chb' as const } } };
    const tracing = ecgTracing(inBlock);
    expect(tracing?.rhythm).toBe('chb');
    expect(tracing === null ? null : readMatchesRhythm(tracing)).toBe(false);
  });

  it('the right-sided ECG is drawn with V3R–V6R and its own morphology', () => {
    const both = runPlan(
      stemi,
      [
        [0, order('ecg')],
        [5, order('ecg-right-sided')],
      ],
      20,
    );
    const tracing = ecgTracing(find(both, 'ecg-right-sided'));
    expect(tracing?.leads).toBe('right-sided');
    expect(tracing?.morphology?.leads.V4R?.stMm).toBeGreaterThanOrEqual(1);
  });
});

describe('a cardiology read covers the ECGs recorded before it was asked for', () => {
  it('no read until one is asked for; then it covers the ECG, and it takes 20–30 minutes', () => {
    const before = runPlan(stemi, [[0, order('ecg')]], 10);
    expect(readOf(before, stemi, find(before, 'ecg'))).toBeNull();
    const ctx = runPlan(
      stemi,
      [
        [0, order('ecg')],
        [8, order('ecg-cardiology-read')],
      ],
      60,
    );
    const read = find(ctx, 'ecg-cardiology-read');
    expect(readOf(ctx, stemi, find(ctx, 'ecg'))).toBe(read);
    expect(ecgsReadBy(ctx, stemi, read).map((o) => o.testId)).toEqual(['ecg']);
    expect(read.resultAt - read.orderedAt).toBeGreaterThanOrEqual(20);
    expect(read.resultAt - read.orderedAt).toBeLessThanOrEqual(30);
  });

  it('a read asked before any ECG covers none, and an ECG recorded after it stays unread', () => {
    const ctx = runPlan(
      stemi,
      [
        [0, order('ecg-cardiology-read')],
        [2, order('ecg')],
      ],
      40,
    );
    expect(ecgsReadBy(ctx, stemi, find(ctx, 'ecg-cardiology-read'))).toEqual([]);
    expect(readOf(ctx, stemi, find(ctx, 'ecg'))).toBeNull();
  });

  it('asking for a read costs no points: it is indicated wherever there is an ECG', () => {
    const rule = stemi.data.scoring.rules.find((r) => r.type === 'unnecessary-tests');
    expect(rule?.type === 'unnecessary-tests' ? rule.indicated : []).toContain('ecg-cardiology-read');
  });
});
