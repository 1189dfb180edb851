import type { TextFile } from '../engine/index.ts';

/**
 * The case file an author opened in the browser (file picker or drag-and-drop), kept in localStorage so a reload
 * (or a saved play of it) keeps working. One at a time: opening another replaces it.
 */
const KEY = 'bedside:local-case';

export function readLocalCase(storage: Storage): TextFile | null {
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'name' in parsed &&
      'text' in parsed &&
      typeof parsed.name === 'string' &&
      typeof parsed.text === 'string'
    )
      return { name: parsed.name, text: parsed.text };
    return null;
  } catch {
    return null;
  }
}

export function writeLocalCase(storage: Storage, file: TextFile): void {
  try {
    storage.setItem(KEY, JSON.stringify(file));
  } catch {
    // Storage full or refused: the case still plays in this tab.
  }
}

export function clearLocalCase(storage: Storage): void {
  storage.removeItem(KEY);
}
