import { h } from '../dom.ts';
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
