import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/cli/files.ts';
import {
  checkCase,
  createCaseMachine,
  playScript,
  playToEnd,
  type PlayResult,
  type ResolvedCase,
} from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { item } from '../support/play.ts';

/**
 * A case written from scratch for the scenario engine (tests/fixtures/cases/toxic-alcohol-fixture.json, with its
 * own catalogue entries beside it): phases, a timed deterioration, an arrest with a return of circulation, a
 * ventilator, dialysis, serial results, a value above the measurable range and state-gated rules.
 */
const PATH = 'tests/fixtures/cases/toxic-alcohol-fixture.json';
function load(): { resolved: ResolvedCase; warnings: unknown[] } {
  const loaded = loadCaseFile(PATH);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded;
}
const loaded = load();
const fixture: ResolvedCase = loaded.resolved;

const GAS: ScriptAction[] = [
  { at: 0, do: 'examine', id: 'general' },
  { at: 2, do: 'order', id: 'blood-gas' },
];
/** The best path with the learner staying at the bedside (no disposition). */
const STAYING = fixture.data.bestPath.actions.filter((a) => a.do !== 'dispose');
const play = (actions: ScriptAction[], seed?: number): PlayResult => playScript(fixture, { actions }, seed);
const at = (result: PlayResult, minute: number) => result.timeline.filter((e) => e.at === minute);
const traceAt = (actions: ScriptAction[], minute: number) =>
  playToEnd(fixture, { actions }).trace.find((p) => p.atMin === minute);

describe('a case that uses every construct of the scenario engine', () => {
  it('validates with its own catalogue entries (fomepizole, a methanol level) and passes the checker', () => {
    // It loaded (the module would have thrown otherwise), without a warning: its minute-0 vitals are calibrated.
    expect(loaded.warnings).toEqual([]);
    expect(fixture.catalog.treatments.fomepizole).toBeDefined();
    const check = checkCase(fixture);
    expect(check.results.filter((r) => !r.ok)).toEqual([]);
  });

  it('shows its course in the statechart: one state per phase, the arrest phase, the deterioration as a transition', () => {
    const running = createCaseMachine(fixture).config.states?.running;
    expect(Object.keys(running?.states ?? {})).toEqual([
      'poisoned',
      'coma',
      'post-rosc',
      'recovering',
      'arrest',
    ]);
    expect(JSON.stringify(running?.states?.poisoned?.always)).toContain('"event":"formate-coma"');
  });

  it('the best path (fomepizole on suspicion, bicarbonate, dialysis, ICU) scores full marks; no coma comes', () => {
    const best = play(fixture.data.bestPath.actions);
    expect(best.score.percent).toBe(100);
    expect(best.outcome.status).toBe('alive');
    expect(best.course.events['formate-coma']).toBeUndefined();
    // The receiving ICU stops the dialysis after four hours, as the case's handover says; it is not the learner's.
    expect(
      best.timeline.some(
        (e) => e.text === 'Receiving team: Stopped Haemodialysis (intermittent, via a dialysis catheter).',
      ),
    ).toBe(true);
    // Dialysis clears the formate: the phase moves on once it is below 4 mmol/L.
    expect(best.course.phases).toContain('recovering');
  });

  it('without fomepizole the formate accumulates at 90 minutes: coma, the phase changes, the nurse calls', () => {
    const nothing = play(GAS);
    expect(nothing.course.events['formate-coma']).toEqual([90]);
    expect(at(nothing, 90).map((e) => e.text)).toEqual([
      'Formate accumulates: he becomes comatose.',
      "Nurse: He's not responding to his name any more, and his breathing is slowing.",
      'Phase: Coma: losing the respiratory compensation.',
    ]);
    expect(traceAt(GAS, 95)?.gcs).toBe(7);
    expect(nothing.outcome.status).toBe('dead');
    expect(nothing.score.percent).toBeLessThanOrEqual(30);
  });

  it('the ventilator sets the pCO2: the default 14 × 450 mL drops the pH to an arrest, 24 × 500 mL keeps the compensation', () => {
    const intubate = (rate: number, tidal: number): ScriptAction[] => [
      ...GAS,
      { at: 92, do: 'treat', id: 'intubation' },
      { at: 102, do: 'treat', id: 'ventilator-rate', dose: rate },
      { at: 102, do: 'treat', id: 'ventilator-tidal-volume', dose: tidal },
    ];
    const slow = play(intubate(14, 450));
    expect(slow.course.arrests[0]).toMatchObject({ rhythm: 'pea' });
    expect(
      slow.timeline.some((e) =>
        e.text.startsWith('Cardiac arrest: pulseless electrical activity (acidaemia'),
      ),
    ).toBe(true);
    const matched = playToEnd(fixture, { actions: intubate(24, 500) });
    expect(matched.arrests).toEqual([]);
    const after = matched.trace.find((p) => p.atMin === 110)?.metabolic;
    expect(after?.ph).toBeGreaterThan(7.15);
    expect(traceAt(intubate(24, 500), 110)?.rr).toBe(24);
  });

  it('the arrest can be resuscitated: CPR, adrenaline and bicarbonate bring the circulation back into the post-ROSC phase', () => {
    const resuscitated = play([
      ...GAS,
      { at: 92, do: 'treat', id: 'intubation' },
      { at: 118, do: 'treat', id: 'cpr' },
      { at: 118, do: 'treat', id: 'adrenaline-iv-bolus' },
      { at: 119, do: 'treat', id: 'sodium-bicarbonate', dose: 100 },
      { at: 120, do: 'treat', id: 'ventilator-rate', dose: 26 },
      { at: 122, do: 'treat', id: 'adrenaline-iv-bolus' },
    ]);
    expect(resuscitated.course.arrests[0]).toMatchObject({ startedAt: 118, outcome: 'rosc' });
    expect(resuscitated.course.phases).toContain('post-rosc');
    expect(item(resuscitated, 'cpr-at-once').earned).toBe(4);
  });

  it('a serial result reads its course point at the sample time, and a level above the assay is "> 100"', () => {
    const ctx = playToEnd(fixture, {
      actions: [
        { at: 0, do: 'order', id: 'methanol-level' },
        ...STAYING,
        { at: 300, do: 'order', id: 'methanol-level' },
      ],
    });
    const rows = ctx.orders
      .filter((o) => o.testId === 'methanol-level')
      .map((o) => (o.result?.kind === 'panel' ? o.result.rows[0] : undefined));
    expect(rows[0]).toMatchObject({ value: 100, censored: 'above', flag: 'HH' });
    expect(rows.at(-1)).toMatchObject({ value: 40, flag: 'HH' });
    expect(rows.at(-1)?.censored).toBeUndefined();
  });

  it('a state-gated rule credits bicarbonate only in acidaemia; at a normal pH it is a harm instead', () => {
    const early = play([...GAS, { at: 10, do: 'treat', id: 'sodium-bicarbonate', dose: 100 }]);
    expect(item(early, 'bicarbonate-for-acidaemia').earned).toBe(6);
    expect(item(early, 'harm-bicarbonate-normal-ph').earned).toBe(0);
    // After fomepizole, bicarbonate and five hours of dialysis the pH is normal: more bicarbonate is not indicated.
    const lateActions: ScriptAction[] = [
      ...STAYING.filter((a) => !(a.do === 'treat' && a.id === 'sodium-bicarbonate')),
      { at: 330, do: 'treat', id: 'sodium-bicarbonate', dose: 100 },
    ];
    expect(playToEnd(fixture, { actions: lateActions }).log.at(-1)?.observed.ph).toBeGreaterThanOrEqual(7.35);
    const late = play(lateActions);
    expect(item(late, 'bicarbonate-for-acidaemia').earned).toBe(0);
    expect(item(late, 'harm-bicarbonate-normal-ph').earned).toBe(-4);
  });
});
