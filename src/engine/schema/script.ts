import { z } from 'zod';
import { KebabId } from './fact.ts';

export const VERBS = [
  'examine',
  'ask',
  'order',
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
    at: z.int().min(0).meta({ description: 'Whole minutes since arrival.' }),
    do: z.enum(VERBS),
    id: KebabId.optional(),
    dose: z
      .number()
      .positive()
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

export const Script = z.strictObject({
  $schema: z.string().optional(),
  seed: z.int().min(0).optional(),
  actions: z.array(ScriptAction),
});
export type Script = z.infer<typeof Script>;
