import { clockText, type ResolvedCase } from '../engine/index.ts';
import { h } from './dom.ts';
import { share, type Vote } from './votes.ts';

/**
 * The room's votes in the debrief: each "what next?" with its options, the hands for each, what was done, and beside
 * them whether the guideline's path (the case's best path) and the real team took that action.
 */
export function votesReview(resolved: ResolvedCase, votes: readonly Vote[]): HTMLElement {
  const data = resolved.data;
  const guideline = new Set(data.bestPath.actions.map((a) => `${a.do}:${a.id ?? ''}`));
  const realTeam = new Set(data.realCourse.actions.map((a) => a.action));
  const teamName = data.kind === 'real-case' ? 'Real team' : 'Written course';
  const yes = (on: boolean) => (on ? '✓ Yes' : '— No');
  return h(
    'section',
    { class: 'votes-review' },
    h('h2', {}, 'The room’s votes'),
    ...votes.map((vote, i) =>
      h(
        'table',
        { class: 'score-table vote-table' },
        h('caption', {}, `Vote ${String(i + 1)} at T+ ${clockText(vote.atMin)}`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Option', 'Hands', 'Done', 'Guideline path', teamName].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...vote.options.map((o) =>
            h(
              'tr',
              { class: o.action === vote.chosen ? 'chosen' : '' },
              h('th', { scope: 'row' }, o.label),
              h('td', { class: 'num' }, `${String(o.count)} (${String(share(vote.options, o))}%)`),
              h('td', {}, o.action === vote.chosen ? '✓ Chosen' : ''),
              h('td', {}, yes(guideline.has(o.action))),
              h('td', {}, yes(realTeam.has(o.action))),
            ),
          ),
        ),
      ),
    ),
  );
}
