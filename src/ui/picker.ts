import type { ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';

/** Every case in cases/: title, presenting complaint, difficulty and length. */
export function pickerScreen(
  cases: readonly ResolvedCase[],
  onPick: (id: string) => void,
  notice: string | null,
): HTMLElement {
  return h(
    'main',
    { class: 'screen picker', id: 'main' },
    h('h1', {}, 'Bedside'),
    h('p', { class: 'lede' }, 'Emergency medicine at the bedside of real cases. Choose a patient.'),
    notice === null ? null : h('p', { class: 'notice', role: 'status' }, notice),
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
                  onPick(c.data.id);
                },
              },
            },
            h('span', { class: 'case-title' }, c.data.title),
            h('span', { class: 'case-complaint' }, c.data.complaint),
            h(
              'span',
              { class: 'case-meta' },
              `${c.data.difficulty} · about ${String(c.data.estimatedMinutes)} min · ${c.data.kind === 'real-case' ? 'real published case' : 'synthetic teaching case'}`,
            ),
          ),
        ),
      ),
    ),
  );
}
