import { z } from 'zod';
import { Board, Vote } from '../ui/votes.ts';
import {
  BUDGET,
  issueSentence,
  LearnerActionSchema,
  type CaseContext,
  type LearnerAction,
} from '../engine/index.ts';

/**
 * A saved play is its action log (the source of truth), not a dump of engine state: replaying the log through
 * the engine restores the play exactly, and a change to the engine or the case is detected, not silently mixed.
 */
export const SAVE_VERSION = 1;
export const SAVE_KEY = 'bedside:play';
/**
 * Where a save that cannot be resumed is kept (the latest one only): a learner's work is never deleted behind
 * their back, and a damaged save can still be downloaded and sent with a bug report.
 */
export const SET_ASIDE_KEY = 'bedside:play:set-aside';

// Every verb a learner can use, so a save with another one is named as such ("unknown action") rather than as a
// mismatch with each branch of the action schema. A Record, so a new verb that is not listed fails to compile.
const VERBS: Record<LearnerAction['do'], true> = {
  examine: true,
  ask: true,
  order: true,
  cancel: true,
  treat: true,
  stop: true,
  consult: true,
  diagnose: true,
  dispose: true,
};

const Verb = z.string().check((ctx) => {
  if (!Object.hasOwn(VERBS, ctx.value))
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `unknown action ${quote(ctx.value)}` });
});

/** A minute of simulated time: a whole number within the engine's budget (a week). */
const Minute = z.number().min(0).max(BUDGET.horizonMin).int();

const SavedEntry = z.strictObject({
  atMin: Minute,
  action: z.looseObject({ do: Verb }).pipe(LearnerActionSchema),
});

export const SavedPlaySchema = z
  .object({
    version: z.literal(SAVE_VERSION),
    caseId: z.string().min(1).max(200),
    /** Fingerprint of the case file the log was played against. */
    caseHash: z.string().max(64),
    seed: z.number().min(0).int(),
    // The learner's own log: the receiving team's standing orders come back from the case on replay.
    log: z.array(SavedEntry).max(BUDGET.actions),
    nowMin: Minute,
    /** Minute the learner pressed "end" without a disposition, if they did. */
    endedAtMin: Minute.nullable(),
    /** The room's votes at the "what next?" board (classroom mode), for the debrief. */
    votes: z.array(Vote).max(BUDGET.actions).optional(),
    /** The board as it stood (open, its counts, a commit waiting), so a reload in mid-vote loses nothing. */
    board: Board.optional(),
    settings: z.object({
      clock: z.enum(['step', 'real']),
      // The speed menu offers 1–10 s; a minute a minute (60 s) is the slowest that still makes sense.
      secondsPerMinute: z.number().min(1).max(60),
      units: z.enum(['conventional', 'si']),
    }),
  })
  .check((ctx) => {
    const { log, nowMin, endedAtMin } = ctx.value;
    const issue = (path: PropertyKey[], message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    let previous = 0;
    for (const [i, entry] of log.entries()) {
      if (entry.atMin < previous) {
        issue(['log', i, 'atMin'], `minute ${String(entry.atMin)} comes after minute ${String(previous)}`);
        return;
      }
      if (entry.atMin > nowMin) {
        issue(
          ['log', i, 'atMin'],
          `minute ${String(entry.atMin)} is after the play's time (${String(nowMin)})`,
        );
        return;
      }
      previous = entry.atMin;
    }
    if (endedAtMin !== null && endedAtMin > nowMin)
      issue(['endedAtMin'], `minute ${String(endedAtMin)} is after the play's time (${String(nowMin)})`);
  });
export type SavedPlay = z.infer<typeof SavedPlaySchema>;

export type LoadedSave =
  { kind: 'none' } | { kind: 'ok'; save: SavedPlay } | { kind: 'unusable'; why: string };

/** A saved play rebuilt, or why it could not be (an action this case does not have, the engine stopping). */
export type Restored<T> = { ok: true; value: T } | { ok: false; why: string };

/** What a page load finds under the save key: nothing, a play to resume, or a save it set aside and why. */
export type Resumed<T> =
  | { kind: 'none' }
  | { kind: 'resumed'; save: SavedPlay; play: T }
  /** `text` is the save as it was stored; `kept` is false when storage refused to keep it aside. */
  | { kind: 'set-aside'; why: string; text: string; kept: boolean };

export { fingerprint } from '../view/case-listing.ts';

export function toSave(ctx: CaseContext, caseHash: string, settings: SavedPlay['settings']): SavedPlay {
  return {
    version: SAVE_VERSION,
    caseId: ctx.caseId,
    caseHash,
    seed: ctx.seed,
    log: ctx.log.filter((e) => e.by === undefined).map((e) => ({ atMin: e.atMin, action: e.action })),
    nowMin: ctx.ended?.reason === 'learner' ? ctx.ended.atMin : ctx.nowMin,
    endedAtMin: ctx.ended?.reason === 'learner' ? ctx.ended.atMin : null,
    settings,
  };
}

export function writeSave(storage: Storage, save: SavedPlay): void {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(save));
  } catch {
    // Private browsing or a full quota: the play goes on, it just cannot resume after a reload.
  }
}

export function clearSave(storage: Storage): void {
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Storage refused: nothing was saved there either.
  }
}

/**
 * Check a save's text against the cases this page has (id → fingerprint): its whole shape, its size, and that
 * its case is here unchanged. Never throws; every refusal is one sentence a learner can read.
 */
export function parseSave(text: string, cases: ReadonlyMap<string, string>): Restored<SavedPlay> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, why: 'The saved play is damaged: it is not valid JSON.' };
  }
  if (isRecord(raw) && typeof raw.version === 'number' && raw.version !== SAVE_VERSION)
    return {
      ok: false,
      why: `The saved play is from another version of Bedside (save format ${String(raw.version)}).`,
    };
  // Said before the shape, and without looking at every entry: a save this long is refused for its length.
  if (isRecord(raw) && Array.isArray(raw.log) && raw.log.length > BUDGET.actions)
    return {
      ok: false,
      why: `The saved play has ${String(raw.log.length)} actions; Bedside keeps at most ${String(BUDGET.actions)}.`,
    };
  const parsed = SavedPlaySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    return { ok: false, why: `The saved play is damaged: ${issueSentence(parsed.error.issues)}` };
  const save = parsed.data;
  const hash = cases.get(save.caseId);
  if (hash === undefined)
    return { ok: false, why: `The saved play's case ${quote(save.caseId)} is no longer available.` };
  if (hash !== save.caseHash)
    return { ok: false, why: 'The case has been edited since this play was saved.' };
  return { ok: true, value: save };
}

export function readSave(storage: Storage, cases: ReadonlyMap<string, string>): LoadedSave {
  const text = storage.getItem(SAVE_KEY);
  if (text === null) return { kind: 'none' };
  const parsed = parseSave(text, cases);
  return parsed.ok ? { kind: 'ok', save: parsed.value } : { kind: 'unusable', why: parsed.why };
}

/**
 * What a page load does with the saved play: resume it with `restore`, or — whatever is wrong with it, even a
 * `restore` that throws — set it aside with the reason. Never throws, so the picker always loads.
 */
export function resumeOrSetAside<T>(
  storage: Storage,
  cases: ReadonlyMap<string, string>,
  restore: (save: SavedPlay) => Restored<T>,
): Resumed<T> {
  const text = readRawSave(storage);
  if (text === null) return { kind: 'none' };
  const tried = tryResume(text, cases, restore);
  if (tried.ok) return { kind: 'resumed', save: tried.value.save, play: tried.value.play };
  return { kind: 'set-aside', why: tried.why, text, kept: setAside(storage, text) };
}

function tryResume<T>(
  text: string,
  cases: ReadonlyMap<string, string>,
  restore: (save: SavedPlay) => Restored<T>,
): Restored<{ save: SavedPlay; play: T }> {
  try {
    const parsed = parseSave(text, cases);
    if (!parsed.ok) return parsed;
    const restored = restore(parsed.value);
    return restored.ok ? { ok: true, value: { save: parsed.value, play: restored.value } } : restored;
  } catch (error) {
    return { ok: false, why: `The saved play could not be replayed (${errorText(error)}).` };
  }
}

/**
 * Move a save to the set-aside key (replacing an earlier one) and clear the save key. Returns false when storage
 * would not keep it even after the save key was freed: the caller still has the text, for a download.
 */
export function setAside(storage: Storage, text: string): boolean {
  let kept = false;
  try {
    storage.setItem(SET_ASIDE_KEY, text);
    kept = true;
  } catch {
    // Probably the quota: the save itself takes the room. Free its key and try once more below.
  }
  clearSave(storage);
  if (kept) return true;
  try {
    storage.setItem(SET_ASIDE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** The save's text as stored, if any (to set it aside when it cannot even be shown). */
export function readRawSave(storage: Storage): string | null {
  try {
    return storage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
}

/** The case a kept play is of, read without checking the rest (to fetch that case before the play is resumed). */
export function savedCaseId(storage: Storage): string | null {
  try {
    const parsed: unknown = JSON.parse(readRawSave(storage) ?? 'null');
    const id = (parsed as { caseId?: unknown } | null)?.caseId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** The save kept aside on an earlier visit, if any. */
export function readSetAside(storage: Storage): string | null {
  try {
    return storage.getItem(SET_ASIDE_KEY);
  } catch {
    return null;
  }
}

export function clearSetAside(storage: Storage): void {
  try {
    storage.removeItem(SET_ASIDE_KEY);
  } catch {
    // Storage refused: there is nothing kept there to clear.
  }
}

/** A file name for downloading a damaged save, stamped with when it was downloaded. */
export function setAsideFileName(now: Date): string {
  return `bedside-save-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
}

/**
 * The browser's storage, or — when it refuses (storage blocked, some private modes throw on access) — a stand-in
 * that lasts as long as the tab, so the game still plays.
 */
export function browserStorage(): Storage {
  try {
    const storage = window.localStorage;
    storage.getItem(SAVE_KEY);
    return storage;
  } catch {
    return memoryStorage();
  }
}

/** A Storage that keeps its items in memory. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
    clear: () => {
      items.clear();
    },
  };
}

/** A string from the save, quoted and cut short: a damaged save may hold anything. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
