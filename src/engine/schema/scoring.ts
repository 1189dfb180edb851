import { z } from 'zod';
import { KebabId, Source } from './fact.ts';
import { ActionRef } from './physiology.ts';

const common = {
  id: KebabId,
  label: z.string().min(1).meta({ description: 'What the learner is scored on, as the debrief shows it.' }),
  category: z.enum(['guideline', 'concordance', 'outcome', 'harm', 'cost']).meta({
    description: 'guideline: evidence-based care; concordance: what the real team did; harm: penalties.',
  }),
  rationale: z
    .string()
    .min(1)
    .meta({ description: 'Why this matters, in a sentence or two, for the debrief.' }),
  source: Source,
};
const points = z.number().positive().meta({ description: 'Points available for this item.' });
const penalty = z.number().positive().meta({ description: 'Points taken off when the harm happens.' });
const actions = z.array(ActionRef).min(1).meta({ description: 'Any of these actions counts.' });

const Band = z.strictObject({
  withinMin: z.number().min(0),
  fraction: z.number().min(0).max(1),
});
const Anchor = z
  .union([
    z.literal('arrival'),
    z.strictObject({
      resultOf: KebabId.meta({
        description: "Time is counted from when this test's first result is available.",
      }),
    }),
  ])
  .meta({ description: '"arrival", or { "resultOf": test } (falls back to arrival if never resulted).' });

export const ScoringRule = z.discriminatedUnion('type', [
  z.strictObject({
    ...common,
    type: z.literal('timed'),
    points,
    actions,
    occurrence: z.int().min(1).default(1).meta({ description: 'Which occurrence counts (2 = a repeat).' }),
    minGapMin: z.number().min(0).default(0).meta({
      description:
        'An occurrence only counts this long after the previous counted one (a real repeat, not a duplicate).',
    }),
    from: Anchor.default('arrival'),
    bands: z
      .array(Band)
      .min(1)
      .meta({ description: 'Credit by delay; the first band whose withinMin is met wins.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('sequence'),
    points,
    first: actions,
    then: actions,
  }),
  z.strictObject({
    ...common,
    type: z.literal('regimen'),
    points,
    withinMin: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Only actions up to this minute count.' }),
    tiers: z
      .array(
        z.strictObject({
          label: z.string().min(1),
          requires: z
            .array(actions)
            .min(1)
            .meta({ description: 'Each group must have at least one of its actions done.' }),
          fraction: z.number().min(0).max(1),
        }),
      )
      .min(1)
      .meta({ description: 'Tried in order; the first satisfied tier scores.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('cumulative-volume'),
    points,
    treatments: z.array(KebabId).min(1),
    withinMin: z.number().positive(),
    bands: z
      .array(z.strictObject({ atLeastMlPerKg: z.number().min(0), fraction: z.number().min(0).max(1) }))
      .min(1)
      .meta({ description: 'First band met (by volume given within the window, per kg) wins.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('exposure'),
    points,
    exposure: KebabId.meta({ description: 'An exposure id from physiology.exposures.' }),
    bands: z
      .array(z.strictObject({ atMostMin: z.number().min(0), fraction: z.number().min(0).max(1) }))
      .min(1),
  }),
  z.strictObject({
    ...common,
    type: z.literal('harm'),
    penalty,
    actions,
    onlyIf: z
      .strictObject({
        mapBelow: z
          .number()
          .optional()
          .meta({ description: 'Only if MAP was below this when the action was taken.' }),
        before: z
          .array(ActionRef)
          .optional()
          .meta({ description: 'Only if none of these had been done yet.' }),
        without: z.array(ActionRef).optional().meta({ description: 'Only if none of these was ever done.' }),
      })
      .optional(),
  }),
  z.strictObject({
    ...common,
    type: z.literal('unnecessary-tests'),
    indicated: z
      .array(KebabId)
      .meta({ description: 'Tests that are defensible here; any other test costs.' }),
    penaltyEach: penalty,
    maxPenalty: penalty,
  }),
  z.strictObject({ ...common, type: z.literal('diagnosis'), points, diagnosis: KebabId }),
  z.strictObject({
    ...common,
    type: z.literal('disposition'),
    points,
    tiers: z.array(z.strictObject({ disposition: KebabId, fraction: z.number().min(0).max(1) })).min(1),
  }),
  z.strictObject({ ...common, type: z.literal('outcome'), points, status: z.enum(['alive']) }),
]);
export type ScoringRule = z.infer<typeof ScoringRule>;
