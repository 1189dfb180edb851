import { z } from 'zod';

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
  'glucose',
  'potassium',
  'ketones',
  'bicarbonate',
  'ph',
  'pco2',
  'anionGap',
  'toxin',
  'injury',
  'severity',
  'burden',
] as const;
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
export const StateVariable = z.enum(STATE_VARIABLES).meta({
  description:
    'A simulated value a result or a tally can be read from. glucose (mg/dL), potassium (mmol/L), ketones ' +
    '(β-hydroxybutyrate, mmol/L), bicarbonate (mmol/L), ph and pco2 (mmHg, from bicarbonate with respiratory ' +
    'compensation, or from the ventilator) need physiology.metabolic, as do anionGap (mmol/L: the normal gap plus ' +
    "ketones, lactate above 1 and any toxin) and toxin (mmol/L of the case's unmeasured acid); injury is the burden accumulated over time (burden × hours), e.g. " +
    'for a troponin that climbs while an artery stays shut.',
});
export type StateVariable = z.infer<typeof StateVariable>;

export const ActionRef = z
  .string()
  .regex(/^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9]+(-[a-z0-9]+)*$/, {
    error:
      'an action is "verb:id", e.g. "treat:ceftriaxone" (verbs: examine ask order treat stop consult diagnose dispose)',
  })
  .meta({
    description: 'A learner action as "verb:id", the same as script actions and UI data-action hooks.',
    examples: ['treat:norepinephrine'],
  });
export type ActionRef = z.infer<typeof ActionRef>;
