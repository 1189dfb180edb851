import { clockText } from '../../engine/index.ts';
import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { actionButton, panel, provenanceLegend, provenanceTag } from './panel.ts';

/**
 * Exam regions; a finding appears once the region is examined (silence in the case means normal). A finding can
 * change with the patient, so examining again shows what is found now, with the time it was found.
 */
export function examinePanel(intents: Intents): Component {
  const { el, body } = panel('examine', 'Examine', 'stethoscope');
  const update = memo(
    ({ ctx, resolved }: PlayModel) => {
      const items = Object.entries(resolved.catalog.examRegions).map(([id, region]) => {
        const done = ctx.examined.includes(id);
        const latest = ctx.findings.filter((f) => f.region === id).at(-1);
        const times = ctx.timeline.filter((e) => e.ref === `examine:${id}`).length;
        return h(
          'li',
          {},
          actionButton(intents, { do: 'examine', id }, region.name, { pressed: done }),
          done
            ? h(
                'p',
                { class: 'answer' },
                latest?.finding.value ?? region.normal,
                ' ',
                latest === undefined ? null : provenanceTag(latest.finding.provenance),
                times > 1 && latest !== undefined
                  ? h('span', { class: 'meta' }, ` (examined again at T+ ${clockText(latest.atMin)})`)
                  : null,
              )
            : null,
        );
      });
      const list = h('ul', { class: 'choices' }, ...items);
      replaceKeepingFocus(body, ...[list, provenanceLegend(list)].filter((n) => n !== null));
    },
    ({ ctx }) => `${ctx.examined.join()}|${String(ctx.findings.length)}|${String(ctx.timeline.length)}`,
  );
  return { el, update };
}
