import { describe, expect, it } from 'vitest';
import { loadCase, type CaseContext, type LearnerAction } from '../../src/engine/index.ts';
import { ConsultNote } from '../../src/engine/case/schema/case.ts';
import { consultWords, type AtArrival } from '../../src/engine/sim/consult-note.ts';
import type { LogEntry, OrderRecord } from '../../src/engine/play/context.ts';
import { caseText, CASE_PATH, loadShippedCase, loadShippedCatalog } from '../support/load.ts';
import { firstCase, runPlan } from '../support/play.ts';

const note = ConsultNote.parse({
  value: 'Get a CT.',
  provenance: 'synthetic',
  variants: [
    {
      ifResulted: ['ct-abdomen-pelvis'],
      text: { value: 'I have read the CT.', provenance: 'synthetic', note: 'CT back' },
    },
    {
      ifDone: ['order:ct-abdomen-pelvis'],
      text: { value: 'When the CT is back…', provenance: 'synthetic', note: 'CT ordered' },
    },
  ],
});

const logged = (atMin: number, action: LearnerAction, accepted = true): LogEntry =>
  ({ atMin, action, accepted, observed: {}, phase: 'course', rhythm: 'sinus' }) as LogEntry;
const ct = (orderedAt: number, resultAt: number, resulted: boolean): OrderRecord =>
  ({
    n: 1,
    testId: 'ct-abdomen-pelvis',
    orderedAt,
    sampledAt: orderedAt + 30,
    resultAt,
    result: resulted ? { kind: 'report' } : null,
  }) as OrderRecord;
const at = (atMin: number, log: LogEntry[], orders: OrderRecord[]): AtArrival => ({ log, orders, atMin });
const ORDER_CT: LearnerAction = { do: 'order', id: 'ct-abdomen-pelvis' };

describe('what a consultant says follows what has been done by the time they arrive', () => {
  it('nothing done: the note’s own words, with its provenance', () => {
    expect(consultWords(note, at(30, [], []))).toMatchObject({ value: 'Get a CT.', provenance: 'synthetic' });
  });

  it('the CT ordered but not back: the "ordered" variant', () => {
    const words = consultWords(note, at(40, [logged(10, ORDER_CT)], [ct(10, 100, false)]));
    expect(words).toEqual({ value: 'When the CT is back…', provenance: 'synthetic', note: 'CT ordered' });
  });

  it('the CT back: the first matching variant wins, even though the "ordered" one holds too', () => {
    expect(consultWords(note, at(120, [logged(10, ORDER_CT)], [ct(10, 100, true)])).value).toBe(
      'I have read the CT.',
    );
  });

  it('a result due after the arrival minute has not been read', () => {
    expect(consultWords(note, at(99, [logged(10, ORDER_CT)], [ct(10, 100, true)])).value).toBe(
      'When the CT is back…',
    );
  });

  it('a refused action, or one after the arrival, is not done', () => {
    expect(consultWords(note, at(40, [logged(10, ORDER_CT, false)], [])).value).toBe('Get a CT.');
    expect(consultWords(note, at(40, [logged(50, ORDER_CT)], [ct(50, 150, false)])).value).toBe('Get a CT.');
  });

  it('an order cancelled before the consultant arrives is not done', () => {
    const cancelled = { ...ct(10, 100, false), cancelledAt: 20 };
    expect(consultWords(note, at(40, [logged(10, ORDER_CT)], [cancelled])).value).toBe('Get a CT.');
    expect(consultWords(note, at(15, [logged(10, ORDER_CT)], [cancelled])).value).toBe(
      'When the CT is back…',
    );
  });

  it('a variant without any condition is refused by the schema', () => {
    const parsed = ConsultNote.safeParse({
      value: 'x',
      provenance: 'synthetic',
      variants: [{ text: { value: 'y', provenance: 'synthetic' } }],
    });
    expect(parsed.success).toBe(false);
  });

  it('a variant on a test that does not exist is reported with its place', () => {
    const text = caseText().replace('"ifResulted": ["ct-abdomen-pelvis"]', '"ifResulted": ["ct-abdomen"]');
    const loaded = loadCase({ name: CASE_PATH, text }, loadShippedCatalog());
    const problems = loaded.ok ? [] : loaded.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^consultNotes\.general-surgery\.variants\[0\]\.ifResulted\[0\]: unknown test "ct-abdomen"/,
        ),
      ]),
    );
  });
});

/** The surgeon's words at the bedside, as the timeline says them on arrival. */
function surgeonSays(ctx: CaseContext): string {
  const entry = ctx.timeline.find((e) => e.ref === 'consult:general-surgery' && e.kind === 'event');
  if (entry === undefined) throw new Error('the surgeon has not arrived');
  return entry.text;
}

describe('the shipped septic-shock case: the surgeon never comments on a CT that was not done', () => {
  const surgeon: LearnerAction = { do: 'consult', id: 'general-surgery' };

  it('called with no CT ordered, the surgeon asks for one', () => {
    const says = surgeonSays(runPlan(firstCase, [[5, surgeon]], 60));
    expect(says).toContain('get a contrast CT');
    expect(says).not.toContain('I have seen the CT');
  });

  it('called once the CT is back, the surgeon speaks to its findings', () => {
    const ctx = runPlan(firstCase, [[0, ORDER_CT]], 200);
    const back = ctx.orders.find((o) => o.testId === 'ct-abdomen-pelvis')?.resultAt ?? Infinity;
    expect(back).toBeLessThan(200);
    const says = surgeonSays(
      runPlan(
        firstCase,
        [
          [0, ORDER_CT],
          [back, surgeon],
        ],
        back + 60,
      ),
    );
    expect(says).toContain('I have seen the CT');
    expect(says).not.toContain('get a contrast CT');
  });

  it('called with the CT ordered but not back, the surgeon waits for it', () => {
    const says = surgeonSays(
      runPlan(
        firstCase,
        [
          [0, ORDER_CT],
          [1, surgeon],
        ],
        40,
      ),
    );
    expect(says).toContain('If the CT shows collections');
  });
});

describe('the shipped STEMI case: the cardiologist reads only the ECGs that were done', () => {
  const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
  const cathLab: LearnerAction = { do: 'consult', id: 'cath-lab' };
  const cardiologist = (ctx: CaseContext) =>
    ctx.timeline.find((e) => e.ref === 'consult:cath-lab' && e.kind === 'event')?.text ?? '';

  it('before any ECG: asks for the 12-lead and names no diagnosis', () => {
    const says = cardiologist(runPlan(stemi, [[0, cathLab]], 40));
    expect(says).toContain('I need to see the 12-lead');
    expect(says).not.toMatch(/STEMI|V4R|right ventricle/);
  });

  it('with the 12-lead but no right-sided leads: asks for V4R rather than commenting on it', () => {
    const says = cardiologist(
      runPlan(
        stemi,
        [
          [0, { do: 'order', id: 'ecg' }],
          [15, cathLab],
        ],
        60,
      ),
    );
    expect(says).toContain('get right-sided leads now');
  });
});

describe('every shipped consult variant names things that exist and keeps its provenance', () => {
  it.each([
    'cases/septic-shock-spondylodiscitis.json',
    'cases/inferior-stemi-rv.json',
    'cases/diabetic-ketoacidosis.json',
    'cases/anaphylaxis-peanut.json',
  ])('%s', (path) => {
    const resolved = loadShippedCase(path);
    const variants = Object.values(resolved.data.consultNotes).flatMap((words) => words.variants);
    // A synthetic text says what it is based on; one from the report keeps the report's words.
    const unexplained = variants.filter((v) =>
      v.text.provenance === 'synthetic' ? (v.text.note ?? '') === '' : v.text.reported === undefined,
    );
    expect(unexplained).toEqual([]);
  });
});
