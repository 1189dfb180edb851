import type { CaseListing } from '../view/case-listing.ts';
import { h } from './dom.ts';

export interface PickerOptions {
  pick(id: string): void;
  /** An author opened (or dropped) a case file of their own. */
  openFile(file: File): void;
  notice: string | null;
  /** Id of the case that came from the author's file, marked in the list. */
  localId: string | null;
  /** What the author should know about their open file (it replaces a bundled case; it is not kept on reload). */
  localNotes: readonly string[];
  /** Forget the author's file: the bundled cases come back as shipped. */
  removeLocal(): void;
  /** What is wrong with the file the author just opened, one `file:line:col  path  message` each. */
  fileProblems: readonly string[];
  /**
   * A saved play that could not be resumed and is kept aside: why (null when it was set aside on an earlier
   * visit), and whether storage kept it (if not, only this page can still download it).
   */
  damagedSave: { why: string | null; kept: boolean } | null;
  downloadDamagedSave(): void;
  discardDamagedSave(): void;
}

/**
 * Real or synthetic, and a real report's year where known: never its title or journal, which usually name the
 * diagnosis (the full reference waits for the debrief).
 */
function kindWords(c: CaseListing): string {
  if (c.kind !== 'real-case') return 'synthetic teaching case';
  return c.year === null ? 'real published case' : `real published case (${String(c.year)})`;
}

/** Every case in cases/ (title, presenting complaint, difficulty, length), and a way for authors to try their own. */
export function pickerScreen(cases: readonly CaseListing[], options: PickerOptions): HTMLElement {
  const input = h('input', {
    type: 'file',
    id: 'case-file',
    accept: '.json,application/json',
    'data-field': 'case-file',
    on: {
      change: (e) => {
        const file = (e.currentTarget as HTMLInputElement).files?.[0];
        if (file !== undefined) options.openFile(file);
      },
    },
  });
  const author = h(
    'section',
    { class: 'author', 'aria-labelledby': 'author-title' },
    h('h2', { id: 'author-title' }, 'Writing a case?'),
    h(
      'p',
      {},
      'Open your case file (or drop it anywhere on this page) to check it and play it at once. ',
      'Problems are listed with their line and column; nothing is uploaded.',
    ),
    h('label', { for: 'case-file', class: 'file-label' }, 'Open a case file'),
    input,
    localFileNotice(options),
    options.fileProblems.length > 0
      ? h(
          'div',
          { class: 'notice', role: 'alert' },
          h(
            'h3',
            {},
            `${String(options.fileProblems.length)} problem${options.fileProblems.length === 1 ? '' : 's'} in the file: it was not opened`,
          ),
          h('ul', { class: 'problems' }, ...options.fileProblems.map((p) => h('li', {}, p))),
        )
      : null,
  );
  const screen = h(
    'main',
    { class: 'screen picker', id: 'main' },
    h('h1', {}, 'Bedside'),
    h('p', { class: 'lede' }, 'Emergency medicine at the bedside of real cases. Choose a patient.'),
    options.damagedSave === null ? null : damagedSaveNotice(options.damagedSave, options),
    options.notice === null ? null : h('p', { class: 'notice', role: 'status' }, options.notice),
    h(
      'ul',
      { class: 'case-list' },
      ...cases.map((c) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'case-card',
              'data-case': c.id,
              on: {
                click: () => {
                  options.pick(c.id);
                },
              },
            },
            h('span', { class: 'case-title' }, c.title),
            h('span', { class: 'case-complaint' }, c.complaint),
            h(
              'span',
              { class: 'case-meta' },
              `${c.difficulty} · about ${String(c.estimatedMinutes)} min · ${kindWords(c)}${c.id === options.localId ? ' · from your file' : ''}`,
            ),
          ),
        ),
      ),
    ),
    author,
  );
  // Drag and drop anywhere on the picker.
  screen.addEventListener('dragover', (e) => {
    e.preventDefault();
    screen.classList.add('dropping');
  });
  screen.addEventListener('dragleave', () => {
    screen.classList.remove('dropping');
  });
  screen.addEventListener('drop', (e) => {
    e.preventDefault();
    screen.classList.remove('dropping');
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) options.openFile(file);
  });
  return screen;
}

/** The saved play that could not be resumed: why, and that it is kept aside to download or discard, not lost. */
function damagedSaveNotice(
  damaged: { why: string | null; kept: boolean },
  options: PickerOptions,
): HTMLElement {
  return h(
    'section',
    { class: 'notice damaged-save', role: 'alert', 'aria-labelledby': 'damaged-save-title' },
    h(
      'h2',
      { id: 'damaged-save-title' },
      damaged.why === null ? 'A saved play is kept aside' : 'Your saved play could not be resumed',
    ),
    damaged.why === null
      ? h('p', {}, 'An earlier visit found a saved play it could not resume.')
      : h('p', { 'data-testid': 'damaged-save-why' }, damaged.why),
    h(
      'p',
      {},
      damaged.kept
        ? 'It is kept aside, not deleted: download it to keep a copy (or to send with a report), or discard it. '
        : 'The browser had no room to keep it: download it now if you want a copy. ',
      'Choose a case below to start again.',
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          'data-action': 'download-damaged-save',
          on: {
            click: () => {
              options.downloadDamagedSave();
            },
          },
        },
        'Download the damaged save',
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'discard-damaged-save',
          on: {
            click: () => {
              options.discardDamagedSave();
            },
          },
        },
        'Discard it',
      ),
    ),
  );
}

/** The author's open file: what to know about it, and a way to put the bundled cases back. */
function localFileNotice(options: PickerOptions): HTMLElement | null {
  if (options.localId === null) return null;
  return h(
    'div',
    { class: 'local-file' },
    ...options.localNotes.map((note) => h('p', { class: 'notice', role: 'status' }, note)),
    h(
      'button',
      {
        type: 'button',
        'data-action': 'remove-local-case',
        on: {
          click: () => {
            options.removeLocal();
          },
        },
      },
      'Remove your file from the list',
    ),
  );
}
