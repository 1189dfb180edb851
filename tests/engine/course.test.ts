import { describe, expect, it } from 'vitest';
import type { CaseContext, LearnerAction, ResolvedCase } from '../../src/engine/index.ts';
import { CASE_PATH, editedCase, loadShippedCatalog } from '../support/load.ts';
import { firstCase, runPlan, startActor } from '../support/play.ts';

/**
 * Course events on the first case (untreated E. coli septic shock), each added to a copy of its JSON: what an
 * author writes in `course.events`, and what the learner then meets at the bedside.
 */
const catalog = loadShippedCatalog();

type EventJson = Record<string, unknown> & { id: string };

/** The first case with these course events added (and a "deteriorating" phase to move to). */
function withEvents(...events: EventJson[]): ResolvedCase {
  return editedCase(
    CASE_PATH,
    (data) => {
      const course = data.course as { phases: unknown[]; events: unknown[] };
      course.phases.push({ id: 'deteriorating', label: 'Deteriorating' });
      course.events.push(...events);
    },
    catalog,
  );
}

const say = (text: string) => ({
  type: 'message',
  from: 'nurse',
  text: { value: text, provenance: 'synthetic' },
});
const firedAt = (ctx: CaseContext, id: string) => ctx.events[id]?.firedAt ?? [];
const treat = (id: string, dose?: number): LearnerAction =>
  dose === undefined ? { do: 'treat', id } : { do: 'treat', id, dose };

/** The MAP as the monitor shows it, minute by minute (read before any action at that minute). */
function mapByMinute(
  resolved: ResolvedCase,
  untilMin: number,
  plan: [number, LearnerAction][] = [],
): number[] {
  const actor = startActor(1, resolved);
  const maps = [Math.round(actor.getSnapshot().context.play.vitals.map)];
  for (let minute = 1; minute <= untilMin; minute += 1) {
    actor.send({ type: 'ADVANCE', toMin: minute });
    maps.push(Math.round(actor.getSnapshot().context.play.vitals.map));
    for (const [at, action] of plan) if (at === minute) actor.send({ type: 'ACT', action });
  }
  actor.stop();
  return maps;
}

/** The first minute ending `forMin` consecutive minutes of a MAP below 60 (-1: never). */
function heldUntil(maps: readonly number[], forMin: number): number {
  return maps.findIndex((_, m) => m >= forMin - 1 && maps.slice(m - forMin + 1, m + 1).every((x) => x < 60));
}

describe('an event at a minute', () => {
  it('fires at that minute and says so on the timeline', () => {
    const resolved = withEvents({
      id: 'rigors',
      label: 'He has rigors',
      when: { atMin: 30 },
      effects: [say('He is shaking all over.')],
    });
    const ctx = runPlan(resolved, [], 60);
    expect(firedAt(ctx, 'rigors')).toEqual([30]);
    expect(ctx.timeline).toContainEqual(
      expect.objectContaining({ atMin: 30, kind: 'event', text: 'He has rigors.', ref: 'event:rigors' }),
    );
    expect(runPlan(resolved, [], 29).events.rigors?.firedAt).toEqual([]);
  });

  it('a physiology change alters the course from then on: a faster capillary leak drops the MAP', () => {
    const resolved = withEvents({
      id: 'leak',
      label: 'The capillary leak worsens',
      when: { atMin: 60 },
      effects: [{ type: 'physiology', set: { 'volume.leakMlPerHPerSeverity': 900 } }],
    });
    expect(runPlan(resolved, [], 60).vitals.map).toBeCloseTo(runPlan(firstCase, [], 60).vitals.map, 6);
    const worse = runPlan(resolved, [], 150);
    expect(worse.overrides).toEqual({ 'volume.leakMlPerHPerSeverity': 900 });
    expect(runPlan(firstCase, [], 150).vitals.map - worse.vitals.map).toBeGreaterThan(5);
  });

  it('a state change moves the hidden state at once: the infection burden rises or falls by what it adds', () => {
    const resolved = withEvents({
      id: 'drained',
      label: 'The abscess drains spontaneously',
      when: { atMin: 10 },
      effects: [{ type: 'state', add: { burden: -0.3 } }],
    });
    const untouched = runPlan(firstCase, [], 10).patient.burden;
    expect(runPlan(resolved, [], 10).patient.burden).toBeCloseTo(untouched - 0.3, 6);
    const surge = withEvents({
      id: 'surge',
      label: 'A surge of bacteraemia',
      when: { atMin: 10 },
      effects: [{ type: 'state', add: { burden: 0.2 } }],
    });
    expect(runPlan(surge, [], 10).patient.burden).toBeCloseTo(Math.min(1, untouched + 0.2), 6);
    expect(runPlan(surge, [], 10).patient.burden).toBeLessThanOrEqual(1);
  });

  it('an exam change is what examining finds afterwards, not before', () => {
    const found = 'A new fluctuant swelling over the left buttock.';
    const resolved = withEvents({
      id: 'new-collection',
      label: 'A new collection points',
      when: { atMin: 20 },
      effects: [{ type: 'exam', region: 'gluteal', finding: { value: found, provenance: 'synthetic' } }],
    });
    const ctx = runPlan(
      resolved,
      [
        [0, { do: 'examine', id: 'gluteal' }],
        [30, { do: 'examine', id: 'gluteal' }],
      ],
      40,
    );
    const findings = ctx.findings.map((f) => [f.atMin, f.finding.value]);
    expect(findings[0]?.[1]).not.toBe(found);
    expect(findings[1]).toEqual([30, found]);
  });

  it('a message is said at the bedside: "Nurse: …" on the timeline', () => {
    const resolved = withEvents({
      id: 'call',
      label: 'The nurse calls',
      when: { atMin: 15 },
      effects: [say('his pressure is dropping.')],
    });
    const ctx = runPlan(resolved, [], 20);
    expect(ctx.timeline).toContainEqual(
      expect.objectContaining({ atMin: 15, kind: 'message', text: 'Nurse: his pressure is dropping.' }),
    );
  });

  it('a phase change moves the statechart into that phase', () => {
    const resolved = withEvents({
      id: 'worse',
      label: 'He is getting worse',
      when: { atMin: 30 },
      effects: [{ type: 'phase', phase: 'deteriorating' }],
    });
    const actor = startActor(1, resolved);
    actor.send({ type: 'ADVANCE', toMin: 29 });
    expect(actor.getSnapshot().value).toEqual({ running: 'septic-shock' });
    actor.send({ type: 'ADVANCE', toMin: 40 });
    expect(actor.getSnapshot().value).toEqual({ running: 'deteriorating' });
    const ctx = actor.getSnapshot().context.play;
    expect(ctx.phase).toBe('deteriorating');
    expect(ctx.timeline).toContainEqual(
      expect.objectContaining({ atMin: 30, kind: 'event', text: 'Phase: Deteriorating.' }),
    );
  });

  it('an end event is death at that minute: the machine ends in death', () => {
    const resolved = withEvents({
      id: 'massive-pe',
      label: 'Massive pulmonary embolism',
      when: { atMin: 45 },
      effects: [{ type: 'end', outcome: 'death' }],
    });
    const actor = startActor(1, resolved);
    actor.send({ type: 'ADVANCE', toMin: 120 });
    expect(actor.getSnapshot().value).toEqual({ ended: 'death' });
    const ctx = actor.getSnapshot().context.play;
    expect(ctx.deathAtMin).toBe(45);
    expect(ctx.ended).toEqual({ reason: 'death', atMin: 45 });
    expect(ctx.timeline.at(-1)).toMatchObject({
      atMin: 45,
      kind: 'alert',
      text: 'The patient dies: Massive pulmonary embolism.',
    });
  });
});

describe('an event on a state held for a time', () => {
  const maps = mapByMinute(firstCase, 240);
  const hypotensive = withEvents(
    {
      id: 'hypotensive-10',
      label: 'MAP below 60 for 10 minutes',
      when: { state: { below: { map: 60 } }, forMin: 10 },
      effects: [say('his MAP has been under 60 for ten minutes.')],
    },
    {
      id: 'hypotensive-1',
      label: 'MAP below 60',
      when: { state: { below: { map: 60 } } },
      effects: [say('his MAP is under 60.')],
    },
  );

  it('MAP below 60 for 10 minutes fires on the tenth consecutive minute, not on the first', () => {
    const first = heldUntil(maps, 1);
    expect(first).toBeGreaterThan(0); // untreated, the MAP does fall below 60
    const tenth = heldUntil(maps, 10);
    expect(tenth).toBe(first + 9);
    const ctx = runPlan(hypotensive, [], 240);
    expect(firedAt(ctx, 'hypotensive-1')).toEqual([first]);
    expect(firedAt(ctx, 'hypotensive-10')).toEqual([tenth]);
  });

  it('a dip cut short by a fluid bolus does not count: the ten minutes start again when the MAP falls anew', () => {
    const plan: [number, LearnerAction][] = [[25, treat('lactated-ringers', 250)]];
    const bolused = mapByMinute(firstCase, 240, plan);
    const first = heldUntil(bolused, 1);
    const tenth = heldUntil(bolused, 10);
    expect(first).toBeLessThan(25); // the MAP was below 60 before the bolus …
    expect(tenth).toBeGreaterThan(first + 30); // … and only fell again well after it
    const ctx = runPlan(hypotensive, plan, 240);
    expect(firedAt(ctx, 'hypotensive-1')).toEqual([first]);
    expect(firedAt(ctx, 'hypotensive-10')).toEqual([tenth]);
  });

  it('a repeating event fires again once its state has held anew; a one-off fires once', () => {
    const event = {
      label: 'MAP below 60 for 10 minutes',
      when: { state: { below: { map: 60 } }, forMin: 10 },
      effects: [say('his MAP is still under 60.')],
    };
    const resolved = withEvents({ id: 'again', repeat: true, ...event }, { id: 'once', ...event });
    const ctx = runPlan(resolved, [], 240);
    const again = firedAt(ctx, 'again');
    expect(firedAt(ctx, 'once')).toEqual([heldUntil(maps, 10)]);
    expect(again[0]).toBe(heldUntil(maps, 10));
    expect(again.length).toBeGreaterThan(2);
    for (let i = 1; i < again.length; i += 1)
      expect((again[i] ?? 0) - (again[i - 1] ?? 0)).toBeGreaterThanOrEqual(10);
  });
});

describe('an event after an action', () => {
  const resolved = withEvents({
    id: 'rash',
    label: 'A rash after the antibiotic',
    when: { after: 'treat:ceftriaxone', delayMin: 30, unless: ['treat:hydrocortisone'] },
    effects: [say('he has come out in a rash.')],
  });

  it('fires delayMin after the action, and never without it', () => {
    expect(firedAt(runPlan(resolved, [[20, treat('ceftriaxone')]], 120), 'rash')).toEqual([50]);
    expect(firedAt(runPlan(resolved, [[70, treat('ceftriaxone')]], 120), 'rash')).toEqual([100]);
    expect(firedAt(runPlan(resolved, [], 120), 'rash')).toEqual([]);
  });

  // Events are also looked for right after an action, so an event "after" it with no delay happens in its minute.
  it('with no delay, fires at the minute of the action', () => {
    const instant = withEvents({
      id: 'flush',
      label: 'Flushing as the antibiotic goes in',
      when: { after: 'treat:ceftriaxone' },
      effects: [say('he has gone red in the face.')],
    });
    expect(firedAt(runPlan(instant, [[40, treat('ceftriaxone')]], 60), 'flush')).toEqual([40]);
  });

  it('"unless" an action done before it would fire prevents it; done after, it does not', () => {
    const prevented = runPlan(
      resolved,
      [
        [20, treat('ceftriaxone')],
        [40, treat('hydrocortisone')],
      ],
      120,
    );
    expect(firedAt(prevented, 'rash')).toEqual([]);
    expect(prevented.events.rash?.spent).toBe(true);
    const tooLate = runPlan(
      resolved,
      [
        [20, treat('ceftriaxone')],
        [60, treat('hydrocortisone')],
      ],
      120,
    );
    expect(firedAt(tooLate, 'rash')).toEqual([50]);
  });
});

describe('an event after an order', () => {
  const resolved = withEvents({
    id: 'porter',
    label: 'The porter comes for the sample',
    when: { after: 'order:lactate', delayMin: 20 },
    effects: [say('the porter is here for the lactate.')],
  });

  it('fires the delay after the order', () => {
    const ctx = runPlan(resolved, [[10, { do: 'order', id: 'lactate' }]], 60);
    expect(firedAt(ctx, 'porter')).toEqual([30]);
  });

  it('never fires when the order was cancelled before its sample: a cancelled order was never done', () => {
    const cancelled = withEvents({
      id: 'porter',
      label: 'The porter comes for the CT',
      when: { after: 'order:ct-abdomen-pelvis', delayMin: 20 },
      effects: [say('the porter is here to take him to CT.')],
    });
    const ctx = runPlan(
      cancelled,
      [
        [10, { do: 'order', id: 'ct-abdomen-pelvis' }],
        [12, { do: 'cancel', id: 'ct-abdomen-pelvis' }],
      ],
      60,
    );
    expect(ctx.orders[0]?.cancelledAt).toBe(12);
    expect(firedAt(ctx, 'porter')).toEqual([]);
    const kept = runPlan(cancelled, [[10, { do: 'order', id: 'ct-abdomen-pelvis' }]], 60);
    expect(firedAt(kept, 'porter')).toEqual([30]);
  });
});

describe('an event limited to phases', () => {
  const worse = {
    id: 'worse',
    label: 'He is getting worse',
    when: { after: 'order:lactate' },
    effects: [{ type: 'phase', phase: 'deteriorating' }],
  };
  const resolved = withEvents(worse, {
    id: 'confusion',
    label: 'He becomes confused',
    when: { atMin: 10, inPhase: ['deteriorating'] },
    effects: [say('he does not know where he is.')],
  });

  it('does not fire outside its phases, however long past its minute', () => {
    const ctx = runPlan(resolved, [], 120);
    expect(ctx.phase).toBe('septic-shock');
    expect(firedAt(ctx, 'confusion')).toEqual([]);
  });

  it('fires once the course is in one of them', () => {
    const ctx = runPlan(resolved, [[40, { do: 'order', id: 'lactate' }]], 120);
    const moved = firedAt(ctx, 'worse')[0] ?? -1;
    expect(moved).toBeGreaterThanOrEqual(40);
    const confused = firedAt(ctx, 'confusion');
    expect(confused).toHaveLength(1);
    expect(confused[0]).toBeGreaterThanOrEqual(moved);
    expect(confused[0]).toBeLessThanOrEqual(moved + 1);
  });

  it('a state held outside its phases does not count: the ten minutes start when the phase begins', () => {
    const held = withEvents(
      { ...worse, when: { atMin: 100 } },
      {
        id: 'hypotensive',
        label: 'MAP below 60 for 10 minutes while deteriorating',
        when: { state: { below: { map: 60 } }, forMin: 10, inPhase: ['deteriorating'] },
        effects: [say('his MAP has been under 60 for ten minutes.')],
      },
    );
    const ctx = runPlan(held, [], 240);
    expect(
      mapByMinute(firstCase, 100)
        .slice(30)
        .every((map) => map < 60),
    ).toBe(true); // below 60 long before
    expect(firedAt(ctx, 'worse')).toEqual([100]);
    expect(firedAt(ctx, 'hypotensive')).toEqual([110]);
  });
});

describe('an event with a chance', () => {
  const resolved = withEvents({
    id: 'bleed',
    label: 'A gastrointestinal bleed',
    when: { atMin: 20 },
    chance: 0.3,
    effects: [say('there is blood in the vomit.')],
  });
  const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
  const fires = (seed: number) => firedAt(runPlan(resolved, [], 25, seed), 'bleed').length > 0;

  it('happens in about its share of plays (30 in 100 over 200 seeds)', () => {
    const share = SEEDS.filter(fires).length / SEEDS.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('happens, or not, identically for the same seed', () => {
    const once = SEEDS.map(fires);
    expect(SEEDS.map(fires)).toEqual(once);
    const seed = SEEDS.find(fires) ?? 0;
    expect(JSON.stringify(runPlan(resolved, [], 60, seed))).toBe(
      JSON.stringify(runPlan(resolved, [], 60, seed)),
    );
  });
});

describe('advancing the clock past an event', () => {
  const resolved = withEvents({
    id: 'call',
    label: 'The nurse calls',
    when: { atMin: 30 },
    effects: [say('can you come and see him?')],
  });

  it('an interruptible advance stops at the event, for the learner to respond', () => {
    const actor = startActor(1, resolved);
    actor.send({ type: 'ADVANCE', toMin: 120, interruptible: true });
    expect(actor.getSnapshot().context.play.nowMin).toBe(30);
    expect(actor.getSnapshot().value).toEqual({ running: 'septic-shock' });
    expect(firedAt(actor.getSnapshot().context.play, 'call')).toEqual([30]);
  });

  it('an ordinary advance runs through the event to its target', () => {
    const actor = startActor(1, resolved);
    actor.send({ type: 'ADVANCE', toMin: 120 });
    expect(actor.getSnapshot().context.play.nowMin).toBe(120);
    expect(firedAt(actor.getSnapshot().context.play, 'call')).toEqual([30]);
  });
});
