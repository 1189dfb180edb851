import { describe, expect, it } from 'vitest';
import { bayView } from '../../src/view/view-model.ts';
import type { CaseContext, ResolvedCase } from '../../src/engine/index.ts';
import { currentArrest } from '../../src/engine/index.ts';
import { editedCase, loadShippedCase } from '../support/load.ts';
import { firstCase, runPlan, seedWhere, startActor } from '../support/play.ts';

const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
const view = (ctx: CaseContext, resolved: ResolvedCase) =>
  bayView(ctx, resolved, { paused: false, reducedMotion: false });
const pacing = (rate: number) => ({ do: 'treat', id: 'transcutaneous-pacing', dose: rate }) as const;

// The STEMI's complete heart block (one play in ten) comes at minute 20: a seed where it does, and VF does not.
const BLOCK_AT = 20;
const BLOCK_SEED = seedWhere(stemi, 'complete-heart-block', 30, ['ventricular-fibrillation']);

describe('the monitor view: rhythm, pacing and compressions', () => {
  it('draws the STEMI’s heart block with the narrow junctional escape the case describes, an infranodal one wide', () => {
    const blocked = view(runPlan(stemi, [], BLOCK_AT + 1, BLOCK_SEED), stemi);
    expect(blocked.rhythm).toMatchObject({ id: 'chb', qrs: 'narrow', arrestMin: null });
    expect(blocked.pacing).toBeNull();
    const infranodal = editedCase('cases/inferior-stemi-rv.json', (data) => {
      const rhythms = (data.physiology as { rhythms: { chb: { drugsChangeRate: boolean } } }).rhythms;
      rhythms.chb.drugsChangeRate = false;
    });
    expect(view(runPlan(infranodal, [], BLOCK_AT + 1, BLOCK_SEED), infranodal).rhythm).toMatchObject({
      id: 'chb',
      qrs: 'wide',
    });
  });

  it('paces a heart block with capture: the rate becomes the pacing rate and the monitor says it is paced', () => {
    const paced = view(runPlan(stemi, [[BLOCK_AT + 1, pacing(70)]], BLOCK_AT + 4, BLOCK_SEED), stemi);
    expect(paced.pacing).toEqual({ rateBpm: 70, state: 'capture' });
    expect(paced.vitals.hr).toBe(70);
    expect(paced.rhythm.name).toBe('Complete heart block, paced');
  });

  it('holds a demand pacer back while the patient’s own rhythm is faster', () => {
    const fast = view(runPlan(firstCase, [[1, pacing(70)]], 3), firstCase);
    expect(fast.vitals.hr).toBeGreaterThan(100);
    expect(fast.pacing).toEqual({ rateBpm: 70, state: 'inhibited' });
    expect(fast.rhythm.name).toBe('Sinus tachycardia');
  });

  it('in an arrest: minutes since it began, pacing without capture, and compressions flagged for their artefact', () => {
    // Untreated, the septic shock arrests in the tenth hour; an interruptible advance from the ninth (past the MAP
    // alarm of the third hour, where it would stop first) stops the clock at the arrest.
    const actor = startActor();
    actor.send({ type: 'ADVANCE', toMin: 9 * 60 });
    actor.send({ type: 'ADVANCE', toMin: 16 * 60, interruptible: true });
    const untilArrest = actor.getSnapshot().context.play;
    const at = currentArrest(untilArrest)?.startedAt;
    if (at === undefined) throw new Error('the untreated septic shock should arrest');
    expect(view(untilArrest, firstCase).patient.cpr).toBe(false);
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'cpr' } });
    actor.send({ type: 'ACT', action: pacing(70) });
    actor.send({ type: 'ADVANCE', toMin: at + 3, interruptible: true });
    const v = view(actor.getSnapshot().context.play, firstCase);
    actor.stop();
    expect(v.patient).toMatchObject({ arrest: true, cpr: true });
    expect(v.rhythm.arrestMin).toBe(3);
    expect(v.pacing).toEqual({ rateBpm: 70, state: 'no-capture' });
  });
});
