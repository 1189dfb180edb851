import type { Phase } from './schema/course.ts';

/*
 * The engine's fixed vocabularies, apart from the schemas that check them: the simulation, the views and the
 * statechart need these lists at play time, and importing them must not bring the case-file schemas (and their
 * validation code) into a page that only plays shipped cases, which the build has already checked.
 */

export const RHYTHMS = [
  'sinus',
  'af',
  'svt',
  'vt',
  'chb',
  'junctional',
  'vf',
  'pvt',
  'pea',
  'asystole',
] as const;
export type Rhythm = (typeof RHYTHMS)[number];
export const ARREST_RHYTHMS: readonly Rhythm[] = ['vf', 'pvt', 'pea', 'asystole'];
export const SHOCKABLE_RHYTHMS: readonly Rhythm[] = ['vf', 'pvt'];

/** The one phase of a case that declares no course. */
export const COURSE_PHASE = 'course';
/** The arrest phase the engine adds to a course that declares none. */
export const ARREST_PHASE = 'arrest';

/** The phases of a course as the machine has them: the declared ones (or one "course"), and an arrest phase. */
export function phasesOfCourse(course: { phases?: Phase[] | undefined } | undefined): Phase[] {
  const declared = course?.phases ?? [{ id: COURSE_PHASE, label: 'Course', arrest: false }];
  return declared.some((p) => p.arrest)
    ? declared
    : [...declared, { id: ARREST_PHASE, label: 'Cardiac arrest', arrest: true }];
}

/** Values only a case with physiology.metabolic simulates. */
export const METABOLIC_VARIABLES = [
  'glucose',
  'potassium',
  'ketones',
  'bicarbonate',
  'ph',
  'pco2',
  'anionGap',
  'toxin',
] as const;

/** Values only a case with physiology.neuro simulates (the NIH Stroke Scale, 0–42). */
export const NEURO_VARIABLES = ['nihss'] as const;

/** Every value of the simulated patient that a gate, a condition or a result may read. */
export const STATE_VARIABLES = [
  'lactate',
  'creatinine',
  'map',
  'sbp',
  'dbp',
  'hr',
  'rr',
  'spo2',
  'temp',
  'gcs',
  'crt',
  'urine',
  ...METABOLIC_VARIABLES,
  'injury',
  'severity',
  'burden',
  ...NEURO_VARIABLES,
] as const;

/** Signs the bay draws on the patient; the view also derives pallor, mottling, cyanosis and drowsiness from the state. */
export const APPEARANCE_SIGNS = [
  'pallor',
  'mottling',
  'sweating',
  'cyanosis',
  'flushing',
  'urticaria',
  'lip-swelling',
  'pain',
  'drowsiness',
  'deep-breathing',
] as const;
