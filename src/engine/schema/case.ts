import { z } from 'zod';
import { fact, KebabId, NumberFact, Provenance, TextFact } from './fact.ts';
import { ActionRef, ShockModel, StateVariable } from './physiology.ts';
import { ScoringRule } from './scoring.ts';
import { ScriptAction } from './script.ts';

/** A result value read from the simulated patient when the sample is taken: value = offset + scale × state. */
export const StateValue = z
  .strictObject({
    fromState: StateVariable,
    scale: z.number().default(1),
    offset: z.number().default(0),
    provenance: z.literal('synthetic').meta({ description: 'Values from the simulation are synthetic …' }),
    note: z.string().optional(),
    asReported: NumberFact.optional().meta({
      description:
        "… unless they equal what the report gave (e.g. creatinine 0.80 at arrival): then this fact's provenance is shown.",
    }),
  })
  .meta({ description: 'A value that follows the patient: e.g. lactate at the moment of sampling.' });
export type StateValue = z.infer<typeof StateValue>;

const ComponentValue = z.union([
  fact(z.union([z.number(), z.string()]), 'A fixed result value with its provenance.'),
  StateValue,
]);
export type ComponentValue = z.infer<typeof ComponentValue>;

export const CaseResult = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('panel'),
    values: z
      .record(KebabId, ComponentValue)
      .meta({ description: 'Values by component id (see the catalogue test).' }),
    ranges: z
      .record(KebabId, z.strictObject({ low: z.number().optional(), high: z.number().optional() }))
      .optional()
      .meta({
        description:
          'Reference ranges that differ from the catalogue for this lab (method-dependent assays).',
      }),
    comment: TextFact.optional(),
  }),
  z.strictObject({
    kind: z.literal('report'),
    report: TextFact,
    impression: TextFact.optional(),
  }),
  z.strictObject({
    kind: z.literal('culture'),
    stages: z
      .array(
        z.strictObject({
          afterMin: z.number().min(0).meta({ description: 'Minutes after the sample is taken.' }),
          status: z.enum(['preliminary', 'final']),
          report: TextFact,
        }),
      )
      .min(1),
  }),
]);
export type CaseResult = z.infer<typeof CaseResult>;

export const VITALS = ['hr', 'sbp', 'dbp', 'rr', 'spo2', 'temp'] as const;

export const CaseFile = z
  .strictObject({
    $schema: z.string().optional(),
    id: KebabId.meta({ description: 'Must match the file name (without .json).' }),
    title: z.string().min(1),
    complaint: z
      .string()
      .min(1)
      .meta({ description: 'Presenting complaint, one line, for the case picker.' }),
    difficulty: z.enum(['introductory', 'intermediate', 'advanced']),
    estimatedMinutes: z.int().positive().meta({ description: 'Typical real minutes to play.' }),
    kind: z
      .enum(['real-case', 'synthetic-teaching'])
      .meta({ description: 'Whether the case is built on a published patient.' }),
    source: z.strictObject({
      citation: z.string().min(1),
      file: z.string().optional().meta({ description: 'The verbatim report this case is built from.' }),
      note: z.string().optional(),
    }),
    setting: z.string().min(1).meta({ description: 'Where the learner is, for the briefing.' }),
    briefing: z.string().min(1),
    horizonMin: z.int().positive().meta({ description: "The patient's course is simulated to this minute." }),
    defaultSeed: z.int().min(0).default(1),
    patient: z.strictObject({
      ageYears: NumberFact,
      sex: fact(z.enum(['male', 'female']), 'Sex'),
      weightKg: NumberFact,
    }),
    presentation: z.strictObject({
      story: TextFact.meta({ description: 'What the learner is told at the start.' }),
      arrivalVitals: z
        .record(z.enum(VITALS), NumberFact)
        .meta({ description: 'The vitals as recorded at arrival (the simulation is calibrated to these).' }),
    }),
    history: z
      .array(z.strictObject({ id: KebabId, question: z.string().min(1), answer: TextFact }))
      .meta({ description: 'Questions the learner can ask, each with the answer revealed when asked.' }),
    exam: z.record(KebabId, TextFact).meta({
      description: 'Findings by exam region; a region the case leaves out is normal (catalogue text).',
    }),
    results: z
      .record(KebabId, CaseResult)
      .meta({ description: "This patient's result for each test that has one." }),
    testOverrides: z
      .record(
        KebabId,
        z.strictObject({
          turnaroundMin: z.number().min(0).optional(),
          turnaroundRangeMin: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
          collectMin: z.number().min(0).optional(),
        }),
      )
      .default({})
      .meta({ description: 'Timing that differs from the catalogue for this case (e.g. a slow culture).' }),
    consultNotes: z
      .record(KebabId, TextFact)
      .default({})
      .meta({ description: 'What each consultant says on arrival.' }),
    physiology: ShockModel,
    diagnoses: z
      .array(
        z.strictObject({
          id: KebabId,
          label: z.string().min(1),
          correct: z.boolean(),
          explanation: z.string().min(1),
        }),
      )
      .min(2)
      .meta({ description: 'The working diagnoses offered, correct ones and plausible distractors.' }),
    realCourse: z.strictObject({
      summary: TextFact,
      actions: z
        .array(z.strictObject({ action: ActionRef, what: TextFact }))
        .meta({ description: 'What the real team did, as actions in this game where one exists.' }),
      outcome: TextFact,
      diagnosis: TextFact,
    }),
    teachingPoints: z.array(z.strictObject({ text: z.string().min(1), provenance: Provenance })).default([]),
    bestPath: z
      .strictObject({
        note: z.string().min(1).meta({ description: 'What this path does and on what guidance it rests.' }),
        actions: z.array(ScriptAction).min(1),
      })
      .meta({
        description:
          'The care the case is written to reward, as a script (the same verbs and ids as the command line). `npm run case -- check` proves it reaches the top score band and a good outcome.',
      }),
    scoring: z.strictObject({ rules: z.array(ScoringRule).min(1) }),
  })
  .meta({ title: 'Bedside case', description: 'An emergency case for Bedside. See docs in README.md.' });
export type CaseFile = z.infer<typeof CaseFile>;
