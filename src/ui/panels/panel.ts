import type { LearnerAction } from '../../engine/index.ts';
import { h, type Child } from '../dom.ts';
import type { Intents } from '../model.ts';
import { icon, type IconName } from '../icons.ts';

/** A collapsible panel: a native <details>, so it opens by keyboard and screen readers announce its state. */
export function panel(
  id: string,
  title: string,
  iconName: IconName,
  open = false,
): { el: HTMLDetailsElement; body: HTMLElement; badge: HTMLElement } {
  const badge = h('span', { class: 'badge', 'aria-live': 'off' });
  const body = h('div', { class: 'panel-body' });
  const el = h(
    'details',
    { class: 'panel', id: `panel-${id}`, open },
    h('summary', {}, h('span', { class: 'panel-title' }, icon(iconName), title), badge),
    body,
  );
  return { el, body, badge };
}

export function provenanceTag(provenance: string): HTMLElement | null {
  if (provenance === 'source') return null;
  return h(
    'span',
    {
      class: `prov prov-${provenance}`,
      title:
        provenance === 'synthetic' ? 'Synthetic: not in the case report' : 'Corrected from the case report',
    },
    provenance === 'synthetic' ? 'synthetic' : 'repaired',
  );
}

/**
 * A button that performs one learner action, carrying its `verb:id` hook (the command line's verbs and ids).
 * `pressed` makes it a toggle for screen readers ("asked", "examined", "named"), announced as pressed or not.
 * `hook` names the attribute carrying the `verb:id`: a second control for the same action (the arrest banner's
 * "Start CPR" beside the panel's) uses `data-arrest-action`, so `[data-action="treat:cpr"]` stays one control.
 */
export function actionButton(
  intents: Intents,
  action: LearnerAction,
  label: Child | Child[],
  options: { pressed?: boolean; className?: string; hook?: 'data-action' | 'data-arrest-action' } = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: options.className,
      [options.hook ?? 'data-action']: `${action.do}:${action.id}`,
      'aria-pressed': options.pressed === undefined ? undefined : String(options.pressed),
      on: {
        click: () => {
          intents.act(action);
        },
      },
    },
    ...(Array.isArray(label) ? label : [label]),
  );
}
