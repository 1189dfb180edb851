import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { connectScorm12, passMarkOf, playToResume, DEFAULT_PASS_MARK } from '../../src/app/lms/lms.ts';
import { findScorm12Api, interactionId, timespan, type WindowLike } from '../../src/app/lms/scorm12.ts';
import { fromSuspendData, SUSPEND_LIMIT } from '../../src/app/lms/suspend.ts';
import type { SavedPlay } from '../../src/app/save.ts';
import { savedPlay } from '../support/saves.ts';

/** A window chain: `depth` frames under a top window, the API (if any) on the frame `apiAt` levels up. */
function frames(
  depth: number,
  api: unknown,
  apiAt: number | null,
  opener: WindowLike | null = null,
): WindowLike {
  const top: { parent: WindowLike | null; API?: unknown; opener: WindowLike | null } = {
    parent: null,
    opener,
  };
  top.parent = top;
  let win: WindowLike = top;
  const chain: WindowLike[] = [top];
  for (let i = 0; i < depth; i++) {
    win = { parent: win, opener: null };
    chain.unshift(win);
  }
  if (apiAt !== null) (chain[apiAt] as { API?: unknown }).API = api;
  return chain[0] ?? top;
}

const lms = () => new Scorm12API({ logLevel: 5 });

const save = savedPlay;

describe('finding the SCORM 1.2 API', () => {
  it('looks up the chain of parents, then the opener and its parents', () => {
    const api = lms();
    expect(findScorm12Api(frames(3, api, 2))).toBe(api);
    expect(findScorm12Api(frames(0, api, 0))).toBe(api);
    expect(findScorm12Api(frames(2, api, null, frames(1, api, 1)))).toBe(api);
    expect(findScorm12Api(frames(4, api, null))).toBeNull();
  });

  it('ignores an API without the SCORM 1.2 functions, a cross-origin parent, and a chain that never ends', () => {
    expect(findScorm12Api(frames(1, { LMSInitialize: () => 'true' }, 1))).toBeNull();
    const hostile = {
      get parent(): WindowLike {
        throw new Error('SecurityError: cross-origin frame');
      },
      get API(): unknown {
        throw new Error('SecurityError: cross-origin frame');
      },
    };
    expect(findScorm12Api({ parent: hostile, opener: null })).toBeNull();
    // A parent chain that loops without ever reaching a top (a buggy or hostile page): the search gives up.
    const a: { parent: WindowLike | null } = { parent: null };
    const b: { parent: WindowLike | null } = { parent: a };
    a.parent = b;
    expect(findScorm12Api(a as WindowLike)).toBeNull();
  });
});

describe('a SCORM 1.2 session against scorm-again as the LMS', () => {
  it('marks the lesson incomplete, keeps the play, records each decision, and reports the score and pass', () => {
    const api = lms();
    let now = 1_000_000;
    const session = connectScorm12(frames(1, api, 1), () => now);
    expect(session).not.toBeNull();
    if (session === null) return;
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(session.resumed).toEqual({ kind: 'none' });

    const play = save([
      { atMin: 2, action: { do: 'order', id: 'lactate' } },
      { atMin: 9, action: { do: 'treat', id: 'lactated-ringers', dose: 1500 } },
    ]);
    session.record([
      { action: 'order:lactate', atMin: 2 },
      { action: 'treat:lactated-ringers', dose: 1500, atMin: 9 },
    ]);
    expect(session.keep(play)).toEqual({ complete: true });
    expect(fromSuspendData(api.LMSGetValue('cmi.suspend_data'))).toEqual({ ok: true, save: play });
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe('T+ 0:09');
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('2');
    // Interactions are write-only to content in SCORM 1.2: read what the LMS stored from its own record.
    const cmi = JSON.parse(JSON.stringify(api.cmi)) as {
      interactions: Record<string, Record<string, unknown>>;
    };
    expect(cmi.interactions['1']).toMatchObject({
      id: '2_treat_lactated-ringers',
      type: 'performance',
      student_response: 'treat:lactated-ringers 1500 at T+0:09',
      result: 'neutral',
    });

    session.complete(81.25, 75);
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('81.25');
    expect(api.LMSGetValue('cmi.core.score.min')).toBe('0');
    expect(api.LMSGetValue('cmi.core.score.max')).toBe('100');
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    // A weaker retry does not undo the pass or lower the score.
    session.complete(40, 75);
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('81.25');

    now += 3_723_450;
    session.leave();
    expect(
      (JSON.parse(JSON.stringify(api.cmi)) as { core: { session_time: string } }).core.session_time,
    ).toBe('01:02:03.45');
    expect(session.problem).toBeNull();
    expect(api.isTerminated()).toBe(true);
  });

  it('fails a play under the pass mark, and resumes a later launch from what it kept', () => {
    const first = lms();
    const session = connectScorm12(frames(0, first, 0), () => 0);
    if (session === null) throw new Error('no session');
    const play = save([{ atMin: 5, action: { do: 'examine', id: 'abdomen' } }], { nowMin: 30 });
    session.keep(play);
    session.complete(50, 75);
    expect(first.LMSGetValue('cmi.core.lesson_status')).toBe('failed');
    session.leave();

    // The LMS launches the package again with what it stored.
    const again = lms();
    again.loadFromJSON({
      core: { lesson_status: 'failed', entry: 'resume' },
      suspend_data: first.cmi.suspend_data,
    });
    const second = connectScorm12(frames(0, again, 0), () => 0);
    expect(second?.resumed).toEqual({ kind: 'save', save: play });
  });

  it('takes the LMS’s mastery score over the build’s and the case’s pass mark', () => {
    const api = lms();
    api.loadFromJSON({ student_data: { mastery_score: '90' } });
    const session = connectScorm12(frames(0, api, 0), () => 0);
    expect(session?.masteryScore).toBe(90);
    expect(passMarkOf(90, 60, 50)).toBe(90);
    expect(passMarkOf(null, 60, 50)).toBe(60);
    expect(passMarkOf(null, null, 50)).toBe(50);
    expect(passMarkOf(null, null, undefined)).toBe(DEFAULT_PASS_MARK);
  });

  it('an LMS that refuses or throws is reported in words, and the game goes on', () => {
    const api = lms();
    const session = connectScorm12(frames(0, api, 0), () => 0);
    if (session === null) throw new Error('no session');
    api.LMSSetValue = () => {
      throw new Error('network down');
    };
    expect(() => session.keep(save([]))).not.toThrow();
    expect(session.problem).toMatch(
      /^The LMS refused LMSSetValue cmi\.\S+\. Your play is still kept in this browser\.$/,
    );
    // An LMS that will not initialise: no session, and the game plays without one.
    const refusing = lms();
    refusing.LMSInitialize = () => 'false';
    expect(connectScorm12(frames(0, refusing, 0), () => 0)).toBeNull();
  });

  it('keeps an over-long play within 4,096 characters and says where it will resume', () => {
    const api = lms();
    const session = connectScorm12(frames(0, api, 0), () => 0);
    if (session === null) throw new Error('no session');
    const log: SavedPlay['log'] = Array.from({ length: 2000 }, (_, i) => ({
      atMin: i,
      action: { do: 'treat', id: 'norepinephrine', dose: Math.round(1 + i * 1.37) / 100 },
    }));
    const kept = session.keep(save(log));
    expect(kept.complete).toBe(false);
    const stored = api.LMSGetValue('cmi.suspend_data');
    expect(stored.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = fromSuspendData(stored);
    expect(back.ok && back.save.nowMin).toBe(kept.complete ? -1 : kept.atMin);
  });
});

describe('which play resumes under an LMS', () => {
  const lmsPlay = save([{ atMin: 1, action: { do: 'order', id: 'lactate' } }], { nowMin: 10 });
  it('the LMS’s, or this browser’s copy of the same play carried further; never another play', () => {
    const further: SavedPlay = {
      ...lmsPlay,
      log: [...lmsPlay.log, { atMin: 12, action: { do: 'order', id: 'cbc' } }],
      nowMin: 20,
    };
    expect(playToResume(lmsPlay, null)).toBe(lmsPlay);
    expect(playToResume(lmsPlay, further)).toBe(further);
    expect(playToResume(lmsPlay, { ...further, seed: 2 })).toBe(lmsPlay);
    expect(
      playToResume(lmsPlay, { ...further, log: [{ atMin: 1, action: { do: 'order', id: 'cbc' } }] }),
    ).toBe(lmsPlay);
    expect(playToResume(null, further)).toBeNull();
  });
});

describe('SCORM 1.2 formats', () => {
  it('writes a CMITimespan and an interaction id the standard accepts', () => {
    expect(timespan(0)).toBe('00:00:00.00');
    // Rounded to the hundredth, carried into the minute.
    expect(timespan(59_999)).toBe('00:01:00.00');
    expect(timespan(3_723_450)).toBe('01:02:03.45');
    expect(timespan(400 * 3_600_000)).toBe('400:00:00.00');
    expect(interactionId(0, 'order:blood-cultures')).toBe('1_order_blood-cultures');
    expect(interactionId(9, 'x'.repeat(300))).toHaveLength(255);
  });
});
