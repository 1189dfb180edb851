import { z } from 'zod';
import { inRange } from './bounds.ts';
import { RHYTHMS } from './course.ts';
import { factFields, keepsReportedWording } from './fact.ts';

/**
 * The leads a 12-lead ECG can show. A right-sided ECG keeps V1 and V2 where they are and records V3R–V6R, the
 * mirror images of V3–V6 on the right of the chest, in their place.
 */
export const ECG_LEADS = [
  'I',
  'II',
  'III',
  'aVR',
  'aVL',
  'aVF',
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  'V6',
  'V3R',
  'V4R',
  'V5R',
  'V6R',
] as const;
export const EcgLead = z.enum(ECG_LEADS);
export type EcgLead = z.infer<typeof EcgLead>;

/** What the catalogue says an ECG test records: the standard 12 leads, or V3R–V6R in place of V3–V6. */
export const EcgLeadSet = z.enum(['standard', 'right-sided']);
export type EcgLeadSet = z.infer<typeof EcgLeadSet>;

export const LeadFinding = z
  .strictObject({
    stMm: inRange(-10, 10, 'mm')
      .optional()
      .meta({
        description:
          'ST deviation at the J point, in mm at 10 mm/mV: positive for elevation, negative for depression. ' +
          'Absent: on the baseline.',
        examples: [3, -1.5],
      }),
    t: z
      .enum(['upright', 'inverted', 'flat', 'peaked'])
      .optional()
      .meta({
        description:
          "The T wave: upright (the lead's usual T), inverted, flat, or tall and peaked (hyperkalaemia, the " +
          "hyperacute phase). Absent: the lead's usual T.",
      }),
    q: z
      .boolean()
      .optional()
      .meta({ description: 'A pathological Q wave (at least 40 ms wide and deep): an established infarct.' }),
    prMm: inRange(-3, 3, 'mm').optional().meta({
      description:
        'PR-segment deviation in mm: negative for PR depression (pericarditis), positive for elevation.',
    }),
  })
  .meta({ description: "One lead's findings; anything not given is that lead's usual shape." });
export type LeadFinding = z.infer<typeof LeadFinding>;

/**
 * What an ECG looks like beyond its rhythm, for the game to draw: the rhythm and the rate come from the simulated
 * patient at the moment of recording, the shape of each complex from here.
 */
export const EcgMorphology = z
  .strictObject({
    rhythm: z
      .enum(RHYTHMS)
      .default('sinus')
      .meta({
        description:
          'The rhythm the written report describes. The tracing is always drawn in the rhythm of the moment of ' +
          'recording; when that differs, the cardiology read says the report was written for this one.',
      }),
    prMs: inRange(80, 400, 'ms')
      .optional()
      .meta({ description: 'PR interval in ms (first-degree AV block above 200). Absent: 160.' }),
    qrsMs: inRange(60, 240, 'ms')
      .optional()
      .meta({ description: 'QRS duration in ms (bundle-branch block from 120). Absent: 90.' }),
    lowVoltage: z.boolean().default(false).meta({
      description: 'Low QRS voltage in every lead (a pericardial effusion, obesity, hypothyroidism).',
    }),
    leads: z
      .partialRecord(EcgLead, LeadFinding)
      .default({})
      .meta({
        description:
          'Findings by lead name ("II", "aVF", "V4R"). V3R–V6R are drawn only on a right-sided ECG; V3–V6 only on ' +
          'a standard one.',
        examples: [{ III: { stMm: 3 }, aVL: { stMm: -1.5 } }],
      }),
    ...factFields,
  })
  .check(keepsReportedWording)
  .meta({
    description:
      'The ECG as the game draws it, with its provenance: the learner reads the tracing before any written ' +
      'report, which comes only with a cardiology read and in the debrief.',
  });
export type EcgMorphology = z.infer<typeof EcgMorphology>;
