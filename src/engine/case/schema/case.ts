import { z } from 'zod';
import { APPEARANCE_SIGNS } from '../vocabulary.ts';
export { APPEARANCE_SIGNS } from '../vocabulary.ts';
import { DiagnosisSystem, MeasurableRange } from './catalog.ts';
import {
  fact,
  factFields,
  KebabId,
  keepsReportedWording,
  NumberFact,
  provenanceFields,
  saysWhatItIsInferredFrom,
  schemaRef,
  TextFact,
} from './fact.ts';
import { ActionRef, parameterSchema, ShockModel, StateCondition, StateVariable } from './physiology.ts';
import { ScoringRule } from './scoring.ts';
import { ScriptAction } from './script.ts';
import { Course } from './course.ts';
import { EcgMorphology } from './ecg.ts';
import { STATE_RANGES } from './state.ts';
import { BUDGET } from '../../budget.ts';
import {
  aboveZero,
  DOSE_MAX,
  eachInItsRange,
  inRange,
  list,
  NEVER_MIN,
  RESULT_MAX,
  SEED_MAX,
  text,
  widestOf,
  wholeInRange,
} from './bounds.ts';

/** A result value read from the simulated patient when the sample is taken: value = offset + scale × state. */
export const StateValue = z
  .strictObject({
    fromState: StateVariable,
    scale: inRange(-10_000, 10_000, '')
      .default(1)
      .meta({ description: 'Multiplier on the simulated value: value = offset + scale × state.' }),
    offset: inRange(-100_000, 100_000, "the component's unit")
      .default(0)
      .meta({ description: "Added after scaling, in the component's conventional unit." }),
    provenance: z.literal('synthetic').meta({ description: 'Values from the simulation are synthetic …' }),
    note: text().optional().meta({
      description: 'Why the value follows the simulation; shown with it unless asReported applies.',
    }),
    asReported: NumberFact.optional().meta({
      description:
        "… unless they equal what the report gave (e.g. creatinine 0.80 at arrival): then this fact's provenance is shown.",
    }),
  })
  .meta({ description: 'A value that follows the patient: e.g. lactate at the moment of sampling.' });
export type StateValue = z.infer<typeof StateValue>;

const ResultValue = z.union([inRange(-RESULT_MAX, RESULT_MAX, "the component's unit"), text()]);

/** One reported value of a serial result, from its minute until the next point. */
const CoursePoint = z
  .strictObject({
    fromMin: inRange(0, BUDGET.horizonMin, 'min').meta({
      description:
        'Simulated minutes since arrival from which a sample reports this value (until the next point). The first ' +
        'point is at 0.',
      examples: [0, 180],
    }),
    value: ResultValue.meta({
      description: "The value a sample taken from fromMin reports, in the component's conventional unit.",
    }),
    ...factFields,
  })
  .check(keepsReportedWording)
  .meta({ description: 'A result value with its provenance, reported for samples taken from fromMin on.' });

/** Serial results as the report gives them: the value for a sample at minute t is the last point at or before t. */
export const CourseValue = z
  .strictObject({
    course: list(CoursePoint)
      .min(1)
      .check((ctx) => {
        ctx.value.forEach((point, i) => {
          const before = ctx.value[i - 1];
          if (i === 0 && point.fromMin !== 0)
            ctx.issues.push({
              code: 'custom',
              input: point.fromMin,
              path: [i, 'fromMin'],
              message: `the first point must start at minute 0 (arrival), not ${String(point.fromMin)}`,
            });
          else if (before !== undefined && point.fromMin <= before.fromMin)
            ctx.issues.push({
              code: 'custom',
              input: point.fromMin,
              path: [i, 'fromMin'],
              message: `minute ${String(point.fromMin)} must come after the previous point's minute ${String(before.fromMin)}: keep the points in time order`,
            });
        });
      })
      .meta({
        description:
          'The values in time order, the first at fromMin 0. A sample taken at minute t reports the last point ' +
          'with fromMin ≤ t, with its provenance.',
      }),
  })
  .meta({
    description:
      "A value that changes as the report's serial results did (e.g. K+ 7.3 at arrival, 6.1 at 3 h): a repeated " +
      'test shows the value reported for its sampling time.',
  });
export type CourseValue = z.infer<typeof CourseValue>;

const ComponentValue = z.union([
  fact(ResultValue, 'A fixed result value with its provenance.'),
  StateValue,
  CourseValue,
]);
export type ComponentValue = z.infer<typeof ComponentValue>;

export const CaseResult = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('panel').meta({ description: "A table of the catalogue test's components." }),
    values: z
      .record(KebabId, ComponentValue)
      .meta({ description: 'Values by component id (see the catalogue test).' }),
    ranges: z
      .record(
        KebabId,
        z.strictObject({
          low: inRange(-RESULT_MAX, RESULT_MAX, "the component's unit")
            .optional()
            .meta({ description: 'Lowest normal value (inclusive).' }),
          high: inRange(-RESULT_MAX, RESULT_MAX, "the component's unit")
            .optional()
            .meta({ description: 'Highest normal value (inclusive).' }),
        }),
      )
      .optional()
      .meta({
        description:
          'Reference ranges that differ from the catalogue for this lab (method-dependent assays).',
      }),
    measurable: z
      .record(KebabId, MeasurableRange)
      .optional()
      .meta({
        description:
          "Reportable ranges that differ from the catalogue's analyser for this lab, by component id: beyond " +
          'them a value reads "> high" or "< low".',
      }),
    comment: TextFact.optional().meta({ description: 'A remark printed under the result table.' }),
  }),
  z.strictObject({
    kind: z.literal('report').meta({ description: 'A written report (imaging, ECG, procedure).' }),
    report: TextFact.meta({
      description:
        'The findings as written; shown first, before the impression (for an ECG: the written read).',
    }),
    impression: TextFact.optional().meta({
      description:
        "The reader's conclusion (the radiologist's, the cardiologist's), shown after the findings; the timeline " +
        'shows it in place of the report (for an ECG, only once a cardiology read is back).',
    }),
    morphology: EcgMorphology.optional().meta({
      description:
        'For an ECG test: the shape of the tracing the game draws (ST deviation, T waves, Q waves … by lead). ' +
        'The learner sees the tracing; the report and impression are the cardiology read.',
    }),
  }),
  z.strictObject({
    kind: z.literal('culture').meta({ description: 'Microbiology reported in stages.' }),
    stages: list(
      z.strictObject({
        afterMin: inRange(0, NEVER_MIN, 'min').meta({ description: 'Minutes after the sample is taken.' }),
        status: z
          .enum(['preliminary', 'final'])
          .meta({ description: 'How the stage is labelled: a preliminary or the final report.' }),
        report: TextFact.meta({ description: 'What the laboratory reports at this stage.' }),
      }),
    )
      .min(1)
      .meta({
        description:
          "The reports in order. The first stage's afterMin is also the test's turnaround for this patient.",
      }),
  }),
]);
export type CaseResult = z.infer<typeof CaseResult>;

/** An exam finding that follows the patient: the first change whose condition holds, otherwise the usual text. */
export const ChangingFinding = z
  .strictObject({
    changes: list(
      z.strictObject({
        when: StateCondition.meta({
          description: 'While this holds (any threshold crossed), the region shows this finding.',
          examples: [{ below: { severity: 0.3 } }],
        }),
        finding: TextFact.meta({ description: 'What examining the region finds then.' }),
      }),
    )
      .min(1)
      .meta({ description: 'Tried in order; the first whose condition holds wins.' }),
    otherwise: TextFact.meta({ description: 'What is found when no change applies (e.g. at arrival).' }),
  })
  .meta({
    description:
      'A finding that changes with the simulated patient (stridor that settles once adrenaline works, Kussmaul ' +
      'breathing that quietens as the bicarbonate rises). Read at the moment of examining; examine again to see it change.',
  });
export const ExamFinding = z.union([TextFact, ChangingFinding]);
export type ExamFinding = z.infer<typeof ExamFinding>;

export const AppearanceSign = z.enum(APPEARANCE_SIGNS).meta({
  description:
    'A sign the bay draws on the patient: pallor, mottling (of the limbs), sweating, cyanosis (lips), flushing ' +
    '(face), urticaria (hives), lip-swelling (angio-oedema), pain (a grimace, gone while an analgesic acts), ' +
    'drowsiness (heavy lids) or deep-breathing (large breaths, e.g. Kussmaul).',
});
export type AppearanceSign = z.infer<typeof AppearanceSign>;

export const Appearance = z
  .strictObject({
    sign: AppearanceSign,
    when: StateCondition.optional().meta({
      description:
        'While this holds (any threshold crossed), the sign shows; without it, the sign shows throughout. Use the ' +
        'thresholds of the matching exam finding, so what the learner sees and what they examine agree.',
      examples: [{ above: { severity: 0.4 } }],
    }),
    ...factFields,
  })
  .check(keepsReportedWording)
  .meta({
    description:
      'How the patient looks, as the case describes them (hives that fade as adrenaline works, the grimace of ' +
      'pain). The monitor-derived signs (pale and mottled from capillary refill, cyanosed from the saturation, ' +
      'drowsy from the GCS) need no entry.',
  });
export type Appearance = z.infer<typeof Appearance>;

/**
 * What a consultant says may depend on what has been done by the time they arrive: a surgeon does not comment on a
 * CT that was never ordered. The first variant whose conditions all hold is said; otherwise the note's own text.
 */
export const ConsultVariant = z
  .strictObject({
    ifDone: list(ActionRef)
      .default([])
      .meta({
        description:
          'Actions that must all have been done (accepted) before the consultant arrives, as "verb:id" ' +
          '(e.g. "order:ct-abdomen-pelvis", "treat:norepinephrine").',
      }),
    ifResulted: list(KebabId).default([]).meta({
      description:
        'Tests (catalogue ids) whose result must all be back, so the consultant can have read it, when they arrive.',
    }),
    text: TextFact.meta({ description: 'What the consultant says when the conditions hold.' }),
  })
  .check((ctx) => {
    if (ctx.value.ifDone.length === 0 && ctx.value.ifResulted.length === 0)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['ifDone'],
        message:
          'a variant needs a condition: "ifDone" or "ifResulted" (the note\'s own text is the fallback)',
      });
  })
  .meta({ description: 'Words for the consultant on arrival when something has (already) been done.' });
export type ConsultVariant = z.infer<typeof ConsultVariant>;

export const ConsultNote = z
  .strictObject({
    value: text()
      .min(1)
      .meta({ description: 'What the consultant says on arrival when no variant applies.' }),
    ...factFields,
    variants: list(ConsultVariant)
      .default([])
      .meta({
        description:
          'Words that follow what has been done by the time the consultant arrives: the first whose conditions all ' +
          'hold is said instead of "value". Put the most specific first.',
      }),
  })
  .check(keepsReportedWording)
  .meta({ description: 'What a consultant says on arrival, with its provenance (and variants).' });
export type ConsultNote = z.infer<typeof ConsultNote>;

export const VITALS = ['hr', 'sbp', 'dbp', 'rr', 'spo2', 'temp'] as const;
const VITAL_RANGES = Object.fromEntries(VITALS.map((v) => [v, STATE_RANGES[v]]));
const vitalsRange = widestOf(VITAL_RANGES);

/**
 * An event that sets a physiology parameter ("driver.growthPerH": 0.6) must keep it within the bounds the physiology
 * block gives that parameter, or the change would bring back what the schema keeps out (a half-life of zero).
 */
function parametersWithinBounds(ctx: { value: z.infer<typeof Course>; issues: z.core.$ZodRawIssue[] }): void {
  ctx.value.events.forEach((event, i) => {
    event.effects.forEach((effect, j) => {
      if (effect.type !== 'physiology') return;
      for (const [path, value] of Object.entries(effect.set)) {
        // A path that names no parameter is reported by the loader, with the nearest valid one.
        const checked = parameterSchema(path)?.safeParse(value);
        for (const issue of checked?.error?.issues ?? [])
          ctx.issues.push({
            ...issue,
            input: value,
            path: ['events', i, 'effects', j, 'set', path],
          } as z.core.$ZodRawIssue);
      }
    });
  });
}

/** The receiving team's standing orders once the patient leaves the learner. */
export const Handover = z
  .strictObject({
    dispositions: list(KebabId)
      .min(1)
      .meta({ description: 'Where the patient goes for these orders to apply (disposition ids).' }),
    stop: list(KebabId).default([]).meta({
      description:
        'Treatments the receiving team stops on arrival (e.g. a fluid bolus the ward will not run on).',
    }),
    orders: list(
      z.strictObject({
        afterMin: inRange(0, 1440, 'min').meta({ description: 'Minutes after the disposition.' }),
        do: z.enum(['treat', 'stop']).meta({ description: 'Start (or change) or stop a treatment.' }),
        id: KebabId.meta({ description: 'A treatment id from the catalogue.' }),
        dose: aboveZero(DOSE_MAX, "the treatment's dose unit")
          .optional()
          .meta({ description: "Dose in the catalogue's dose unit." }),
      }),
    )
      .default([])
      .meta({ description: "The receiving team's own orders, in time order." }),
    note: text().min(1).meta({ description: 'What the team does and why, for the debrief.' }),
  })
  .meta({ description: 'Standing orders of a receiving team (HDU, ward, theatre).' });
export type Handover = z.infer<typeof Handover>;

/** What stops a learner's advance of the clock: a new alarm, a critical result, a rhythm change, an event, a consultant. */
export const STOP_KINDS = ['alarm', 'critical-result', 'rhythm', 'event', 'consultant'] as const;
export type StopKind = (typeof STOP_KINDS)[number];

export const ClockOptions = z
  .strictObject({
    pauseRealTimeOn: list(z.enum(STOP_KINDS))
      .default([])
      .meta({
        description:
          'In real time, the clock pauses (as the step buttons stop) at the first minute with one of these: "alarm" ' +
          '(MAP below 55 mmHg, SpO2 below 90 %), "critical-result", "rhythm" (a rhythm change, an arrest), "event" ' +
          '(what a course event says at the bedside), "consultant" (a consultant\'s arrival). Default: none.',
        examples: [['alarm', 'critical-result', 'rhythm']],
      }),
  })
  .meta({ description: 'How the clock behaves in this case.' });

export const CaseFile = z
  .strictObject({
    $schema: schemaRef('./case.schema.json'),
    id: KebabId.meta({ description: 'Must match the file name (without .json).' }),
    title: text()
      .min(1)
      .meta({ description: 'Case title, shown in the case picker, on the briefing and as the page title.' }),
    complaint: text().min(1).meta({ description: 'Presenting complaint, one line, for the case picker.' }),
    difficulty: z
      .enum(['introductory', 'intermediate', 'advanced'])
      .meta({ description: 'Shown in the case picker.' }),
    estimatedMinutes: wholeInRange(1, 600, 'min').meta({ description: 'Typical real minutes to play.' }),
    kind: z
      .enum(['real-case', 'synthetic-teaching'])
      .meta({ description: 'Whether the case is built on a published patient.' }),
    source: z
      .strictObject({
        citation: text()
          .min(1)
          .meta({
            description:
              "The published case report, as a reader would look it up. Shown only in the debrief: a report's title " +
              'usually names the diagnosis.',
          }),
        authors: text().min(1).optional().meta({
          description:
            'The report\'s authors as cited ("Bailuni Neto JJ, Siqueira BL, et al."), where known.',
        }),
        title: text().min(1).optional().meta({
          description: "The report's own title, where known (debrief only: it usually names the diagnosis).",
        }),
        journal: text().min(1).optional().meta({
          description: 'The journal (or congress) and its volume and pages as cited, where known.',
        }),
        year: wholeInRange(1800, 2200, '')
          .optional()
          .meta({ description: 'Year of publication, where known.' }),
        doi: text()
          .regex(/^10\.\d{4,9}\/\S+$/, {
            error: 'a DOI looks like "10.12659/AJCR.934600" (no "doi:" or URL)',
          })
          .optional()
          .meta({
            description: 'The DOI without "doi:" or a URL, where known.',
            examples: ['10.12659/AJCR.934600'],
          }),
        pmcid: text()
          .regex(/^PMC\d+$/, { error: 'a PMCID looks like "PMC8793789"' })
          .optional()
          .meta({
            description: "The report's PubMed Central id, where it has one (its open full text).",
            examples: ['PMC8793789'],
          }),
        licence: text()
          .min(1)
          .optional()
          .meta({
            description:
              'The licence the report is published under, as stated with it ("CC BY 4.0"), or what is known of it ' +
              '("not stated with the text; the journal usually publishes under CC BY-NC-ND 4.0").',
          }),
        language: text().min(1).optional().meta({
          description: 'The language the report was published in, when not English ("Spanish").',
        }),
        file: text().optional().meta({ description: 'The verbatim report this case is built from.' }),
        note: text().optional().meta({
          description: 'For a real case: shown on the briefing after "Based on a published case report."',
        }),
      })
      .meta({ description: 'The publication the case is built from.' }),
    setting: text().min(1).meta({ description: 'Where the learner is, for the briefing.' }),
    briefing: text()
      .min(1)
      .meta({ description: 'What the learner reads about the patient on the briefing, before play starts.' }),
    horizonMin: wholeInRange(1, BUDGET.horizonMin, 'min').meta({
      description:
        "The patient's course is simulated to this minute: at most the engine's budget of " +
        `${String(BUDGET.horizonMin)} minutes.`,
    }),
    defaultSeed: wholeInRange(0, SEED_MAX, '')
      .default(1)
      .meta({
        description:
          "Seed for a play's random draws (test turnaround within turnaroundRangeMin) when no script or --seed " +
          'gives one. The same seed and actions give the same play.',
      }),
    clock: ClockOptions.optional(),
    patient: z
      .strictObject({
        ageYears: fact(inRange(0, 120, 'years'), 'Age in years (0–120).'),
        sex: fact(
          z.enum(['male', 'female']),
          "Sex. Picks the catalogue's rangeMale or rangeFemale for results.",
        ),
        // Zero would divide every per-kg figure; 0.3 kg is the smallest newborn, 400 kg beyond the heaviest adult.
        weightKg: fact(inRange(0.3, 400, 'kg'), 'Weight (kg).').meta({
          description:
            'Weight (kg, 0.3–400). Converts the per-kg figures: mL/kg in fluid-volume scoring and the overload threshold, ' +
            'and urine output (mL/kg/h) into mL for the fluid balance.',
        }),
        build: fact(z.enum(['slim', 'average', 'heavy']), 'Build, as the bay draws the patient.')
          .optional()
          .meta({
            description:
              'Build as the bay draws the patient (slim, average, heavy). Without it the bay judges it from the ' +
              'weight and sex.',
          }),
      })
      .meta({ description: 'Who the patient is.' }),
    appearance: list(Appearance)
      .default([])
      .meta({
        description:
          'Signs the bay draws on the patient and when (hives, swollen lips, sweating, the grimace of pain), each ' +
          'with its provenance. Signs the monitor implies (pallor, mottling, cyanosis, drowsiness) come from the ' +
          'state without an entry.',
      }),
    presentation: z
      .strictObject({
        story: TextFact.meta({ description: 'What the learner is told at the start.' }),
        arrivalVitals: z
          .record(
            z.enum(VITALS),
            fact(inRange(vitalsRange.min, vitalsRange.max, "the vital's unit"), 'A vital sign.'),
          )
          .check(eachInItsRange(VITAL_RANGES, (vital) => [vital, 'value']))
          .meta({
            description:
              'The vitals as recorded at arrival (the simulation is calibrated to these). Units: hr beats/min, ' +
              'sbp and dbp mmHg, rr breaths/min, spo2 %, temp °C.',
          }),
      })
      .meta({ description: 'How the patient arrives: the opening story and the recorded vitals.' }),
    history: list(
      z.strictObject({
        id: KebabId.meta({ description: 'The history item, as in "ask:id".', examples: ['onset'] }),
        question: text()
          .min(1)
          .meta({ description: 'The question as the learner sees it in the history panel.' }),
        answer: TextFact.meta({ description: 'The answer revealed when the question is asked.' }),
        durationMin: inRange(0, 30, 'min').default(1).meta({
          description: 'Minutes asking takes (the clock moves on meanwhile).',
        }),
      }),
    ).meta({ description: 'Questions the learner can ask, each with the answer revealed when asked.' }),
    exam: z.record(KebabId, ExamFinding).meta({
      description:
        'Findings by exam region; a region the case leaves out is normal (catalogue text). A finding may change ' +
        'with the patient: it is read when the region is examined.',
    }),
    results: z
      .record(KebabId, CaseResult)
      .meta({ description: "This patient's result for each test that has one." }),
    testOverrides: z
      .record(
        KebabId,
        z.strictObject({
          turnaroundMin: inRange(0, NEVER_MIN, 'min')
            .optional()
            .meta({ description: "Replaces the catalogue's usual minutes from sample to result." }),
          turnaroundRangeMin: z
            .tuple([inRange(0, NEVER_MIN, 'min'), inRange(0, NEVER_MIN, 'min')])
            .optional()
            .meta({
              description:
                "Replaces the catalogue's [low, high] turnaround (minutes); the seeded draw peaks at turnaroundMin.",
            }),
          collectMin: inRange(0, NEVER_MIN, 'min')
            .optional()
            .meta({ description: "Replaces the catalogue's minutes from order until the sample is taken." }),
        }),
      )
      .default({})
      .meta({ description: 'Timing that differs from the catalogue for this case (e.g. a slow culture).' }),
    consultNotes: z.record(KebabId, ConsultNote).default({}).meta({
      description:
        'What each consultant says on arrival; variants make the words follow what has been done by then.',
    }),
    physiology: ShockModel,
    course: Course.check(parametersWithinBounds)
      .optional()
      .meta({
        description:
          "The patient's course as phases and events (a deterioration at a known hour, an arrest, a second wave). " +
          'Without it the course is one phase and only the physiology moves.',
      }),
    timeCosts: z
      .record(ActionRef, inRange(0, 120, 'min'))
      .default({})
      .meta({
        description:
          'Minutes an action takes in this case, replacing the catalogue\'s (e.g. { "examine:abdomen": 3 }).',
      }),
    handover: list(Handover)
      .default([])
      .meta({
        description:
          'What the receiving team does with what the learner left running, by disposition. Without an entry, ' +
          'everything running goes on as it was (a discharge home stops it all).',
      }),
    diagnoses: list(
      z.strictObject({
        id: KebabId.meta({
          description:
            'The diagnosis, as in "diagnose:id": an id of the diagnosis catalogue (cases/catalog/diagnoses.json), ' +
            'or one this case adds (then give it a label).',
          examples: ['septic-shock'],
        }),
        label: text()
          .min(1)
          .optional()
          .meta({
            description:
              "The case's own wording, shown in the debrief with the explanation. For a catalogue diagnosis the " +
              'learner searches and commits the catalogue\'s general name, so the label may be specific ("Anaphylaxis ' +
              '(peanut) with airway compromise"). Required for a diagnosis the catalogue lacks: it is then its name ' +
              "everywhere, found only in this case, so keep it as general as the catalogue's.",
          }),
        system: DiagnosisSystem.optional().meta({
          description:
            'For a diagnosis the catalogue lacks: the body system it is browsed under (without one it is found only ' +
            'by searching). A catalogue diagnosis has its own.',
        }),
        synonyms: list(text())
          .optional()
          .meta({
            description:
              'For a diagnosis the catalogue lacks: other names the search finds it by. A catalogue diagnosis has its ' +
              'own.',
          }),
        correct: z.boolean().meta({
          description:
            'Whether this is a right answer; at least one must be. Points come from "diagnosis" scoring rules.',
        }),
        explanation: text()
          .min(1)
          .meta({ description: 'Why this diagnosis is right, or why it is a plausible distractor.' }),
      }),
    )
      .min(2)
      .meta({
        description:
          'What this case says about working diagnoses: the correct ones and plausible distractors, each explained ' +
          'in the debrief. The learner searches the whole catalogue (and these); one the case does not list is not ' +
          'correct and carries no explanation.',
      }),
    realCourse: z
      .strictObject({
        summary: TextFact.meta({ description: 'The real course in a few sentences.' }),
        actions: list(
          z.strictObject({
            action: ActionRef.meta({
              description:
                'The matching game action as "verb:id"; the debrief ticks it if the learner did it too.',
            }),
            what: TextFact.meta({ description: 'What the team did, in words, as the debrief lists it.' }),
            atMin: fact(inRange(0, NEVER_MIN, 'min'), 'Minutes since arrival.')
              .optional()
              .meta({
                description:
                  'When the real team did it, in minutes since arrival, as the report gives it: "source" (with the ' +
                  'report\'s words in "reported") when the report states the time, "corrected" when its wording needed ' +
                  'repair, "synthetic" (with a "note") when estimated. The debrief shows it beside the learner\'s time; ' +
                  'leave it out when the report gives no time.',
                examples: [{ value: 95, provenance: 'source', reported: 'antibiotics at 1 h 35 min' }],
              }),
          }),
        ).meta({ description: 'What the real team did, as actions in this game where one exists.' }),
        outcome: TextFact.meta({ description: 'What became of the patient, shown in the debrief.' }),
        diagnosis: TextFact.meta({ description: 'The final diagnosis, shown in the debrief.' }),
      })
      .meta({ description: 'What really happened to the patient, for the debrief.' }),
    teachingPoints: list(
      z
        .strictObject({
          text: text().min(1).meta({ description: 'One teaching point, a sentence or two.' }),
          ...provenanceFields,
        })
        .check(saysWhatItIsInferredFrom),
    )
      .default([])
      .meta({ description: 'Listed at the end of the debrief, under "Teaching points".' }),
    bestPath: z
      .strictObject({
        note: text().min(1).meta({ description: 'What this path does and on what guidance it rests.' }),
        actions: z
          .array(ScriptAction)
          .min(1)
          .max(BUDGET.actions)
          .meta({ description: 'The actions, in time order (as a script\'s "actions").' }),
      })
      .meta({
        description:
          'The care the case is written to reward, as a script (the same verbs and ids as the command line). `npm run case -- check` proves it reaches the top score band and a good outcome.',
      }),
    scoring: z
      .strictObject({
        rules: list(ScoringRule)
          .min(1)
          .meta({
            description:
              'The scored items. Items with points add up to the maximum; harms and costs subtract; the total is ' +
              'kept within [0, maximum].',
          }),
        passMark: inRange(0, 100, '%')
          .optional()
          .meta({
            description:
              'The score (percent of the maximum) that passes, where an LMS records passed or failed. A SCORM ' +
              "build's --pass-mark and the LMS's own mastery score take precedence; without any, 70 %.",
          }),
      })
      .meta({ description: 'How a play is scored, item by item, for the debrief.' }),
  })
  .meta({ title: 'Bedside case', description: 'An emergency case for Bedside. See docs in README.md.' });
export type CaseFile = z.infer<typeof CaseFile>;
