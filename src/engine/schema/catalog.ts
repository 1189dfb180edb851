import { z } from 'zod';
import { KebabId } from './fact.ts';

export const Range = z
  .strictObject({
    low: z.number().optional().meta({ description: 'Lowest normal value (inclusive).' }),
    high: z.number().optional().meta({ description: 'Highest normal value (inclusive).' }),
  })
  .meta({ description: "A reference range in the component's conventional unit. Either end may be open." });
export type Range = z.infer<typeof Range>;

export const Component = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .meta({ examples: ['White cell count'] }),
    unit: z.string().meta({
      description: 'Conventional unit as printed on a result ("" for unitless).',
      examples: ['×10³/µL'],
    }),
    range: Range.optional().meta({ description: 'Reference range (both sexes, or the default).' }),
    rangeMale: Range.optional(),
    rangeFemale: Range.optional(),
    critical: Range.optional().meta({
      description: 'Outside this range the value is flagged critical (LL/HH).',
    }),
    si: z
      .strictObject({
        unit: z.string(),
        factor: z.number().positive().meta({ description: 'SI value = conventional value × factor.' }),
      })
      .optional()
      .meta({ description: 'How to show the value in SI units. Omit when the units are the same.' }),
    decimals: z
      .int()
      .min(0)
      .max(4)
      .default(1)
      .meta({ description: 'Decimals to show in the conventional unit.' }),
    normal: z
      .string()
      .optional()
      .meta({
        description: 'For qualitative analytes: the normal finding, shown when a case gives no value.',
        examples: ['negative'],
      }),
  })
  .meta({ description: 'One analyte within a test (a row of the result table).' });
export type Component = z.infer<typeof Component>;

export const TestCategory = z.enum(['lab', 'microbiology', 'imaging', 'bedside', 'procedure']);

export const Test = z
  .strictObject({
    name: z.string().min(1),
    category: TestCategory.meta({ description: 'Grouping in order entry.' }),
    kind: z.enum(['panel', 'report', 'culture']).meta({
      description:
        'panel: a table of numeric/qualitative components; report: a written report; culture: staged microbiology.',
    }),
    synonyms: z
      .array(z.string())
      .default([])
      .meta({ description: 'Other names order entry should find.', examples: [['FBC', 'full blood count']] }),
    components: z
      .record(KebabId, Component)
      .optional()
      .meta({ description: 'For panels: the analytes, keyed by id.' }),
    collectMin: z
      .number()
      .min(0)
      .default(0)
      .meta({ description: 'Minutes from order until the sample is taken / the study is done.' }),
    turnaroundMin: z.number().min(0).meta({ description: 'Default minutes from sample to result.' }),
    turnaroundRangeMin: z
      .tuple([z.number().min(0), z.number().min(0)])
      .optional()
      .meta({
        description: 'Plausible [low, high] turnaround; the engine jitters within it from the case seed.',
      }),
    costUsd: z
      .number()
      .min(0)
      .meta({ description: 'Approximate charge, for the unnecessary-test cost in the debrief.' }),
    description: z.string().optional(),
  })
  .meta({ description: 'An orderable test, defined once for all cases.' });
export type Test = z.infer<typeof Test>;

const EffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('crystalloid'),
    durableFraction: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: "Overrides the case's share of each mL that stays in the circulation." }),
  }),
  z.strictObject({
    type: z.literal('vasopressor'),
    potency: z
      .number()
      .positive()
      .meta({ description: 'Dose multiplier relative to norepinephrine (1 = norepinephrine).' }),
  }),
  z.strictObject({
    type: z.literal('fixed-pressor'),
    mapMmHg: z.number().meta({ description: 'MAP gain once fully effective.' }),
    onsetMin: z.number().positive(),
  }),
  z.strictObject({ type: z.literal('antimicrobial') }),
  z.strictObject({ type: z.literal('corticosteroid') }),
  z.strictObject({ type: z.literal('nephrotoxic') }),
  z.strictObject({
    type: z.literal('antipyretic'),
    tempDropC: z.number().positive(),
    durationMin: z.number().positive(),
  }),
  z.strictObject({ type: z.literal('analgesic'), durationMin: z.number().positive() }),
  z.strictObject({ type: z.literal('oxygen'), spo2Gain: z.number().positive() }),
]);
export const Effect = EffectSchema.meta({
  description:
    'What a treatment does to the physiology model. How much it does for this patient is set by the case.',
});
export type Effect = z.infer<typeof Effect>;

export const Treatment = z
  .strictObject({
    name: z.string().min(1),
    category: z.enum([
      'fluid',
      'antimicrobial',
      'vasopressor',
      'analgesic',
      'steroid',
      'respiratory',
      'blood-product',
      'monitoring',
      'other',
    ]),
    route: z.enum(['IV', 'IM', 'PO', 'inhaled', 'SC', 'arterial']),
    mode: z.enum(['bolus', 'infusion', 'dose']).meta({
      description:
        'bolus: a volume run in at rateMlPerMin; infusion: a continuous titratable rate (a later dose replaces it, stop ends it); dose: one dose.',
    }),
    doseUnit: z.string().meta({ examples: ['mL', 'mcg/kg/min', 'g', 'mg'] }),
    defaultDose: z.number().positive(),
    doseMax: z
      .number()
      .positive()
      .meta({ description: 'Largest single dose or rate accepted; larger orders are refused.' }),
    rateMlPerMin: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'For boluses: how fast the volume runs in.' }),
    bedside: z.enum(['drip', 'syringe-driver', 'oxygen-mask', 'arterial-line']).optional().meta({
      description:
        'What the bay shows while this runs (for a one-off dose: from when it is given): a bag on the drip stand, a syringe driver, an oxygen mask, or an arterial line (the monitor then shows continuous arterial pressure).',
    }),
    synonyms: z.array(z.string()).default([]),
    effects: z.array(Effect).default([]),
    costUsd: z.number().min(0).default(0),
    description: z.string().optional(),
  })
  .meta({ description: 'A drug, fluid or therapy, defined once for all cases.' });
export type Treatment = z.infer<typeof Treatment>;

export const Consult = z.strictObject({
  name: z.string().min(1),
  responseMin: z.number().min(0).meta({ description: 'Minutes until the consultant is at the bedside.' }),
  description: z.string().optional(),
});
export type Consult = z.infer<typeof Consult>;

export const Disposition = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  stopsTreatment: z.boolean().default(false).meta({
    description: 'Whether everything running stops when the patient leaves (true for discharge home).',
  }),
});
export type Disposition = z.infer<typeof Disposition>;

export const ExamRegion = z.strictObject({
  name: z.string().min(1),
  normal: z
    .string()
    .min(1)
    .meta({ description: 'What is found when the case says nothing about this region.' }),
});
export type ExamRegion = z.infer<typeof ExamRegion>;

/** One catalogue file. The loader merges every file in cases/catalog/, so any section may be absent. */
export const CatalogFile = z
  .strictObject({
    $schema: z.string().optional(),
    tests: z.record(KebabId, Test).optional(),
    treatments: z.record(KebabId, Treatment).optional(),
    consults: z.record(KebabId, Consult).optional(),
    dispositions: z.record(KebabId, Disposition).optional(),
    examRegions: z.record(KebabId, ExamRegion).optional(),
  })
  .meta({
    title: 'Bedside catalogue',
    description: 'Shared definitions of tests, treatments, consults, dispositions and exam regions.',
  });
export type CatalogFile = z.infer<typeof CatalogFile>;

export interface Catalog {
  tests: Record<string, Test>;
  treatments: Record<string, Treatment>;
  consults: Record<string, Consult>;
  dispositions: Record<string, Disposition>;
  examRegions: Record<string, ExamRegion>;
}
export const CATALOG_SECTIONS = ['tests', 'treatments', 'consults', 'dispositions', 'examRegions'] as const;
