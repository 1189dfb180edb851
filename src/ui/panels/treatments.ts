import { currentArrest, isRunning } from '../../engine/index.ts';
import { h, memo, replaceKeepingFocus } from '../dom.ts';
import type { Component, Intents, PlayModel } from '../model.ts';
import { catalogueSearch } from '../search.ts';
import { actionButton, panel } from './panel.ts';

type Category = PlayModel['resolved']['catalog']['treatments'][string]['category'];

/**
 * Every category has a heading (the type makes sure), in the order a resuscitation goes. The resuscitation group
 * (CPR, shocks, pacing) goes first while the heart is stopped, and last but one otherwise.
 */
const GROUP_TITLES: Record<Category, string> = {
  position: 'Position',
  fluid: 'Fluids',
  antimicrobial: 'Antimicrobials',
  vasopressor: 'Vasopressors and adrenaline',
  monitoring: 'Lines and monitoring',
  respiratory: 'Oxygen and airway',
  cardiac: 'Cardiac',
  metabolic: 'Insulin, glucose and electrolytes',
  analgesic: 'Analgesia',
  steroid: 'Steroids',
  'blood-product': 'Blood',
  resuscitation: 'Resuscitation (CPR, shock, pacing)',
  other: 'Other',
};
const GROUPS = Object.entries(GROUP_TITLES) as [Category, string][];
const IN_ARREST: [Category, string][] = [
  ...GROUPS.filter(([c]) => c === 'resuscitation'),
  ...GROUPS.filter(([c]) => c !== 'resuscitation'),
];

const inArrest = ({ ctx }: PlayModel) => ctx.deathAtMin === null && currentArrest(ctx) !== null;

/** Drugs and fluids (each opens the dose dialog), and what is running now with titrate and stop. */
export function treatmentsPanel(intents: Intents): Component {
  const { el, body, badge } = panel('treatments', 'Treat', 'syringe');
  const runningList = h('div', { class: 'running', 'aria-label': 'Running now' });
  const catalogue = h('div', { class: 'treat-list' });
  // Seventy-odd drugs, fluids and procedures in their groups: typing finds one by any of its names (salbutamol,
  // albuterol), as the order entry does.
  const search = catalogueSearch({
    id: 'treat-search',
    label: 'Find a treatment',
    placeholder: 'Type to find a drug, fluid or procedure, e.g. salb',
    hint: 'Filters the list below by name or another name (epinephrine, albuterol).',
    results: catalogue,
    nothing: 'No treatment matches',
  });
  body.append(h('h3', {}, 'Running now'), runningList, ...search.parts, catalogue);

  const renderCatalogue = memo(
    (model: PlayModel) => {
      const { resolved } = model;
      const arrest = inArrest(model);
      search.clear();
      const groups = (arrest ? IN_ARREST : GROUPS).map(([category, title]) => {
        const items = Object.entries(resolved.catalog.treatments)
          .filter(([, t]) => t.category === category)
          .map(([id, t]) => {
            const li = h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  'data-action': `treat:${id}`,
                  'aria-haspopup': 'dialog',
                  on: {
                    click: (e) => {
                      intents.chooseDose(id, e.currentTarget as HTMLElement);
                    },
                  },
                },
                t.name,
                t.category === 'position'
                  ? null
                  : h(
                      'span',
                      { class: 'meta' },
                      `${t.route === 'none' ? '' : ` · ${t.route}`} · ${String(t.defaultDose)} ${t.doseUnit}`,
                    ),
              ),
            );
            search.add(li, t.name, [id, ...t.synonyms]);
            return li;
          });
        return items.length === 0
          ? null
          : h(
              'section',
              {
                'aria-label': title,
                class: arrest && category === 'resuscitation' ? 'group-urgent' : undefined,
              },
              h('h3', {}, title),
              h('ul', { class: 'choices' }, ...items),
            );
      });
      replaceKeepingFocus(catalogue, ...groups.filter((g) => g !== null));
      search.filter();
    },
    (model) => `${model.resolved.data.id}|${String(inArrest(model))}`,
  );
  // The panel opens itself once when an arrest begins; the learner may close it again.
  const openAtArrest = memo(
    (model: PlayModel) => {
      if (inArrest(model)) el.open = true;
    },
    ({ ctx }) => String(ctx.deathAtMin === null ? (currentArrest(ctx)?.startedAt ?? '') : ''),
  );

  const renderRunning = memo(
    ({ ctx, resolved }: PlayModel) => {
      const now = ctx.treatments.filter((t) => isRunning(t, ctx.nowMin));
      badge.textContent = now.length > 0 ? `${String(now.length)} running` : '';
      const rows = now.map((t) => {
        const def = resolved.catalog.treatments[t.treatmentId];
        const name = def?.name ?? t.treatmentId;
        const left =
          def?.mode === 'bolus' && t.endsAt !== null ? ` — ${String(t.endsAt - ctx.nowMin)} min left` : '';
        return h(
          'li',
          {},
          def?.category === 'position'
            ? `${name} `
            : `${name} ${String(t.dose)} ${def?.doseUnit ?? ''}${left} `,
          def?.mode === 'infusion' && def.category !== 'position'
            ? h(
                'button',
                {
                  type: 'button',
                  'data-focus': `titrate:${t.treatmentId}`,
                  'aria-haspopup': 'dialog',
                  on: {
                    click: (e) => {
                      intents.chooseDose(t.treatmentId, e.currentTarget as HTMLElement);
                    },
                  },
                },
                'Titrate',
              )
            : null,
          ' ',
          actionButton(intents, { do: 'stop', id: t.treatmentId }, 'Stop'),
        );
      });
      replaceKeepingFocus(
        runningList,
        rows.length > 0 ? h('ul', {}, ...rows) : h('p', { class: 'meta' }, 'Nothing running.'),
      );
    },
    ({ ctx }) =>
      ctx.treatments
        .filter((t) => isRunning(t, ctx.nowMin))
        .map((t) => `${String(t.n)}:${String(t.endsAt === null ? '' : t.endsAt - ctx.nowMin)}`)
        .join(),
  );

  return {
    el,
    update(model) {
      renderCatalogue(model);
      renderRunning(model);
      openAtArrest(model);
    },
  };
}
