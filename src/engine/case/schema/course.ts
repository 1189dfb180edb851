import { z } from 'zod';
import { RHYTHMS } from '../vocabulary.ts';
export {
  ARREST_PHASE,
  ARREST_RHYTHMS,
  COURSE_PHASE,
  phasesOfCourse,
  RHYTHMS,
  SHOCKABLE_RHYTHMS,
} from '../vocabulary.ts';
import { KebabId, TextFact } from './fact.ts';
import { ActionRef, stateThresholds, STATE_RANGES } from './state.ts';
import { BUDGET } from '../../budget.ts';
import {
  eachInItsRange,
  ID_MAX,
  inRange,
  list,
  NEVER_MIN,
  share,
  text,
  widestOf,
  wholeInRange,
  type Range,
} from './bounds.ts';

/**
 * The cardiac rhythms the engine simulates. Sinus is one rhythm whatever its rate (the monitor names it brady- or
 * tachycardia from the heart rate); the last four are the arrest rhythms.
 */
export const Rhythm = z.enum(RHYTHMS).meta({
  description:
    'A cardiac rhythm: sinus (named brady/normal/tachy by rate), af (atrial fibrillation), svt, vt (ventricular ' +
    'tachycardia with a pulse), chb (complete heart block), junctional (a junctional escape rhythm: narrow ' +
    'complexes, no P waves), and the arrest rhythms vf, pvt (pulseless VT), pea ' +
    '(pulseless electrical activity) and asystole.',
});
export type Rhythm = z.infer<typeof Rhythm>;

const thresholds = (description: string) => stateThresholds().optional().meta({ description });

/**
 * A state that must hold, every part of it (unlike an exposure's "any threshold crossed"): potassium at most 5.0,
 * a vasopressor running, the patient in a given phase or rhythm.
 */
export const StateGate = z
  .strictObject({
    below: thresholds('Every listed value must be below its threshold (strictly).'),
    above: thresholds('Every listed value must be above its threshold (strictly).'),
    atMost: thresholds('Every listed value must be at or below its threshold, e.g. { "potassium": 5.0 }.'),
    atLeast: thresholds('Every listed value must be at or above its threshold.'),
    running: list(KebabId).optional().meta({
      description: 'At least one of these treatments must be running (e.g. any vasopressor infusion).',
    }),
    notRunning: list(KebabId).optional().meta({ description: 'None of these treatments may be running.' }),
    phase: list(KebabId)
      .optional()
      .meta({ description: 'The course must be in one of these phases (course.phases ids).' }),
    rhythm: list(Rhythm).optional().meta({ description: 'The rhythm must be one of these.' }),
  })
  .meta({
    description:
      'A condition on the patient at one moment; every part given must hold. Values are read as the learner would ' +
      'see them (potassium to 0.1 mmol/L, glucose to 1 mg/dL, MAP to 1 mmHg).',
    examples: [{ atMost: { potassium: 5.0 } }, { running: ['norepinephrine'] }],
  });
export type StateGate = z.infer<typeof StateGate>;

/**
 * A decision moment the case suggests for a class: a question and a few candidate actions, right and wrong ones
 * alike (the board never says which; the debrief sets the room's choice beside the guideline's path).
 */
export const Decision = z
  .strictObject({
    question: text()
      .min(1)
      .max(300)
      .meta({
        description: 'The question as the room reads it on the board.',
        examples: ['The MAP is still under 65 after two litres: what next?'],
      }),
    options: list(ActionRef)
      .min(2)
      .max(6)
      .refine((refs) => new Set(refs).size === refs.length, { error: 'an option is listed twice' })
      .meta({
        description: 'The candidate actions as "verb:id", two to six, in the order the board shows them.',
        examples: [['treat:norepinephrine', 'treat:lactated-ringers', 'order:ct-abdomen-pelvis']],
      }),
  })
  .meta({ description: 'A "what next?" question a class can vote on, with its candidate actions.' });
export type Decision = z.infer<typeof Decision>;

export const Phase = z
  .strictObject({
    id: KebabId.meta({
      description: 'The phase, as events and rules name it.',
      examples: ['decompensating'],
    }),
    label: text().min(1).meta({
      description: 'The phase as the learner sees it when it begins (e.g. "Decompensating").',
    }),
    arrest: z
      .boolean()
      .default(false)
      .meta({
        description:
          'The phase the patient is in while in cardiac arrest. At most one; without one the engine adds its own ' +
          '"arrest" phase.',
      }),
    message: TextFact.optional().meta({
      description: 'Said at the bedside when the phase begins (a nurse calling, the monitor alarming).',
    }),
    decisions: list(Decision)
      .max(8)
      .optional()
      .meta({
        description:
          'Questions a class can vote on in this phase (classroom mode): the instructor may put one on the "what ' +
          'next?" board instead of choosing the candidates by hand.',
      }),
  })
  .meta({ description: "A stage of the patient's course. The machine has one state per phase." });
export type Phase = z.infer<typeof Phase>;

export const EventTrigger = z
  .strictObject({
    atMin: inRange(0, BUDGET.horizonMin, 'min')
      .optional()
      .meta({
        description:
          'At this simulated minute (or, with inPhase, the first minute after it in such a phase), at most the ' +
          `engine's budget of ${String(BUDGET.horizonMin)} minutes.`,
      }),
    state: StateGate.optional().meta({
      description: 'When this holds (every part) …',
      examples: [{ below: { map: 45 } }],
    }),
    forMin: wholeInRange(1, BUDGET.horizonMin, 'min').default(1).meta({
      description: '… for this many consecutive minutes (e.g. MAP below 45 for 10 minutes).',
    }),
    after: z
      .union([ActionRef, list(ActionRef)])
      .optional()
      .meta({
        description:
          'After this learner action (the first time it is done), or after the first done of a list of them ' +
          '(any anticoagulant) …',
        examples: ['treat:nitroglycerin-sl', ['treat:heparin-infusion', 'treat:enoxaparin']],
      }),
    delayMin: inRange(0, NEVER_MIN, 'min')
      .default(0)
      .meta({ description: '… and this many minutes after it.' }),
    windowMin: inRange(0, NEVER_MIN, 'min')
      .optional()
      .meta({
        description:
          '… and no more than this many minutes later than that (absent: any time after). With a state, an event ' +
          'tied to the moment of an act: an arrest at induction only if the patient was in shock then.',
      }),
    unless: list(ActionRef).optional().meta({
      description:
        'Never fires if any of these actions was done before it would (e.g. unless adrenaline was given).',
    }),
    inPhase: list(KebabId).optional().meta({
      description: 'Only while the course is in one of these phases.',
    }),
  })
  .meta({
    description:
      'When an event fires: every part given must hold (a minute, a state held for a time, an action and a delay). ' +
      'At least one of atMin, state and after.',
  });
export type EventTrigger = z.infer<typeof EventTrigger>;

/** A tunable physiology number, addressed by its path under "physiology" (e.g. "driver.growthPerH"). */
const ParameterPath = z
  .string()
  .max(ID_MAX, { abort: true })
  .regex(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/, { error: 'a physiology parameter path, e.g. "driver.growthPerH"' })
  .meta({
    description: 'A number in the physiology block, by its path, e.g. "volume.leakMlPerHPerSeverity".',
  });

export const PATIENT_STATE_VALUES = [
  'burden',
  'severity',
  'volumeDeficitMl',
  'lactate',
  'creatinine',
  'glucose',
  'potassium',
  'ketones',
  'bicarbonate',
  'toxin',
  'gcs',
  'injury',
] as const;
/** The range of each value an event may set, in its unit (the simulated values' ranges, and the volume state). */
const PATIENT_RANGES = {
  burden: STATE_RANGES.burden,
  severity: STATE_RANGES.severity,
  volumeDeficitMl: { min: -10_000, max: 10_000, unit: 'mL' },
  lactate: STATE_RANGES.lactate,
  creatinine: STATE_RANGES.creatinine,
  glucose: STATE_RANGES.glucose,
  potassium: STATE_RANGES.potassium,
  ketones: STATE_RANGES.ketones,
  bicarbonate: STATE_RANGES.bicarbonate,
  toxin: STATE_RANGES.toxin,
  gcs: STATE_RANGES.gcs,
  injury: STATE_RANGES.injury,
} as const satisfies Record<(typeof PATIENT_STATE_VALUES)[number], Range>;
/** What an event may add to a value: at most the width of its range, either way. */
const PATIENT_CHANGES = Object.fromEntries(
  Object.entries(PATIENT_RANGES).map(([name, r]) => [
    name,
    { min: r.min - r.max, max: r.max - r.min, unit: r.unit },
  ]),
) as Record<keyof typeof PATIENT_RANGES, Range>;
const widestChange = widestOf(PATIENT_CHANGES);
const widestValue = widestOf(PATIENT_RANGES);

const PatientValue = z.enum(PATIENT_STATE_VALUES).meta({
  description:
    'A hidden state value an event can move: burden (disease driver), severity, volumeDeficitMl, lactate, ' +
    'creatinine, gcs (consciousness, 3–15), injury (burden × hours: tissue lost, e.g. a bleed into an infarct), ' +
    'and (with physiology.metabolic) glucose, potassium, ketones, ' +
    'bicarbonate and toxin.',
});

export const EventEffect = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('physiology').meta({
      description:
        'Changes parameters of the physiology model from now on (a new driver, a lost preload, a faster leak).',
    }),
    set: z
      .record(
        ParameterPath,
        inRange(-1_000_000, 1_000_000, "the parameter's unit").meta({
          description: "The new value, within the parameter's own bounds (as in the physiology block).",
        }),
      )
      .meta({
        description:
          'Parameter paths and their new values, each within the bounds the physiology block gives it.',
        examples: [{ 'driver.growthPerH': 0.6, 'volume.leakMlPerHPerSeverity': 300 }],
      }),
  }),
  z.strictObject({
    type: z.literal('state').meta({ description: 'Moves the hidden state of the patient at once.' }),
    add: z
      .partialRecord(
        PatientValue,
        inRange(widestChange.min, widestChange.max, "the value's unit").meta({
          description: "An amount in the value's own unit, at most the width of its range.",
        }),
      )
      .check(eachInItsRange(PATIENT_CHANGES))
      .default({})
      .meta({
        description: 'Added to the value (negative takes away), e.g. { "burden": 0.4 } for a second wave.',
      }),
    set: z
      .partialRecord(
        PatientValue,
        inRange(widestValue.min, widestValue.max, "the value's unit").meta({
          description: 'A value in its own unit and range (lactate 0–40 mmol/L, glucose 0–3600 mg/dL …).',
        }),
      )
      .check(eachInItsRange(PATIENT_RANGES))
      .default({})
      .meta({ description: 'Set to this value.' }),
  }),
  z.strictObject({
    type: z.literal('rhythm').meta({
      description:
        'Sets the cardiac rhythm. An arrest rhythm (vf, pvt, pea, asystole) starts a cardiac arrest: the course ' +
        'moves to the arrest phase.',
    }),
    rhythm: Rhythm,
  }),
  z.strictObject({
    type: z.literal('exam').meta({
      description: 'From now on, examining this region finds this (until another event changes it).',
    }),
    region: KebabId.meta({ description: 'An exam region id from the catalogue.' }),
    finding: TextFact,
  }),
  z.strictObject({
    type: z.literal('message').meta({
      description: 'Something said at the bedside: a nurse calling, a relative asking, the patient.',
    }),
    from: z.enum(['nurse', 'patient', 'relative', 'team', 'monitor']).meta({ description: 'Who says it.' }),
    text: TextFact,
  }),
  z.strictObject({
    type: z.literal('phase').meta({ description: 'Moves the course to another phase.' }),
    phase: KebabId.meta({ description: 'A phase id from course.phases.' }),
  }),
  z.strictObject({
    type: z
      .literal('end')
      .meta({ description: 'Ends the case: the patient dies (e.g. an unsurvivable event).' }),
    outcome: z.literal('death').meta({ description: 'How it ends.' }),
  }),
]);
export type EventEffect = z.infer<typeof EventEffect>;

export const CaseEventSpec = z
  .strictObject({
    id: KebabId.meta({
      description: 'The event, as rules and the debrief name it.',
      examples: ['vf-arrest'],
    }),
    label: text().min(1).meta({ description: 'What happened, in words, for the timeline and the debrief.' }),
    when: EventTrigger,
    chance: share()
      .optional()
      .meta({
        description:
          "Share of plays in which the event happens once its trigger is met (drawn once, from the play's seed: " +
          'the same log gives the same patient). Absent: always.',
      }),
    repeat: z.boolean().default(false).meta({
      description: 'Whether it can happen again once its trigger is met anew (default: once per play).',
    }),
    effects: list(EventEffect).min(1).meta({ description: 'What the event does, in order.' }),
  })
  .meta({
    description:
      'Something that happens to the patient: at a minute, when a value crosses a threshold for a time, after an ' +
      'action, with a chance. Each event is a guarded transition of the statechart.',
  });
export type CaseEventSpec = z.infer<typeof CaseEventSpec>;

export const Course = z
  .strictObject({
    phases: list(Phase).min(1).meta({
      description: 'The stages of the course, the first being where the patient starts.',
    }),
    afterRosc: KebabId.optional().meta({
      description:
        'The phase after a return of spontaneous circulation (default: the phase the arrest interrupted).',
    }),
    events: list(CaseEventSpec).default([]).meta({ description: 'What can happen along the course.' }),
  })
  .meta({
    description:
      "The patient's own course as phases and events. The statechart has a state per phase and a guarded " +
      "transition per event, so the case's course is visible in the machine.",
  });
export type Course = z.infer<typeof Course>;
