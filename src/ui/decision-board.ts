import { h } from './dom.ts';
import { matchRank, searchField } from './search.ts';
import { addOption, leading, setCount, share, tally, type VoteOption } from './votes.ts';

const ACTION = /^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9-]+$/;
const MAX_RESULTS = 8;

/** The panels' own controls for learner actions, by hook and label: the board offers what the panels offer. */
function candidates(): { action: string; label: string; control: HTMLButtonElement }[] {
  return [...document.querySelectorAll<HTMLButtonElement>('.panels button[data-action]')]
    .filter((b) => ACTION.test(b.dataset.action ?? '') && !b.disabled)
    .map((b) => ({ action: b.dataset.action ?? '', label: b.textContent.trim(), control: b }));
}

/**
 * The "what next?" board, projected in the stage: the instructor adds a few candidate actions (from the same search
 * the panels offer), the room votes (a show of hands typed in, or a click per hand), and the instructor commits one,
 * which presses that action's own panel control (the normal path, its dose and its confirmation included).
 * Hooks: the toggle `data-action="board"`, `board-add:<verb:id>`, `tally:<verb:id>`, `commit:<verb:id>`, and the
 * count fields `data-field="votes:<verb:id>"`.
 */
export function decisionBoard(on: { commit(options: VoteOption[], chosen: VoteOption): void }): {
  toggle: HTMLButtonElement;
  el: HTMLElement;
} {
  let options: VoteOption[] = [];
  const list = h('ol', { class: 'vote-options' });
  const results = h('ul', { class: 'choices board-results', 'aria-label': 'Candidate actions' });
  const status = h('p', { class: 'meta', role: 'status' });
  const search = searchField({
    id: 'board-search',
    label: 'Add a candidate',
    placeholder: 'Type to find an action, e.g. lact',
    hint: 'Any action the panels offer: a test, a drug, a question, a call.',
    results,
    onSearch: (query) => {
      const onBoard = new Set(options.map((o) => o.action));
      const found = candidates()
        .filter((c) => !onBoard.has(c.action))
        .map((c) => ({ c, rank: matchRank(query, { name: c.label, others: [c.action] }) }))
        .filter((m): m is { c: (typeof m)['c']; rank: number } => m.rank !== null)
        .sort((a, b) => a.rank - b.rank || a.c.label.localeCompare(b.c.label))
        .slice(0, MAX_RESULTS);
      results.replaceChildren(
        ...found.map(({ c }) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                'data-action': `board-add:${c.action}`,
                on: {
                  click: () => {
                    options = addOption(options, c.action, c.label);
                    search.input.value = '';
                    results.replaceChildren();
                    draw();
                    search.input.focus();
                  },
                },
              },
              c.label,
            ),
          ),
        ),
      );
    },
  });
  /** The counts, shares and leader shown, in place (a count being typed keeps its field and its focus). */
  const refresh = () => {
    const lead = leading(options);
    for (const o of options) {
      const row = list.querySelector<HTMLElement>(`li[data-option="${o.action}"]`);
      if (row === null) continue;
      row.classList.toggle('leading', o.action === lead?.action);
      const field = row.querySelector<HTMLInputElement>('input');
      if (field !== null && field !== document.activeElement) field.value = String(o.count);
      const shown = row.querySelector('.vote-share');
      if (shown !== null) shown.textContent = `${String(share(options, o))}%`;
    }
  };
  const draw = () => {
    list.replaceChildren(
      ...options.map((o) =>
        h(
          'li',
          { 'data-option': o.action },
          h('span', { class: 'vote-label' }, o.label),
          h(
            'label',
            { class: 'vote-count' },
            'Hands ',
            h('input', {
              type: 'number',
              min: 0,
              inputmode: 'numeric',
              value: o.count,
              'data-field': `votes:${o.action}`,
              on: {
                input: (e) => {
                  options = setCount(options, o.action, (e.currentTarget as HTMLInputElement).value);
                  refresh();
                },
              },
            }),
          ),
          h(
            'button',
            {
              type: 'button',
              'data-action': `tally:${o.action}`,
              'aria-label': `One more hand for ${o.label}`,
              on: {
                click: () => {
                  options = tally(options, o.action);
                  refresh();
                },
              },
            },
            '+1',
          ),
          h('span', { class: 'vote-share' }, '0%'),
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-action': `commit:${o.action}`,
              on: {
                click: () => {
                  commit(o);
                },
              },
            },
            'Do this',
          ),
        ),
      ),
    );
    refresh();
    status.textContent =
      options.length === 0 ? 'No candidates yet: add two or three, then let the room vote.' : '';
  };
  const commit = (chosen: VoteOption) => {
    const control = candidates().find((c) => c.action === chosen.action)?.control;
    on.commit(options, chosen);
    options = [];
    draw();
    show(false);
    control?.click();
  };
  const el = h(
    'section',
    { class: 'decision-board', 'aria-labelledby': 'board-title', hidden: true },
    h('h2', { id: 'board-title' }, 'What next?'),
    list,
    status,
    h('div', { class: 'board-find' }, search.label, search.input, search.hint, results),
  );
  const show = (open: boolean) => {
    el.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      el.scrollIntoView({ block: 'start' });
      search.input.focus();
    }
  };
  const toggle = h(
    'button',
    {
      type: 'button',
      'data-action': 'board',
      'aria-expanded': 'false',
      'aria-controls': 'decision-board',
      on: {
        click: () => {
          show(el.hidden === true);
        },
      },
    },
    'What next? ',
    h('kbd', { 'aria-hidden': 'true' }, 'v'),
  );
  el.id = 'decision-board';
  draw();
  return { toggle, el };
}
