import { describe, expect, it } from 'vitest';
import type { LearnerAction } from '../../src/engine/index.ts';
import { firstCase, startActor, traceMapFall } from '../support/play.ts';

/** Drive an actor through timed actions and read the vitals at the given minutes. */
function course(plan: [number, LearnerAction][], readAt: number[]) {
  const actor = startActor();
  const readings: {
    at: number;
    map: number;
    hr: number;
    lactate: number;
    spo2: number;
    gcs: number;
    creatinine: number;
    dead: boolean;
  }[] = [];
  let next = 0;
  for (const at of readAt) {
    while (next < plan.length && (plan[next]?.[0] ?? Infinity) <= at) {
      const [when, action] = plan[next] ?? [0, { do: 'examine', id: 'general' }];
      actor.send({ type: 'ADVANCE', toMin: when });
      actor.send({ type: 'ACT', action });
      next += 1;
    }
    actor.send({ type: 'ADVANCE', toMin: at });
    const play = actor.getSnapshot().context.play;
    const v = play.vitals;
    readings.push({
      at,
      map: v.map,
      hr: v.hr,
      lactate: v.lactate,
      spo2: v.spo2,
      gcs: v.gcs,
      creatinine: v.creatinine,
      dead: play.deathAtMin !== null,
    });
  }
  return readings;
}
const treat = (id: string, dose?: number): LearnerAction =>
  dose === undefined ? { do: 'treat', id } : { do: 'treat', id, dose };
const at = (readings: ReturnType<typeof course>, minute: number) => {
  const r = readings.find((x) => x.at === minute);
  if (r === undefined) throw new Error(`no reading at ${String(minute)}`);
  return r;
};
const THIRTY_ML_PER_KG: [number, LearnerAction][] = [
  [0, treat('lactated-ringers', 1000)],
  [40, treat('lactated-ringers', 1000)],
  [80, treat('lactated-ringers', 250)],
];

describe('the shock model, calibrated to the report (clinical pack §4.3)', () => {
  it('shows the reported arrival vitals: MAP about 60 and HR about 109', () => {
    const [arrival] = course([], [0]);
    expect(arrival?.map).toBeCloseTo(60, 0);
    expect(Math.round(arrival?.hr ?? 0)).toBe(109);
    expect(arrival?.lactate).toBeCloseTo(4.4, 1);
  });

  it('follows the untreated trajectory of pack §4.4 A within a few mmHg', () => {
    const r = course([], [60, 120, 240, 360]);
    expect(at(r, 60).map).toBeGreaterThan(55);
    expect(at(r, 120).map).toBeLessThan(at(r, 60).map);
    expect(at(r, 240).map).toBeGreaterThan(46);
    expect(at(r, 240).map).toBeLessThan(54);
    expect(at(r, 360).lactate).toBeGreaterThan(6.5);
    expect(at(r, 360).gcs).toBeLessThan(15);
  });
});

describe('pack §4.6 sanity checks', () => {
  it('1. inaction reaches cardiac arrest in 5–10 simulated hours, not minutes', () => {
    const actor = startActor();
    actor.send({ type: 'ADVANCE', toMin: 720 });
    const death = actor.getSnapshot().context.play.deathAtMin;
    expect(death).not.toBeNull();
    expect(death).toBeGreaterThanOrEqual(300);
    expect(death).toBeLessThanOrEqual(600);
  });

  it('2. fluids alone buy time but never hold the MAP: above 65 for a while, below it by 3 hours', () => {
    const r = course(THIRTY_ML_PER_KG, [60, 180, 360, 720]);
    expect(at(r, 60).map).toBeGreaterThanOrEqual(65);
    expect(at(r, 180).map).toBeLessThan(65);
    expect(at(r, 720).map).toBeLessThan(at(r, 360).map);
  });

  it('3. norepinephrine alone holds the MAP at first, but the same dose falls behind as the infection grows', () => {
    const r = course([[0, treat('norepinephrine', 0.15)]], [60, 240, 600]);
    expect(at(r, 60).map).toBeGreaterThanOrEqual(65);
    expect(at(r, 600).map).toBeLessThan(at(r, 60).map - 8);
    const bigger = course(
      [
        [0, treat('norepinephrine', 0.15)],
        [590, treat('norepinephrine', 0.4)],
      ],
      [600],
    );
    expect(at(bigger, 600).map).toBeGreaterThan(at(r, 600).map); // the requirement has crept up
  });

  it('4. antibiotics without drainage plateau; with drainage the shock resolves', () => {
    const care: [number, LearnerAction][] = [
      ...THIRTY_ML_PER_KG,
      [10, treat('ceftriaxone')],
      [40, treat('norepinephrine', 0.1)],
    ];
    care.sort((a, b) => a[0] - b[0]);
    const undrained = course(care, [360, 720]);
    expect(at(undrained, 720).dead).toBe(false);
    expect(at(undrained, 720).lactate).toBeGreaterThan(2.6);
    expect(Math.abs(at(undrained, 720).lactate - at(undrained, 360).lactate)).toBeLessThan(0.5); // a plateau
    const drained = course([...care, [180, { do: 'dispose', id: 'operating-room' }]], [720]);
    expect(at(drained, 720).lactate).toBeLessThan(at(undrained, 720).lactate - 0.4);
    expect(at(drained, 720).map).toBeGreaterThan(at(undrained, 720).map);
  });

  it('5. six litres of fluid produce hypoxaemia', () => {
    const r = course(
      [
        [0, treat('lactated-ringers', 2000)],
        [80, treat('lactated-ringers', 2000)],
        [160, treat('lactated-ringers', 2000)],
      ],
      [240],
    );
    expect(at(r, 240).spo2).toBeLessThan(90);
  });

  it('6. every parameter comes from the case: changing the case changes the patient', () => {
    const milder = structuredClone(firstCase);
    milder.data.physiology.initial.burden = 0.3;
    milder.data.physiology.initial.severity = 0.3;
    const actor = startActor(1, milder);
    actor.send({ type: 'ADVANCE', toMin: 720 });
    expect(actor.getSnapshot().context.play.deathAtMin).toBeNull();
  });
});

describe('drug effects', () => {
  it('analgesia lowers the heart rate of a patient in pain', () => {
    const without = course([], [30]);
    const withMorphine = course([[0, treat('morphine')]], [30]);
    expect(at(withMorphine, 30).hr).toBeLessThan(at(without, 30).hr - 4);
  });

  it('an NSAID in shock pushes creatinine up faster', () => {
    const without = course([], [360]);
    const withNsaid = course([[0, treat('diclofenac')]], [360]);
    expect(at(withNsaid, 360).creatinine).toBeGreaterThan(at(without, 360).creatinine);
  });

  it('oxygen raises the saturation', () => {
    expect(at(course([[0, treat('oxygen')]], [10]), 10).spo2).toBeGreaterThan(
      at(course([], [10]), 10).spo2 + 3,
    );
  });

  it('the anaesthetic induction dip is smaller when norepinephrine is already running', () => {
    const theatre: LearnerAction = { do: 'dispose', id: 'operating-room' };
    const traceDip = (plan: [number, LearnerAction][]) => traceMapFall(firstCase, plan, 235, 245);
    const bare = traceDip([
      [175, treat('lactated-ringers', 1000)],
      [180, theatre],
    ]);
    const onPressor = traceDip([
      [175, treat('norepinephrine', 0.1)],
      [180, theatre],
    ]);
    expect(bare).toBeGreaterThan(10);
    expect(onPressor).toBeLessThan(bare);
  });
});
