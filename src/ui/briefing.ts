import type { ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';

/**
 * The report, without what would give the diagnosis away: its title (and often its journal) names it, so before the
 * debrief only the authors, the year and the language are said.
 */
export function reportByline(source: ResolvedCase['data']['source']): string {
  const report =
    source.language === undefined
      ? 'a published case report'
      : `a case report published in ${source.language}`;
  const by = source.authors === undefined ? '' : ` by ${source.authors}`;
  const when = source.year === undefined ? '' : ` (${String(source.year)})`;
  return `Based on ${report}${by}${when}; the full reference is in the debrief.`;
}

/** Who the patient is, where you are and what you can do — before the clock starts. */
export function briefingScreen(
  resolved: ResolvedCase,
  clockMode: 'step' | 'real',
  on: { start(mode: 'step' | 'real', projected: boolean): void; back(): void },
  /** For a case opened from the author's own file: its validation warnings, `file:line:col  path  message`. */
  warnings: readonly string[] = [],
  /** Whether "Project for a class" starts ticked (the address asked for `?mode=classroom`). */
  projectedAtFirst = false,
): HTMLElement {
  const data = resolved.data;
  let mode = clockMode;
  let projected = projectedAtFirst;
  const choice = (value: 'step' | 'real', label: string, hint: string) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'briefing-clock',
        value,
        checked: mode === value,
        on: { change: () => (mode = value) },
      }),
      ` ${label}`,
      h('span', { class: 'meta' }, ` — ${hint}`),
    );
  return h(
    'main',
    { class: 'screen briefing', id: 'main' },
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          on: {
            click: () => {
              on.back();
            },
          },
        },
        '← All cases',
      ),
    ),
    h('h1', {}, data.title),
    warnings.length > 0
      ? h(
          'section',
          { class: 'notice', role: 'status' },
          h(
            'h2',
            {},
            `Your file loaded with ${String(warnings.length)} warning${warnings.length === 1 ? '' : 's'}`,
          ),
          h('p', {}, 'The case plays, but look at these before you share it.'),
          h('ul', { class: 'problems' }, ...warnings.map((w) => h('li', {}, w))),
        )
      : null,
    h(
      'p',
      { class: 'meta', 'data-testid': 'briefing-source' },
      data.kind === 'real-case'
        ? `${reportByline(data.source)} ${data.source.note ?? ''}`
        : 'A synthetic teaching case: a made-up patient built on guideline facts. Every value is synthetic.',
    ),
    h(
      'p',
      { class: 'meta' },
      'At the bedside a synthetic value is marked *, a corrected one † and an inference from the report ~ (a ',
      'line under each panel says what its marks mean); the debrief lists where every fact comes from.',
    ),
    h('h2', {}, 'Where you are'),
    h('p', {}, data.setting),
    h('h2', {}, 'Your patient'),
    h('p', {}, data.briefing),
    h('h2', {}, 'What you can do'),
    h(
      'ul',
      {},
      h('li', {}, 'Ask about the history and examine each region; findings appear as you go.'),
      h('li', {}, 'Order tests (type to search); results arrive after their real turnaround.'),
      h(
        'li',
        {},
        'Give fluids, drugs and infusions (you set the dose), call consultants, name your working diagnosis.',
      ),
      h('li', {}, 'Decide where the patient goes: that ends the case and opens the debrief.'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Clock'),
      choice('step', 'Step', 'time moves only when you advance it (+5, +15, +60 min, until the next result)'),
      choice('real', 'Real time', 'one simulated minute every few seconds; pause any time'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Teaching a class?'),
      h(
        'label',
        { class: 'choice' },
        h('input', {
          type: 'checkbox',
          name: 'briefing-classroom',
          'data-field': 'classroom',
          checked: projected,
          on: { change: (e) => (projected = (e.currentTarget as HTMLInputElement).checked) },
        }),
        ' Project for a class',
        h(
          'span',
          { class: 'meta' },
          ' — large type for the back row, a step clock, a shortcut for every control, and the score and answers ',
          'hidden until you reveal them',
        ),
      ),
    ),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'primary big',
          'data-action': 'start',
          on: {
            click: () => {
              on.start(mode, projected);
            },
          },
        },
        'Start the clock',
      ),
    ),
  );
}
