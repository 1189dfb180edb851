import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { actionButton, panel } from './panel.ts';

/** Consultants to call, and where the patient goes next (a disposition ends the case). */
export function careTeamPanel(intents: Intents): Component {
  const { el, body } = panel('team', 'Call for help · disposition', 'phone');
  const update = memo(
    ({ ctx, resolved }: PlayModel) => {
      const consults = Object.entries(resolved.catalog.consults).map(([id, c]) => {
        const called = ctx.consults.find((x) => x.consultId === id);
        const status =
          called === undefined
            ? ''
            : ctx.nowMin >= called.arrivesAt
              ? ' — at the bedside'
              : ` — on the way (${String(called.arrivesAt - ctx.nowMin)} min)`;
        return h(
          'li',
          {},
          actionButton(intents, { do: 'consult', id }, `Call ${c.name}`, { pressed: called !== undefined }),
          status,
        );
      });
      const dispositions = Object.entries(resolved.catalog.dispositions).map(([id, d]) =>
        h(
          'li',
          {},
          actionButton(intents, { do: 'dispose', id }, `Send to: ${d.name}`, { className: 'danger' }),
        ),
      );
      replaceKeepingFocus(
        body,
        h('h3', {}, 'Consult'),
        h('ul', { class: 'choices' }, ...consults),
        h('h3', {}, 'Disposition (ends the case)'),
        h('ul', { class: 'choices' }, ...dispositions),
      );
    },
    ({ ctx }) => `${ctx.consults.map((c) => c.consultId).join()}|${String(ctx.nowMin)}`,
  );
  return { el, update };
}
