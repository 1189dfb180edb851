import { describe, expect, it } from 'vitest';
import { CASE_PATH, loadEditedCase, loadShippedCatalog } from '../support/load.ts';

/**
 * What the loader tells an author who writes a course, a gate, a time cost or a rule anchored on an event
 * that does not hold together: every problem at its JSON path, in words.
 */
const catalog = loadShippedCatalog();
type Json = Record<string, unknown>;

/** The problems (path: message) loading the first case with this edit gives; [] if it loads. */
function problems(edit: (data: Json) => void): string[] {
  const loaded = loadEditedCase(CASE_PATH, edit, catalog);
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path}: ${p.message}`);
}

const course = (data: Json) => data.course as { phases: Json[]; events: Json[]; afterRosc?: string };
const say = { type: 'message', from: 'nurse', text: { value: 'Come quickly.', provenance: 'synthetic' } };
/** Add one event to the first case's course (it becomes events[1]). */
const addEvent = (event: Json) => (data: Json) =>
  course(data).events.push({ id: 'call', label: 'A call', ...event });
const rules = (data: Json) => (data.scoring as { rules: Json[] }).rules;

describe('the loader refuses a course that does not hold together', () => {
  it('an event with no trigger', () => {
    expect(problems(addEvent({ when: {}, effects: [say] }))).toEqual([
      'course.events[1].when: an event needs a trigger: atMin, state or after',
    ]);
  });

  it('an event limited to a phase the course does not have', () => {
    expect(problems(addEvent({ when: { atMin: 5, inPhase: ['septic-shok'] }, effects: [say] }))).toEqual([
      'course.events[1].when.inPhase[0]: unknown phase "septic-shok" (did you mean "septic-shock"?)',
    ]);
  });

  it('an event moving the course to a phase it does not have', () => {
    expect(
      problems(addEvent({ when: { atMin: 5 }, effects: [{ type: 'phase', phase: 'recovered' }] })),
    ).toEqual([
      expect.stringMatching(/^course\.events\[1\]\.effects\[0\]\.phase: unknown phase "recovered"/),
    ]);
  });

  it('afterRosc naming a phase the course does not have', () => {
    expect(problems((data) => (course(data).afterRosc = 'post-arrest'))).toEqual([
      expect.stringMatching(/^course\.afterRosc: unknown phase "post-arrest"/),
    ]);
  });

  it('a physiology change to a path that is not a number in the physiology block', () => {
    const found = problems(
      addEvent({
        when: { atMin: 5 },
        effects: [{ type: 'physiology', set: { 'driver.nope': 1, 'driver.growthPerH': 1 } }],
      }),
    );
    expect(found).toEqual([
      'course.events[1].effects[0].set.driver.nope: "driver.nope" is not a number in the physiology block',
    ]);
  });

  it('a physiology path naming a block, not a number', () => {
    expect(
      problems(
        addEvent({
          when: { atMin: 5 },
          effects: [{ type: 'physiology', set: { 'driver.effectiveTreatments': 1 } }],
        }),
      ),
    ).toEqual([
      expect.stringContaining('"driver.effectiveTreatments" is not a number in the physiology block'),
    ]);
  });

  it('two arrest phases', () => {
    const found = problems((data) =>
      course(data).phases.push(
        { id: 'code-blue', label: 'Code blue', arrest: true },
        { id: 'code-red', label: 'Code red', arrest: true },
      ),
    );
    expect(found).toEqual(['course.phases: at most one phase can be the arrest phase']);
  });

  it('a course that starts in cardiac arrest', () => {
    const found = problems((data) =>
      course(data).phases.unshift({ id: 'code-blue', label: 'Code blue', arrest: true }),
    );
    expect(found).toEqual([
      'course.phases[0].arrest: the course cannot start in cardiac arrest: put a phase before it',
    ]);
  });

  it('the same phase or event twice', () => {
    const found = problems((data) => {
      course(data).phases.push({ id: 'septic-shock', label: 'Again' });
      course(data).events.push({ ...course(data).events[0] });
    });
    expect(found).toEqual([
      'course.phases[2].id: phase "septic-shock" is defined twice',
      'course.events[1].id: event "drainage-complete" is defined twice',
    ]);
  });
});

describe('the loader refuses a gate that names what is not there', () => {
  it('an unknown treatment in an event gate', () => {
    expect(problems(addEvent({ when: { state: { running: ['noradrenalin'] } }, effects: [say] }))).toEqual([
      expect.stringMatching(
        /^course\.events\[1\]\.when\.state\.running\[0\]: unknown treatment "noradrenalin"/,
      ),
    ]);
  });

  it('an unknown treatment in a scoring rule’s gate', () => {
    const found = problems((data) => {
      const hydrocortisone = rules(data).find((r) => r.id === 'hydrocortisone');
      if (hydrocortisone !== undefined) hydrocortisone.when = { running: ['norepinephrin'] };
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^scoring\.rules\[\d+\]\.when\.running\[0\]: unknown treatment "norepinephrin" \(did you mean "norepinephrine"\?\)/,
      ),
    ]);
  });

  it('an unknown phase in a gate', () => {
    expect(problems(addEvent({ when: { state: { phase: ['shock'] } }, effects: [say] }))).toEqual([
      expect.stringMatching(/^course\.events\[1\]\.when\.state\.phase\[0\]: unknown phase "shock"/),
    ]);
  });

  it('a metabolic value in a gate of a case without a metabolic model', () => {
    expect(problems(addEvent({ when: { state: { above: { potassium: 6 } } }, effects: [say] }))).toEqual([
      'course.events[1].when.state.above.potassium: "potassium" needs a metabolic model: add physiology.metabolic or read another value',
    ]);
  });

  it('a metabolic value moved by an event in a case without a metabolic model', () => {
    expect(
      problems(addEvent({ when: { atMin: 5 }, effects: [{ type: 'state', add: { glucose: 100 } }] })),
    ).toEqual([
      expect.stringMatching(/^course\.events\[1\]\.effects\[0\]: "glucose" needs a metabolic model/),
    ]);
  });
});

describe('the loader refuses rules and time costs that name what is not there', () => {
  it('a rule timed from a course event the case does not have', () => {
    const found = problems((data) => {
      const cpr = rules(data).find((r) => r.id === 'cpr-at-once');
      if (cpr !== undefined) cpr.from = { event: 'drainage-completed' };
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^scoring\.rules\[\d+\]\.from\.event: unknown course event "drainage-completed" \(did you mean "drainage-complete"\?\)/,
      ),
    ]);
  });

  it('a time cost for an exam region, question or treatment that does not exist', () => {
    const found = problems(
      (data) => (data.timeCosts = { 'examine:elbow': 2, 'ask:onsett': 1, 'treat:intubate': 5 }),
    );
    expect(found).toEqual([
      expect.stringMatching(/^timeCosts\.examine:elbow: unknown examine target "elbow"/),
      expect.stringMatching(/^timeCosts\.ask:onsett: unknown ask target "onsett" \(did you mean "onset"\?\)/),
      expect.stringMatching(/^timeCosts\.treat:intubate: unknown treat target "intubate"/),
    ]);
  });

  it('a time cost for an action that takes no time (an order)', () => {
    expect(problems((data) => (data.timeCosts = { 'order:lactate': 5 }))).toEqual([
      expect.stringMatching(/^timeCosts\.order:lactate: only examine, ask and treat take time, not "order"/),
    ]);
  });

  it('a sound course with every construct loads', () => {
    const found = problems((data) => {
      course(data).phases.push({ id: 'deteriorating', label: 'Deteriorating' });
      course(data).afterRosc = 'septic-shock';
      course(data).events.push({
        id: 'call',
        label: 'A call',
        when: {
          state: {
            below: { map: 60 },
            running: ['norepinephrine'],
            phase: ['septic-shock'],
            rhythm: ['sinus'],
          },
          forMin: 10,
          after: 'treat:norepinephrine',
          delayMin: 5,
          unless: ['treat:vasopressin'],
          inPhase: ['septic-shock'],
        },
        chance: 0.5,
        repeat: true,
        effects: [
          say,
          { type: 'physiology', set: { 'driver.growthPerH': 0.5 } },
          { type: 'state', add: { burden: 0.1 } },
          { type: 'exam', region: 'gluteal', finding: { value: 'Worse.', provenance: 'synthetic' } },
          { type: 'phase', phase: 'deteriorating' },
        ],
      });
      data.timeCosts = { 'examine:gluteal': 3, 'ask:onset': 2, 'treat:intubation': 15 };
    });
    expect(found).toEqual([]);
  });
});
