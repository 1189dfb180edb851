import { z } from 'zod';
import { KebabId, Source } from './fact.ts';
import { StateGate } from './course.ts';
import { ActionRef, STATE_RANGES } from './state.ts';
import {
  aboveZero,
  DOSE_MAX,
  inRange,
  list,
  NEVER_MIN,
  POINTS_MAX,
  share,
  text,
  wholeInRange,
} from './bounds.ts';

const common = {
  id: KebabId,
  label: text().min(1).meta({ description: 'What the learner is scored on, as the debrief shows it.' }),
  category: z.enum(['guideline', 'concordance', 'outcome', 'harm', 'cost']).meta({
    description: 'guideline: evidence-based care; concordance: what the real team did; harm: penalties.',
  }),
  rationale: text().min(1).meta({ description: 'Why this matters, in a sentence or two, for the debrief.' }),
  source: Source,
};
const points = aboveZero(POINTS_MAX, 'points').meta({ description: 'Points available for this item.' });
const penalty = aboveZero(POINTS_MAX, 'points').meta({
  description: 'Points taken off when the harm happens.',
});
const actions = list(ActionRef).min(1).meta({ description: 'Any of these actions counts.' });

const fraction = share().meta({ description: 'Share of the points earned (0–1).' });
const Band = z.strictObject({
  withinMin: inRange(0, NEVER_MIN, 'min').meta({
    description: 'Largest delay (minutes after the anchor, inclusive) that earns this band.',
  }),
  fraction,
});
const Anchor = z
  .union([
    z.literal('arrival'),
    z.strictObject({
      resultOf: KebabId.meta({
        description: "Time is counted from when this test's first result is available.",
      }),
    }),
    z.strictObject({
      after: ActionRef.meta({
        description:
          'Time is counted from the first time this action was done (a repeat dose timed from the first).',
        examples: ['treat:adrenaline-im'],
      }),
    }),
    z.literal('arrest').meta({
      description:
        'Time is counted from the start of the first cardiac arrest; in a play without an arrest the item does ' +
        'not apply (it scores 0 of 0).',
    }),
    z.strictObject({
      event: KebabId.meta({
        description:
          'Time is counted from when this course event first happened; in a play where it never happens the item ' +
          'does not apply.',
      }),
    }),
  ])
  .meta({
    description:
      '"arrival", { "resultOf": test } or { "after": "verb:id" } (these fall back to arrival if they never ' +
      'happened), "arrest" or { "event": id } (the item does not apply if there was none).',
  });

const when = StateGate.optional().meta({
  description:
    "An action counts only if this held when it was done (the patient's state at that minute): potassium given " +
    'only while potassium is at most 5.0, hydrocortisone only while a vasopressor runs.',
  examples: [{ atMost: { potassium: 5.0 } }, { running: ['norepinephrine', 'vasopressin'] }],
});

const doseLimit = (description: string) =>
  aboveZero(DOSE_MAX, "the treatment's dose unit").optional().meta({ description });
export const DoseRange = z
  .strictObject({
    atLeast: doseLimit('Smallest dose that counts (inclusive).'),
    atMost: doseLimit('Largest dose that counts (inclusive).'),
  })
  .check((ctx) => {
    const { atLeast, atMost } = ctx.value;
    if (atLeast === undefined && atMost === undefined)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'give atLeast, atMost or both' });
    else if (atLeast !== undefined && atMost !== undefined && atLeast > atMost)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['atLeast'],
        message: 'atLeast is above atMost',
      });
  })
  .meta({ description: "A dose range in the treatment's catalogue dose unit; both ends count." });
export type DoseRange = z.infer<typeof DoseRange>;

const doses = z
  .record(KebabId, DoseRange)
  .optional()
  .meta({
    description:
      "A treatment named here counts only at a dose in its range, in the catalogue's dose unit (a treatment given " +
      'without a dose is its catalogue default): hydrocortisone 50 mg, the 6-hourly dose of 200 mg/day, not a ' +
      "single 10 mg. Each treatment must be one the rule's actions name (treat:id).",
    examples: [{ hydrocortisone: { atLeast: 50, atMost: 50 } }],
  });

const ScoringRuleTypes = z.discriminatedUnion('type', [
  z.strictObject({
    ...common,
    type: z.literal('timed').meta({
      description: 'Credit for an action done soon enough after arrival or after a result, by delay bands.',
    }),
    points,
    actions,
    when,
    doses,
    occurrence: wholeInRange(1, 100, '')
      .default(1)
      .meta({ description: 'Which occurrence counts (2 = a repeat).' }),
    minGapMin: inRange(0, NEVER_MIN, 'min').default(0).meta({
      description:
        'An occurrence only counts this long after the previous counted one (a real repeat, not a duplicate).',
    }),
    from: Anchor.default('arrival'),
    beforeResult: z
      .enum(['on-time', 'no-credit'])
      .default('on-time')
      .meta({
        description:
          'For a rule timed from a result: whether the action done before the result is there counts as on time ' +
          '(a surgeon called on clinical suspicion before the CT) or earns nothing (insulin before the potassium ' +
          'is known).',
      }),
    bands: list(Band)
      .min(1)
      .meta({ description: 'Credit by delay; the first band whose withinMin is met wins.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('sequence').meta({
      description: 'Full points when the first of "first" done comes before the first of "then" done.',
    }),
    points,
    first: actions,
    then: actions,
  }),
  z.strictObject({
    ...common,
    type: z.literal('regimen').meta({
      description:
        'Credit for a combination of actions: the first tier (best first) whose groups are all met.',
    }),
    points,
    withinMin: aboveZero(NEVER_MIN, 'min')
      .optional()
      .meta({ description: 'Only actions up to this minute count.' }),
    when,
    doses,
    tiers: list(
      z.strictObject({
        label: text()
          .min(1)
          .meta({ description: "The combination in words; the debrief's reason when this tier scores." }),
        requires: list(actions)
          .min(1)
          .meta({ description: 'Each group must have at least one of its actions done.' }),
        fraction,
      }),
    )
      .min(1)
      .meta({ description: 'Tried in order; the first satisfied tier scores.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('cumulative-volume').meta({
      description: 'Credit by the volume (mL/kg) of the named treatments actually run in by withinMin.',
    }),
    points,
    treatments: list(KebabId)
      .min(1)
      .meta({
        description:
          'Treatments whose volume counts (mL run in at the bolus rate; a stop cuts a bolus short).',
        examples: [['lactated-ringers', 'normal-saline']],
      }),
    withinMin: aboveZero(NEVER_MIN, 'min').meta({
      description: 'Volume counts up to this minute after arrival.',
    }),
    bands: list(
      z.strictObject({
        atLeastMlPerKg: inRange(0, 500, 'mL/kg').meta({
          description: 'Smallest volume (mL per kg of body weight) that earns this band.',
        }),
        fraction,
      }),
    )
      .min(1)
      .meta({ description: 'First band met (by volume given within the window, per kg) wins.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('exposure').meta({
      description:
        'Credit for spending few minutes in a state tallied by physiology.exposures. A patient who dies before the ' +
        'horizon earns none (the tally stopped with the heart).',
    }),
    points,
    exposure: KebabId.meta({ description: 'An exposure id from physiology.exposures.' }),
    requires: list(ActionRef)
      .optional()
      .meta({
        description:
          'Credit only if one of these was done: no points for avoiding a harm by not treating at all (no ' +
          'hypoglycaemia because no insulin was ever given).',
        examples: [['treat:insulin-infusion']],
      }),
    bands: list(
      z.strictObject({
        atMostMin: inRange(0, NEVER_MIN, 'min').meta({
          description: 'Most minutes in the exposure (inclusive) that still earn this band.',
        }),
        fraction,
      }),
    )
      .min(1)
      .meta({ description: 'Credit by minutes spent; the first band whose atMostMin is met wins.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('harm').meta({
      description: 'A penalty when one of the actions is done (and onlyIf, if given, holds for it).',
    }),
    penalty,
    actions,
    onlyIf: z
      .strictObject({
        mapBelow: inRange(STATE_RANGES.map.min, STATE_RANGES.map.max, 'mmHg')
          .optional()
          .meta({ description: 'Only if MAP (mmHg) was below this when the action was taken.' }),
        spo2Above: inRange(STATE_RANGES.spo2.min, STATE_RANGES.spo2.max, '%').optional().meta({
          description:
            'Only if SpO2 was above this when the action was taken (oxygen for a normal saturation).',
        }),
        before: list(ActionRef).optional().meta({ description: 'Only if none of these had been done yet.' }),
        without: list(ActionRef).optional().meta({ description: 'Only if none of these was ever done.' }),
        after: list(ActionRef)
          .optional()
          .meta({
            description:
              'Only if one of these had been done before it (an anticoagulant after thrombolysis, not before).',
            examples: [['treat:alteplase']],
          }),
        state: StateGate.optional().meta({
          description:
            'Only if the patient was in this state when the action was taken (potassium above 5.0, glucose above ' +
            '250, no vasopressor running).',
          examples: [{ above: { potassium: 5.0 } }],
        }),
        beforeResultOf: list(KebabId)
          .optional()
          .meta({
            description:
              'Only if none of these tests had reported when the action was taken (e.g. insulin before a potassium).',
            examples: [['basic-metabolic-panel', 'venous-blood-gas']],
          }),
      })
      .optional()
      .meta({ description: 'Narrows when the action is harmful; every condition given must hold.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('unnecessary-tests').meta({
      description:
        'A cost for each distinct test ordered outside "indicated" (one already penalised as a harm is not counted).',
    }),
    indicated: list(KebabId).meta({ description: 'Tests that are defensible here; any other test costs.' }),
    penaltyEach: penalty.meta({ description: 'Points taken off per unindicated test.' }),
    maxPenalty: penalty.meta({ description: 'Most points taken off by this rule in all.' }),
  }),
  z.strictObject({
    ...common,
    type: z
      .literal('diagnosis')
      .meta({ description: 'Full points when the learner names the diagnosis (at any time).' }),
    points,
    diagnosis: KebabId.meta({ description: 'A diagnosis id from diagnoses.' }),
  }),
  z.strictObject({
    ...common,
    type: z
      .literal('disposition')
      .meta({ description: 'Credit by where the patient is sent; a disposition not listed earns nothing.' }),
    points,
    tiers: list(
      z.strictObject({
        disposition: KebabId.meta({ description: 'A disposition id from the catalogue.' }),
        fraction,
      }),
    )
      .min(1)
      .meta({ description: 'Dispositions with the share of the points each earns.' }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('outcome').meta({ description: 'Full points for the simulated outcome at the horizon.' }),
    points,
    status: z
      .enum(['alive'])
      .meta({ description: '"alive": no cardiac arrest before the case\'s horizonMin.' }),
  }),
]);

export const ScoringRule = ScoringRuleTypes.check((ctx) => {
  // A dose range on a treatment the rule never counts would never apply: say so rather than ignore it.
  const rule = ctx.value;
  if (rule.type !== 'timed' && rule.type !== 'regimen') return;
  const counted = rule.type === 'timed' ? rule.actions : rule.tiers.flatMap((tier) => tier.requires.flat());
  for (const id of Object.keys(rule.doses ?? {}))
    if (!counted.includes(`treat:${id}`))
      ctx.issues.push({
        code: 'custom',
        input: rule.doses,
        path: ['doses', id],
        message: `a dose range for "${id}", which this rule's actions do not name (treat:${id})`,
      });
});
export type ScoringRule = z.infer<typeof ScoringRule>;
