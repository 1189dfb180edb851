import { clockText, type ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';
import { provenanceTag } from './panels/panel.ts';

/**
 * The instructor's notes in the presenter window, never on the projector: the answer key (the diagnosis and how the
 * patient did), what the real team did, and the case's teaching points.
 */
export function presenterNotes(resolved: ResolvedCase): HTMLElement {
  const data = resolved.data;
  const real = data.kind === 'real-case';
  return h(
    'section',
    { class: 'presenter-notes', 'aria-labelledby': 'presenter-notes-title' },
    h('h2', { id: 'presenter-notes-title' }, 'For the instructor only'),
    h('h3', {}, 'Answer key'),
    h('p', {}, h('strong', {}, 'Diagnosis: '), data.realCourse.diagnosis.value),
    h('p', {}, h('strong', {}, 'Outcome: '), data.realCourse.outcome.value),
    h('h3', {}, real ? 'What the real team did' : 'The written course (synthetic)'),
    h(
      'ol',
      { class: 'checklist' },
      ...data.realCourse.actions.map((a) =>
        h(
          'li',
          {},
          a.atMin === undefined ? '' : h('span', { class: 'when' }, `T+ ${clockText(a.atMin.value)} `),
          a.what.value,
        ),
      ),
    ),
    data.teachingPoints.length > 0
      ? h(
          'section',
          {},
          h('h3', {}, 'Teaching points'),
          h(
            'ul',
            {},
            ...data.teachingPoints.map((t) => h('li', {}, t.text, ' ', provenanceTag(t.provenance))),
          ),
        )
      : null,
  );
}
