import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { actionButton, panel, provenanceTag } from './panel.ts';

/** Exam regions; a finding appears once the region is examined (silence in the case means normal). */
export function examinePanel(intents: Intents): Component {
  const { el, body } = panel('examine', 'Examine', 'stethoscope');
  const update = memo(
    ({ ctx, resolved }: PlayModel) => {
      const items = Object.entries(resolved.catalog.examRegions).map(([id, region]) => {
        const done = ctx.examined.includes(id);
        const finding = resolved.data.exam[id];
        return h(
          'li',
          {},
          actionButton(intents, { do: 'examine', id }, region.name, { pressed: done }),
          done
            ? h(
                'p',
                { class: 'answer' },
                finding?.value ?? region.normal,
                ' ',
                finding === undefined ? null : provenanceTag(finding.provenance),
              )
            : null,
        );
      });
      replaceKeepingFocus(body, h('ul', { class: 'choices' }, ...items));
    },
    ({ ctx }) => ctx.examined.join(),
  );
  return { el, update };
}
