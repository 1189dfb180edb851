import { z } from 'zod';
import { KebabId, schemaRef } from './fact.ts';
import { BUDGET } from '../../budget.ts';
import { aboveZero, DOSE_MAX, SEED_MAX, wholeInRange } from './bounds.ts';

export const VERBS = [
  'examine',
  'ask',
  'order',
  'cancel',
  'treat',
  'stop',
  'consult',
  'diagnose',
  'dispose',
  'end',
] as const;
export type Verb = (typeof VERBS)[number];

/** One learner action in a script: the same verbs and ids as the UI's data-action hooks. */
export const ScriptAction = z
  .strictObject({
    at: wholeInRange(0, BUDGET.horizonMin, 'min').meta({
      description: `Whole minutes since arrival, at most the longest course (${String(BUDGET.horizonMin)}).`,
    }),
    do: z.enum(VERBS).meta({
      description:
        'The verb, as on the game\'s controls. "end" ends the learner\'s part at that minute and needs no id; ' +
        'the course is then simulated to the horizon with what is running.',
    }),
    id: KebabId.optional().meta({
      description:
        'What the verb acts on: an exam region, history item, test (to order, or cancel before its sample is taken), ' +
        'treatment, consult, diagnosis or disposition id.',
      examples: ['blood-cultures', 'norepinephrine'],
    }),
    dose: aboveZero(DOSE_MAX, "the treatment's dose unit")
      .optional()
      .meta({ description: 'For "treat": the dose in the catalogue\'s dose unit.' }),
  })
  .check((ctx) => {
    if (ctx.value.do !== 'end' && ctx.value.id === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['id'],
        message: `"${ctx.value.do}" needs an "id"`,
      });
    }
  });
export type ScriptAction = z.infer<typeof ScriptAction>;

export const Script = z
  .strictObject({
    $schema: schemaRef('../../../cases/script.schema.json'),
    seed: wholeInRange(0, SEED_MAX, '').optional().meta({
      description:
        "Seed for the play's random draws (test turnarounds). Default: the case's defaultSeed; --seed overrides it.",
    }),
    actions: z
      .array(ScriptAction)
      .max(BUDGET.actions)
      .meta({
        description:
          'What the learner does, in time order; several actions may share a minute. At most ' +
          `${BUDGET.actions.toLocaleString('en')} (the engine's budget).`,
      }),
  })
  .meta({
    title: 'Bedside script',
    description: 'A scripted learner: actions at given minutes, played headless.',
  });
export type Script = z.infer<typeof Script>;
