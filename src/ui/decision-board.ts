import type { SuggestedDecision } from '../view/decisions.ts';
import { h } from './dom.ts';
import { matchRank, searchField } from './search.ts';
import { leading, share, type Board, type BoardChange } from './votes.ts';

const ACTION = /^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9-]+$/;
const MAX_RESULTS = 8;

/** This window's own enabled controls for learner actions, by hook and label: the board offers what the panels offer. */
function candidates(): { action: string; label: string; control: HTMLButtonElement }[] {
  return [...document.querySelectorAll<HTMLButtonElement>('.panels button[data-action]')]
    .filter((b) => ACTION.test(b.dataset.action ?? '') && !b.disabled)
    .map((b) => ({ action: b.dataset.action ?? '', label: b.textContent.trim(), control: b }));
}

const controlFor = (action: string) => candidates().find((c) => c.action === action)?.control ?? null;

/**
 * The "what next?" board, in the stage where the room looks. A view of the board's state (the projector owns it; the
 * presenter window shows the same): every control reports a change and draws nothing itself until `update`.
 * The instructor puts up the case's own question for the phase, or adds candidates from the same search the panels
 * offer; the room votes (a show of hands typed in, or a click per hand); "Do this" commits one and presses that
 * action's own panel control in this window (its dose and its confirmation included). The vote is recorded only once
 * the action is done.
 * Hooks: the toggle `data-action="board"`, `board-ask:<n>`, `board-add:<verb:id>`, `board-remove:<verb:id>`,
 * `tally:<verb:id>`, `commit:<verb:id>`, `board-clear`, and the count fields `data-field="votes:<verb:id>"`.
 */
export function decisionBoard(change: (c: BoardChange) => void): {
  toggle: HTMLButtonElement;
  el: HTMLElement;
  update(board: Board, suggested: readonly SuggestedDecision[]): void;
} {
  let board: Board | null = null;
  let drawnOptions = '';
  let drawnSuggestions = '';
  /** This window's own toggle opened the board: its search takes the focus (the other window's opening does not). */
  let focusOnOpen = false;
  const question = h('p', { class: 'board-question' });
  const list = h('ol', { class: 'vote-options' });
  const results = h('ul', { class: 'choices board-results', 'aria-label': 'Candidate actions' });
  const status = h('p', { class: 'meta', role: 'status' });
  const suggestions = h('div', { class: 'board-suggested' });
  const clear = h(
    'button',
    {
      type: 'button',
      'data-action': 'board-clear',
      on: {
        click: () => {
          change({ kind: 'clear' });
        },
      },
    },
    'Clear the board',
  );
  const search = searchField({
    id: 'board-search',
    label: 'Add a candidate',
    placeholder: 'Type to find an action, e.g. lact',
    hint: 'Any action the panels offer: a test, a drug, a question, a call.',
    results,
    onSearch: (query) => {
      const onBoard = new Set(board?.options.map((o) => o.action) ?? []);
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
                    change({ kind: 'add', action: c.action, label: c.label });
                    search.input.value = '';
                    results.replaceChildren();
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

  const optionRow = (action: string, label: string) =>
    h(
      'li',
      { 'data-option': action },
      h('span', { class: 'vote-label' }, label),
      h(
        'label',
        { class: 'vote-count' },
        'Hands ',
        h('input', {
          type: 'number',
          min: 0,
          inputmode: 'numeric',
          value: 0,
          'data-field': `votes:${action}`,
          on: {
            input: (e) => {
              change({ kind: 'count', action, typed: (e.currentTarget as HTMLInputElement).value });
            },
          },
        }),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': `tally:${action}`,
          'aria-label': `One more hand for ${label}`,
          on: {
            click: () => {
              change({ kind: 'tally', action });
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
          'data-action': `commit:${action}`,
          on: {
            click: () => {
              // The board waits for this action; pressing its own control does it (or asks its dose first).
              const control = controlFor(action);
              if (control === null) return;
              change({ kind: 'commit', action });
              control.click();
            },
          },
        },
        'Do this',
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': `board-remove:${action}`,
          'aria-label': `Take ${label} off the board`,
          on: {
            click: () => {
              change({ kind: 'remove', action });
            },
          },
        },
        '✕',
      ),
    );

  /** The counts, shares, leader and what can be done now, in place (a count being typed keeps its field and focus). */
  const refresh = (b: Board) => {
    const lead = leading(b.options);
    for (const o of b.options) {
      const row = list.querySelector<HTMLElement>(`li[data-option="${o.action}"]`);
      if (row === null) continue;
      row.classList.toggle('leading', o.action === lead?.action);
      row.classList.toggle('pending', o.action === b.pending);
      const field = row.querySelector<HTMLInputElement>('input');
      if (field !== null && field !== document.activeElement) field.value = String(o.count);
      const shown = row.querySelector('.vote-share');
      if (shown !== null) shown.textContent = `${String(share(b.options, o))}%`;
      const commit = row.querySelector<HTMLButtonElement>('button.primary');
      if (commit !== null) {
        const doable = controlFor(o.action) !== null;
        commit.disabled = !doable;
        commit.title = doable ? '' : 'Not possible now (already running, pending or done)';
      }
    }
    const waiting = b.options.find((o) => o.action === b.pending);
    status.textContent =
      b.options.length === 0
        ? 'No candidates yet: put up the case’s question, or add two or three, then let the room vote.'
        : waiting !== undefined
          ? `Waiting for “${waiting.label}” to be done.`
          : '';
  };

  const drawSuggestions = (suggested: readonly SuggestedDecision[]) => {
    const key = suggested.map((s) => s.question).join('\n');
    if (key === drawnSuggestions) return;
    drawnSuggestions = key;
    // Collapsed: the questions are for the instructor to choose from, not for the room to read ahead.
    suggestions.replaceChildren(
      ...(suggested.length === 0
        ? []
        : [
            h(
              'details',
              {},
              h('summary', {}, `The case’s questions for this phase (${String(suggested.length)})`),
              h(
                'ul',
                { class: 'choices' },
                ...suggested.map((s, i) =>
                  h(
                    'li',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        'data-action': `board-ask:${String(i)}`,
                        on: {
                          click: () => {
                            change({ kind: 'ask', question: s.question, options: s.options });
                          },
                        },
                      },
                      s.question,
                    ),
                  ),
                ),
              ),
            ),
          ]),
    );
  };

  // The instructor's tools fold away once a question is up, so the board stays short beside the monitor.
  const tools = h(
    'details',
    { class: 'board-tools', open: true },
    h('summary', {}, 'Choose the question or the candidates'),
    h(
      'div',
      { class: 'board-tools-body' },
      suggestions,
      h('div', { class: 'board-find' }, search.label, search.input, search.hint, results),
      clear,
    ),
  );
  let drawnQuestion: string | null = null;
  const el = h(
    'section',
    { class: 'decision-board', 'aria-labelledby': 'board-title', hidden: true, id: 'decision-board' },
    h('h2', { id: 'board-title' }, 'What next?'),
    question,
    list,
    status,
    tools,
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      'data-action': 'board',
      'aria-expanded': 'false',
      'aria-controls': 'decision-board',
      on: {
        click: () => {
          focusOnOpen = board?.open !== true;
          change({ kind: 'open', open: board?.open !== true });
        },
      },
    },
    'What next? ',
    h('kbd', { 'aria-hidden': 'true' }, 'v'),
  );

  return {
    toggle,
    el,
    update(next, suggested) {
      const opened = next.open && board?.open !== true;
      board = next;
      el.hidden = !next.open;
      toggle.setAttribute('aria-expanded', String(next.open));
      question.textContent = next.question ?? '';
      question.hidden = next.question === null;
      if (next.question !== drawnQuestion) {
        drawnQuestion = next.question;
        tools.open = next.question === null;
      }
      const key = next.options.map((o) => `${o.action}\t${o.label}`).join('\n');
      if (key !== drawnOptions) {
        drawnOptions = key;
        list.replaceChildren(...next.options.map((o) => optionRow(o.action, o.label)));
      }
      drawSuggestions(suggested);
      refresh(next);
      clear.hidden = next.options.length === 0;
      if (opened) el.scrollIntoView({ block: 'start' });
      if (opened && focusOnOpen && tools.open) search.input.focus();
      if (next.open) focusOnOpen = false;
    },
  };
}
