import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { actionButton, panel } from './panel.ts';

/** The working problem list, built from the case's offered diagnoses. */
export function diagnosisPanel(intents: Intents): Component {
  const { el, body, badge } = panel('diagnosis', 'Working diagnosis', 'checklist');
  const update = memo(
    ({ ctx, resolved }: PlayModel) => {
      badge.textContent = ctx.diagnoses.length > 0 ? String(ctx.diagnoses.length) : '';
      const options = resolved.data.diagnoses.map((d) => {
        const listed = ctx.diagnoses.includes(d.id);
        return h(
          'li',
          {},
          actionButton(intents, { do: 'diagnose', id: d.id }, listed ? `✓ ${d.label}` : d.label, {
            pressed: listed,
          }),
        );
      });
      const list = ctx.diagnoses.map((id) =>
        h('li', {}, resolved.data.diagnoses.find((d) => d.id === id)?.label ?? id),
      );
      replaceKeepingFocus(
        body,
        h('h3', {}, 'Problem list'),
        list.length > 0 ? h('ol', {}, ...list) : h('p', { class: 'meta' }, 'Nothing yet.'),
        h('h3', {}, 'Add'),
        h('ul', { class: 'choices' }, ...options),
      );
    },
    ({ ctx }) => ctx.diagnoses.join(),
  );
  return { el, update };
}
