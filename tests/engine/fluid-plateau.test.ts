import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LearnerAction } from '../../src/engine/index.ts';
import { fluidResponsiveness } from '../../src/engine/sim/physiology/observe.ts';
import { initialPatient } from '../../src/engine/sim/physiology/state.ts';
import { firstCase, startActor } from '../support/play.ts';

/**
 * Fluid responsiveness falls as the patient fills (clinical pack §4.3 FR, §4.4 B: "a late bolus in a patient already
 * given ≥ 40 mL/kg (FR → 0) gives ≤ +2 mmHg"; §4.6 check 2: fluids alone never normalise the MAP durably). The first
 * case's patient weighs 75 kg, so 40 mL/kg is 3,000 mL: six 500 mL boluses of Ringer's lactate.
 */
const WEIGHT_KG = firstCase.data.patient.weightKg.value;
const BOLUS_ML = 500;
const ringer = (at: number): [number, LearnerAction] => [
  at,
  { do: 'treat', id: 'lactated-ringers', dose: BOLUS_ML },
];
/** 500 mL every 30 min from arrival, leaving out the boluses at the minutes in `skip`. */
const everyHalfHour = (count: number, skip: number[] = []) =>
  Array.from({ length: count }, (_, i) => i * 30)
    .filter((at) => !skip.includes(at))
    .map(ringer);

/** The MAP (and the net fluid balance) at each minute from 0 to `untilMin`, under the plan. */
function course(plan: [number, LearnerAction][], untilMin: number) {
  const actor = startActor();
  const map: number[] = [];
  const netMl: number[] = [];
  let next = 0;
  for (let minute = 0; minute <= untilMin; minute++) {
    actor.send({ type: 'ADVANCE', toMin: minute });
    while (next < plan.length && plan[next]?.[0] === minute) {
      const action = plan[next]?.[1];
      if (action !== undefined) actor.send({ type: 'ACT', action });
      next += 1;
    }
    const play = actor.getSnapshot().context.play;
    map.push(play.vitals.map);
    netMl.push(play.patient.netFluidMl);
  }
  return { map, netMl };
}

/** The seventh bolus, the first one given after 40 mL/kg (six 500 mL boluses at 0–150 min). */
const LATE_BOLUS_AT = 180;

describe('fluid responsiveness plateaus as the patient fills (pack §4.3, §4.4 B)', () => {
  it('after 40 mL/kg, the next 500 mL bolus raises the MAP by 2 mmHg at most, with no vasopressor', () => {
    const given = course(everyHalfHour(12), LATE_BOLUS_AT + 20);
    expect(given.netMl[LATE_BOLUS_AT]).toBeGreaterThanOrEqual(40 * WEIGHT_KG - 100); // what urine took, at most
    const before = given.map[LATE_BOLUS_AT] ?? NaN;
    // Read 10–20 min after the bolus starts: mid-bolus and at its end (500 mL at 25 mL/min), the largest gain.
    const after = Math.max(...given.map.slice(LATE_BOLUS_AT + 10, LATE_BOLUS_AT + 21));
    expect(after - before).toBeLessThanOrEqual(2);
    // The bolus's own share: the same course without it, at the bolus's end.
    const withheld = course(everyHalfHour(12, [LATE_BOLUS_AT]), LATE_BOLUS_AT + 20);
    const gain = (given.map[LATE_BOLUS_AT + 20] ?? NaN) - (withheld.map[LATE_BOLUS_AT + 20] ?? NaN);
    expect(gain).toBeGreaterThan(0);
    expect(gain).toBeLessThanOrEqual(2);
  });

  it('500 mL every 30 min no longer holds the MAP at 65 once 40 mL/kg is in (fluids buy time, not cure)', () => {
    const { map } = course(everyHalfHour(12), 360);
    expect(Math.max(...map.slice(60, 150))).toBeGreaterThanOrEqual(65); // the early boluses did lift it
    for (const minute of [240, 300, 360]) expect(map[minute]).toBeLessThan(65);
  });

  it('the early boluses still work: one 500 mL bolus lifts a MAP of 60 to 64–66, then it drifts back (§4.4 B)', () => {
    const { map } = course([ringer(0)], 90);
    expect(map[0]).toBeCloseTo(60, 0);
    expect(map[20]).toBeGreaterThanOrEqual(64);
    expect(map[20]).toBeLessThanOrEqual(66);
    expect(map[60]).toBeLessThan(map[20] ?? NaN);
    expect(map[90]).toBeLessThanOrEqual(62);
  });

  it('30 mL/kg over 90 min still reaches a MAP of 66–70, and without more it falls back by 3.5 h (§4.4 C)', () => {
    const thirty: [number, LearnerAction][] = [0, 30, 60].map((at) => [
      at,
      { do: 'treat', id: 'lactated-ringers', dose: 750 },
    ]);
    const { map } = course(thirty, 210);
    expect(map[30]).toBeGreaterThanOrEqual(65);
    for (const minute of [60, 90]) {
      expect(map[minute]).toBeGreaterThanOrEqual(66);
      expect(map[minute]).toBeLessThanOrEqual(70);
    }
    expect(map[150]).toBeLessThan(65);
    expect(map[210]).toBeLessThanOrEqual(61);
  });

  it('responsiveness stays within 0–1, never rises as the net balance grows, and is gone from 40 mL/kg', () => {
    const model = firstCase.data.physiology;
    const responsivenessAt = (netFluidMl: number, volumeDeficitMl: number) =>
      fluidResponsiveness(
        { ...initialPatient(model), netFluidMl, volumeDeficitMl },
        volumeDeficitMl / model.volume.responsiveDeficitMl,
        model,
        WEIGHT_KG,
      );
    fc.assert(
      fc.property(
        fc.double({ min: -2000, max: 8000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: -3000, max: 5000, noNaN: true }),
        (net, more, deficit) => {
          const now = responsivenessAt(net, deficit);
          expect(now).toBeGreaterThanOrEqual(0);
          expect(now).toBeLessThanOrEqual(1);
          expect(responsivenessAt(net + more, deficit)).toBeLessThanOrEqual(now);
        },
      ),
    );
    // From 40 mL/kg on, none is left, whatever the deficit (≤ 0 with the bound above: 0).
    fc.assert(
      fc.property(
        fc.double({ min: 40 * WEIGHT_KG, max: 20_000, noNaN: true }),
        fc.double({ min: -3000, max: 5000, noNaN: true }),
        (net, deficit) => {
          expect(responsivenessAt(net, deficit)).toBeLessThanOrEqual(0);
        },
      ),
    );
    // Arrival: fully responsive (a 2 L deficit, nothing given).
    expect(responsivenessAt(0, 2000)).toBe(1);
  });
});
