import { describe, expect, it } from 'vitest';
import {
  LearnerActionSchema,
  nextResultAt,
  scoreCase,
  type CaseContext,
  type LearnerAction,
} from '../../src/engine/index.ts';
import { Script } from '../../src/engine/case/schema/script.ts';
import { CASE_PATH, editedCase } from '../support/load.ts';
import { firstCase, item, play, startActor } from '../support/play.ts';

/**
 * An order can be cancelled until its sample is taken (a scan until it is done): the order is marked cancelled, no
 * sample is taken and no result comes, and it is scored and costed as never ordered. After the sample it is refused.
 */

type Actor = ReturnType<typeof startActor>;
const ctxOf = (actor: Actor): CaseContext => actor.getSnapshot().context.play;
const act = (actor: Actor, action: LearnerAction) => {
  actor.send({ type: 'ACT', action });
  return ctxOf(actor);
};
const order = (id: string): LearnerAction => ({ do: 'order', id });
const cancel = (id: string): LearnerAction => ({ do: 'cancel', id });

describe('cancelling an order before its sample is taken', () => {
  // The contrast CT of the abdomen and pelvis is done 30 min after it is ordered (collectMin), reported an hour later.
  it('marks the order cancelled, and no scan, no result and no timeline result ever follow', () => {
    const actor = startActor();
    act(actor, order('ct-abdomen-pelvis'));
    actor.send({ type: 'ADVANCE', toMin: 10 });
    const cancelled = act(actor, cancel('ct-abdomen-pelvis'));
    expect(cancelled.log.at(-1)).toMatchObject({ accepted: true, action: cancel('ct-abdomen-pelvis') });
    expect(cancelled.orders[0]).toMatchObject({ testId: 'ct-abdomen-pelvis', cancelledAt: 10, result: null });
    expect(cancelled.timeline.at(-1)).toMatchObject({
      atMin: 10,
      kind: 'action',
      text: 'Cancelled CT abdomen and pelvis with IV contrast.',
    });
    expect(nextResultAt(cancelled)).toBeNull();
    actor.send({ type: 'ADVANCE', toMin: 240 });
    const later = ctxOf(actor);
    expect(later.orders[0]?.result).toBeNull();
    expect(later.timeline.filter((e) => e.kind === 'result')).toEqual([]);
  });

  it('a cancelled CT does not count as "imaging for the source within 2 hours"', () => {
    const done = play([[0, 'order', 'ct-abdomen-pelvis']]);
    const undone = play([
      [0, 'order', 'ct-abdomen-pelvis'],
      [5, 'cancel', 'ct-abdomen-pelvis'],
    ]);
    expect(item(done, 'imaging-for-source').earned).toBeGreaterThan(0);
    expect(item(undone, 'imaging-for-source')).toMatchObject({ earned: 0, reason: 'Not done.' });
  });

  it('a harmful order cancelled in time harms no one (a CT pulmonary angiogram for a septic D-dimer)', () => {
    const ordered = play([[0, 'order', 'ct-pulmonary-angiogram']]);
    const cancelled = play([
      [0, 'order', 'ct-pulmonary-angiogram'],
      [1, 'cancel', 'ct-pulmonary-angiogram'],
    ]);
    expect(item(ordered, 'harm-ctpa').earned).toBeLessThan(0);
    expect(item(cancelled, 'harm-ctpa')).toMatchObject({ earned: 0, reason: 'Avoided.' });
  });

  it('a test without an indication, cancelled before its sample, costs nothing', () => {
    // A D-dimer whose blood is drawn 10 min after the order (the catalogue's is drawn at once).
    const resolved = editedCase(CASE_PATH, (data) => {
      data.testOverrides = { 'd-dimer': { collectMin: 10 } };
    });
    const ordered = play([[0, 'order', 'd-dimer']], undefined, resolved);
    const cancelled = play(
      [
        [0, 'order', 'd-dimer'],
        [5, 'cancel', 'd-dimer'],
      ],
      undefined,
      resolved,
    );
    expect(item(ordered, 'unnecessary-tests')).toMatchObject({ earned: -1, reason: 'D-dimer (about $25).' });
    expect(item(cancelled, 'unnecessary-tests')).toMatchObject({
      earned: 0,
      reason: 'No test without an indication.',
    });
  });

  it('an MRI ordered while hypotensive, then cancelled before the scan, is not the harm of the MRI', () => {
    const cancelled = play([
      [0, 'order', 'mri-spine'],
      [30, 'cancel', 'mri-spine'],
    ]);
    expect(item(cancelled, 'harm-mri-unstable')).toMatchObject({ earned: 0, reason: 'Avoided.' });
  });

  it('cancels only the latest of two pending orders of one test; the first still comes back', () => {
    const actor = startActor();
    act(actor, order('ct-abdomen-pelvis'));
    actor.send({ type: 'ADVANCE', toMin: 5 });
    act(actor, order('ct-abdomen-pelvis'));
    const ctx = act(actor, cancel('ct-abdomen-pelvis'));
    expect(ctx.orders.map((o) => o.cancelledAt)).toEqual([undefined, 5]);
    actor.send({ type: 'ADVANCE', toMin: 200 });
    expect(ctxOf(actor).orders.map((o) => o.result !== null)).toEqual([true, false]);
    // Scored as the one CT that went ahead, at minute 0.
    expect(
      scoreCase(firstCase, ctxOf(actor)).items.find((i) => i.id === 'imaging-for-source')?.reason,
    ).toMatch(/at arrival|after arrival/);
  });

  it('an identical order is still accepted when the learner means it (the UI asks first)', () => {
    const actor = startActor();
    act(actor, order('cbc'));
    const twice = act(actor, order('cbc'));
    expect(twice.orders.map((o) => o.testId)).toEqual(['cbc', 'cbc']);
    expect(twice.log.every((e) => e.accepted)).toBe(true);
  });
});

describe('cancelling is refused, with the reason, when it cannot be done', () => {
  const refusal = (ctx: CaseContext) => ({
    accepted: ctx.log.at(-1)?.accepted,
    reason: ctx.log.at(-1)?.reason,
  });

  it('after the sample is taken: blood for a count is drawn at once', () => {
    const actor = startActor();
    act(actor, order('cbc'));
    const ctx = act(actor, cancel('cbc'));
    expect(refusal(ctx)).toEqual({
      accepted: false,
      reason:
        'the sample for Complete blood count with differential has already been taken: too late to cancel',
    });
    expect(ctx.orders[0]?.cancelledAt).toBeUndefined();
    expect(ctx.timeline.at(-1)).toMatchObject({
      kind: 'refused',
      text: expect.stringMatching(/^Not done: the sample/) as unknown,
    });
  });

  it('after the scan is done', () => {
    const actor = startActor();
    act(actor, order('ct-abdomen-pelvis'));
    actor.send({ type: 'ADVANCE', toMin: 30 });
    expect(refusal(act(actor, cancel('ct-abdomen-pelvis')))).toEqual({
      accepted: false,
      reason: 'CT abdomen and pelvis with IV contrast has already been done: too late to cancel',
    });
    actor.send({ type: 'ADVANCE', toMin: 120 });
    expect(ctxOf(actor).orders[0]?.result).not.toBeNull();
  });

  it('a test never ordered, one already cancelled, or one the catalogue does not have', () => {
    const actor = startActor();
    expect(refusal(act(actor, cancel('mri-spine')))).toEqual({
      accepted: false,
      reason: 'MRI lumbosacral spine with gadolinium has not been ordered',
    });
    act(actor, order('mri-spine'));
    act(actor, cancel('mri-spine'));
    expect(refusal(act(actor, cancel('mri-spine')))).toEqual({
      accepted: false,
      reason: 'MRI lumbosacral spine with gadolinium has already been cancelled',
    });
    expect(refusal(act(actor, cancel('norepinephrine'))).reason).toMatch(/^unknown test "norepinephrine"/);
  });
});

describe('"cancel" is a verb like the others', () => {
  it('in scripts (the command line) and in saved plays', () => {
    expect(Script.parse({ actions: [{ at: 3, do: 'cancel', id: 'mri-spine' }] }).actions[0]?.do).toBe(
      'cancel',
    );
    expect(LearnerActionSchema.parse({ do: 'cancel', id: 'mri-spine' })).toEqual(cancel('mri-spine'));
  });
});
