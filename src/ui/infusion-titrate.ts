import { isRunning } from '../engine/index.ts';
import { h, memo, replaceKeepingFocus } from './dom.ts';
import type { Intents, PlayModel } from './model.ts';

/**
 * "Titrate norepinephrine · 0.1 mcg/kg/min" beside the vitals, for each infusion running now: the rate is changed
 * while the pressure it acts on is in view (on a phone too), through the same dose dialog as the Treat panel's.
 */
export function titrateControls(intents: Pick<Intents, 'chooseDose'>) {
  const list = h('ul', { class: 'titrate-list' });
  const el = h(
    'div',
    { class: 'monitor-titrate', role: 'group', 'aria-label': 'Running infusions', hidden: true },
    list,
  );
  const running = ({ ctx, resolved }: PlayModel) =>
    ctx.treatments.filter((t) => {
      const def = resolved.catalog.treatments[t.treatmentId];
      // Drugs and fluids running at a rate: not a position, and not CPR or pacing (the arrest banner and the
      // Treat panel hold those; "Titrate CPR" beside the vitals would be nonsense).
      return (
        def?.mode === 'infusion' &&
        def.category !== 'position' &&
        def.category !== 'resuscitation' &&
        isRunning(t, ctx.nowMin)
      );
    });
  const update = memo(
    (model: PlayModel) => {
      const rows = running(model).map((t) => {
        const def = model.resolved.catalog.treatments[t.treatmentId];
        const name = def?.name ?? t.treatmentId;
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              'data-focus': `monitor-titrate:${t.treatmentId}`,
              'aria-haspopup': 'dialog',
              on: {
                click: (e) => {
                  intents.chooseDose(t.treatmentId, e.currentTarget as HTMLElement);
                },
              },
            },
            `Titrate ${name}`,
            h('span', { class: 'rate' }, ` · ${String(t.dose)} ${def?.doseUnit ?? ''}`),
          ),
        );
      });
      el.hidden = rows.length === 0;
      replaceKeepingFocus(list, ...rows);
    },
    (model) =>
      running(model)
        .map((t) => `${String(t.n)}:${String(t.dose)}`)
        .join(),
  );
  return { el, update };
}
