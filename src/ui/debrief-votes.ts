import { clockText, type ResolvedCase } from '../engine/index.ts';
import { timingAt, type Timing } from '../view/decisions.ts';
import { howKnown } from './course-timing.ts';
import { h } from './dom.ts';
import { share, type Vote } from './votes.ts';

/** A course's timing for an option, in words beside the vote ("✓ At this point (T+ 0:40)", "Later (T+ 2:35)"). */
function timingText(timing: Timing, how = '', never = '— Not done'): string {
  const suffix = how === '' ? '' : `, ${how}`;
  switch (timing.when) {
    case 'never':
      return never;
    case 'untimed':
      return '✓ Done (time not given)';
    case 'around':
      return `✓ At this point (T+ ${clockText(timing.atMin)}${suffix})`;
    case 'earlier':
      return `Earlier (T+ ${clockText(timing.atMin)}${suffix})`;
    case 'later':
      return `Later (T+ ${clockText(timing.atMin)}${suffix})`;
    default:
      return timing satisfies never;
  }
}

/**
 * The room's votes in the debrief: each "what next?" with its question and options, the hands for each, what was
 * done, and beside each option when the guideline's path (the case's best path) and the real team took that action:
 * at this point (within a quarter of an hour of the vote), earlier, later, or not at all.
 */
export function votesReview(resolved: ResolvedCase, votes: readonly Vote[]): HTMLElement {
  const data = resolved.data;
  const guideline = (action: string) =>
    data.bestPath.actions.filter((a) => `${a.do}:${a.id ?? ''}` === action).map((a) => a.at);
  const realTeam = (action: string) => data.realCourse.actions.filter((a) => a.action === action);
  const real = data.kind === 'real-case';
  const teamName = real ? 'Real team' : 'Written course';
  // A report's silence is not a record that the team did not do it; a written course says all it has.
  const teamNever = real ? '— Not in the report' : '— Not done';
  return h(
    'section',
    { class: 'votes-review' },
    h('h2', {}, 'The room’s votes'),
    h(
      'p',
      { class: 'meta' },
      '“At this point” means within 15 minutes of the vote (a teaching choice). Times are since arrival.',
    ),
    ...votes.map((vote, i) =>
      h(
        'table',
        { class: 'score-table vote-table' },
        h(
          'caption',
          {},
          `Vote ${String(i + 1)}, done at T+ ${clockText(vote.atMin)}`,
          vote.question == null ? null : h('span', { class: 'vote-question' }, `: ${vote.question}`),
        ),
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
          ...vote.options.map((o) => {
            const team = realTeam(o.action);
            const teamTiming = timingAt(
              team.map((a) => a.atMin?.value ?? null),
              vote.atMin,
            );
            const nearest =
              'atMin' in teamTiming ? team.find((a) => a.atMin?.value === teamTiming.atMin) : undefined;
            return h(
              'tr',
              { class: o.action === vote.chosen ? 'chosen' : '' },
              h('th', { scope: 'row' }, o.label),
              h('td', { class: 'num' }, `${String(o.count)} (${String(share(vote.options, o))}%)`),
              h('td', {}, o.action === vote.chosen ? '✓ Chosen' : ''),
              h('td', {}, timingText(timingAt(guideline(o.action), vote.atMin), '', '— Not on the path')),
              h(
                'td',
                {},
                timingText(
                  teamTiming,
                  nearest?.atMin === undefined ? '' : howKnown(nearest.atMin.provenance),
                  teamNever,
                ),
              ),
            );
          }),
        ),
      ),
    ),
  );
}
