import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { actionButton, panel, provenanceLegend, provenanceTag } from './panel.ts';

/** The presenting story and the history questions; answers appear as they are asked. */
export function patientPanel(intents: Intents): Component {
  const { el, body } = panel('patient', 'Patient and history', 'note', true);
  const update = memo(
    ({ ctx, resolved }: PlayModel) => {
      const data = resolved.data;
      const items = data.history.map((item) => {
        const asked = ctx.asked.includes(item.id);
        return h(
          'li',
          {},
          actionButton(intents, { do: 'ask', id: item.id }, item.question, { pressed: asked }),
          asked
            ? h('p', { class: 'answer' }, item.answer.value, ' ', provenanceTag(item.answer.provenance))
            : null,
        );
      });
      const shown = [
        h('p', { class: 'story' }, data.presentation.story.value),
        h(
          'p',
          { class: 'meta' },
          `${String(data.patient.ageYears.value)}-year-old ${data.patient.sex.value}, ${String(data.patient.weightKg.value)} kg`,
          ' ',
          provenanceTag(data.patient.weightKg.provenance),
        ),
        h('h3', {}, 'Ask'),
        h('ul', { class: 'choices' }, ...items),
      ];
      const legend = provenanceLegend(...shown);
      replaceKeepingFocus(body, ...shown, ...(legend === null ? [] : [legend]));
    },
    ({ ctx }) => ctx.asked.join(),
  );
  return { el, update };
}
