import type { CaseContext, LearnerAction } from '../engine/index.ts';

/**
 * A saved play is its action log (the source of truth), not a dump of engine state: replaying the log through
 * the engine restores the play exactly, and a change to the engine or the case is detected, not silently mixed.
 */
export const SAVE_VERSION = 1;
const KEY = 'bedside:play';

export interface SavedPlay {
  version: typeof SAVE_VERSION;
  caseId: string;
  /** Fingerprint of the case file the log was played against. */
  caseHash: string;
  seed: number;
  log: { atMin: number; action: LearnerAction }[];
  nowMin: number;
  /** Minute the learner pressed "end" without a disposition, if they did. */
  endedAtMin: number | null;
  settings: { clock: 'step' | 'real'; secondsPerMinute: number; units: 'conventional' | 'si' };
}

export type LoadedSave =
  { kind: 'none' } | { kind: 'ok'; save: SavedPlay } | { kind: 'unusable'; why: string };

/** FNV-1a over the case text: enough to notice that a case changed under a save. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function toSave(ctx: CaseContext, caseHash: string, settings: SavedPlay['settings']): SavedPlay {
  return {
    version: SAVE_VERSION,
    caseId: ctx.caseId,
    caseHash,
    seed: ctx.seed,
    // The learner's own log: the receiving team's standing orders come back from the case on replay.
    log: ctx.log.filter((e) => e.by === undefined).map((e) => ({ atMin: e.atMin, action: e.action })),
    nowMin: ctx.ended?.reason === 'learner' ? ctx.ended.atMin : ctx.nowMin,
    endedAtMin: ctx.ended?.reason === 'learner' ? ctx.ended.atMin : null,
    settings,
  };
}

export function writeSave(storage: Storage, save: SavedPlay): void {
  try {
    storage.setItem(KEY, JSON.stringify(save));
  } catch {
    // Private browsing or a full quota: the play goes on, it just cannot resume after a reload.
  }
}

export function clearSave(storage: Storage): void {
  storage.removeItem(KEY);
}

export function readSave(storage: Storage, cases: ReadonlyMap<string, string>): LoadedSave {
  const text = storage.getItem(KEY);
  if (text === null) return { kind: 'none' };
  let save: Partial<SavedPlay>;
  try {
    save = JSON.parse(text) as Partial<SavedPlay>;
  } catch {
    return { kind: 'unusable', why: 'The saved play is damaged (not valid JSON).' };
  }
  if (save.version !== SAVE_VERSION) {
    return {
      kind: 'unusable',
      why: `The saved play is from another version of Bedside (save format ${String(save.version)}).`,
    };
  }
  if (
    typeof save.caseId !== 'string' ||
    !Array.isArray(save.log) ||
    typeof save.nowMin !== 'number' ||
    typeof save.seed !== 'number'
  ) {
    return { kind: 'unusable', why: 'The saved play is incomplete.' };
  }
  const hash = cases.get(save.caseId);
  if (hash === undefined)
    return { kind: 'unusable', why: `The saved play's case "${save.caseId}" is no longer available.` };
  if (hash !== save.caseHash)
    return { kind: 'unusable', why: 'The case has been edited since this play was saved.' };
  return { kind: 'ok', save: save as SavedPlay };
}
