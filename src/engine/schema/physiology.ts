import { z } from 'zod';
import { KebabId } from './fact.ts';

/**
 * Parameters of the teaching-grade shock model (clinical pack §4.3). Every number lives in the case so another
 * disease reuses the same equations with its own values. None of them is validated physiology: the debrief labels
 * the trajectories as a simulation.
 */
const n = (description: string) => z.number().meta({ description });
const pos = (description: string) => z.number().positive().meta({ description });
const frac = (description: string) => z.number().min(0).max(1).meta({ description });

export const ActionRef = z
  .string()
  .regex(/^(examine|ask|order|treat|stop|consult|diagnose|dispose):[a-z0-9]+(-[a-z0-9]+)*$/, {
    error:
      'an action is "verb:id", e.g. "treat:ceftriaxone" (verbs: examine ask order treat stop consult diagnose dispose)',
  })
  .meta({
    description: 'A learner action as "verb:id", the same as script actions and UI data-action hooks.',
    examples: ['treat:norepinephrine'],
  });
export type ActionRef = z.infer<typeof ActionRef>;

export const Intervention = z
  .strictObject({
    trigger: ActionRef.meta({ description: 'The action that sets it going, e.g. "dispose:operating-room".' }),
    label: z
      .string()
      .min(1)
      .meta({
        description:
          'Shown on the timeline when the procedure starts and completes. Each label runs at most once per play.',
        examples: ['Operative drainage of the gluteal and presacral abscesses'],
      }),
    afterMin: z.number().min(0).meta({ description: 'Minutes from the trigger until the procedure starts.' }),
    durationMin: z
      .number()
      .min(0)
      .meta({ description: 'Minutes the procedure takes; the burden falls over this time.' }),
    burdenFactor: frac('Burden is multiplied by this over the procedure (0.5 halves it).'),
    controlsSource: z
      .boolean()
      .meta({ description: 'After it, antimicrobials kill at killPerHAfterSourceControl.' }),
    inductionMapDropMmHg: z
      .number()
      .min(0)
      .default(0)
      .meta({ description: 'MAP fall at anaesthetic induction (halved if a vasopressor runs).' }),
    inductionMin: z.number().min(0).default(0).meta({
      description: 'Minutes from the start of the procedure during which inductionMapDropMmHg applies.',
    }),
  })
  .meta({ description: 'A procedure that acts on the disease driver (drainage, PCI …).' });
export type Intervention = z.infer<typeof Intervention>;

export const Exposure = z
  .strictObject({
    id: KebabId.meta({
      description: 'Named by scoring rules of type "exposure".',
      examples: ['hypotension-without-vasopressor'],
    }),
    label: z
      .string()
      .min(1)
      .meta({
        description: 'What the tally counts, as the debrief shows it.',
        examples: ['MAP below 65 with no vasopressor running'],
      }),
    mapBelow: z.number().optional().meta({ description: 'Counts minutes while MAP is below this.' }),
    spo2Below: z.number().optional().meta({ description: 'Counts minutes while SpO2 is below this.' }),
    withoutRunning: z.array(KebabId).default([]).meta({
      description: 'Only while none of these treatments is running (e.g. hypotension without a vasopressor).',
    }),
  })
  .meta({
    description: 'A tally of minutes in a physiological condition, for scoring rules of type "exposure".',
  });
export type Exposure = z.infer<typeof Exposure>;

export const ShockModel = z
  .strictObject({
    model: z
      .literal('shock')
      .meta({ description: 'The model family. "shock": infection/driver → vasoplegia → perfusion.' }),
    mapTargetMmHg: pos('MAP target for this patient (SSC 2026 R13: 65; R14 allows 60–65 at age ≥ 65).'),
    painful: z.boolean().meta({ description: 'Uncontrolled pain raises HR until an analgesic acts.' }),
    initial: z
      .strictObject({
        burden: frac('Disease driver at arrival (infection burden, 0–1).'),
        severity: frac('Vasoplegia / shock severity at arrival (0–1).'),
        volumeDeficitMl: n('Effective volume deficit at arrival (mL; negative = overload).'),
        lactate: pos('Lactate at arrival (mmol/L).'),
        creatinine: pos('Creatinine at arrival (mg/dL).'),
        gcs: z
          .int()
          .min(3)
          .max(15)
          .meta({ description: 'Glasgow Coma Scale at arrival; GCS never recovers above it.' }),
        urineMlPerKgH: z.number().min(0).meta({
          description: 'Urine output at arrival (mL/kg/h); it then moves towards its target (urine).',
        }),
      })
      .meta({
        description:
          'The hidden state at minute 0. Calibrate it so the minute-0 vitals match presentation.arrivalVitals.',
      }),
    driver: z
      .strictObject({
        growthPerH: n('Logistic growth rate of the burden without effective treatment (/h).'),
        killLagMin: z
          .number()
          .min(0)
          .meta({ description: 'Minutes from the first effective dose until killing starts.' }),
        killPerH: n('Kill rate with an effective antimicrobial while the source is not controlled (/h).'),
        killPerHAfterSourceControl: n('Kill rate once the source is controlled (/h).'),
        effectiveTreatments: z
          .array(KebabId)
          .meta({ description: "Treatments that act on this patient's organism." }),
      })
      .meta({
        description:
          'The disease: burden (0–1) grows logistically and falls under an effective antimicrobial and procedures.',
      }),
    severity: z
      .strictObject({
        base: n('Severity the burden settles towards at burden 0.'),
        perBurden: n('Added target severity per unit burden.'),
        worsenTauH: pos('Time constant when severity rises (h).'),
        recoverTauH: pos('Time constant when severity falls (h).'),
        recoverTauHWithSteroid: pos('Recovery time constant once a corticosteroid has acted (h).'),
        steroidLagMin: z.number().min(0).meta({
          description:
            'Minutes from a corticosteroid dose until it acts (recoverTauHWithSteroid, pressor.steroidEc50Factor).',
        }),
      })
      .meta({
        description:
          'Shock severity (0–1) moves towards base + perBurden × burden, with separate time constants up and down.',
      }),
    volume: z
      .strictObject({
        leakMlPerHPerSeverity: n('Capillary leak (mL/h) per unit severity.'),
        durableFraction: frac('Share of each mL of crystalloid that stays; the rest is a transient pool.'),
        transientHalfLifeMin: pos('Half-life of the transient pool (min).'),
        responsiveDeficitMl: pos('Deficit at which the patient is fully fluid-responsive.'),
        overloadFromMlPerKg: pos(
          'Net balance (mL/kg) beyond which each overloadStepMl lowers SpO2 and raises RR.',
        ),
        overloadStepMl: pos('mL per step of overload.'),
        overloadMinSeverity: frac('Overload only harms while severity is above this (capillary leak).'),
      })
      .meta({
        description:
          'Effective volume deficit (mL): capillary leak adds to it; crystalloid splits into a durable share and a ' +
          'decaying transient pool; net balance beyond a threshold counts as overload.',
      }),
    map: z
      .strictObject({
        base: n('MAP with no shock and no deficit.'),
        perSeverity: n('MAP change per unit severity (negative).'),
        perDeficit: n('MAP change per responsiveDeficitMl of deficit (negative).'),
        fluidMaxMmHg: n('Largest MAP gain from the transient pool.'),
        fluidScaleMl: pos('Transient pool giving 63% of fluidMaxMmHg.'),
        acidFromLactate: n('Lactate above which acidosis depresses MAP.'),
        acidPerLactate: n('MAP fall per mmol/L above acidFromLactate.'),
      })
      .meta({
        description:
          'Mean arterial pressure (mmHg) = base + perSeverity × severity + perDeficit × deficit + fluid and ' +
          'vasopressor gains − acidosis − anaesthetic induction drop.',
      }),
    pulsePressure: z
      .strictObject({
        base: n('Pulse pressure at severity 0.'),
        perSeverity: n('Change per unit severity.'),
      })
      .meta({
        description: 'Pulse pressure (mmHg); it splits MAP into SBP = MAP + ⅔ PP and DBP = MAP − ⅓ PP.',
      }),
    hr: z
      .strictObject({
        base: n('Heart rate at severity 0.'),
        perSeverity: n('Beats/min per unit severity.'),
        perDeficit: n('Beats/min per responsiveDeficitMl of deficit.'),
        deficitCap: pos('Deficit multiple beyond which HR no longer rises.'),
        perDegreeC: n('Beats/min per °C above 37.'),
        fluidMax: n('Largest HR fall from the transient pool.'),
        pain: n('Beats/min added by uncontrolled pain.'),
      })
      .meta({
        description:
          'Heart rate (beats/min) = base + perSeverity × severity + perDeficit × deficit (up to deficitCap) + ' +
          'perDegreeC × (temperature − 37) + pain (if painful, until an analgesic acts) − fluidMax × transient-pool effect.',
      }),
    pressor: z
      .strictObject({
        emaxMmHg: pos('Largest MAP gain from a vasopressor.'),
        ec50Base: pos('Norepinephrine-equivalent dose (mcg/kg/min) for half effect at severity 0.'),
        ec50PerSeverity: n('Added EC50 per unit severity.'),
        steroidEc50Factor: pos('EC50 multiplier once a corticosteroid has acted.'),
        halfLifeMin: pos('Effect-site half-life (min).'),
      })
      .meta({
        description:
          'Vasopressor MAP gain = emaxMmHg × E / (EC50 + E), E the effect-site norepinephrine-equivalent dose ' +
          '(mcg/kg/min) that follows the infusion rate.',
      }),
    lactate: z
      .strictObject({
        base: pos('Lactate target with perfect perfusion.'),
        perSeverity: n('Added target per unit severity.'),
        perMmHgBelowTarget: n('Added target per mmHg of MAP below the target.'),
        riseTauH: pos('Time constant when rising (h).'),
        fallTauH: pos('Time constant when falling (h).'),
      })
      .meta({
        description:
          'Lactate (mmol/L) moves towards a target set by severity and by MAP below mapTargetMmHg.',
      }),
    urine: z
      .strictObject({
        maxMlPerKgH: pos('Urine output with full perfusion.'),
        mapFloor: n('MAP at which urine output stops.'),
        mapSpan: pos('mmHg above mapFloor for full output.'),
        tauH: pos('Lag (h).'),
        nephrotoxicFactor: frac('Multiplier after a nephrotoxic drug.'),
      })
      .meta({
        description:
          'Urine output (mL/kg/h) moves towards a target set by MAP, deficit and severity, with lag tauH.',
      }),
    creatinine: z
      .strictObject({
        oliguriaBelowMlPerKgH: pos('Creatinine rises while urine output is below this.'),
        risePerH: z.number().min(0).meta({
          description: 'Rise in creatinine (mg/dL per hour) while urine output is below the threshold.',
        }),
        nephrotoxicFactor: pos('Rise multiplier after a nephrotoxic drug.'),
      })
      .meta({
        description: 'Creatinine (mg/dL) rises at a fixed rate while oliguric; the model never lowers it.',
      }),
    crt: z
      .strictObject({
        base: pos('Capillary refill (s) when well perfused.'),
        perMap: n('Added seconds at 20 mmHg below target.'),
        perVolume: n('Added seconds at full deficit and severity 1.'),
      })
      .meta({
        description: 'Capillary refill time (s): longer with MAP below target and with deficit in shock.',
      }),
    temperature: z
      .strictObject({ base: n('°C with no disease.'), perBurden: n('°C per unit burden.') })
      .meta({ description: 'Temperature (°C) = base + perBurden × burden, less any antipyretic effect.' }),
    respiratory: z
      .strictObject({
        rrBase: n('Breaths/min at severity 0.'),
        rrPerSeverity: n('Breaths/min per unit severity.'),
        rrPerOverloadStep: n('Breaths/min per overload step.'),
        spo2Base: n('SpO2 (%) at severity 0 on room air.'),
        spo2PerSeverity: n('SpO2 change per unit severity.'),
        spo2PerOverloadStep: n('SpO2 change per overload step.'),
      })
      .meta({
        description:
          'Respiratory rate (breaths/min) and SpO2 (%, kept within 50–100; oxygen adds to it) from severity and ' +
          'fluid overload.',
      }),
    gcs: z
      .strictObject({
        dropEveryMin: pos('GCS falls by 1 per this many minutes of hypoperfusion.'),
        floor: z.int().min(3).max(15).meta({ description: 'GCS never falls below this.' }),
        mapBelow: n('Hypoperfusion: MAP below this …'),
        lactateAbove: n('… or lactate above this.'),
        recoverEveryMin: pos('GCS rises by 1 per this many minutes once MAP is at target and lactate falls.'),
      })
      .meta({
        description:
          'Consciousness: GCS falls one point at a time during hypoperfusion and recovers once perfusion is restored.',
      }),
    arrest: z
      .strictObject({
        mapBelow: n('Cardiac arrest when MAP stays below this …'),
        forMin: pos('… for this many minutes,'),
        lactateAbove: n('or when lactate exceeds this.'),
      })
      .meta({ description: 'When the patient arrests: the play ends in death at that minute.' }),
    interventions: z.array(Intervention).default([]).meta({
      description: 'Procedures that learner actions set going (e.g. drainage on "dispose:operating-room").',
    }),
    exposures: z
      .array(Exposure)
      .default([])
      .meta({ description: 'Tallies of minutes in a harmful state, for scoring rules of type "exposure".' }),
  })
  .meta({ description: 'Physiology parameters (clinical pack §4.3, teaching grade).' });
export type ShockModel = z.infer<typeof ShockModel>;

export const STATE_VARIABLES = [
  'lactate',
  'creatinine',
  'map',
  'sbp',
  'dbp',
  'hr',
  'rr',
  'spo2',
  'temp',
  'gcs',
  'crt',
  'urine',
] as const;
export const StateVariable = z
  .enum(STATE_VARIABLES)
  .meta({ description: 'A simulated value a result can be read from.' });
export type StateVariable = z.infer<typeof StateVariable>;
