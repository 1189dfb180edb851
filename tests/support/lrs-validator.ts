import { z } from 'zod';

/**
 * What a stub LRS accepts: the xAPI 1.0.3 statement rules the game's statements must meet (a UUID id, an actor with
 * an inverse functional identifier, IRIs for verb and object, a language map for displays, an ISO timestamp, a
 * scaled score in [-1, 1] and raw within min–max, a UUID registration).
 */
const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, { error: 'not an IRI' });
const LanguageMap = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/), z.string());
const Extensions = z.record(Iri, z.unknown());

export const LrsStatement = z.strictObject({
  id: z.uuid(),
  timestamp: z.iso.datetime({ offset: true }),
  actor: z
    .looseObject({ mbox: z.string().startsWith('mailto:').optional(), account: z.object({}).optional() })
    .refine((a) => a.mbox !== undefined || a.account !== undefined, { error: 'actor without an IFI' }),
  verb: z.strictObject({ id: Iri, display: LanguageMap }),
  object: z.strictObject({
    objectType: z.literal('Activity'),
    id: Iri,
    definition: z.strictObject({ name: LanguageMap, type: Iri }).optional(),
  }),
  result: z
    .strictObject({
      score: z
        .strictObject({
          scaled: z.number().min(-1).max(1),
          raw: z.number(),
          min: z.number(),
          max: z.number(),
        })
        .refine((s) => s.min <= s.raw && s.raw <= s.max, { error: 'raw outside min–max' })
        .optional(),
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
      extensions: Extensions.optional(),
    })
    .optional(),
  context: z
    .strictObject({
      registration: z.uuid().optional(),
      contextActivities: z
        .strictObject({ parent: z.array(z.strictObject({ objectType: z.literal('Activity'), id: Iri })) })
        .optional(),
      extensions: Extensions.optional(),
    })
    .optional(),
});
