import { z } from 'zod';
import { KebabId, schemaRef } from './fact.ts';
import { Kinetics } from './physiology.ts';
import { EcgLeadSet } from './ecg.ts';
import { BUDGET } from '../../budget.ts';
import {
  aboveZero,
  COST_MAX,
  DOSE_MAX,
  inRange,
  list,
  NEVER_MIN,
  RESULT_MAX,
  share,
  text,
  wholeInRange,
} from './bounds.ts';

/** A value on a result, in the component's conventional unit. */
const resultValue = () => inRange(-RESULT_MAX, RESULT_MAX, "the component's unit");
/** A delay or a duration in minutes, up to NEVER_MIN (about 10 weeks). */
const minutes = () => inRange(0, NEVER_MIN, 'min');
/** How long an effect of one dose lasts (min): at most the longest course. */
const effectMinutes = () => aboveZero(BUDGET.horizonMin, 'min');

export const Range = z
  .strictObject({
    low: resultValue().optional().meta({ description: 'Lowest normal value (inclusive).' }),
    high: resultValue().optional().meta({ description: 'Highest normal value (inclusive).' }),
  })
  .meta({ description: "A reference range in the component's conventional unit. Either end may be open." });
export type Range = z.infer<typeof Range>;

/** What the analyser can report: beyond it a lab prints "> 600" or "< 0.5", never the number itself. */
export const MeasurableRange = z
  .strictObject({
    low: resultValue().optional().meta({
      description: 'Lowest value the analyser reports as a number; below it the result reads "< low".',
    }),
    high: resultValue()
      .optional()
      .meta({
        description: 'Highest value the analyser reports as a number; above it the result reads "> high".',
        examples: [600],
      }),
  })
  .check((ctx) => {
    const { low, high } = ctx.value;
    if (low !== undefined && high !== undefined && low >= high)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['high'],
        message: `the measurable range must run upwards: high (${String(high)}) is not above low (${String(low)})`,
      });
  })
  .meta({
    description:
      "The analyser's reportable range, in the component's conventional unit. A value beyond it is shown as the " +
      'limit with ">" or "<" (the flag still follows the true value). Either end may be open.',
  });
export type MeasurableRange = z.infer<typeof MeasurableRange>;

export const Component = z
  .strictObject({
    name: text()
      .min(1)
      .meta({
        description: 'Row name in the result table and the timeline summary.',
        examples: ['White cell count'],
      }),
    unit: text().meta({
      description: 'Conventional unit as printed on a result ("" for unitless).',
      examples: ['×10³/µL'],
    }),
    range: Range.optional().meta({ description: 'Reference range (both sexes, or the default).' }),
    rangeMale: Range.optional(),
    rangeFemale: Range.optional(),
    critical: Range.optional().meta({
      description: 'Outside this range the value is flagged critical (LL/HH).',
    }),
    measurable: MeasurableRange.optional().meta({
      description:
        'The reportable range of the usual analyser (e.g. a glucose meter reads "HI" above 600 mg/dL). Omit when ' +
        'any value the case can produce is reported as a number.',
    }),
    si: z
      .strictObject({
        unit: text().meta({ description: 'SI unit as printed on a result.', examples: ['mmol/L'] }),
        factor: inRange(1e-6, 1e6, '').meta({ description: 'SI value = conventional value × factor.' }),
      })
      .optional()
      .meta({ description: 'How to show the value in SI units. Omit when the units are the same.' }),
    decimals: wholeInRange(0, 4, 'decimals')
      .default(1)
      .meta({ description: 'Decimals to show in the conventional unit.' }),
    normal: text()
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
    name: text()
      .min(1)
      .meta({
        description: 'Name shown in order entry, on the timeline and with the results.',
        examples: ['Complete blood count with differential'],
      }),
    category: TestCategory.meta({ description: 'Grouping in order entry.' }),
    kind: z.enum(['panel', 'report', 'culture']).meta({
      description:
        'panel: a table of numeric/qualitative components; report: a written report; culture: staged microbiology.',
    }),
    synonyms: list(text())
      .default([])
      .meta({ description: 'Other names order entry should find.', examples: [['FBC', 'full blood count']] }),
    components: z
      .record(KebabId, Component)
      .optional()
      .meta({ description: 'For panels: the analytes, keyed by id.' }),
    collectMin: minutes()
      .default(0)
      .meta({ description: 'Minutes from order until the sample is taken / the study is done.' }),
    turnaroundMin: minutes().meta({
      description: 'Default minutes from sample to result (at most about 10 weeks: a mycobacterial culture).',
    }),
    turnaroundRangeMin: z.tuple([minutes(), minutes()]).optional().meta({
      description: 'Plausible [low, high] turnaround; the engine jitters within it from the case seed.',
    }),
    costUsd: inRange(0, COST_MAX, 'USD').meta({
      description: 'Approximate charge (US dollars), for the unnecessary-test cost in the debrief.',
    }),
    description: text()
      .optional()
      .meta({
        description: 'Notes on the test for authors and reviewers: how it is done, its timing, its caveats.',
        examples: ['Point-of-care analyser in the bay; a laboratory lactate takes 15–45 min.'],
      }),
    ecg: EcgLeadSet.optional().meta({
      description:
        'This test records a 12-lead ECG (a report): the game draws the tracing from the rhythm at recording and ' +
        "the case's morphology, and keeps the written read back until a cardiology read is asked for. " +
        'right-sided: V3R–V6R in place of V3–V6.',
    }),
    reads: z
      .enum(['ecg', 'imaging'])
      .optional()
      .meta({
        description:
          'A specialist\'s read (a report) of what was recorded before it was asked for. "ecg": a cardiology ' +
          'read, showing each ECG\'s report and impression once it is back. "imaging": a radiologist\'s wet read, ' +
          'the preliminary impression of each scan already done whose report is not back yet.',
      }),
  })
  .check((ctx) => {
    const { kind, ecg, reads } = ctx.value;
    const field = ecg !== undefined ? 'ecg' : reads !== undefined ? 'reads' : null;
    if (field !== null && kind !== 'report')
      ctx.issues.push({
        code: 'custom',
        input: kind,
        path: ['kind'],
        message: `a test with "${field}" is a written report: kind must be "report", not "${kind}"`,
      });
  })
  .meta({ description: 'An orderable test, defined once for all cases.' });
export type Test = z.infer<typeof Test>;

/** Any effect may happen only in some patients: drawn once per dose from the play's seed. */
const chance = {
  chance: share()
    .optional()
    .meta({
      description:
        'Share of doses in which this effect happens at all (e.g. marked hypotension after a nitrate in some ' +
        'patients with a right-ventricular infarct). Drawn once per dose from the seed, so a replay is identical. ' +
        'Absent: always.',
    }),
};

const EffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...chance,
    type: z.literal('crystalloid').meta({
      description:
        "Volume: a bolus's dose is mL, run in at rateMlPerMin (at once without it); an infusion's dose is mL/h. " +
        'A durable share fills the volume ' +
        'deficit; the rest ' +
        'enters a transient pool that raises MAP and lowers HR while it decays (physiology.volume).',
    }),
    durableFraction: share()
      .optional()
      .meta({ description: "Overrides the case's share of each mL that stays in the circulation." }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('vasopressor').meta({
      description:
        'While it runs, dose × potency adds to the norepinephrine-equivalent rate (mcg/kg/min) that drives the ' +
        "case's vasopressor curve (physiology.pressor).",
    }),
    potency: aboveZero(1000, '').meta({
      description: 'Dose multiplier relative to norepinephrine (1 = norepinephrine).',
    }),
    kinetics: Kinetics.optional().meta({
      description:
        'For a one-off dose (mode "dose"): dose × potency is the peak norepinephrine-equivalent rate, reached and ' +
        'lost along this curve. Infusions ignore it.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('fixed-pressor').meta({
      description: 'While it runs, a fixed MAP gain whatever the dose, reached linearly over onsetMin.',
    }),
    mapMmHg: inRange(-100, 100, 'mmHg').meta({ description: 'MAP gain (mmHg) once fully effective.' }),
    // At most 4 h: the engine recomputes the effect every minute of its onset.
    onsetMin: aboveZero(240, 'min').meta({
      description: 'Minutes from the start until the full mapMmHg is reached (at most 240).',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('treats-driver').meta({
      description:
        'Lowers the disease driver at physiology.driver.killPerH from driver.killLagMin after it starts, but only ' +
        'if the case lists this treatment in driver.effectiveTreatments (an antibiotic the organism is ' +
        'susceptible to, insulin, adrenaline). A one-off dose acts from then on (or for durationMin); an infusion ' +
        'acts while it runs.',
    }),
    durationMin: effectMinutes().optional().meta({
      description: 'For a one-off dose: minutes it acts after the lag (absent: for the rest of the case).',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('corticosteroid').meta({
      description:
        'From physiology.severity.steroidLagMin after the dose: severity recovers with recoverTauHWithSteroid and ' +
        'the vasopressor EC50 is multiplied by pressor.steroidEc50Factor.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('nephrotoxic').meta({
      description:
        "From the dose on: urine output × the case's urine.nephrotoxicFactor and creatinine rise × " +
        'creatinine.nephrotoxicFactor.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z
      .literal('antipyretic')
      .meta({ description: 'Lowers the temperature for durationMin after the dose.' }),
    tempDropC: aboveZero(5, '°C').meta({
      description: '°C taken off the temperature (several antipyretics: the largest, not the sum).',
    }),
    durationMin: effectMinutes().meta({ description: 'Minutes the effect lasts after the dose.' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('analgesic').meta({
      description: 'Relieves pain for durationMin after the dose: removes hr.pain in a case that is painful.',
    }),
    durationMin: effectMinutes().meta({ description: 'Minutes the effect lasts after the dose.' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('preload').meta({
      description:
        'Adds to (or, negative, takes from) the effective circulating volume without changing the volume state: ' +
        'legs raised, or venous pooling after a nitrate. While an infusion or position runs, or along kinetics ' +
        'for a one-off dose. A preload-dependent patient (physiology.map.perDeficit) feels it in MAP.',
    }),
    ml: inRange(-5000, 5000, 'mL').meta({
      description:
        'mL of effective volume at full effect (negative: pooled away from the heart); for a one-off dose, at ' +
        'defaultDose, in proportion to the dose given.',
      examples: [-900, 300],
    }),
    kinetics: Kinetics.optional().meta({ description: 'Time course for a one-off dose.' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('bronchodilator').meta({
      description:
        'Relieves bronchospasm: SpO2 up and respiratory rate down, added to any oxygen. While an infusion runs, ' +
        'along kinetics for a one-off dose, or for durationMin after it.',
    }),
    spo2Gain: inRange(0, 50, '%').meta({
      description:
        'SpO2 percentage points at full effect (for a one-off dose: at defaultDose, in proportion).',
    }),
    rrDrop: inRange(0, 40, 'breaths/min')
      .default(0)
      .meta({ description: 'Breaths/min fewer at full effect.' }),
    kinetics: Kinetics.optional().meta({ description: 'Time course for a one-off dose.' }),
    durationMin: effectMinutes().optional().meta({
      description: 'For a one-off dose without kinetics: minutes of full effect after the dose.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('potassium-shift').meta({
      description:
        'Moves potassium into cells without insulin (a β2-agonist such as nebulised salbutamol): peakPerH at full ' +
        'effect, along kinetics for a one-off dose or for durationMin after it. Acts in a case with ' +
        'physiology.metabolic; with potassium.shiftReturnHalfLifeH what it moved comes back as it wears off.',
    }),
    peakPerH: inRange(0, 5, 'mmol/L/h').meta({
      description:
        'mmol/L per hour moved into cells at full effect (for a one-off dose: at defaultDose, in proportion).',
    }),
    kinetics: Kinetics.optional().meta({ description: 'Time course for a one-off dose.' }),
    durationMin: effectMinutes().optional().meta({
      description: 'For a one-off dose without kinetics: minutes of full effect after the dose.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('haemodynamic').meta({
      description:
        'A direct change in heart rate and MAP (a β-blocker slows, atropine quickens): while it runs, along ' +
        'kinetics for a one-off dose, or for durationMin after it.',
    }),
    hrChange: inRange(-200, 200, 'beats/min').default(0).meta({
      description:
        'Beats/min at full effect, negative slows (for a one-off dose: at defaultDose, in proportion).',
    }),
    mapChange: inRange(-100, 100, 'mmHg').default(0).meta({ description: 'mmHg of MAP at full effect.' }),
    mapViaRate: z
      .boolean()
      .default(false)
      .meta({
        description:
          'Whether the MAP change comes only through the heart rate (atropine: true): then it is lost in a ' +
          'fixed-rate rhythm whose rate drugs cannot change. False: it acts on the vessels or the contraction too.',
      }),
    kinetics: Kinetics.optional().meta({ description: 'Time course for a one-off dose.' }),
    durationMin: effectMinutes().optional().meta({
      description: 'For a one-off dose without kinetics: minutes of full effect after the dose.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('insulin').meta({
      description:
        'While it runs, the rate divided by physiology.metabolic.insulin.fullEffectDose drives glucose down and ' +
        'potassium into cells (after an effect-site lag). A one-off dose (a bolus of soluble insulin) acts along ' +
        'its kinetics instead, peakEffect times the full effect at its peak. Needs a case with physiology.metabolic.',
    }),
    kinetics: Kinetics.optional().meta({ description: 'Time course for a one-off dose (needed for one).' }),
    peakEffect: inRange(0, 3, '× full effect')
      .default(1)
      .meta({
        description:
          "A one-off dose's effect at its peak, at defaultDose (in proportion to the dose), as a multiple of the " +
          'full effect that physiology.metabolic.insulin.fullEffectDose gives as an infusion.',
      }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('solute').meta({
      description:
        'What each unit of the dose carries, delivered as it is given: per mL as a bolus runs in, per unit/h ' +
        'while an infusion runs (e.g. potassium chloride in mmol/h), all at once for a one-off dose (e.g. ' +
        'sodium bicarbonate in mmol). Acts in a case with physiology.metabolic.',
    }),
    potassiumMmolPerUnit: inRange(0, 10, 'mmol per dose unit').default(0).meta({
      description:
        'mmol of potassium per unit of the dose (0.02 per mL for 20 mmol/L; 1 for a dose in mmol).',
    }),
    dextroseGramsPerUnit: inRange(0, 10, 'g per dose unit')
      .default(0)
      .meta({ description: 'Grams of dextrose per unit of the dose (10% dextrose: 0.1 per mL).' }),
    bicarbonateMmolPerUnit: inRange(0, 10, 'mmol per dose unit')
      .default(0)
      .meta({ description: 'mmol of bicarbonate per unit of the dose (1 for a dose in mmol).' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('oxygen').meta({ description: 'Raises SpO2 while it runs.' }),
    spo2Gain: aboveZero(100, '%').meta({
      description:
        'SpO2 percentage points added (several sources: the largest, not the sum; SpO2 stays ≤ 100).',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('cpr').meta({
      description:
        'Chest compressions and ventilation while it runs (start/stop): in cardiac arrest the circulation is ' +
        'physiology.resuscitation.cprMapMmHg instead of none, and rhythm checks can bring back a circulation.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('defibrillation').meta({
      description:
        'An unsynchronised shock (dose in joules). In VF or pulseless VT it ends the arrest with the chance the ' +
        'case sets (physiology.resuscitation.shockSuccess, less for each minute without CPR and of arrest); in any ' +
        'other rhythm it does nothing for the patient.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('cardioversion').meta({
      description:
        'A synchronised shock (dose in joules): turns VT with a pulse, SVT or AF into sinus rhythm with this chance.',
    }),
    success: share().meta({ description: 'Chance the rhythm converts to sinus.' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('pacing').meta({
      description:
        'While it runs, a slow perfusing rhythm (complete heart block, a junctional escape, sinus bradycardia) is ' +
        'paced at the dose ' +
        '(beats/min): the heart rate becomes the pacing rate and the output lost to the slow rhythm returns. ' +
        'Pacing does not treat asystole or VF.',
    }),
    onsetMin: inRange(0, 240, 'min')
      .default(0)
      .meta({
        description:
          'Minutes from the order to capture: 0 for pads, the insertion for a transvenous wire (the pacer does ' +
          'nothing before it).',
      }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('antiarrhythmic').meta({
      description:
        'In an arrest, later shocks succeed more often (physiology.resuscitation.antiarrhythmicFactor); with a ' +
        'pulse, turns VT or SVT into sinus rhythm with this chance.',
    }),
    conversion: share().default(0).meta({
      description: 'Chance that a perfusing tachyarrhythmia (VT, SVT, AF) converts to sinus rhythm.',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('arrest-vasopressor').meta({
      description:
        'Adrenaline 1 mg in cardiac arrest: for 5 minutes after the dose, rhythm checks in PEA or asystole find a ' +
        'circulation more often (physiology.resuscitation.withoutAdrenalineFactor applies without it).',
    }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('membrane-stabiliser').meta({
      description:
        'Calcium in hyperkalaemia: for durationMin after the dose the potassium at which the heart arrests ' +
        '(physiology.arrest.potassiumAbove) is raised by potassiumMarginMmol.',
    }),
    potassiumMarginMmol: inRange(0, 5, 'mmol/L').meta({
      description: 'mmol/L added to the arrest threshold.',
    }),
    durationMin: aboveZero(240, 'min').meta({ description: 'Minutes the protection lasts.' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('airway').meta({
      description:
        "Secures the airway (a tracheal tube): once the treatment's durationMin has passed the patient is ventilated, " +
        'at these settings until the ventilator treatments change them.',
    }),
    rate: inRange(4, 40, 'breaths/min').meta({ description: 'Initial ventilator rate (breaths/min).' }),
    tidalVolumeMl: inRange(200, 1000, 'mL').meta({ description: 'Initial tidal volume (mL).' }),
    fio2: inRange(0.21, 1, '').meta({ description: 'Initial inspired oxygen fraction (0.21–1).' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('ventilator').meta({
      description:
        'A ventilator setting while it runs (the dose is the setting): rate (breaths/min), tidal volume (mL) or ' +
        'FiO2 (%). Acts only in an intubated patient; the last setting given holds.',
    }),
    setting: z.enum(['rate', 'tidal-volume', 'fio2']).meta({ description: 'Which setting the dose is.' }),
  }),
  z.strictObject({
    ...chance,
    type: z.literal('dialysis').meta({
      description:
        'While it runs, haemodialysis clears at the dose (mL/min of clearance): a toxin, potassium towards 4.0, ' +
        "bicarbonate towards the bath's, creatinine down; each minute a share clearance / (0.6 × weight) of the " +
        'difference (one-compartment urea-like kinetics, teaching grade).',
    }),
    bathBicarbonate: inRange(20, 40, 'mmol/L')
      .default(32)
      .meta({ description: 'Dialysate bicarbonate (mmol/L).' }),
    bathPotassium: inRange(0, 5, 'mmol/L').default(4).meta({ description: 'Dialysate potassium (mmol/L).' }),
  }),
]);
export const Effect = EffectSchema.meta({
  description:
    'What a treatment does to the physiology model. How much it does for this patient is set by the case.',
});
export type Effect = z.infer<typeof Effect>;

export const Treatment = z
  .strictObject({
    name: text()
      .min(1)
      .meta({
        description: 'Name shown in the treatment panel, the dose dialog and on the timeline.',
        examples: ['Norepinephrine'],
      }),
    category: z
      .enum([
        'fluid',
        'antimicrobial',
        'vasopressor',
        'analgesic',
        'steroid',
        'respiratory',
        'cardiac',
        'metabolic',
        'blood-product',
        'monitoring',
        'position',
        'resuscitation',
        'other',
      ])
      .meta({
        description:
          'The heading it is listed under in the treatment panel. A "position" (mode "infusion") lasts until stopped ' +
          'or replaced by another position. A "monitoring" or "position" item is placed, not given: the ' +
          'dose dialog shows its description instead of a dose line.',
      }),
    route: z.enum(['IV', 'IM', 'PO', 'SL', 'inhaled', 'SC', 'arterial', 'none']).meta({
      description: 'Route of administration, shown with the dose (e.g. "2 g IV"); "none" for a position.',
    }),
    mode: z.enum(['bolus', 'infusion', 'dose']).meta({
      description:
        'bolus: a volume run in at rateMlPerMin; infusion: a continuous titratable rate (a later dose replaces it, stop ends it); dose: one dose.',
    }),
    doseUnit: text().meta({
      description:
        'Unit of defaultDose, doseMax and every dose ordered: mL for a fluid with a crystalloid effect, a rate ' +
        'for an infusion.',
      examples: ['mL', 'mcg/kg/min', 'g', 'mg'],
    }),
    defaultDose: aboveZero(DOSE_MAX, "the treatment's dose unit").meta({
      description:
        'Dose given when an action names none, and pre-filled in the dose dialog (in doseUnit). Must not exceed doseMax.',
    }),
    doseMax: aboveZero(DOSE_MAX, "the treatment's dose unit").meta({
      description: 'Largest single dose or rate accepted (in doseUnit); larger orders are refused.',
    }),
    // A rapid infuser runs at most about 1 L/min.
    rateMlPerMin: aboveZero(1000, 'mL/min')
      .optional()
      .meta({ description: 'For boluses: how fast the volume runs in (mL/min).' }),
    bedside: z
      .enum(['drip', 'syringe-driver', 'oxygen-mask', 'arterial-line', 'legs-raised', 'upright'])
      .optional()
      .meta({
        description:
          'What the bay shows while this runs (for a one-off dose: from when it is given): a bag on the drip stand, a syringe driver, an oxygen mask, an arterial line (the monitor then shows continuous arterial pressure), or the trolley laid flat with the legs raised or sat upright.',
      }),
    synonyms: list(text())
      .default([])
      .meta({
        description: 'Other names: brand names, abbreviations.',
        examples: [['noradrenaline', 'levophed']],
      }),
    durationMin: inRange(0, 120, 'min')
      .default(0)
      .meta({
        description:
          'Minutes the learner is busy doing it (an arterial line 10, intubation 10); the patient moves on meanwhile ' +
          'and the next action starts when it ends. A case may override it (timeCosts).',
      }),
    effects: list(Effect)
      .default([])
      .meta({ description: 'What it does to the simulated patient; none when the model ignores it.' }),
    costUsd: inRange(0, COST_MAX, 'USD').default(0).meta({ description: 'Approximate charge (US dollars).' }),
    description: text().optional().meta({
      description:
        'A note on the treatment (preparation, titration). For a "monitoring" item the dose dialog shows it.',
    }),
  })
  .meta({ description: 'A drug, fluid or therapy, defined once for all cases.' });
export type Treatment = z.infer<typeof Treatment>;

export const Consult = z
  .strictObject({
    name: text()
      .min(1)
      .meta({
        description: 'Shown on the call button, when called and on arrival at the bedside.',
        examples: ['General surgery'],
      }),
    responseMin: minutes().meta({ description: 'Minutes until the consultant is at the bedside.' }),
    description: text().optional().meta({ description: 'What the consultant is called for, for authors.' }),
  })
  .meta({
    description: "A consultant who can be called; what they say comes from the case's consultNotes.",
  });
export type Consult = z.infer<typeof Consult>;

export const Disposition = z
  .strictObject({
    name: text()
      .min(1)
      .meta({
        description: 'Shown on the send-to button, on the timeline and in the debrief.',
        examples: ['Operating room'],
      }),
    description: text().optional().meta({ description: 'What the disposition means, for authors.' }),
    stopsTreatment: z.boolean().default(false).meta({
      description: 'Whether everything running stops when the patient leaves (true for discharge home).',
    }),
  })
  .meta({
    description:
      "Where the patient goes. Choosing one ends the learner's part; the course runs on to the horizon.",
  });
export type Disposition = z.infer<typeof Disposition>;

export const ExamRegion = z
  .strictObject({
    name: text()
      .min(1)
      .meta({ description: 'Shown on the exam panel and the timeline.', examples: ['General appearance'] }),
    normal: text()
      .min(1)
      .meta({ description: 'What is found when the case says nothing about this region.' }),
    durationMin: inRange(0, 30, 'min').default(2).meta({
      description:
        'Minutes examining this region takes (the clock moves on meanwhile). A case may override it.',
    }),
  })
  .meta({ description: 'A region the learner can examine; the case gives its findings in "exam".' });
export type ExamRegion = z.infer<typeof ExamRegion>;

/** Body systems a learner can browse working diagnoses by. */
export const DiagnosisSystem = z.enum([
  'cardiovascular',
  'respiratory',
  'infection',
  'gastrointestinal',
  'renal-metabolic',
  'endocrine',
  'neurological',
  'toxicology',
  'allergy',
  'trauma',
  'obstetric-gynaecological',
  'haematology-oncology',
  'musculoskeletal-skin',
  'mental-health',
]);
export type DiagnosisSystem = z.infer<typeof DiagnosisSystem>;

export const Diagnosis = z
  .strictObject({
    name: text()
      .min(1)
      .meta({
        description:
          'The name the learner finds by searching and sees on the problem list: the diagnosis in general terms, ' +
          "never one case's details (a case's own wording goes in its diagnoses' label).",
        examples: ['Inferior STEMI'],
      }),
    system: DiagnosisSystem.meta({
      description: 'The body system it is listed under when the learner browses.',
    }),
    synonyms: list(text())
      .default([])
      .meta({
        description: 'Other names the search should find it by: abbreviations, other spellings, lay terms.',
        examples: [['DKA', 'ketoacidosis']],
      }),
  })
  .meta({
    description:
      'A working diagnosis the learner can commit in any case. Whether it is right, and why, is said by the case ' +
      '(its "diagnoses"); one the case does not list is simply not the diagnosis here.',
  });
export type Diagnosis = z.infer<typeof Diagnosis>;

/** One catalogue file. The loader merges every file in cases/catalog/, so any section may be absent. */
export const CatalogFile = z
  .strictObject({
    $schema: schemaRef('../catalog.schema.json'),
    tests: z
      .record(KebabId, Test)
      .optional()
      .meta({ description: 'Orderable tests by id, as in "order:id".' }),
    treatments: z
      .record(KebabId, Treatment)
      .optional()
      .meta({ description: 'Treatments by id, as in "treat:id" and "stop:id".' }),
    consults: z
      .record(KebabId, Consult)
      .optional()
      .meta({ description: 'Consultants by id, as in "consult:id".' }),
    dispositions: z
      .record(KebabId, Disposition)
      .optional()
      .meta({ description: 'Dispositions by id, as in "dispose:id".' }),
    examRegions: z
      .record(KebabId, ExamRegion)
      .optional()
      .meta({ description: 'Exam regions by id, as in "examine:id".' }),
    diagnoses: z
      .record(KebabId, Diagnosis)
      .optional()
      .meta({
        description:
          'Working diagnoses by id, as in "diagnose:id": the broad list the learner searches in every case, so that ' +
          'what is offered never depends on the answer.',
      }),
  })
  .meta({
    title: 'Bedside catalogue',
    description:
      'Shared definitions of tests, treatments, consults, dispositions, exam regions and working diagnoses.',
  });
export type CatalogFile = z.infer<typeof CatalogFile>;

export interface Catalog {
  tests: Record<string, Test>;
  treatments: Record<string, Treatment>;
  consults: Record<string, Consult>;
  dispositions: Record<string, Disposition>;
  examRegions: Record<string, ExamRegion>;
  diagnoses: Record<string, Diagnosis>;
}
export const CATALOG_SECTIONS = [
  'tests',
  'treatments',
  'consults',
  'dispositions',
  'examRegions',
  'diagnoses',
] as const;
