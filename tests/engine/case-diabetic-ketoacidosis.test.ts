import { describe, expect, it } from 'vitest';
import {
  playScript,
  playToEnd,
  type CaseContext,
  type ResolvedCase,
  type TracePoint,
} from '../../src/engine/index.ts';
import type { ScriptAction } from '../../src/engine/case/schema/script.ts';
import { harmfulScriptFor, loadShippedCase } from '../support/load.ts';
import { item } from '../support/play.ts';

const dka: ResolvedCase = loadShippedCase('cases/diabetic-ketoacidosis.json');
const harmfulScript = harmfulScriptFor(dka);

const BEST = dka.data.bestPath.actions;
const sorted = (actions: ScriptAction[]) => [...actions].sort((a, b) => a.at - b.at);
const without = (...ids: string[]) => BEST.filter((a) => a.id === undefined || !ids.includes(a.id));
const course = (actions: ScriptAction[]): CaseContext => playToEnd(dka, { actions: sorted(actions) });

/** The simulated state at a minute (the trace keeps one point every 5 minutes). */
function at(
  ctx: CaseContext,
  minute: number,
): TracePoint & { metabolic: NonNullable<TracePoint['metabolic']> } {
  const point = ctx.trace.find((p) => p.atMin === minute);
  if (point?.metabolic === undefined) throw new Error(`no metabolic trace point at minute ${String(minute)}`);
  return { ...point, metabolic: point.metabolic };
}
/** The first minute (on the 5-minute trace) at which a condition holds, or null. */
const firstMinute = (ctx: CaseContext, holds: (p: TracePoint) => boolean) =>
  ctx.trace.find(holds)?.atMin ?? null;

/** Each sample's value of one component of a test, in the order the samples were taken. */
function samples(ctx: CaseContext, testId: string, componentId: string): number[] {
  return ctx.orders
    .filter((o) => o.testId === testId && o.result?.kind === 'panel')
    .map((o) => {
      const row =
        o.result?.kind === 'panel' ? o.result.rows.find((r) => r.componentId === componentId) : null;
      return Number(row?.value);
    });
}

const best = playScript(dka, { actions: BEST });
const bestCourse = course(BEST);
const nothing = playScript(dka, { actions: [] });
const nothingCourse = course([]);
const harmful = playScript(dka, harmfulScript);
const harmfulCourse = playToEnd(dka, harmfulScript);

describe('the DKA results follow the patient', () => {
  it('the first results are the pack values: glucose 486, ketones 6.1, pH 7.13 / pCO2 16 / HCO3 5, K 5.8, gap 30', () => {
    expect(samples(bestCourse, 'poc-glucose', 'glucose')[0]).toBe(486);
    expect(samples(bestCourse, 'poc-ketones', 'beta-hydroxybutyrate')[0]).toBe(6.1);
    expect(samples(bestCourse, 'blood-gas-venous', 'ph')[0]).toBeCloseTo(7.13, 2);
    expect(samples(bestCourse, 'blood-gas-venous', 'pco2')[0]).toBeGreaterThanOrEqual(15);
    expect(samples(bestCourse, 'blood-gas-venous', 'pco2')[0]).toBeLessThanOrEqual(16);
    expect(samples(bestCourse, 'blood-gas-venous', 'hco3')[0]).toBe(5);
    expect(samples(bestCourse, 'blood-gas-venous', 'potassium')[0]).toBe(5.8);
    expect(samples(bestCourse, 'bmp', 'anion-gap')[0]).toBe(30);
  });

  it('repeated glucose, ketones and gases show the change (potassium 5.8 → 5.4 → 4.9)', () => {
    const glucose = samples(bestCourse, 'poc-glucose', 'glucose');
    const ketones = samples(bestCourse, 'poc-ketones', 'beta-hydroxybutyrate');
    const potassium = samples(bestCourse, 'blood-gas-venous', 'potassium');
    expect(glucose.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < glucose.length; i++) expect(glucose[i]).toBeLessThan(glucose[i - 1] ?? 0);
    for (let i = 1; i < ketones.length; i++) expect(ketones[i]).toBeLessThan(ketones[i - 1] ?? 0);
    expect(potassium.slice(0, 3)).toEqual([5.8, 5.4, 4.9]);
    expect(glucose.at(-1)).toBeLessThan(250); // the reading that sets off the dextrose
  });
});

describe('scoring', () => {
  it('the best path scores in the top band with the patient alive and no harm', () => {
    expect(best.outcome.status).toBe('alive');
    expect(best.score.percent).toBeGreaterThanOrEqual(85);
    expect(best.score.items.filter((i) => i.earned < 0)).toEqual([]);
  });

  it('doing nothing fails: the acidosis deepens and she is still in the department', () => {
    expect(nothing.score.percent).toBeLessThanOrEqual(30);
    expect(at(nothingCourse, 780).metabolic.ph).toBeLessThan(7.08);
    expect(at(nothingCourse, 780).hr).toBeGreaterThan(135);
  });

  it('the harmful learner is penalised for insulin before a potassium and for bicarbonate, and the potassium falls to an arrest', () => {
    expect(item(harmful, 'harm-insulin-before-potassium').earned).toBe(-12);
    expect(item(harmful, 'harm-bicarbonate').earned).toBe(-8);
    expect(item(harmful, 'no-hypokalaemia').earned).toBe(0);
    expect(harmful.score.percent).toBeLessThan(35);
    // 100 mmol of bicarbonate at 20 min on top of the insulin: 5.8 → ≤ 4.9 by 30 min
    expect(at(harmfulCourse, 30).metabolic.potassium).toBeLessThanOrEqual(4.9);
    expect(at(harmfulCourse, 240).metabolic.potassium).toBeLessThan(3.5);
    expect(harmful.outcome.status).toBe('dead');
    expect(harmfulCourse.deathAtMin).toBeGreaterThan(300);
    expect(harmfulCourse.deathAtMin).toBeLessThan(480);
    expect(harmful.timeline.some((e) => e.text.includes('ventricular fibrillation (potassium 2.5'))).toBe(
      true,
    );
  });
});

describe('the dynamics follow the clinical pack (§5.2)', () => {
  it('fluids alone (2 L in 2 h): glucose falls 10–20 % and the heart rate from 124 to about 110', () => {
    const fluids = course([
      { at: 3, do: 'treat', id: 'normal-saline', dose: 1000 },
      { at: 63, do: 'treat', id: 'normal-saline', dose: 1000 },
    ]);
    const glucose = at(fluids, 120).metabolic.glucose;
    expect(glucose / 486).toBeGreaterThan(0.8);
    expect(glucose / 486).toBeLessThan(0.9);
    expect(at(fluids, 120).hr).toBeGreaterThanOrEqual(100);
    expect(at(fluids, 120).hr).toBeLessThanOrEqual(115);
  });

  it('with insulin 0.1 units/kg/h the glucose falls 50–75 mg/dL/h and the ketones about 0.5 mmol/L/h', () => {
    const fall = (at(bestCourse, 60).metabolic.glucose - at(bestCourse, 180).metabolic.glucose) / 2;
    expect(fall).toBeGreaterThanOrEqual(50);
    expect(fall).toBeLessThanOrEqual(75);
    const ketoneFall = (6.1 - at(bestCourse, 600).metabolic.ketones) / 10;
    expect(ketoneFall).toBeGreaterThan(0.4);
    expect(ketoneFall).toBeLessThan(0.7);
  });

  it('pH 7.13 → about 7.22 at 4 h → ≥ 7.30 by 10 h, the breathing slows, ketones below 0.6 by 13 h', () => {
    expect(at(bestCourse, 240).metabolic.ph).toBeGreaterThanOrEqual(7.19);
    expect(at(bestCourse, 240).metabolic.ph).toBeLessThanOrEqual(7.25);
    expect(at(bestCourse, 600).metabolic.ph).toBeGreaterThanOrEqual(7.3);
    expect(at(bestCourse, 780).metabolic.ketones).toBeLessThan(0.6);
    expect(at(bestCourse, 0).rr - at(bestCourse, 780).rr).toBeGreaterThanOrEqual(8);
  });

  it('on the handed-over infusions the glucose stays 150–250 and the potassium 4.0–5.0 to the horizon', () => {
    for (const p of bestCourse.trace.filter((t) => t.atMin >= 270)) {
      expect(p.metabolic?.glucose ?? 0, String(p.atMin)).toBeGreaterThanOrEqual(150);
      expect(p.metabolic?.glucose ?? 0, String(p.atMin)).toBeLessThanOrEqual(250);
      expect(p.metabolic?.potassium ?? 0, String(p.atMin)).toBeGreaterThanOrEqual(4.0);
      expect(p.metabolic?.potassium ?? 0, String(p.atMin)).toBeLessThanOrEqual(5.0);
    }
  });

  it('insulin without potassium replacement: 5.8 → about 4.9 at 2 h → about 4 at 4 h, below 3.0 within 7 h, then an arrhythmic arrest', () => {
    const noK = course(without('saline-potassium', 'potassium-chloride'));
    expect(at(noK, 120).metabolic.potassium).toBeGreaterThanOrEqual(4.6);
    expect(at(noK, 120).metabolic.potassium).toBeLessThanOrEqual(5.1);
    expect(at(noK, 240).metabolic.potassium).toBeGreaterThanOrEqual(3.7);
    expect(at(noK, 240).metabolic.potassium).toBeLessThanOrEqual(4.2);
    expect(firstMinute(noK, (p) => (p.metabolic?.potassium ?? 9) < 3.0)).toBeLessThanOrEqual(420);
    expect(noK.deathAtMin).not.toBeNull();
    expect(noK.timeline.some((e) => e.text.includes('ventricular fibrillation'))).toBe(true);
  });

  it('no dextrose once the glucose is below 250: hypoglycaemia at about 6–8 h and the GCS falls', () => {
    const noDextrose = course(without('dextrose-10'));
    const hypo = firstMinute(noDextrose, (p) => (p.metabolic?.glucose ?? 999) < 70);
    expect(hypo).toBeGreaterThanOrEqual(360);
    expect(hypo).toBeLessThanOrEqual(510);
    expect(at(noDextrose, 660).gcs).toBeLessThanOrEqual(10);
    const played = playScript(dka, { actions: sorted(without('dextrose-10')) });
    expect(item(played, 'no-hypoglycaemia').earned).toBe(0);
    expect(played.score.percent).toBeLessThan(85);
  });

  it('insulin stopped at 4 h 17 min while the ketones are 2.4: ketones and acidosis come back', () => {
    const stopped = course([
      ...without('dextrose-10', 'potassium-chloride').filter((a) => a.do !== 'dispose'),
      { at: 257, do: 'stop', id: 'insulin-infusion' },
      { at: 265, do: 'dispose', id: 'high-dependency' },
    ]);
    const after = at(stopped, 260).metabolic;
    const end = at(stopped, 780).metabolic;
    expect(end.ketones).toBeGreaterThan(after.ketones + 2);
    const peakBicarbonate = Math.max(...stopped.trace.map((p) => p.metabolic?.bicarbonate ?? 0));
    expect(end.bicarbonate).toBeLessThan(peakBicarbonate - 1);
    expect(end.ph).toBeLessThan(at(bestCourse, 780).metabolic.ph - 0.05);
  });

  it('bicarbonate at pH 7.13 lowers the potassium (about 0.8 mmol/L for 100 mmol)', () => {
    const withBicarbonate = course([...BEST, { at: 20, do: 'treat', id: 'sodium-bicarbonate', dose: 100 }]);
    const drop = at(bestCourse, 60).metabolic.potassium - at(withBicarbonate, 60).metabolic.potassium;
    expect(drop).toBeGreaterThanOrEqual(0.6);
    expect(drop).toBeLessThanOrEqual(1.0);
  });
});

describe('the arrest this case can bring (hypokalaemia: insulin and fluids with no potassium)', () => {
  const insulinWithoutPotassium: ScriptAction[] = [
    { at: 0, do: 'treat', id: 'normal-saline', dose: 1000 },
    { at: 5, do: 'treat', id: 'insulin-infusion', dose: 0.1 },
    { at: 60, do: 'treat', id: 'normal-saline', dose: 1000 },
    { at: 120, do: 'treat', id: 'normal-saline', dose: 1000 },
  ];
  const arrestAt = course(insulinWithoutPotassium).arrests[0]?.startedAt ?? 0;
  const answered = (id: string, dose?: number) =>
    item(
      playScript(dka, {
        actions: sorted([
          ...insulinWithoutPotassium,
          { at: arrestAt, do: 'treat', id: 'cpr' },
          { at: arrestAt + 2, do: 'treat', id, ...(dose === undefined ? {} : { dose }) },
        ]),
      }),
      'arrest-cause-treated',
    );

  it('credits the potassium given for it, within 10 minutes', () => {
    expect(arrestAt).toBeGreaterThan(6 * 60);
    expect(answered('potassium-chloride-arrest')).toMatchObject({ earned: 4, max: 4 });
  });

  it('does not credit calcium, which is for hyperkalaemia (the contraindicated variant)', () => {
    for (const id of ['calcium-chloride', 'calcium-gluconate'])
      expect(answered(id)).toMatchObject({ earned: 0, max: 4 });
  });
});
