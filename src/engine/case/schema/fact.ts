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

export const Provenance = z.enum(['source', 'corrected', 'synthetic']).meta({
  description:
    'Where a fact comes from. "source": exactly as the case report gives it. "corrected": the report\'s meaning, ' +
    'repaired (translation, unit, typo) with the original kept in "reported". "synthetic": invented to be ' +
    'plausible because the report is silent; never shown to a learner as what really happened.',
});
export type Provenance = z.infer<typeof Provenance>;

export const factFields = {
  provenance: Provenance,
  reported: text().optional().meta({
    description:
      'The case report\'s own words for this fact, verbatim (required for "source" and "corrected").',
  }),
  note: text().optional().meta({
    description: 'Why the value is what it is: the repair made, or the basis of a synthetic value.',
  }),
};

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

/** A "source" or "corrected" fact must keep the report's own words; a check for any object with fact fields. */
export function keepsReportedWording(ctx: {
  value: { provenance: Provenance; reported?: string | undefined };
  issues: z.core.$ZodRawIssue[];
}): void {
  if (ctx.value.provenance !== 'synthetic' && ctx.value.reported === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['reported'],
      message: `a "${ctx.value.provenance}" fact must keep the report's wording in "reported"`,
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
