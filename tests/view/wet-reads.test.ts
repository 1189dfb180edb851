import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../../src/engine/index.ts';
import { scansReadBy, wetReadAskable, wetReadOf, wetReadTest } from '../../src/view/wet-reads.ts';
import { loadShippedCase } from '../support/load.ts';
import { firstCase, item, play, runPlan } from '../support/play.ts';

const order = (id: string) => ({ do: 'order' as const, id });

function find(ctx: CaseContext, testId: string): CaseContext['orders'][number] {
  const found = ctx.orders.find((o) => o.testId === testId);
  if (found === undefined) throw new Error(`no order of ${testId}`);
  return found;
}

describe("a wet read gives a scan's impression before its report", () => {
  const ct = 'ct-abdomen-pelvis';

  it('the catalogue has one, and it is quick', () => {
    const test = wetReadTest(firstCase);
    expect(test?.id).toBe('radiology-wet-read');
    expect(test?.turnaroundMin).toBeLessThanOrEqual(15);
  });

  it('cannot be asked before the images are done, can once they are, and not twice', () => {
    const waiting = runPlan(firstCase, [[0, order(ct)]], 10);
    const scan = find(waiting, ct);
    expect(scan.sampledAt).toBeGreaterThan(10);
    expect(wetReadAskable(waiting, firstCase, scan)).toBe(false);

    const done = runPlan(firstCase, [[0, order(ct)]], scan.sampledAt + 1);
    expect(wetReadAskable(done, firstCase, find(done, ct))).toBe(true);

    const asked = runPlan(
      firstCase,
      [
        [0, order(ct)],
        [scan.sampledAt + 1, order('radiology-wet-read')],
      ],
      scan.sampledAt + 2,
    );
    expect(wetReadAskable(asked, firstCase, find(asked, ct))).toBe(false);
    expect(wetReadOf(asked, firstCase, find(asked, ct))).toBe(find(asked, 'radiology-wet-read'));
  });

  it('covers the scan done and not yet reported, and comes back well before the report', () => {
    const scanAt = runPlan(firstCase, [[0, order(ct)]], 1);
    const sampledAt = find(scanAt, ct).sampledAt;
    const ctx = runPlan(
      firstCase,
      [
        [0, order(ct)],
        [sampledAt, order('radiology-wet-read')],
      ],
      sampledAt + 30,
    );
    const read = find(ctx, 'radiology-wet-read');
    expect(scansReadBy(ctx, firstCase, read).map((o) => o.testId)).toEqual([ct]);
    expect(read.resultAt).toBeLessThan(find(ctx, ct).resultAt);
  });

  it('a wet read asked before any scan, or after the report, covers nothing', () => {
    const early = runPlan(
      firstCase,
      [
        [0, order('radiology-wet-read')],
        [1, order(ct)],
      ],
      60,
    );
    expect(scansReadBy(early, firstCase, find(early, 'radiology-wet-read'))).toEqual([]);
    expect(wetReadOf(early, firstCase, find(early, ct))).toBeNull();

    const reported = runPlan(firstCase, [[0, order(ct)]], 240);
    const after = find(reported, ct).resultAt + 1;
    const late = runPlan(
      firstCase,
      [
        [0, order(ct)],
        [after, order('radiology-wet-read')],
      ],
      after + 30,
    );
    expect(scansReadBy(late, firstCase, find(late, 'radiology-wet-read'))).toEqual([]);
    expect(wetReadAskable(late, firstCase, find(late, ct))).toBe(false);
  });

  it('costs no points where a scan is indicated, and does in a case that needs no imaging', () => {
    const withScan = play([
      [0, 'order', ct],
      [40, 'order', 'radiology-wet-read'],
    ]);
    expect(item(withScan, 'unnecessary-tests').earned).toBe(0);
    const anaphylaxis = loadShippedCase('cases/anaphylaxis-peanut.json');
    const noScan = play([[0, 'order', 'radiology-wet-read']], undefined, anaphylaxis);
    expect(item(noScan, 'unnecessary-tests').earned).toBe(-1);
  });
});
