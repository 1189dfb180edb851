import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createCaseMachine, nextResultAt } from '../../src/engine/index.ts';
import { firstCase, startActor } from '../support/play.ts';

const play = (actor: ReturnType<typeof startActor>) => actor.getSnapshot().context.play;

describe('the case machine', () => {
  it('is built from the case: one ending per catalogue disposition, plus death, horizon, learner and fault', () => {
    const machine = createCaseMachine(firstCase);
    const endings = Object.keys(machine.root.states.ended?.states ?? {}).sort();
    const dispositions = Object.keys(firstCase.catalog.dispositions);
    expect(dispositions).toEqual(expect.arrayContaining(['operating-room', 'icu', 'ward', 'discharge']));
    expect(endings).toEqual([...dispositions, 'death', 'horizon', 'learner', 'fault'].sort());
  });

  it('waits in the briefing until START; the clock starts at 0', () => {
    const actor = createActor(createCaseMachine(firstCase)).start();
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'ACT', action: { do: 'examine', id: 'general' } });
    expect(play(actor).log).toEqual([]);
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toEqual({ running: play(actor).phase });
    expect(play(actor).nowMin).toBe(0);
  });

  it('time moves only through events: an examination takes its minutes, an order none; ADVANCE moves the clock', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'examine', id: 'gluteal' } });
    expect(play(actor).nowMin).toBe(2); // a region takes 2 minutes to examine (catalogue)
    actor.send({ type: 'ACT', action: { do: 'order', id: 'cbc' } });
    expect(play(actor).nowMin).toBe(2);
    expect(play(actor).log.map((e) => e.atMin)).toEqual([0, 2]);
    actor.send({ type: 'ADVANCE', toMin: 42 });
    expect(play(actor).nowMin).toBe(42);
    expect(play(actor).trace.map((p) => p.atMin)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]); // a point every 5 min
  });

  it("an exam reveals the case's repaired wording; a region the case is silent on is normal", () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'examine', id: 'gluteal' } });
    actor.send({ type: 'ACT', action: { do: 'examine', id: 'abdomen' } });
    const texts = play(actor).timeline.map((e) => e.text);
    expect(texts[0]).toContain('doughy, brawny skin, exquisitely tender to light touch');
    expect(texts[1]).toContain('cannot lie on his back');
  });

  it('an order moves from ordered to sampled to resulted after its turnaround', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'order', id: 'ct-abdomen-pelvis' } });
    const order = play(actor).orders[0];
    expect(order?.sampledAt).toBe(30); // the scan, 30 min after the order
    expect(order?.result).toBeNull();
    actor.send({ type: 'ADVANCE', toMin: 31 });
    expect(play(actor).orders[0]?.result?.kind).toBe('report');
    expect(play(actor).timeline.some((e) => e.kind === 'result')).toBe(false);
    actor.send({ type: 'ADVANCE', toMin: order?.resultAt ?? 0 });
    expect(
      play(actor)
        .timeline.filter((e) => e.kind === 'result')
        .map((e) => e.text),
    ).toEqual([expect.stringContaining('Bilateral gluteus maximus abscesses')]);
  });

  it('a result follows the patient at the moment of sampling: lactate at arrival vs after 4 untreated hours', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'order', id: 'lactate' } });
    actor.send({ type: 'ADVANCE', toMin: 240 });
    actor.send({ type: 'ACT', action: { do: 'order', id: 'lactate' } });
    actor.send({ type: 'ADVANCE', toMin: 260 });
    const values = play(actor).orders.map((o) =>
      o.result?.kind === 'panel' ? o.result.rows[0]?.value : null,
    );
    expect(values[0]).toBe(4.4);
    expect(values[1]).toBeGreaterThan(5.5);
  });

  it('turnaround is jittered from the seed: the same seed gives the same times, always inside the catalogue range', () => {
    const resultTimes = (seed: number) => {
      const actor = startActor(seed);
      for (const id of ['cbc', 'bmp', 'coagulation', 'crp'])
        actor.send({ type: 'ACT', action: { do: 'order', id } });
      return play(actor).orders.map((o) => o.resultAt);
    };
    expect(resultTimes(7)).toEqual(resultTimes(7));
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const [cbc] = resultTimes(seed);
      expect(cbc).toBeGreaterThanOrEqual(20);
      expect(cbc).toBeLessThanOrEqual(60);
      seen.add(String(cbc));
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it('ADVANCE_TO_NEXT_RESULT stops when the next result arrives', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'order', id: 'cbc' } });
    actor.send({ type: 'ACT', action: { do: 'order', id: 'ecg' } });
    const first = nextResultAt(play(actor));
    actor.send({ type: 'ADVANCE_TO_NEXT_RESULT' });
    expect(play(actor).nowMin).toBe(first);
    expect(play(actor).timeline.at(-1)?.text).toMatch(/^12-lead ECG: tracing recorded; no written read/);
  });

  it('a later norepinephrine dose replaces the rate; stop ends it', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'norepinephrine', dose: 0.05 } });
    actor.send({ type: 'ADVANCE', toMin: 10 });
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'norepinephrine', dose: 0.2 } });
    actor.send({ type: 'ADVANCE', toMin: 20 });
    actor.send({ type: 'ACT', action: { do: 'stop', id: 'norepinephrine' } });
    expect(play(actor).treatments.map((t) => [t.dose, t.atMin, t.endsAt])).toEqual([
      [0.05, 0, 10],
      [0.2, 10, 20],
    ]);
    actor.send({ type: 'ACT', action: { do: 'stop', id: 'norepinephrine' } });
    expect(play(actor).log.at(-1)).toMatchObject({
      accepted: false,
      reason: 'nothing of "norepinephrine" is running',
    });
  });

  it('a wrong action is refused and logged, never thrown; the play goes on', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'ceftriaxon' } });
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'norepinephrine', dose: 50 } });
    expect(play(actor).log.map((e) => e.reason)).toEqual([
      'unknown treatment "ceftriaxon" (did you mean "ceftriaxone"?)',
      'dose 50 mcg/kg/min of norepinephrine is outside 0–1 mcg/kg/min',
    ]);
    expect(play(actor).treatments).toEqual([]);
    expect(actor.getSnapshot().value).toEqual({ running: 'septic-shock' });
  });

  it('a disposition ends the case and projects the course to the horizon with what was started', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'norepinephrine', dose: 0.1 } });
    actor.send({ type: 'ADVANCE', toMin: 30 });
    actor.send({ type: 'ACT', action: { do: 'dispose', id: 'icu' } });
    expect(actor.getSnapshot().value).toEqual({ ended: 'icu' });
    expect(play(actor).ended).toEqual({ reason: 'disposition', atMin: 30 });
    expect(play(actor).nowMin).toBeGreaterThan(30);
    expect(play(actor).treatments[0]?.endsAt).toBeNull(); // still running in the ICU
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'ceftriaxone' } });
    expect(play(actor).treatments).toHaveLength(1); // nothing happens after the end
  });

  it('discharge stops everything that was running', () => {
    const actor = startActor();
    actor.send({ type: 'ACT', action: { do: 'treat', id: 'norepinephrine', dose: 0.1 } });
    actor.send({ type: 'ADVANCE', toMin: 20 });
    actor.send({ type: 'ACT', action: { do: 'dispose', id: 'discharge' } });
    expect(play(actor).treatments[0]?.endsAt).toBe(20);
    expect(play(actor).deathAtMin).not.toBeNull();
    expect(actor.getSnapshot().value).toEqual({ ended: 'discharge' });
  });

  it('death ends the case', () => {
    const actor = startActor();
    actor.send({ type: 'ADVANCE', toMin: 720 });
    expect(actor.getSnapshot().value).toEqual({ ended: 'death' });
    const arrest = play(actor).arrests[0];
    expect(arrest?.firstRhythm).toBe('pea');
    // Nobody started CPR: the arrest is not survivable after the case's no-CPR limit (a teaching choice, 10 min).
    expect(play(actor).deathAtMin).toBe((arrest?.startedAt ?? 0) + 10);
    expect(play(actor).timeline.at(-1)?.text).toMatch(/^The patient dies: no CPR/);
  });

  it('a persisted snapshot restores and carries on exactly as if never interrupted', () => {
    const steps = (actor: ReturnType<typeof startActor>, from: number) => {
      const plan: [number, () => void][] = [
        [
          5,
          () => {
            actor.send({ type: 'ACT', action: { do: 'order', id: 'cbc' } });
          },
        ],
        [
          10,
          () => {
            actor.send({ type: 'ACT', action: { do: 'treat', id: 'lactated-ringers', dose: 1000 } });
          },
        ],
        [
          50,
          () => {
            actor.send({ type: 'ACT', action: { do: 'treat', id: 'ceftriaxone' } });
          },
        ],
        [
          90,
          () => {
            actor.send({ type: 'ACT', action: { do: 'dispose', id: 'operating-room' } });
          },
        ],
      ];
      for (const [at, act] of plan.filter(([at]) => at >= from)) {
        actor.send({ type: 'ADVANCE', toMin: at });
        act();
      }
    };
    const straight = startActor();
    steps(straight, 0);

    const first = startActor();
    const machine = createCaseMachine(firstCase);
    first.send({ type: 'ADVANCE', toMin: 5 });
    first.send({ type: 'ACT', action: { do: 'order', id: 'cbc' } });
    first.send({ type: 'ADVANCE', toMin: 10 });
    first.send({ type: 'ACT', action: { do: 'treat', id: 'lactated-ringers', dose: 1000 } });
    first.send({ type: 'ADVANCE', toMin: 30 });
    const saved = JSON.stringify(first.getPersistedSnapshot());
    const resumed = createActor(machine, { snapshot: JSON.parse(saved) as never }).start();
    steps(resumed, 11);
    expect(resumed.getSnapshot().context).toEqual(straight.getSnapshot().context);
    expect(resumed.getSnapshot().value).toEqual({ ended: 'operating-room' });
  });
});

describe('REPLAY folds a whole action log in one event', () => {
  it('gives exactly the context that sending the same actions one by one gives', () => {
    const actions = [
      {
        atMin: 3,
        actions: [{ do: 'order', id: 'lactate' } as const, { do: 'order', id: 'blood-cultures' } as const],
        end: false,
      },
      { atMin: 20, actions: [{ do: 'treat', id: 'ceftriaxone' } as const], end: false },
      { atMin: 40, actions: [{ do: 'treat', id: 'norepinephrine', dose: 0.1 } as const], end: false },
      { atMin: 90, actions: [], end: true },
    ];
    const folded = startActor();
    folded.send({ type: 'REPLAY', steps: actions });
    const stepwise = startActor();
    for (const step of actions) {
      stepwise.send({ type: 'ADVANCE', toMin: step.atMin });
      for (const action of step.actions) stepwise.send({ type: 'ACT', action });
      if (step.end) stepwise.send({ type: 'END' });
    }
    expect(folded.getSnapshot().context).toEqual(stepwise.getSnapshot().context);
    expect(folded.getSnapshot().value).toEqual({ ended: 'learner' });
  });
});
