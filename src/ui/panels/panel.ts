import type { Provenance } from '../../engine/case/schema/fact.ts';
import type { LearnerAction } from '../../engine/index.ts';
import { h, type Child } from '../dom.ts';
import type { Intents } from '../model.ts';
import { icon, type IconName } from '../icons.ts';

/**
 * Bring an opened panel into view: its column scrolls on a wide screen, the page under the pinned top on a phone.
 * "nearest" scrolls only as far as needed (a tall panel to its top). Focus stays where the learner put it.
 */
export function revealPanel(el: HTMLElement): void {
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
}

/** A collapsible panel: a native <details>, so it opens by keyboard and screen readers announce its state. */
export function panel(
  id: string,
  title: string,
  iconName: IconName,
  open = false,
): { el: HTMLDetailsElement; body: HTMLElement; badge: HTMLElement } {
  const badge = h('span', { class: 'badge', 'aria-live': 'off' });
  const body = h('div', { class: 'panel-body' });
  // Only a panel the learner opens is scrolled to: not one open from the start or opened by the game (an arrest).
  let opening = false;
  const summary = h(
    'summary',
    {
      on: {
        click: () => {
          opening = true;
        },
      },
    },
    h('span', { class: 'panel-title' }, icon(iconName), title),
    badge,
  );
  const el = h('details', { class: 'panel', id: `panel-${id}`, open }, summary, body);
  el.addEventListener('toggle', () => {
    if (el.open && opening) revealPanel(el);
    opening = false;
  });
  return { el, body, badge };
}

/** The bedside mark and its words for each provenance that is not simply the report's: '*', '†', '~'. */
export const PROVENANCE_MARKS = {
  synthetic: { mark: '*', words: 'Synthetic: not in the case report; made up to be plausible' },
  corrected: { mark: '†', words: "Corrected: the case report's meaning, repaired (translation, unit, typo)" },
  inferred: { mark: '~', words: 'Inferred: what the case report implies but does not say' },
} as const satisfies Record<Exclude<Provenance, 'source'>, { mark: string; words: string }>;
type Marked = keyof typeof PROVENANCE_MARKS;
const MARKED = Object.keys(PROVENANCE_MARKS) as Marked[];
const isMarked = (provenance: string): provenance is Marked => Object.hasOwn(PROVENANCE_MARKS, provenance);

/**
 * Where a fact comes from, without a tag on every line: a small mark whose words show on hover (title) and are
 * read by a screen reader; every source is listed in the debrief's Sources section. A fact as the report gives it
 * has no mark.
 */
export function provenanceTag(provenance: string): HTMLElement | null {
  if (!isMarked(provenance)) return null;
  const { mark, words } = PROVENANCE_MARKS[provenance];
  return h(
    'span',
    { class: `prov-mark prov-${provenance}`, title: words },
    h('span', { 'aria-hidden': 'true' }, mark),
    h('span', { class: 'sr-only' }, ` (${provenance})`),
  );
}

/**
 * What the marks in these nodes mean, in words a keyboard or touch user can read (hover is not for everyone): one line
 * naming only the marks shown, or null when there are none.
 */
export function provenanceLegend(...nodes: (Node | null)[]): HTMLElement | null {
  const shown = MARKED.filter((p) =>
    nodes.some((n) => n instanceof Element && n.querySelector(`.prov-mark.prov-${p}`) !== null),
  );
  if (shown.length === 0) return null;
  return h(
    'p',
    { class: 'prov-legend meta' },
    ...shown.flatMap((p, i) => [
      i > 0 ? ' · ' : '',
      h('span', { class: `prov-mark prov-${p}`, 'aria-hidden': 'true' }, PROVENANCE_MARKS[p].mark),
      ` ${PROVENANCE_MARKS[p].words}.`,
    ]),
    ' Every source is listed in the debrief.',
  );
}

/**
 * The control that asks a specialist for a read (a cardiology read of an ECG, a wet read of a scan), with how long
 * it takes. The order panel's entry carries data-action="order:…"; this second control for the same action keeps
 * its own hook (data-read-action), so that selector still finds one control.
 */
export function readRequest(
  intents: Intents,
  test: { id: string; turnaroundMin: number },
  label: Child[],
): HTMLElement[] {
  const action = { do: 'order' as const, id: test.id };
  return [
    h(
      'button',
      {
        type: 'button',
        'data-read-action': `${action.do}:${action.id}`,
        on: {
          click: () => {
            intents.act(action);
          },
        },
      },
      ...label,
    ),
    h('span', { class: 'meta' }, ` (about ${String(Math.round(test.turnaroundMin))} min)`),
  ];
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
