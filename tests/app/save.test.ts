import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCAL_CASE_MAX_CHARS, readLocalCase, writeLocalCase } from '../../src/app/local-case.ts';
import {
  fingerprint,
  readSave,
  resumeOrSetAside,
  SAVE_KEY,
  SET_ASIDE_KEY,
  toSave,
  type Resumed,
  type SavedPlay,
} from '../../src/app/save.ts';
import { Session } from '../../src/app/session.ts';
import { BUDGET, targetsFor, type LearnerAction } from '../../src/engine/index.ts';
import { caseText } from '../support/load.ts';
import { firstCase } from '../support/play.ts';

/** localStorage in memory: optionally with a quota (in characters, keys and values) or refusing every write. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quotaChars = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quotaChars) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const CASES: ReadonlyMap<string, string> = new Map([[firstCase.data.id, fingerprint(caseText())]]);
const SETTINGS: SavedPlay['settings'] = { clock: 'step', secondsPerMinute: 2, units: 'conventional' };

/** A learner's first 20 minutes of the first case, saved as the app saves it. */
function playedSave(): SavedPlay {
  const session = new Session(firstCase, 7);
  session.send({ type: 'START' });
  session.act({ do: 'examine', id: 'general' });
  session.send({ type: 'ADVANCE', toMin: 5 });
  session.act({ do: 'order', id: 'lactate' });
  session.act({ do: 'treat', id: 'lactated-ringers', dose: 1000 });
  session.send({ type: 'ADVANCE', toMin: 20 });
  const save = toSave(session.context, fingerprint(caseText()), SETTINGS);
  session.stop();
  return save;
}
const VALID = playedSave();

function storing(text: string, storage = new MemoryStorage()): MemoryStorage {
  storage.setItem(SAVE_KEY, text);
  return storage;
}

function resume(storage: Storage): Resumed<Session> {
  return resumeOrSetAside(storage, CASES, (save) => Session.resume(firstCase, save));
}

/** A copy of the valid save with an edit applied to its JSON. */
function edited(edit: (save: Record<string, unknown> & { log: Record<string, unknown>[] }) => void): string {
  const save = structuredClone(VALID) as unknown as Record<string, unknown> & {
    log: Record<string, unknown>[];
  };
  edit(save);
  return JSON.stringify(save);
}

/** Why a save is refused; and that its text moved to the set-aside key, the save key cleared. */
function whySetAside(text: string): string {
  const storage = storing(text);
  const result = resume(storage);
  if (result.kind !== 'set-aside') return `not set aside: ${result.kind}`;
  expect(result.text).toBe(text);
  expect(result.kept).toBe(true);
  expect(storage.getItem(SET_ASIDE_KEY)).toBe(text);
  expect(storage.getItem(SAVE_KEY)).toBeNull();
  return result.why;
}

describe('a saved play resumes exactly where the learner left it', () => {
  it('a save written during a play resumes at the same minute with the same log, and stays saved', () => {
    const text = JSON.stringify(VALID);
    const storage = storing(text);
    const result = resume(storage);
    expect(result.kind).toBe('resumed');
    if (result.kind !== 'resumed') return;
    expect(result.play.context.nowMin).toBe(20);
    expect(toSave(result.play.context, VALID.caseHash, SETTINGS)).toEqual(VALID);
    expect(storage.getItem(SAVE_KEY)).toBe(text);
    expect(storage.getItem(SET_ASIDE_KEY)).toBeNull();
    result.play.stop();
  });

  it('with nothing saved there is nothing to resume and nothing set aside', () => {
    const storage = new MemoryStorage();
    expect(resume(storage)).toEqual({ kind: 'none' });
    expect(storage.length).toBe(0);
  });
});

describe('no save can brick the game: a damaged save is set aside with one sentence saying why', () => {
  it('a save that is null (it used to throw in readSave on every reload)', () => {
    expect(readSave(storing('null'), CASES)).toEqual({
      kind: 'unusable',
      why: 'The saved play is damaged: expected an object, got null.',
    });
    expect(whySetAside('null')).toBe('The saved play is damaged: expected an object, got null.');
  });

  it('a save whose log holds null (it used to throw in Session.restore on every reload)', () => {
    expect(whySetAside(edited((s) => s.log.push(null as never)))).toBe(
      'The saved play is damaged: log[3]: expected an object, got null.',
    );
  });

  it('an entry with "action": null (it used to open the play at T+0:00, the progress silently gone)', () => {
    expect(
      whySetAside(
        edited((s) => {
          s.log[1] = { atMin: 5, action: null };
        }),
      ),
    ).toBe('The saved play is damaged: log[1].action: expected an object, got null.');
  });

  it('an unknown verb is named as an unknown action (it used to read unknown undefined "x")', () => {
    const text = edited((s) => {
      s.log[1] = { atMin: 5, action: { do: 'x', id: 'lactate' } };
    });
    expect(whySetAside(text)).toBe('The saved play is damaged: log[1].action.do: unknown action "x".');
  });

  it('a save with 100,000 actions is refused for its length, with its count', () => {
    const text = edited((s) => {
      s.log = Array.from({ length: 100_000 }, () => ({ atMin: 0, action: { do: 'ask', id: 'onset' } }));
    });
    expect(whySetAside(text)).toBe(
      `The saved play has 100000 actions; Bedside keeps at most ${String(BUDGET.actions)}.`,
    );
  });

  it('a time that is not a number (NaN is saved as null), past the budget, or infinite', () => {
    expect(
      whySetAside(
        edited((s) => {
          s.nowMin = Number.NaN;
        }),
      ),
    ).toBe('The saved play is damaged: nowMin: expected a number, got null.');
    expect(
      whySetAside(
        edited((s) => {
          s.nowMin = 1e308;
        }),
      ),
    ).toMatch(/^The saved play is damaged: nowMin: expected at most 10080, got 1e\+308/);
    expect(whySetAside(JSON.stringify(VALID).replace('"nowMin":20', '"nowMin":1e999'))).toBe(
      'The saved play is damaged: nowMin: expected a finite number, got Infinity.',
    );
    expect(
      whySetAside(
        edited((s) => {
          s.nowMin = 12.5;
        }),
      ),
    ).toBe('The saved play is damaged: nowMin: expected a whole number, got number 12.5.');
  });

  it('a log out of time order, or ahead of the play', () => {
    expect(
      whySetAside(
        edited((s) => {
          s.log.push({ atMin: 3, action: { do: 'ask', id: 'onset' } });
        }),
      ),
    ).toBe('The saved play is damaged: log[3].atMin: minute 3 comes after minute 5.');
    expect(
      whySetAside(
        edited((s) => {
          s.log.push({ atMin: 30, action: { do: 'ask', id: 'onset' } });
        }),
      ),
    ).toBe("The saved play is damaged: log[3].atMin: minute 30 is after the play's time (20).");
  });

  it('settings out of their menus, a negative seed, an unknown field', () => {
    expect(
      whySetAside(
        edited((s) => {
          s.settings = { ...SETTINGS, clock: 'warp' };
        }),
      ),
    ).toBe(
      'The saved play is damaged: settings.clock: expected one of "step", "real", got the string "warp".',
    );
    expect(
      whySetAside(
        edited((s) => {
          s.settings = { ...SETTINGS, secondsPerMinute: 0 };
        }),
      ),
    ).toBe('The saved play is damaged: settings.secondsPerMinute: expected at least 1, got 0.');
    expect(
      whySetAside(
        edited((s) => {
          s.seed = -1;
        }),
      ),
    ).toBe('The saved play is damaged: seed: expected at least 0, got -1.');
    expect(
      whySetAside(
        edited((s) => {
          s.log[0] = { ...s.log[0], by: 'team' };
        }),
      ),
    ).toBe('The saved play is damaged: log[0].by: unknown field "by".');
  });

  it('not JSON, another save format, another case, an edited case', () => {
    expect(whySetAside('{"version": 1, "caseId": ')).toBe('The saved play is damaged: it is not valid JSON.');
    expect(
      whySetAside(
        edited((s) => {
          s.version = 2;
        }),
      ),
    ).toBe('The saved play is from another version of Bedside (save format 2).');
    expect(
      whySetAside(
        edited((s) => {
          s.caseId = 'no-such-case';
        }),
      ),
    ).toBe('The saved play\'s case "no-such-case" is no longer available.');
    expect(
      whySetAside(
        edited((s) => {
          s.caseHash = '00000000';
        }),
      ),
    ).toBe('The case has been edited since this play was saved.');
  });

  it('an action this case does not have is refused before the replay, not logged as "not done"', () => {
    expect(
      whySetAside(
        edited((s) => {
          s.log[1] = { atMin: 5, action: { do: 'order', id: 'unobtainium' } };
        }),
      ),
    ).toMatch(/^The saved play does not fit this case: log\[1\]\.action\.id: unknown test "unobtainium"/);
  });

  it('a restore that throws (a bug) sets the save aside rather than stopping the page', () => {
    const text = JSON.stringify(VALID);
    const storage = storing(text);
    const result = resumeOrSetAside(storage, CASES, () => {
      throw new Error('boom');
    });
    expect(result).toEqual({
      kind: 'set-aside',
      why: 'The saved play could not be replayed (boom).',
      text,
      kept: true,
    });
  });
});

describe('a damaged save is kept aside, not deleted', () => {
  it('only the latest damaged save is kept', () => {
    const storage = storing('null');
    resume(storage);
    storing('[1, 2]', storage);
    resume(storage);
    expect(storage.getItem(SET_ASIDE_KEY)).toBe('[1, 2]');
  });

  it('when storage has no room for two copies, the save key is freed first and the save still kept', () => {
    const text = edited((s) => {
      s.log = Array.from({ length: 1000 }, () => ({ atMin: 0, action: { do: 'ask', id: 'onset' } }));
      s.nowMin = -1;
    });
    const storage = storing(text, new MemoryStorage(text.length * 1.5));
    const result = resume(storage);
    expect(result).toMatchObject({ kind: 'set-aside', kept: true });
    expect(storage.getItem(SET_ASIDE_KEY)).toBe(text);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
  });

  it('when storage refuses to keep it, the text still comes back for a download', () => {
    const storage = storing('null', new MemoryStorage(30));
    expect(resume(storage)).toMatchObject({ kind: 'set-aside', text: 'null', kept: true });
    const full = storing('{"a": "a long damaged save"}', new MemoryStorage(40));
    expect(resume(full)).toMatchObject({
      kind: 'set-aside',
      text: '{"a": "a long damaged save"}',
      kept: false,
    });
  });

  it('storage that throws on every read is nothing to resume, not a crash', () => {
    const refusing = new MemoryStorage();
    refusing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(resume(refusing)).toEqual({ kind: 'none' });
  });
});

/** Every path into a JSON value (not the root itself): ["log", 1, "action", "id"] … */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...path, key], ...pathsOf(child, [...path, key])]);
}

/** Replace (or, with undefined, delete) the value at a path. */
function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
}

/**
 * What a page load does with this text under the save key: resume it (and leave it saved), or set it aside with a
 * reason (its text kept, the save key cleared). Throws only if neither holds.
 */
function outcomeOf(text: string): Resumed<Session>['kind'] {
  const storage = storing(text);
  const result = resume(storage);
  if (result.kind === 'resumed') {
    expect(storage.getItem(SAVE_KEY)).toBe(text);
    result.play.stop();
  } else if (result.kind === 'set-aside') {
    expect(result.why.length).toBeGreaterThan(10);
    expect(result.why).not.toMatch(/undefined|\[object/);
    expect(storage.getItem(SET_ASIDE_KEY)).toBe(text);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
  }
  return result.kind;
}

const RESUMED_OR_SET_ASIDE = /^(resumed|set-aside)$/;

describe('whatever is stored under the save key, the page loads', () => {
  it('any JSON value, or any text at all, resumes or is set aside with a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        (text) => {
          expect(outcomeOf(text)).toMatch(RESUMED_OR_SET_ASIDE);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a valid save with random fields replaced, deleted or made extreme resumes or is set aside', () => {
    const paths = pathsOf(VALID);
    // Plausible values as often as wild ones, so that many edited saves still resume (and replay).
    const plausible = fc.oneof(
      fc.nat({ max: 90 }),
      fc.constantFrom(...['examine', 'ask', 'order', 'treat', 'stop', 'consult', 'diagnose', 'dispose']),
      fc.constantFrom(...['general', 'onset', 'lactate', 'lactated-ringers', 'norepinephrine', 'sepsis']),
      fc.constantFrom(...['step', 'real', 'si', 'conventional', 1, 10, 0.5, null]),
    );
    const replacement = fc.oneof(
      { arbitrary: plausible, weight: 4 },
      fc.jsonValue(),
      fc.constant(undefined),
      fc.double(),
      fc.constantFrom(-1, 1e308, 10_080, 10_081, '', 'x', [], {}),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), replacement), { minLength: 1, maxLength: 3 }),
        (edits) => {
          const save = structuredClone(VALID);
          for (const [path, value] of edits) {
            try {
              setAt(save, path, value);
            } catch {
              // An earlier edit replaced a parent of this path with a scalar: nothing to edit there.
            }
          }
          expect(outcomeOf(JSON.stringify(save))).toMatch(RESUMED_OR_SET_ASIDE);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a well-formed save of any actions, ids and times resumes or is refused for an action this case lacks', () => {
    // The case's own ids for each verb, and now and then one it does not have.
    const idFor = (verb: LearnerAction['do']) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...targetsFor(firstCase, verb)), weight: 30 },
        fc.constant('no-such-id'),
      );
    const action = fc
      .constantFrom(
        ...(['examine', 'ask', 'order', 'treat', 'stop', 'consult', 'diagnose', 'dispose'] as const),
      )
      .chain((verb): fc.Arbitrary<LearnerAction> =>
        verb === 'treat'
          ? fc.record(
              {
                do: fc.constant(verb),
                id: idFor(verb),
                dose: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
              },
              { requiredKeys: ['do', 'id'] },
            )
          : fc.record({ do: fc.constant(verb), id: idFor(verb) }),
      );
    const entry = fc.record({ atMin: fc.nat({ max: 120 }), action });
    const save = fc
      .record({
        log: fc.array(entry, { maxLength: 30 }),
        extraMin: fc.nat({ max: 2000 }),
        ended: fc.boolean(),
        seed: fc.nat(),
        settings: fc.record({
          clock: fc.constantFrom('step' as const, 'real' as const),
          secondsPerMinute: fc.integer({ min: 1, max: 60 }),
          units: fc.constantFrom('conventional' as const, 'si' as const),
        }),
      })
      .map(({ log, extraMin, ended, seed, settings }): SavedPlay => {
        const sorted = [...log].sort((a, b) => a.atMin - b.atMin);
        const nowMin = (sorted.at(-1)?.atMin ?? 0) + extraMin;
        return { ...VALID, log: sorted, nowMin, endedAtMin: ended ? nowMin : null, seed, settings };
      });
    fc.assert(
      fc.property(save, (saved) => {
        expect(outcomeOf(JSON.stringify(saved))).toMatch(RESUMED_OR_SET_ASIDE);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the author's opened case file, kept across reloads", () => {
  it('a damaged entry is dropped, never thrown', () => {
    for (const raw of ['null', '{', '{"name": 1, "text": "x"}', '[]', '"text"']) {
      const storage = new MemoryStorage();
      storage.setItem('bedside:local-case', raw);
      expect(readLocalCase(storage)).toBeNull();
      expect(storage.length).toBe(0);
    }
  });

  it('a file too large to keep, or a full storage, is reported (false) and not left half-kept', () => {
    const storage = new MemoryStorage();
    expect(writeLocalCase(storage, { name: 'small.json', text: '{}' })).toBe(true);
    expect(readLocalCase(storage)).toEqual({ name: 'small.json', text: '{}' });
    expect(writeLocalCase(storage, { name: 'big.json', text: 'x'.repeat(LOCAL_CASE_MAX_CHARS + 1) })).toBe(
      false,
    );
    expect(readLocalCase(storage)).toBeNull();
    const full = new MemoryStorage(100);
    expect(writeLocalCase(full, { name: 'case.json', text: 'x'.repeat(200) })).toBe(false);
  });
});

describe('a play the learner ended, whose patient then died in the course played on', () => {
  it('stays ended by the learner at their minute: the save replays to it and shows the same death', () => {
    // Untreated, the septic shock arrests in its tenth hour and the patient dies: the learner ends at 1 h.
    const session = new Session(firstCase, 1);
    session.send({ type: 'START' });
    session.send({ type: 'ADVANCE', toMin: 60 });
    session.send({ type: 'END' });
    const ctx = session.context;
    expect(ctx.deathAtMin).not.toBeNull();
    expect(ctx.ended).toEqual({ reason: 'learner', atMin: 60 });
    const save = toSave(ctx, fingerprint(caseText()), SETTINGS);
    expect(save.endedAtMin).toBe(60);
    const resumed = resume(storing(JSON.stringify(save)));
    expect(resumed.kind).toBe('resumed');
    if (resumed.kind !== 'resumed') return;
    expect(resumed.play.context.deathAtMin).toBe(ctx.deathAtMin);
    expect(resumed.play.context.ended).toEqual(ctx.ended);
  });
});
