import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetsFor, type LearnerAction } from '../../src/engine/index.ts';
import { fromSuspendData, encode, suspendDataFor, SUSPEND_LIMIT } from '../../src/app/lms/suspend.ts';
import type { SavedPlay } from '../../src/app/save.ts';
import { VERBS as SCRIPT_VERBS } from '../../src/engine/case/schema/script.ts';
import { savedPlay } from '../support/saves.ts';
import { Session } from '../../src/app/session.ts';
import { loadFirstCase } from '../support/load.ts';

const resolved = loadFirstCase();
const VERBS = SCRIPT_VERBS.filter((v) => v !== 'end');

const saveOf = (log: SavedPlay['log'], extra: Partial<SavedPlay> = {}): SavedPlay =>
  savedPlay(log, { caseId: resolved.data.id, seed: 4242, ...extra });

/** Any log of the case's own actions: minutes in order, doses with decimals, up to `max` entries. */
const anyLog = (max: number) =>
  fc
    .array(
      fc.record({
        gap: fc.nat({ max: 30 }),
        verb: fc.constantFrom(...VERBS),
        pick: fc.nat(),
        dose: fc.option(fc.double({ min: 0.01, max: 5000, noNaN: true }), { nil: undefined }),
      }),
      { maxLength: max },
    )
    .map((raw) => {
      let at = 0;
      return raw.flatMap(({ gap, verb, pick, dose }) => {
        const ids = targetsFor(resolved, verb);
        const id = ids[pick % Math.max(1, ids.length)];
        if (id === undefined) return [];
        at += gap;
        const action: LearnerAction =
          verb === 'treat' && dose !== undefined
            ? { do: 'treat', id, dose: Math.round(dose * 100) / 100 }
            : { do: verb, id };
        return [{ atMin: at, action }];
      });
    });

describe('a play in SCORM 1.2 suspend data', () => {
  it('comes back exactly as it went in, settings and end included', () => {
    fc.assert(
      fc.property(anyLog(120), fc.boolean(), fc.constantFrom('step', 'real'), (log, ended, clock) => {
        const last = log.at(-1)?.atMin ?? 0;
        const save = saveOf(log, {
          nowMin: last + 7,
          endedAtMin: ended ? last + 7 : null,
          settings: { clock, secondsPerMinute: 5, units: 'si' },
        });
        const kept = suspendDataFor(save);
        fc.pre(kept.complete);
        expect(fromSuspendData(kept.data)).toEqual({ ok: true, save });
      }),
      { numRuns: 150 },
    );
  });

  it('never passes 4,096 characters, however long the play; a long one keeps its beginning, to a minute', () => {
    fc.assert(
      fc.property(anyLog(2000), (log) => {
        const save = saveOf(log);
        const kept = suspendDataFor(save);
        expect(kept.data.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
        const back = fromSuspendData(kept.data);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        // Whole, or a true beginning of the play that resumes at its last entry's minute.
        expect(back.save.log).toEqual(save.log.slice(0, back.save.log.length));
        expect(back.save.log.length === save.log.length).toBe(kept.complete);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a long real play whole: 12 hours with a titration every 3 minutes and an order every 12 (302 entries)', () => {
    const log: SavedPlay['log'] = [];
    const orders = targetsFor(resolved, 'order');
    for (let at = 0; at <= 720; at += 3) {
      log.push({ atMin: at, action: { do: 'treat', id: 'norepinephrine', dose: 0.05 + (at % 60) / 1000 } });
      if (at % 12 === 0)
        log.push({ atMin: at, action: { do: 'order', id: orders[(at / 12) % orders.length] ?? 'lactate' } });
    }
    const kept = suspendDataFor(saveOf(log));
    expect(log.length).toBe(302);
    expect(kept.complete).toBe(true);
    expect(kept.data.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
  });

  it('a play read back from suspend data resumes to the same patient', () => {
    const first = new Session(resolved, 7);
    first.send({ type: 'START' });
    first.act({ do: 'order', id: 'lactate' });
    first.send({ type: 'ADVANCE', toMin: 20 });
    first.act({ do: 'treat', id: 'lactated-ringers', dose: 1500 });
    first.send({ type: 'ADVANCE', toMin: 95 });
    const log = first.context.log
      .filter((e) => e.by === undefined)
      .map((e) => ({ atMin: e.atMin, action: e.action }));
    const save = saveOf(log, { seed: 7, nowMin: 95 });
    const back = fromSuspendData(encode(save));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const resumed = Session.resume(resolved, back.save);
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(JSON.stringify(resumed.value.context)).toBe(JSON.stringify(first.context));
  });

  it('refuses what is not a Bedside play, with a reason, and never half-reads it', () => {
    const good = encode(saveOf([{ atMin: 3, action: { do: 'order', id: 'lactate' } }]));
    for (const text of [
      '',
      'not base64 at all!',
      btoa('hello'),
      good.slice(0, good.length - 8),
      `${good}AAAA`,
    ])
      expect(fromSuspendData(text)).toMatchObject({
        ok: false,
        why: expect.stringMatching(/resume data/) as unknown,
      });
  });
});
