import { clockText, type TimelineEntry } from '../engine/index.ts';
import { h } from './dom.ts';
import { icon } from './icons.ts';

/**
 * Tells the learner what happened as time passed: new results, consultants arriving, alarms. A visible log and
 * two live regions (polite for results, assertive for alarms) so screen-reader users hear the same.
 */
export function announcer() {
  const polite = h('div', { class: 'sr-only', 'aria-live': 'polite', id: 'announce-polite' });
  const assertive = h('div', { class: 'sr-only', 'aria-live': 'assertive', id: 'announce-assertive' });
  // The list scrolls, so it takes focus (keyboard users can scroll it); the live regions below do the announcing.
  const log = h('ol', { class: 'event-log', tabindex: 0, 'aria-labelledby': 'events-title' });
  let seen = 0;
  return {
    el: h(
      'section',
      { class: 'events', 'aria-labelledby': 'events-title' },
      h('h2', { id: 'events-title' }, 'What happened'),
      log,
      polite,
      assertive,
    ),
    update(timeline: readonly TimelineEntry[]) {
      if (timeline.length < seen) seen = 0;
      const fresh = timeline.slice(seen).filter((e) => e.kind !== 'action');
      seen = timeline.length;
      if (fresh.length === 0) return;
      for (const e of fresh) {
        log.prepend(
          h(
            'li',
            { class: `event-${e.kind}` },
            h('span', { class: 'when' }, `T+ ${clockText(e.atMin)}`),
            ' ',
            e.kind === 'alert'
              ? h('strong', {}, icon('alert'), 'Alarm: ')
              : e.kind === 'result'
                ? h('strong', {}, 'Result: ')
                : null,
            e.text,
          ),
        );
      }
      while (log.children.length > 30) log.lastElementChild?.remove();
      const alarms = fresh.filter((e) => e.kind === 'alert').map((e) => e.text);
      const news = fresh
        .filter((e) => e.kind !== 'alert')
        .map((e) => (e.kind === 'result' ? `New result: ${e.text}` : e.text));
      if (alarms.length > 0) assertive.textContent = alarms.join(' ');
      if (news.length > 0) polite.textContent = news.slice(-3).join(' ');
    },
  };
}
