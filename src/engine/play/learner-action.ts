import { z } from 'zod';
import { DOSE_MAX } from '../case/schema/bounds.ts';
import { KebabId } from '../case/schema/fact.ts';
import type { LearnerAction } from './context.ts';

/**
 * One learner action as a saved play or a test hook hands it to the engine: checked with the same schema tools as
 * cases, so a damaged save is refused with a message rather than replayed into nonsense.
 */
export const LearnerActionSchema = z.union([
  z.strictObject({
    do: z.enum(['examine', 'ask', 'order', 'cancel', 'stop', 'consult', 'diagnose', 'dispose']),
    id: KebabId,
  }),
  z.strictObject({
    do: z.literal('treat'),
    id: KebabId,
    dose: z.number().positive().max(DOSE_MAX).exactOptional(),
  }),
]) satisfies z.ZodType<LearnerAction>;
