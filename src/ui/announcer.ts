import { clockText, type TimelineEntry } from '../engine/index.ts';
import { h, type Child } from './dom.ts';
import { icon } from './icons.ts';

/** "Nurse: He's gone very grey." → the speaker and what they said, or no speaker when the text names none. */
function speech(text: string): { speaker: string | null; said: string } {
  const match = /^([^:]{1,40}): (.+)$/s.exec(text);
  return match === null ? { speaker: null, said: text } : { speaker: match[1] ?? null, said: match[2] ?? '' };
}

/** One entry of the visible log: alarms in red, results labelled, what people say as speech. */
function logItem(e: TimelineEntry): HTMLElement {
  let body: Child[];
  switch (e.kind) {
    case 'alert':
      body = [h('strong', {}, icon('alert'), 'Alarm: '), e.text];
      break;
    case 'result':
      body = [h('strong', {}, 'Result: '), e.text];
      break;
    case 'message': {
      const { speaker, said } = speech(e.text);
      body = [speaker === null ? null : h('strong', {}, `${speaker}: `), h('q', {}, said)];
      break;
    }
    case 'action':
    case 'refused':
    case 'event':
      body = [e.text];
      break;
    default:
      body = [e.kind satisfies never];
  }
  return h(
    'li',
    { class: `event-${e.kind}` },
    h('span', { class: 'when' }, `T+ ${clockText(e.atMin)}`),
    ' ',
    ...body,
  );
}

/**
 * Tells the learner what happened as time passed: new results, what the nurse or the patient says, consultants
 * arriving, alarms. A visible log and two live regions (polite for results and speech, assertive for alarms,
 * arrests and death) so screen-reader users hear the same.
 */
export function announcer() {
  const polite = h('div', { class: 'sr-only', 'aria-live': 'polite', id: 'announce-polite' });
  const assertive = h('div', { class: 'sr-only', 'aria-live': 'assertive', id: 'announce-assertive' });
  // The list scrolls, so it takes focus (keyboard users can scroll it); the live regions below do the announcing.
  const log = h('ol', { class: 'event-log', tabindex: 0, 'aria-labelledby': 'events-title' });
  // Why the clock stopped short of the minute the learner asked for (shown until time moves again).
  const stopped = h('p', { class: 'clock-stopped', hidden: true });
  let seen = 0;
  let stoppedAt: number | null = null;
  return {
    el: h(
      'section',
      { class: 'events', 'aria-labelledby': 'events-title' },
      h('h2', { id: 'events-title' }, 'What happened'),
      stopped,
      log,
      polite,
      assertive,
    ),
    /** `hide` drops entries the learner need not see (the implicit "course" phase of a case without one). */
    update(
      timeline: readonly TimelineEntry[],
      nowMin: number,
      hide: (e: TimelineEntry) => boolean = () => false,
    ) {
      if (stoppedAt !== null && nowMin !== stoppedAt) {
        stoppedAt = null;
        stopped.hidden = true;
      }
      if (timeline.length < seen) seen = 0;
      const fresh = timeline.slice(seen).filter((e) => e.kind !== 'action' && !hide(e));
      seen = timeline.length;
      if (fresh.length === 0) return;
      for (const e of fresh) log.prepend(logItem(e));
      while (log.children.length > 30) log.lastElementChild?.remove();
      const alarms = fresh.filter((e) => e.kind === 'alert').map((e) => e.text);
      const news = fresh
        .filter((e) => e.kind !== 'alert')
        .map((e) => (e.kind === 'result' ? `New result: ${e.text}` : e.text));
      if (alarms.length > 0) assertive.textContent = alarms.join(' ');
      if (news.length > 0) polite.textContent = news.slice(-3).join(' ');
    },
    /**
     * The clock stopped at `atMin`, before the minute asked for, because of `because` (what happened there): said
     * on screen above the log, and aloud (assertively when it is an alarm such as an arrest).
     */
    clockStopped(atMin: number, because: readonly TimelineEntry[]) {
      const what = because.filter((e) => e.kind !== 'action').map((e) => e.text);
      const text = `Clock stopped at T+ ${clockText(atMin)}${what.length > 0 ? `: ${what.join(' ')}` : '.'}`;
      stoppedAt = atMin;
      stopped.hidden = false;
      stopped.textContent = text;
      const region = because.some((e) => e.kind === 'alert') ? assertive : polite;
      region.textContent = text;
    },
  };
}
