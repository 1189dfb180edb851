import { z } from 'zod';
import { formatProblem, type Loaded, type Problem, type TextFile } from '../engine/index.ts';

/**
 * The case file an author opened in the browser (file picker or drag-and-drop), kept in localStorage so a reload
 * (or a saved play of it) keeps working. One at a time: opening another replaces it.
 */
const KEY = 'bedside:local-case';

/**
 * Largest case file kept across reloads, in characters. The engine plays files up to its budget (2 MB), but the
 * browser's storage is about 5 MB for everything, and the saved play needs its share of it.
 */
export const LOCAL_CASE_MAX_CHARS = 1_000_000;

const StoredFile = z.object({
  name: z.string().min(1).max(1000),
  text: z.string().max(LOCAL_CASE_MAX_CHARS),
});

/**
 * The author's file kept from an earlier visit, if any. A damaged entry is dropped rather than reported: it is
 * only a copy of a file the author still has, and it must never stop the cases from loading.
 */
export function readLocalCase(storage: Storage): TextFile | null {
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return null;
    const parsed = StoredFile.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON, or storage refused: dropped below like any damaged entry.
  }
  clearLocalCase(storage);
  return null;
}

/**
 * Keep the author's file for later visits. Returns false when it cannot be kept (too large, or storage full or
 * refused): the case still plays in this tab, and an older file is not left to come back in its place.
 */
export function writeLocalCase(storage: Storage, file: TextFile): boolean {
  if (file.text.length <= LOCAL_CASE_MAX_CHARS) {
    try {
      storage.setItem(KEY, JSON.stringify(file));
      return true;
    } catch {
      // The quota, or storage refused: not kept, like a file too large.
    }
  }
  clearLocalCase(storage);
  return false;
}

export function clearLocalCase(storage: Storage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Storage refused: nothing is kept there to clear.
  }
}

/** The author's file as loaded beside the bundled cases. */
export interface LocalCase {
  id: string;
  name: string;
  /** What validation warned about. */
  warnings: Problem[];
  /** Title of the bundled case with the same id, which the file replaces. */
  replaces: string | null;
  /** False when the file is too large (or storage too full) to keep after a reload. */
  kept: boolean;
}

/** What an author should know about their open file beyond validation: what it replaces, whether it is kept. */
export function localNotes(local: LocalCase): string[] {
  const notes: string[] = [];
  if (local.replaces !== null)
    notes.push(
      `This file has the same id as the bundled case "${local.replaces}" (${local.id}); it replaces it until you remove your file.`,
    );
  if (!local.kept) notes.push('This case is too large to keep after a reload; it plays in this tab only.');
  return notes;
}

/** The notes as warnings at the file's first line, listed on its briefing with validation's own. */
export function localWarnings(local: LocalCase): string[] {
  const notes = localNotes(local).map((message): Problem => ({
    file: local.name,
    line: 1,
    column: 1,
    path: '',
    message,
    severity: 'warning',
  }));
  return [...notes, ...local.warnings].map(formatProblem);
}

/** A loader's result, or — if it throws, which is a bug — a problem naming the file, so the other files still load. */
export function guarded<T>(file: string, load: () => Loaded<T>): Loaded<T> {
  try {
    return load();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        { file, line: 1, column: 1, path: '', message: `could not be loaded (${why})`, severity: 'error' },
      ],
    };
  }
}
