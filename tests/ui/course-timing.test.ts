import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/engine/index.ts';
import { courseTimingText, learnerFirstAt } from '../../src/ui/course-timing.ts';
import { firstCase, script } from '../support/play.ts';

const antibiotic = {
  action: 'treat:ceftriaxone',
  what: { value: 'Ceftriaxone', provenance: 'source' as const, reported: 'ceftriaxona' },
};

describe("the debrief sets the course's time beside the learner's", () => {
  it("the learner's time is their first accepted action with that verb:id", () => {
    const ctx = playToEnd(
      firstCase,
      script(
        [3, 'order', 'blood-cultures'],
        [25, 'treat', 'ceftriaxone'],
        [40, 'treat', 'ceftriaxone'],
        [50, 'end'],
      ),
    );
    expect(learnerFirstAt(ctx.log, 'treat:ceftriaxone')).toBe(25);
    expect(learnerFirstAt(ctx.log, 'order:blood-cultures')).toBe(3);
    expect(learnerFirstAt(ctx.log, 'treat:meropenem')).toBeNull();
  });

  it('a reported time reads "as reported", beside the learner\'s', () => {
    const timed = {
      ...antibiotic,
      atMin: { value: 95, provenance: 'source' as const, reported: 'a la hora y 35 min' },
    };
    expect(courseTimingText(timed, 25, 'real-case')).toBe(
      'Real team: 1 h 35 min (as reported) · You: 25 min',
    );
    expect(courseTimingText(timed, null, 'real-case')).toBe(
      'Real team: 1 h 35 min (as reported) · You: not done',
    );
  });

  it('an estimated time says so, and a synthetic case never speaks of a real team', () => {
    const estimated = {
      ...antibiotic,
      atMin: { value: 60, provenance: 'synthetic' as const, note: 'within the hour' },
    };
    expect(courseTimingText(estimated, 120, 'real-case')).toBe('Real team: 1 h (estimated) · You: 2 h');
    expect(courseTimingText(estimated, 120, 'synthetic-teaching')).toBe(
      'Written course: 1 h (estimated) · You: 2 h',
    );
  });

  it("without the course's time, only the learner's; with neither, nothing", () => {
    expect(courseTimingText(antibiotic, 25, 'real-case')).toBe('You: 25 min');
    expect(courseTimingText(antibiotic, null, 'real-case')).toBeNull();
  });

  it('care before arrival says so', () => {
    const prehospital = {
      ...antibiotic,
      atMin: { value: -30, provenance: 'source' as const, reported: 'paramedics' },
    };
    expect(courseTimingText(prehospital, 5, 'real-case')).toBe(
      'Real team: 30 min before arrival (as reported) · You: 5 min',
    );
  });
});
