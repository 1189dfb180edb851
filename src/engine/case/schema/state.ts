import { z } from 'zod';
import { STATE_VARIABLES } from '../vocabulary.ts';
export { METABOLIC_VARIABLES, NEURO_VARIABLES, STATE_VARIABLES } from '../vocabulary.ts';
import { eachInItsRange, ID_MAX, inRange, widestOf, type Range } from './bounds.ts';

export const StateVariable = z.enum(STATE_VARIABLES).meta({
  description:
    'A simulated value a result or a tally can be read from. glucose (mg/dL), potassium (mmol/L), ketones ' +
    '(β-hydroxybutyrate, mmol/L), bicarbonate (mmol/L), ph and pco2 (mmHg, from bicarbonate with respiratory ' +
    'compensation, or from the ventilator) need physiology.metabolic, as do anionGap (mmol/L: the normal gap plus ' +
    "ketones, lactate above 1 and any toxin) and toxin (mmol/L of the case's unmeasured acid); injury is the burden accumulated over time (burden × hours), e.g. " +
    'for a troponin that climbs while an artery stays shut; nihss (the NIH Stroke Scale, 0–42 points) needs ' +
    'physiology.neuro.',
});
export type StateVariable = z.infer<typeof StateVariable>;

/**
 * The range of each simulated value, wide enough for any real patient (an arrest at pH 6.5, a potassium of 12 in
 * renal failure, a glucose of 3600 mg/dL in a hyperosmolar state), in the unit the engine uses. Thresholds, the
 * vitals at arrival and the state an event sets are held to it.
 */
export const STATE_RANGES = {
  lactate: { min: 0, max: 40, unit: 'mmol/L' },
  creatinine: { min: 0, max: 40, unit: 'mg/dL' },
  map: { min: 0, max: 300, unit: 'mmHg' },
  sbp: { min: 0, max: 350, unit: 'mmHg' },
  dbp: { min: 0, max: 250, unit: 'mmHg' },
  hr: { min: 0, max: 350, unit: 'beats/min' },
  rr: { min: 0, max: 100, unit: 'breaths/min' },
  spo2: { min: 0, max: 100, unit: '%' },
  // The lowest temperature survived is about 13.7 °C (accidental hypothermia); 46.5 °C the highest.
  temp: { min: 10, max: 47, unit: '°C' },
  gcs: { min: 3, max: 15, unit: 'GCS points' },
  crt: { min: 0, max: 20, unit: 's' },
  urine: { min: 0, max: 20, unit: 'mL/kg/h' },
  glucose: { min: 0, max: 3600, unit: 'mg/dL' },
  potassium: { min: 0.5, max: 12, unit: 'mmol/L' },
  ketones: { min: 0, max: 30, unit: 'mmol/L' },
  bicarbonate: { min: 0, max: 60, unit: 'mmol/L' },
  // physiology.arrest.phBelow may be as low as 6.3.
  ph: { min: 6.3, max: 8, unit: 'pH' },
  pco2: { min: 5, max: 200, unit: 'mmHg' },
  anionGap: { min: 0, max: 100, unit: 'mmol/L' },
  toxin: { min: 0, max: 200, unit: 'mmol/L' },
  // Burden (0–1) × hours over the longest course the engine plays (a week, BUDGET.horizonMin).
  injury: { min: 0, max: 200, unit: 'burden × h' },
  severity: { min: 0, max: 1, unit: '0–1' },
  burden: { min: 0, max: 1, unit: '0–1' },
  nihss: { min: 0, max: 42, unit: 'NIHSS points' },
} as const satisfies Record<StateVariable, Range>;

/** Thresholds on simulated values, each within its variable's range (STATE_RANGES) and in its unit. */
export const stateThresholds = () => {
  const widest = widestOf(STATE_RANGES);
  return z
    .partialRecord(
      StateVariable,
      inRange(widest.min, widest.max, "the value's unit").meta({
        description:
          "A threshold in the value's own unit (see STATE_RANGES: lactate mmol/L, glucose mg/dL …).",
      }),
    )
    .check(eachInItsRange(STATE_RANGES));
};

export const ActionRef = z
  .string()
  .max(ID_MAX + 'diagnose:'.length, { abort: true })
  .regex(/^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9]+(-[a-z0-9]+)*$/, {
    error:
      'an action is "verb:id", e.g. "treat:ceftriaxone" (verbs: examine ask order treat stop consult diagnose dispose)',
  })
  .meta({
    description: 'A learner action as "verb:id", the same as script actions and UI data-action hooks.',
    examples: ['treat:norepinephrine'],
  });
export type ActionRef = z.infer<typeof ActionRef>;
