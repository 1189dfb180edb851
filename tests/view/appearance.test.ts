import { describe, expect, it } from 'vitest';
import { bayView } from '../../src/view/view-model.ts';
import { appearanceWords } from '../../src/view/appearance.ts';
import type { CaseContext, LearnerAction, ResolvedCase } from '../../src/engine/index.ts';
import { editedCase, loadShippedCase } from '../support/load.ts';
import { firstCase, runPlan, seedWhere } from '../support/play.ts';

const anaphylaxis = loadShippedCase('cases/anaphylaxis-peanut.json');
const stemi = loadShippedCase('cases/inferior-stemi-rv.json');
const dka = loadShippedCase('cases/diabetic-ketoacidosis.json');
const sepsis = firstCase;

const view = (ctx: CaseContext, resolved: ResolvedCase) =>
  bayView(ctx, resolved, { paused: false, reducedMotion: false });
/** The view at `untilMin` after the case's best path up to then (before the patient leaves). */
function alongBestPath(resolved: ResolvedCase, untilMin: number) {
  const plan = resolved.data.bestPath.actions
    .filter((a) => a.at <= untilMin && a.do !== 'dispose' && a.do !== 'end' && a.id !== undefined)
    .map((a): [number, LearnerAction] => [
      a.at,
      a.do === 'treat' && a.dose !== undefined
        ? { do: 'treat', id: a.id ?? '', dose: a.dose }
        : ({ do: a.do, id: a.id ?? '' } as LearnerAction),
    ]);
  return view(runPlan(resolved, plan, untilMin), resolved);
}
const untreated = (resolved: ResolvedCase, untilMin: number) =>
  view(runPlan(resolved, [], untilMin), resolved);

describe('the patient looks like the case: who they are', () => {
  it('takes age and sex from the case, and judges the build from the weight when the case gives none', () => {
    expect(untreated(sepsis, 0).patient.person).toEqual({ ageYears: 47, sex: 'male', build: 'average' });
    expect(untreated(dka, 0).patient.person).toEqual({ ageYears: 24, sex: 'female', build: 'average' });
    const light = editedCase('cases/diabetic-ketoacidosis.json', (data) => {
      (data.patient as { weightKg: { value: number } }).weightKg.value = 45;
    });
    expect(untreated(light, 0).patient.person.build).toBe('slim');
  });

  it('draws the build the case declares over the one the weight suggests', () => {
    const heavy = editedCase('cases/inferior-stemi-rv.json', (data) => {
      (data.patient as Record<string, unknown>).build = {
        value: 'heavy',
        provenance: 'synthetic',
        note: 'test',
      };
    });
    expect(untreated(heavy, 0).patient.person.build).toBe('heavy');
  });
});

describe('the patient looks like the case: signs that follow the state', () => {
  it('the anaphylaxis patient arrives with hives, a flushed face and swollen lips, which fade as adrenaline works', () => {
    const arrival = untreated(anaphylaxis, 0).patient.signs;
    expect(arrival).toEqual(expect.arrayContaining(['urticaria', 'flushing', 'lip-swelling', 'sweating']));
    // Untreated, the reaction does not settle: the hives are still there a quarter of an hour on.
    expect(untreated(anaphylaxis, 15).patient.signs).toContain('urticaria');
    // Two doses of IM adrenaline, fluids, legs raised: by two hours the skin and the lips have settled.
    const settled = alongBestPath(anaphylaxis, 120).patient.signs;
    expect(settled).not.toContain('urticaria');
    expect(settled).not.toContain('lip-swelling');
    expect(settled).not.toContain('flushing');
  });

  it('the septic patient grimaces in pain until an analgesic acts, and is mottled while shocked', () => {
    const arrival = untreated(sepsis, 0).patient;
    expect(arrival.signs).toEqual(expect.arrayContaining(['pain', 'pallor', 'mottling']));
    expect(arrival.perfusion).toBe('mottled');
    const relieved = runPlan(sepsis, [[1, { do: 'treat', id: 'morphine', dose: 2.5 }]], 5);
    expect(view(relieved, sepsis).patient.signs).not.toContain('pain');
    // Fluids, antibiotics and noradrenaline: at an hour the MAP holds above 65 and the limbs are no longer mottled.
    const resuscitated = alongBestPath(sepsis, 60).patient;
    expect(resuscitated.signs).not.toContain('mottling');
    expect(resuscitated.signs).toContain('pallor');
  });

  it('the STEMI patient is pale, sweating and in pain while the artery is shut, and not once it is open', () => {
    expect(untreated(stemi, 0).patient.signs).toEqual(expect.arrayContaining(['pallor', 'sweating', 'pain']));
    // The cath lab opens the artery (the course is played on after the disposition).
    const calm = seedWhere(stemi, null, 30, ['ventricular-fibrillation', 'complete-heart-block']);
    const reperfused = view(
      runPlan(stemi, [[1, { do: 'dispose', id: 'cath-lab' }]], 240, calm),
      stemi,
    ).patient;
    expect(reperfused.dead).toBe(false);
    expect(reperfused.signs).not.toContain('pain');
    expect(reperfused.signs).not.toContain('sweating');
  });

  it('the DKA patient breathes deeply and is drowsy at arrival; drowsiness lifts as the pH rises past 7.2', () => {
    const arrival = untreated(dka, 0).patient;
    expect(arrival.signs).toEqual(expect.arrayContaining(['deep-breathing', 'drowsiness']));
    expect(arrival.consciousness).toBe('drowsy');
    const later = alongBestPath(dka, 260).patient;
    expect(later.signs).toContain('deep-breathing');
    expect(later.signs).not.toContain('drowsiness');
    expect(later.consciousness).toBe('alert');
  });

  it('turns the lips blue below a saturation of 85 %, from the state alone', () => {
    const ctx = runPlan(sepsis, [], 0);
    const hypoxic = { ...ctx, vitals: { ...ctx.vitals, spo2: 80 } };
    expect(view(ctx, sepsis).patient.signs).not.toContain('cyanosis');
    expect(view(hypoxic, sepsis).patient.signs).toContain('cyanosis');
  });

  it('an unresponsive patient neither grimaces nor breathes deeply, and the dead show no signs', () => {
    const ctx = runPlan(sepsis, [], 0);
    const unresponsive = view({ ...ctx, vitals: { ...ctx.vitals, gcs: 6 } }, sepsis).patient;
    expect(unresponsive.consciousness).toBe('unresponsive');
    expect(unresponsive.signs).not.toContain('pain');
    const dead = view({ ...ctx, deathAtMin: 0 }, sepsis).patient;
    expect(dead.signs).toEqual([]);
  });

  it('puts the look into words for a text view beside the canvas', () => {
    expect(appearanceWords(untreated(sepsis, 0).patient.signs)).toBe(
      'pale, mottled limbs, grimacing in pain',
    );
  });
});
