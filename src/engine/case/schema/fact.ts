import { z } from 'zod';
import { ID_MAX, inRange, RESULT_MAX, text } from './bounds.ts';

/** Ids are kebab-case everywhere: in cases, the catalogue, scripts and the UI's data-action hooks. */
export const KebabId = z
  .string()
  .max(ID_MAX, { abort: true })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'ids are kebab-case: lower-case letters, digits and single hyphens',
  })
  .meta({ description: 'A kebab-case id, e.g. "blood-cultures".', examples: ['lactate', 'general-surgery'] });

export const Provenance = z.enum(['source', 'corrected', 'inferred', 'synthetic']).meta({
  description:
    'Where a fact comes from. "source": exactly as the case report gives it. "corrected": the report\'s meaning, ' +
    'repaired (translation, unit, typo) with the original kept in "reported". "inferred": an inference from the ' +
    'report: what its facts imply (or a lesson drawn from them) but the report does not say, with a "note" saying ' +
    'what it rests on; shown as an inference, never as the report\'s words. "synthetic": invented to be plausible ' +
    'because the report is silent; never shown to a learner as what really happened.',
});
export type Provenance = z.infer<typeof Provenance>;

const note = text()
  .optional()
  .meta({
    description:
      'Why the value is what it is: the repair made, the basis of a synthetic value, or what in the report an ' +
      'inference rests on (required for "inferred").',
  });

export const factFields = {
  provenance: Provenance,
  reported: text()
    .optional()
    .meta({
      description:
        'The case report\'s own words for this fact, verbatim (required for "source" and "corrected"; for ' +
        '"inferred", the words it rests on, if one passage holds them).',
    }),
  note,
};

/** The fields of a teaching point or other text that carries a provenance but never quotes the report. */
export const provenanceFields = { provenance: Provenance, note };

/**
 * A fact with its provenance. Every fact a learner can see carries one, so the debrief can say which parts of the
 * story really happened.
 */
export function fact<T extends z.ZodType>(value: T, description: string) {
  return z
    .strictObject({
      value: value.meta({
        description:
          'The fact itself, as the game shows it. A number is in the unit its field (or catalogue component) names.',
      }),
      ...factFields,
    })
    .check(keepsReportedWording)
    .meta({ description });
}

/**
 * A "source" or "corrected" fact must keep the report's own words, and an "inferred" one say what it is inferred
 * from; a check for any object with fact fields.
 */
export function keepsReportedWording(ctx: {
  value: { provenance: Provenance; reported?: string | undefined; note?: string | undefined };
  issues: z.core.$ZodRawIssue[];
}): void {
  const { provenance, reported } = ctx.value;
  if ((provenance === 'source' || provenance === 'corrected') && reported === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['reported'],
      message: `a "${provenance}" fact must keep the report's wording in "reported"`,
    });
  }
  saysWhatItIsInferredFrom(ctx);
}

/** An inference is not the report's word, so it must say in "note" what in the report it rests on. */
export function saysWhatItIsInferredFrom(ctx: {
  value: { provenance: Provenance; note?: string | undefined };
  issues: z.core.$ZodRawIssue[];
}): void {
  if (ctx.value.provenance === 'inferred' && (ctx.value.note ?? '').trim() === '') {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['note'],
      message:
        'an "inferred" fact must say in "note" what in the report it is inferred from (the report does not say it)',
    });
  }
}

export const TextFact = fact(text().min(1), 'A piece of text with its provenance.');
export type TextFact = z.infer<typeof TextFact>;
/** A reported number (a result value as the report gave it), in the unit its field or component names. */
export const NumberFact = fact(
  inRange(-RESULT_MAX, RESULT_MAX, "the field's unit"),
  'A number with its provenance.',
);
export type NumberFact = z.infer<typeof NumberFact>;

/** Citation attached to every scoring rule. Confidence tags follow the clinical pack's addendum (§0). */
export const Source = z
  .strictObject({
    anchor: text()
      .min(1)
      .meta({ description: 'Anchor id from the clinical pack, e.g. "SSC26-R16-18", "NVO15".' }),
    citation: text().min(1).meta({ description: 'The guideline or paper, as a reader would look it up.' }),
    strength: text().optional().meta({ description: 'Strength and certainty as the guideline states them.' }),
    confidence: z.enum(['V1', 'V2', 'V3', 'U', 'K']).meta({
      description:
        'How well the anchor was checked (pack addendum §0): V1 primary page, V2 two sources, V3 one secondary, ' +
        'U unconfirmed (rule must score 0), K textbook knowledge not re-checked.',
    }),
  })
  .meta({ description: 'Where a scoring rule comes from.' });
export type Source = z.infer<typeof Source>;

/** The "$schema" member that points an editor at the JSON Schema for a file. */
export const schemaRef = (example: string) =>
  text()
    .optional()
    .meta({
      description: 'The JSON Schema editors check this file against (a path relative to this file).',
      examples: [example],
    });
