import { describe, expect, it } from 'vitest';
import { playScript, summarisePlay, type LearnerAction } from '../../src/engine/index.ts';
import { toLearnerAction } from '../../src/engine/play/play.ts';
import { CASE_PATH, editedCase } from '../support/load.ts';
import { firstCase, script, startActor } from '../support/play.ts';

/** Actions take the team's time: the clock moves while the learner examines, asks and does procedures. */
const now = (actor: ReturnType<typeof startActor>) => actor.getSnapshot().context.play.nowMin;
const act = (actor: ReturnType<typeof startActor>, action: LearnerAction) => {
  actor.send({ type: 'ACT', action });
  return now(actor);
};

describe('what an action costs in minutes', () => {
  it('examining a region takes its catalogue durationMin (2 minutes)', () => {
    expect(firstCase.catalog.examRegions.gluteal?.durationMin).toBe(2);
    expect(act(startActor(), { do: 'examine', id: 'gluteal' })).toBe(2);
  });

  it('asking a history question takes its durationMin (1 minute)', () => {
    expect(firstCase.data.history.find((h) => h.id === 'onset')?.durationMin).toBe(1);
    expect(act(startActor(), { do: 'ask', id: 'onset' })).toBe(1);
  });

  it('a procedure takes its catalogue durationMin: intubation 10 minutes', () => {
    expect(firstCase.catalog.treatments.intubation?.durationMin).toBe(10);
    expect(act(startActor(), { do: 'treat', id: 'intubation' })).toBe(10);
  });

  it('orders, a drug without a duration, a consult and a diagnosis take no time', () => {
    const actor = startActor();
    expect(act(actor, { do: 'order', id: 'lactate' })).toBe(0);
    expect(act(actor, { do: 'treat', id: 'ceftriaxone' })).toBe(0);
    expect(act(actor, { do: 'consult', id: 'general-surgery' })).toBe(0);
    expect(act(actor, { do: 'diagnose', id: 'septic-shock' })).toBe(0);
  });

  it('a refused action takes no time', () => {
    const actor = startActor();
    expect(act(actor, { do: 'examine', id: 'elbow' })).toBe(0);
    expect(actor.getSnapshot().context.play.log[0]?.accepted).toBe(false);
  });
});

describe('actions scripted for the same minute', () => {
  const result = playScript(
    firstCase,
    script(
      [0, 'examine', 'general'],
      [0, 'examine', 'gluteal'],
      [0, 'ask', 'onset'],
      [0, 'order', 'lactate'],
      [3, 'order', 'blood-cultures'],
      [20, 'treat', 'ceftriaxone'],
    ),
  );
  const began = result.timeline.filter((e) => e.kind === 'action').map((e) => e.at);

  it('run one after another: the log shows when each began', () => {
    expect(began).toEqual([0, 2, 4, 5, 5, 20]);
  });

  it('an action scripted while the learner is still busy waits until they are free', () => {
    const cultures = result.timeline.find((e) => e.text.startsWith('Ordered Blood cultures'));
    expect(cultures?.at).toBe(5);
  });
});

describe("a case's own timeCosts", () => {
  const slow = editedCase(CASE_PATH, (data) => {
    data.timeCosts = { 'examine:gluteal': 5, 'treat:intubation': 20, 'ask:onset': 0 };
  });

  it("replace the catalogue's minutes", () => {
    expect(act(startActor(1, slow), { do: 'examine', id: 'gluteal' })).toBe(5);
    expect(act(startActor(1, slow), { do: 'treat', id: 'intubation' })).toBe(20);
    expect(act(startActor(1, slow), { do: 'ask', id: 'onset' })).toBe(0);
  });

  it('leave the others as the catalogue has them', () => {
    expect(act(startActor(1, slow), { do: 'examine', id: 'general' })).toBe(2);
  });
});

describe('the patient moves on while the team is busy', () => {
  it('across a 10-minute intubation the vitals change and the trace gains points', () => {
    const actor = startActor();
    const before = actor.getSnapshot().context.play;
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'intubation' } });
    const after = actor.getSnapshot().context.play;
    expect(after.nowMin).toBe(10);
    expect(after.vitals.map).not.toBeCloseTo(before.vitals.map, 1);
    expect(after.patient.burden).toBeGreaterThan(before.patient.burden);
    expect(after.trace.map((p) => p.atMin)).toEqual([0, 5, 10]);
  });

  it('a result due during an examination is reported at its minute, not after the examination', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'order', id: 'lactate' } });
    const due = actor.getSnapshot().context.play.orders[0]?.resultAt ?? 0;
    actor.send({ type: 'ADVANCE', toMin: due - 1 });
    actor.send({ type: 'ACT', action: { do: 'examine', id: 'general' } });
    const timeline = actor.getSnapshot().context.play.timeline;
    expect(timeline.find((e) => e.kind === 'result')?.atMin).toBe(due);
    expect(now(actor)).toBe(due + 1);
  });
});

describe('the command line and the machine agree', () => {
  const steps = script(
    [0, 'examine', 'general'],
    [0, 'examine', 'gluteal'],
    [0, 'order', 'lactate'],
    [0, 'order', 'blood-cultures'],
    [4, 'treat', 'lactated-ringers', 1000],
    [20, 'treat', 'ceftriaxone'],
    [25, 'treat', 'intubation'],
    [30, 'treat', 'norepinephrine', 0.1],
    [60, 'ask', 'onset'],
    [60, 'ask', 'pain'],
    [120, 'consult', 'general-surgery'],
    [180, 'dispose', 'operating-room'],
  );

  it('playing a script equals driving an actor action by action', () => {
    const actor = startActor(firstCase.data.defaultSeed);
    for (const step of steps.actions) {
      actor.send({ type: 'ADVANCE', toMin: step.at });
      const action = toLearnerAction(step);
      if (action !== null) actor.send({ type: 'ACT', action });
    }
    actor.send({ type: 'ADVANCE', toMin: firstCase.data.horizonMin });
    const stepped = summarisePlay(firstCase, actor.getSnapshot().context.play);
    expect(JSON.stringify(stepped)).toBe(JSON.stringify(playScript(firstCase, steps)));
  });
});
