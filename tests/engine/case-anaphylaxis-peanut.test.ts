import { describe, expect, it } from 'vitest';
import { playScript, playToEnd, type ResolvedCase } from '../../src/engine/index.ts';
import { byMinute } from '../../src/engine/play/play.ts';
import type { Vitals } from '../../src/engine/sim/physiology/observe.ts';
import { harmfulScriptFor, loadShippedCase } from '../support/load.ts';
import { item, script, startActor, type Step } from '../support/play.ts';

const anaphylaxis: ResolvedCase = loadShippedCase('cases/anaphylaxis-peanut.json');
const play = (steps: Step[]) => playScript(anaphylaxis, script(...steps), 1);

/** The simulated vitals at `minute` (unrounded), after the steps up to then. */
function vitalsAt(steps: Step[], minute: number): Vitals {
  const actor = startActor(1, anaphylaxis);
  actor.send({ type: 'REPLAY', steps: byMinute(script(...steps.filter(([at]) => at <= minute)).actions) });
  actor.send({ type: 'ADVANCE', toMin: minute });
  return actor.getSnapshot().context.play.vitals;
}
const deathMinute = (steps: Step[]) => playToEnd(anaphylaxis, script(...steps), 1).deathAtMin;

const IM = (at: number): Step => [at, 'treat', 'adrenaline-im', 0.5];
const ONE_DOSE: Step[] = [IM(2)];
const TWO_DOSES: Step[] = [IM(2), IM(8)];
const LITRE: Step = [3, 'treat', 'lactated-ringers', 1000];

const bestPath = anaphylaxis.data.bestPath.actions;
const best = playScript(anaphylaxis, { actions: bestPath }, 1);

const harmfulSteps: Step[] = harmfulScriptFor(anaphylaxis).actions.map((a): Step => [
  a.at,
  a.do,
  a.id,
  a.dose,
]);
const harmful = play(harmfulSteps);

describe('anaphylaxis: the case as written', () => {
  it('starts at the recorded arrival vitals: 76/40, HR 132, RR 28, SpO2 90 %', () => {
    const v = vitalsAt([], 0);
    const arrival = anaphylaxis.data.presentation.arrivalVitals;
    expect(Math.round(v.sbp)).toBe(arrival.sbp.value);
    expect(Math.round(v.dbp)).toBe(arrival.dbp.value);
    expect(Math.round(v.hr)).toBe(arrival.hr.value);
    expect(Math.round(v.rr)).toBe(arrival.rr.value);
    expect(Math.round(v.spo2)).toBe(arrival.spo2.value);
    expect(Math.round(v.map)).toBe(52);
    expect(v.lactate).toBeCloseTo(3.2, 1);
  });
});

describe('anaphylaxis: scoring', () => {
  it('the best path (IM adrenaline ×2, legs up, oxygen, 1 L, airway team, observation) scores ≥ 85 % alive', () => {
    expect(best.outcome.status).toBe('alive');
    expect(best.score.percent).toBeGreaterThanOrEqual(85);
    expect(best.score.items.filter((i) => i.category === 'harm' && i.earned < 0)).toEqual([]);
  });

  it('the harmful learner falls into every trap and scores near nothing', () => {
    for (const id of [
      'harm-antihistamine-first',
      'harm-steroid-first',
      'harm-sitting-up',
      'harm-iv-bolus',
      'harm-discharge',
    ])
      expect(item(harmful, id).earned, id).toBeLessThan(0);
    expect(item(harmful, 'adrenaline-im-first').earned).toBeLessThan(10);
    expect(item(harmful, 'no-adrenaline-overdose').earned).toBe(0);
    expect(harmful.score.percent).toBeLessThanOrEqual(15);
  });

  it('the harmful learner sees the consequences: MAP ~40 once sat up, then a crisis of MAP > 130 and HR > 160', () => {
    const untreated = vitalsAt([], 5).map;
    const satUp = vitalsAt(harmfulSteps, 5).map;
    expect(satUp).toBeLessThan(42);
    expect(untreated - satUp).toBeGreaterThan(8);
    const afterBolus = [7, 8, 9, 10, 11].map((m) => vitalsAt(harmfulSteps, m));
    expect(Math.max(...afterBolus.map((v) => v.map))).toBeGreaterThan(130);
    expect(Math.max(...afterBolus.map((v) => v.hr))).toBeGreaterThan(160);
    // The bolus does nothing lasting: 10 minutes later he is back in shock.
    expect(vitalsAt(harmfulSteps, 20).map).toBeLessThan(55);
  });

  it('doing nothing fails, and the patient arrests 20–30 minutes after arrival', () => {
    const nothing = play([]);
    expect(nothing.outcome.status).toBe('dead');
    const arrest = nothing.timeline.find((e) => e.text.startsWith('Cardiac arrest'));
    expect(arrest?.at).toBeGreaterThanOrEqual(20);
    expect(arrest?.at).toBeLessThanOrEqual(30);
    expect(nothing.score.percent).toBeLessThanOrEqual(30);
  });

  it('a second dose less than 5 minutes after the first is not the repeat; a dose at 15 minutes is', () => {
    expect(item(play([IM(2), IM(4)]), 'adrenaline-im-repeat').earned).toBe(0);
    expect(item(play([IM(2), IM(15)]), 'adrenaline-im-repeat').earned).toBe(10);
  });

  it('an antihistamine after adrenaline, or sitting up once the pressure is back, is not a harm', () => {
    const later = playScript(
      anaphylaxis,
      {
        actions: [
          ...bestPath.filter((a) => a.do !== 'dispose'),
          { at: 50, do: 'treat', id: 'cetirizine', dose: 10 },
          { at: 55, do: 'treat', id: 'position-sitting-up' },
          { at: 60, do: 'dispose', id: 'ed-observation' },
        ],
      },
      1,
    );
    expect(item(later, 'harm-antihistamine-first').earned).toBe(0);
    expect(item(later, 'harm-sitting-up').earned).toBe(0);
  });
});

describe('anaphylaxis: the dynamics of clinical pack §5.3 (teaching-grade model)', () => {
  it('antihistamine and steroid change nothing: he arrests at the same minute as with no treatment', () => {
    const nothing = deathMinute([]);
    expect(nothing).not.toBeNull();
    expect(
      deathMinute([
        [1, 'treat', 'chlorphenamine', 10],
        [1, 'treat', 'hydrocortisone', 100],
      ]),
    ).toBe(nothing);
  });

  it('untreated, MAP 52 falls to 45 within about 20 minutes', () => {
    expect(vitalsAt([], 20).map).toBeLessThanOrEqual(46);
    expect(vitalsAt([], 10).map).toBeGreaterThan(45);
  });

  it('one IM dose at +2 min: by +8 min about 88/50 (MAP 63 ± 3), HR 124 ± 6, SpO2 93 ± 3', () => {
    const v = vitalsAt(ONE_DOSE, 8);
    expect(Math.abs(v.map - 63)).toBeLessThanOrEqual(3);
    expect(Math.abs(v.hr - 124)).toBeLessThanOrEqual(6);
    expect(Math.abs(v.spo2 - 93)).toBeLessThanOrEqual(3);
  });

  it('one dose alone wears off: still hypotensive at 30–45 minutes, where a second dose holds him', () => {
    for (const minute of [30, 45])
      expect(vitalsAt(ONE_DOSE, minute).map, `+${String(minute)}`).toBeLessThan(65);
    expect(vitalsAt(TWO_DOSES, 30).map).toBeGreaterThanOrEqual(68);
  });

  it('a second dose at +8 min: by +20 min about 104/62 (± 5), HR 112 ± 6, SpO2 ≥ 96', () => {
    const v = vitalsAt(TWO_DOSES, 20);
    expect(Math.abs(v.sbp - 104)).toBeLessThanOrEqual(5);
    expect(Math.abs(v.dbp - 62)).toBeLessThanOrEqual(5);
    expect(Math.abs(v.hr - 112)).toBeLessThanOrEqual(6);
    expect(v.spo2).toBeGreaterThanOrEqual(96);
  });

  it('1 L crystalloid adds 5–8 mmHg once it has run in', () => {
    for (const minute of [45, 60]) {
      const gain = vitalsAt([...TWO_DOSES, LITRE], minute).map - vitalsAt(TWO_DOSES, minute).map;
      expect(gain, `+${String(minute)}`).toBeGreaterThanOrEqual(5);
      expect(gain, `+${String(minute)}`).toBeLessThanOrEqual(8);
    }
  });

  it('he is preload-sensitive: legs raised add about 6 mmHg, sitting up takes about 10', () => {
    const untreated = vitalsAt([], 3).map;
    const legs = vitalsAt([[1, 'treat', 'position-legs-raised']], 3).map - untreated;
    const sitting = vitalsAt([[1, 'treat', 'position-sitting-up']], 3).map - untreated;
    expect(legs).toBeGreaterThanOrEqual(4);
    expect(legs).toBeLessThanOrEqual(8);
    expect(sitting).toBeLessThanOrEqual(-8);
    expect(sitting).toBeGreaterThanOrEqual(-13);
  });

  it('salbutamol helps the saturation a little and the pressure not at all', () => {
    const neb: Step[] = [[1, 'treat', 'salbutamol-nebulised', 5]];
    const gain = vitalsAt(neb, 10).spo2 - vitalsAt([], 10).spo2;
    expect(gain).toBeGreaterThan(0.5);
    expect(gain).toBeLessThanOrEqual(2);
    expect(vitalsAt(neb, 10).map).toBeCloseTo(vitalsAt([], 10).map, 5);
  });

  it('on the best path he is out of shock by 10 minutes and stays well to the 8-hour horizon', () => {
    const trace = playToEnd(anaphylaxis, { actions: bestPath }, 1).trace;
    expect(trace.at(-1)?.atMin).toBe(anaphylaxis.data.horizonMin);
    for (const point of trace.filter((p) => p.atMin >= 10)) {
      expect(point.map, `MAP at ${String(point.atMin)}`).toBeGreaterThanOrEqual(70);
      expect(point.spo2, `SpO2 at ${String(point.atMin)}`).toBeGreaterThanOrEqual(96);
    }
    expect(trace.at(-1)?.hr).toBeLessThan(85);
    expect(trace.at(-1)?.lactate).toBeLessThanOrEqual(1.5);
  });
});
