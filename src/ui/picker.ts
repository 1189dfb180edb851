import type { ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';

export interface PickerOptions {
  pick(id: string): void;
  /** An author opened (or dropped) a case file of their own. */
  openFile(file: File): void;
  notice: string | null;
  /** Id of the case that came from the author's file, marked in the list. */
  localId: string | null;
  /** What is wrong with the file the author just opened, one `file:line:col  path  message` each. */
  fileProblems: readonly string[];
}

/** Every case in cases/ (title, presenting complaint, difficulty, length), and a way for authors to try their own. */
export function pickerScreen(cases: readonly ResolvedCase[], options: PickerOptions): HTMLElement {
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
              'data-case': c.data.id,
              on: {
                click: () => {
                  options.pick(c.data.id);
                },
              },
            },
            h('span', { class: 'case-title' }, c.data.title),
            h('span', { class: 'case-complaint' }, c.data.complaint),
            h(
              'span',
              { class: 'case-meta' },
              `${c.data.difficulty} · about ${String(c.data.estimatedMinutes)} min · ${c.data.kind === 'real-case' ? 'real published case' : 'synthetic teaching case'}${c.data.id === options.localId ? ' · from your file' : ''}`,
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
