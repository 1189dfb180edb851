import { describe, expect, it } from 'vitest';
import { playToEnd, scoreCase, type CaseContext, type ResolvedCase } from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { CASE_PATH, editedCase, loadEditedCase, loadShippedCatalog } from '../support/load.ts';

/**
 * The receiving team's standing orders (an edited first case): what the ICU stops on arrival and what it gives
 * later, done by the team and never scored as the learner's.
 */
const catalog = loadShippedCatalog();
const ICU_NOTE = 'The ICU stops the bolus on arrival, starts dopamine at 30 minutes and stops it at 90.';
const withHandover: ResolvedCase = editedCase(
  CASE_PATH,
  (data) => {
    data.handover = [
      {
        dispositions: ['icu'],
        stop: ['lactated-ringers'],
        orders: [
          // out of time order on purpose: the team acts in time order
          { afterMin: 90, do: 'stop', id: 'dopamine' },
          { afterMin: 30, do: 'treat', id: 'dopamine', dose: 5 },
        ],
        note: ICU_NOTE,
      },
    ];
  },
  catalog,
);

/** Fluid running and a vasopressor started, then sent on at minute 60. */
const learner = (where: string): ScriptAction[] => [
  { at: 40, do: 'treat', id: 'lactated-ringers', dose: 1000 },
  { at: 45, do: 'treat', id: 'norepinephrine', dose: 0.1 },
  { at: 60, do: 'dispose', id: where },
];
const toIcu = playToEnd(withHandover, { actions: learner('icu') });
const toWard = playToEnd(withHandover, { actions: learner('ward') });
const given = (ctx: CaseContext, id: string) => ctx.treatments.filter((t) => t.treatmentId === id);
const item = (resolved: ResolvedCase, ctx: CaseContext, id: string) =>
  scoreCase(resolved, ctx).items.find((i) => i.id === id);

describe('a handover entry for the disposition', () => {
  it('stops the treatments it names at the disposition', () => {
    expect(given(toIcu, 'lactated-ringers').map((t) => [t.atMin, t.endsAt])).toEqual([[40, 60]]);
    expect(toIcu.log).toContainEqual(
      expect.objectContaining({ atMin: 60, action: { do: 'stop', id: 'lactated-ringers' }, by: 'team' }),
    );
  });

  it('leaves running what it does not name', () => {
    expect(given(toIcu, 'norepinephrine').map((t) => t.endsAt)).toEqual([null]);
  });

  it("gives the team's orders afterMin after the disposition, in time order, logged as the team's", () => {
    const team = toIcu.log.filter((e) => e.by === 'team').map((e) => [e.atMin, e.action.do, e.action.id]);
    expect(team).toEqual([
      [60, 'stop', 'lactated-ringers'],
      [90, 'treat', 'dopamine'],
      [150, 'stop', 'dopamine'],
    ]);
    expect(given(toIcu, 'dopamine').map((t) => [t.atMin, t.dose, t.endsAt])).toEqual([[90, 5, 150]]);
  });

  it('says what the team does on the timeline, after the learner’s part', () => {
    expect(toIcu.timeline).toContainEqual(
      expect.objectContaining({ atMin: 60, kind: 'event', text: `Handover: ${ICU_NOTE}`, afterEnd: true }),
    );
  });

  it("the learner's score ignores the team's actions: the ICU's dopamine is neither their credit nor their harm", () => {
    const noVasopressor: ScriptAction[] = [
      { at: 40, do: 'treat', id: 'lactated-ringers', dose: 1000 },
      { at: 60, do: 'dispose', id: 'icu' },
    ];
    const teamOnly = playToEnd(withHandover, { actions: noVasopressor });
    expect(given(teamOnly, 'dopamine')).toHaveLength(1);
    expect(item(withHandover, teamOnly, 'real-vasopressor')?.earned).toBe(0);
    expect(item(withHandover, teamOnly, 'harm-dopamine-first')?.earned).toBe(0);
    // the same dopamine given by the learner is theirs: credit as the real team, and the harm of dopamine first
    const own = playToEnd(withHandover, {
      actions: [{ at: 30, do: 'treat', id: 'dopamine', dose: 5 }, ...noVasopressor],
    });
    expect(item(withHandover, own, 'real-vasopressor')?.earned).toBe(1);
    expect(item(withHandover, own, 'harm-dopamine-first')?.earned).toBeLessThan(0);
  });

  it('the learner’s own actions after the disposition do not happen; the team’s do', () => {
    const late = playToEnd(withHandover, {
      actions: [...learner('icu'), { at: 100, do: 'treat', id: 'ceftriaxone' }],
    });
    expect(given(late, 'ceftriaxone')).toEqual([]);
    expect(given(late, 'dopamine')).toHaveLength(1);
  });
});

describe('a disposition without a handover entry', () => {
  it('leaves everything running as it was, and the team does nothing', () => {
    expect(given(toWard, 'lactated-ringers').map((t) => t.endsAt)).toEqual([80]); // the litre runs in over 40 min
    expect(given(toWard, 'norepinephrine').map((t) => t.endsAt)).toEqual([null]);
    expect(toWard.log.filter((e) => e.by === 'team')).toEqual([]);
    expect(toWard.timeline.some((e) => e.text.startsWith('Handover:'))).toBe(false);
  });
});

describe('the loader checks a handover', () => {
  it('rejects unknown dispositions and treatments, at their paths', () => {
    const loaded = loadEditedCase(
      CASE_PATH,
      (data) => {
        data.handover = [
          {
            dispositions: ['icu', 'moon'],
            stop: ['lactated-ringer'],
            orders: [{ afterMin: 5, do: 'treat', id: 'unobtainium' }],
            note: 'x',
          },
        ];
      },
      catalog,
    );
    expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^handover\[0\]\.dispositions\[1\]: unknown disposition "moon"/),
      expect.stringMatching(
        /^handover\[0\]\.stop\[0\]: unknown treatment "lactated-ringer" \(did you mean "lactated-ringers"\?\)/,
      ),
      expect.stringMatching(/^handover\[0\]\.orders\[0\]\.id: unknown treatment "unobtainium"/),
    ]);
  });
});
