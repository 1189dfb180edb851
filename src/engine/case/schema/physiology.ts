import { z } from 'zod';
import { KebabId } from './fact.ts';
import { Rhythm, StateGate } from './course.ts';
import { ActionRef, StateVariable } from './state.ts';

export { ActionRef, METABOLIC_VARIABLES, STATE_VARIABLES, StateVariable } from './state.ts';

/**
 * Parameters of the teaching-grade shock model (clinical pack §4.3). Every number lives in the case so another
 * disease reuses the same equations with its own values. None of them is validated physiology: the debrief labels
 * the trajectories as a simulation.
 */
const n = (description: string) => z.number().meta({ description });
const pos = (description: string) => z.number().positive().meta({ description });
const frac = (description: string) => z.number().min(0).max(1).meta({ description });

/** How a one-off dose acts over time (e.g. IM adrenaline); an infusion instead acts while it runs. */
export const Kinetics = z
  .strictObject({
    onsetHalfLifeMin: pos('Absorption half-life (min): how fast the effect builds after the dose.'),
    offsetHalfLifeMin: pos('Elimination half-life (min): how fast the effect wanes.'),
  })
  .meta({
    description:
      'Time course of a one-off dose: the effect follows a one-compartment absorption/elimination curve scaled to ' +
      'its full size at the peak, and ends once it falls below 1 % of it. IM adrenaline: onset 3, offset 10 ' +
      '(peak at about 8 min, mostly gone by 40 min).',
    examples: [{ onsetHalfLifeMin: 3, offsetHalfLifeMin: 10 }],
  });
export type Kinetics = z.infer<typeof Kinetics>;

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

/** Thresholds on simulated values: met when any value listed is below (or above) its threshold. */
export const StateThresholds = {
  below: z
    .partialRecord(StateVariable, z.number())
    .default({})
    .meta({
      description: 'Met while any of these values is below its threshold.',
      examples: [{ map: 65 }, { glucose: 70 }],
    }),
  above: z
    .partialRecord(StateVariable, z.number())
    .default({})
    .meta({
      description: 'Met while any of these values is above its threshold.',
      examples: [{ map: 130 }],
    }),
};
export const StateCondition = z
  .strictObject(StateThresholds)
  .meta({ description: 'A condition on the simulated patient: any listed threshold crossed.' });
export type StateCondition = z.infer<typeof StateCondition>;

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
    ...StateThresholds,
    withoutRunning: z.array(KebabId).default([]).meta({
      description: 'Only while none of these treatments is running (e.g. hypotension without a vasopressor).',
    }),
  })
  .meta({
    description: 'A tally of minutes in a physiological condition, for scoring rules of type "exposure".',
  });
export type Exposure = z.infer<typeof Exposure>;

export const Metabolic = z
  .strictObject({
    initial: z
      .strictObject({
        glucoseMgDl: pos('Glucose at arrival (mg/dL).'),
        potassium: pos('Potassium at arrival (mmol/L).'),
        ketones: z.number().min(0).meta({ description: 'β-hydroxybutyrate at arrival (mmol/L).' }),
        bicarbonate: pos('Bicarbonate at arrival (mmol/L).'),
      })
      .meta({ description: 'The metabolic state at minute 0.' }),
    insulin: z
      .strictObject({
        fullEffectDose: pos(
          "Insulin rate (in the treatment's dose unit, e.g. units/kg/h) that gives the full effect; the effect is " +
            'rate / fullEffectDose.',
        ),
        halfLifeMin: pos('Effect-site half-life (min): how fast the effect follows a change of rate.'),
      })
      .meta({ description: 'How an "insulin" effect turns an infusion rate into an effect (1 = full).' }),
    glucose: z
      .strictObject({
        risePerH: n('mg/dL per hour without insulin effect (hepatic glucose output).'),
        insulinFallPerH: n('mg/dL per hour at full insulin effect.'),
        mgdlPerGram: pos('mg/dL rise per gram of dextrose infused (distribution volume).'),
        dilutionPerLitre: frac('Share of the glucose lost per litre of fluid run in (dilution, glycosuria).'),
        floor: pos('Glucose never falls below this (mg/dL).'),
      })
      .meta({
        description: 'Glucose (mg/dL): rises without insulin, falls with it and with fluid; dextrose adds.',
      }),
    potassium: z
      .strictObject({
        insulinShiftPerH: n('mmol/L per hour moved into cells at full insulin effect.'),
        perMmol: pos('mmol/L rise per mmol of potassium infused.'),
        lossPerLitre: z
          .number()
          .min(0)
          .meta({ description: 'mmol/L lost per litre of fluid run in (kaliuresis).' }),
        perBicarbonateMmol: z
          .number()
          .min(0)
          .meta({ description: 'mmol/L moved into cells per mmol of bicarbonate infused.' }),
      })
      .meta({ description: 'Serum potassium (mmol/L): insulin and bicarbonate shift it into cells.' }),
    ketones: z
      .strictObject({
        floor: z.number().min(0).meta({ description: 'β-hydroxybutyrate with no ketogenesis (mmol/L).' }),
        perBurden: pos('β-hydroxybutyrate target at burden 1 (mmol/L), above the floor.'),
        tauH: pos('Time constant towards the target (h).'),
      })
      .meta({ description: 'β-hydroxybutyrate follows the disease driver (ketogenesis) with a lag.' }),
    bicarbonate: z
      .strictObject({
        normal: pos('Bicarbonate with no ketoacids (mmol/L).'),
        perKetone: pos('mmol/L of bicarbonate consumed per mmol/L of ketones.'),
        tauH: pos('Time constant towards the target (h).'),
        perMmol: pos('mmol/L rise per mmol of bicarbonate infused.'),
        perLactate: z.number().min(0).max(2).default(0).meta({
          description:
            'mmol/L of bicarbonate consumed per mmol/L of lactate above 1 (lactic acidosis; 0: lactate is ignored).',
        }),
      })
      .meta({
        description:
          'Bicarbonate (mmol/L) moves towards normal − perKetone × ketones; infused bicarbonate adds at once ' +
          'and then drifts back. pCO2 = 1.5 × HCO3 + 8 (Winter), at most 40; pH from Henderson–Hasselbalch.',
      }),
    toxin: z
      .strictObject({
        name: z
          .string()
          .min(1)
          .meta({ description: 'The acid, as results and the debrief name it.', examples: ['formate'] }),
        initialMmol: z
          .number()
          .min(0)
          .max(60)
          .meta({ description: 'Unmeasured anions at arrival (mmol/L).' }),
        halfLifeH: z.number().positive().max(200).meta({
          description: 'Half-life of its own clearance (h) without dialysis (liver, kidneys).',
        }),
        bicarbonatePerMmol: z.number().min(0).max(2).default(1).meta({
          description: 'mmol/L of bicarbonate consumed per mmol/L of the acid.',
        }),
      })
      .optional()
      .meta({
        description:
          "An acid that is neither lactate nor ketones (a toxic alcohol's formate or glycolate, salicylate): it " +
          'widens the anion gap, consumes bicarbonate, clears by itself slowly and by dialysis fast.',
      }),
    anionGapNormal: z.number().min(0).max(20).default(12).meta({
      description:
        'Anion gap with no unmeasured acid (mmol/L); the simulated gap adds ketones, lactate above 1 and any toxin.',
    }),
    rrPerBicarbonateDeficit: z.number().min(0).meta({
      description: 'Breaths/min added per mmol/L of bicarbonate below normal (Kussmaul breathing).',
    }),
  })
  .meta({
    description:
      'Optional glucose, potassium, ketone and acid–base model (for ketoacidosis). Cases without it have no ' +
      'glucose/potassium/ketones/bicarbonate/ph/pco2 to read.',
  });
export type Metabolic = z.infer<typeof Metabolic>;

/**
 * How each perfusing rhythm other than sinus changes the heart rate and MAP the shock model gives. Teaching-grade
 * numbers: a complete heart block with a ventricular escape near 35/min and a MAP some 20 mmHg lower is textbook
 * (ERC/AHA bradycardia algorithms); the others are typical values, not measurements.
 */
const rhythmEffect = (hrBpm: number | undefined, hrFactor: number, mapChange: number, what: string) =>
  z
    .strictObject({
      hrBpm: z.number().positive().max(300).optional().meta({
        description:
          "A fixed ventricular rate (beats/min) in this rhythm; absent: the model's rate × hrFactor.",
      }),
      hrFactor: z.number().positive().max(3).default(hrFactor).meta({
        description: "Multiplier on the model's heart rate when hrBpm is absent.",
      }),
      mapChange: z.number().min(-80).max(40).default(mapChange).meta({
        description: 'mmHg added to the MAP (negative: the output lost to the rhythm).',
      }),
      drugsChangeRate: z
        .boolean()
        .default(false)
        .meta({
          description:
            'Whether drugs that change the heart rate (atropine, a β-blocker) act on the fixed rate hrBpm: a nodal ' +
            'block with a junctional escape that atropine can quicken (true), or an infranodal one it cannot (false).',
        }),
    })
    .prefault(hrBpm === undefined ? {} : { hrBpm })
    .meta({ description: what });

/**
 * Breathing and the ventilator (teaching grade). A patient who breathes compensates a metabolic acidosis by
 * Winter's formula (pCO2 = 1.5 × HCO3 + 8) unless drowsy or exhausted; a ventilated patient's pCO2 follows the
 * alveolar ventilation the settings give: pCO2 = 0.863 × CO2 production / (rate × (tidal volume − dead space)).
 */
export const Ventilation = z
  .strictObject({
    co2ProductionMlPerMin: z.number().min(50).max(600).default(200).meta({
      description: 'CO2 production (mL/min; about 200 at rest in an adult).',
    }),
    deadSpaceMl: z
      .number()
      .min(50)
      .max(400)
      .default(150)
      .meta({ description: 'Dead space per breath (mL).' }),
    compensationLostBelowGcs: z.int().min(3).max(15).default(9).meta({
      description: 'Below this GCS the patient cannot keep up the compensating hyperventilation.',
    }),
    fatigueAfterMin: z
      .number()
      .min(1)
      .max(2880)
      .optional()
      .meta({
        description:
          'Minutes of heavy compensation (pCO2 below 25) after which the breathing muscles tire and only half of the ' +
          'compensation remains. Absent: no fatigue.',
      }),
  })
  .meta({
    description:
      'Spontaneous compensation and mechanical ventilation (needs physiology.metabolic for a bicarbonate to ' +
      'compensate; without it the blood gas is read at a normal 24 mmol/L).',
  });
export type Ventilation = z.infer<typeof Ventilation>;

export const RhythmModel = z
  .strictObject({
    initial: Rhythm.default('sinus').meta({ description: 'The rhythm at arrival.' }),
    af: rhythmEffect(
      undefined,
      1.15,
      -5,
      'Atrial fibrillation: irregular, somewhat faster, a little output lost.',
    ),
    svt: rhythmEffect(180, 1, -12, 'Supraventricular tachycardia.'),
    vt: rhythmEffect(170, 1, -25, 'Ventricular tachycardia with a pulse.'),
    chb: rhythmEffect(36, 1, -22, 'Complete heart block with a ventricular escape rhythm.'),
  })
  .meta({
    description:
      'The cardiac rhythm and what each perfusing rhythm does to rate and pressure (teaching-grade defaults). ' +
      'Pacing with capture sets the rate to the pacing rate and restores the output lost to a slow rhythm.',
  });
export type RhythmModel = z.infer<typeof RhythmModel>;

export const ReversibleCause = z
  .strictObject({
    id: KebabId.meta({ description: 'The cause, e.g. "hyperkalaemia".' }),
    label: z.string().min(1).meta({ description: 'As the debrief names it, e.g. "Hyperkalaemia".' }),
    treatedBy: z
      .array(ActionRef)
      .default([])
      .meta({
        description: 'Actions that treat it (any one, done at any time before or during the arrest).',
        examples: [['treat:calcium-chloride', 'treat:insulin-dextrose']],
      }),
    treatedWhen: StateGate.optional().meta({
      description: 'Or: the cause counts as treated while this holds (e.g. potassium at most 6.0).',
    }),
  })
  .meta({ description: 'A reversible cause of the arrest (the Hs and Ts) that this case declares.' });

/**
 * Resuscitation: a teaching model, anchored on ERC 2025 and AHA 2025 adult ALS for what to do (CPR at once,
 * rhythm checks every 2 minutes, a shock for VF/pVT, adrenaline 1 mg at once in a non-shockable rhythm and after
 * the third shock in a shockable one, amiodarone 300 mg after the third shock, the reversible causes). Every
 * chance and limit below is a teaching choice, not a survival statistic; a case may change them and must say so.
 */
export const Resuscitation = z
  .strictObject({
    cprMapMmHg: z.number().min(0).max(60).default(25).meta({
      description:
        'MAP produced by good chest compressions (teaching choice; arterial diastolic 15–25 in studies).',
    }),
    rhythmCheckEveryMin: z.int().min(1).max(10).default(2).meta({
      description: 'Minutes of CPR between rhythm checks (ERC/AHA ALS: 2 minutes).',
    }),
    shockSuccess: z.number().min(0).max(1).default(0.6).meta({
      description:
        'Chance that a shock ends VF/pVT with a return of circulation when given at once, with CPR (teaching choice).',
    }),
    shockLossPerNoFlowMin: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .meta({
        description:
          "Share of the chance of a return of circulation (a shock's, and a rhythm check's in PEA or asystole) " +
          'lost per minute of arrest without CPR (teaching choice).',
      }),
    shockLossPerArrestMin: z.number().min(0).max(1).default(0.03).meta({
      description: 'Share of shockSuccess lost per minute of arrest, CPR or not (teaching choice).',
    }),
    antiarrhythmicFactor: z.number().min(1).max(3).default(1.3).meta({
      description:
        'Shock success × this once an antiarrhythmic (amiodarone, lidocaine) has been given in the arrest.',
    }),
    roscPerCycle: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .meta({
        description:
          'In PEA or asystole with CPR: chance of a return of circulation at each rhythm check, with adrenaline given ' +
          'in the last 5 minutes and every declared cause treated (teaching choice).',
      }),
    withoutAdrenalineFactor: z.number().min(0).max(1).default(0.3).meta({
      description: 'roscPerCycle × this when no adrenaline was given in the last 5 minutes.',
    }),
    causeUntreatedFactor: z.number().min(0).max(1).default(0.15).meta({
      description: 'Any chance of a return of circulation × this while a declared cause is untreated.',
    }),
    vfToAsystoleMin: z.number().min(1).max(120).default(15).meta({
      description:
        'VF degenerates to asystole after this many minutes without a successful shock (teaching choice).',
    }),
    noCprDeathMin: z
      .number()
      .min(1)
      .max(60)
      .default(10)
      .meta({
        description:
          'Without any CPR the arrest is not survivable after this many minutes (teaching choice: survival falls ' +
          'steeply with each minute of no flow).',
      }),
    limitMin: z
      .number()
      .min(5)
      .max(120)
      .default(30)
      .meta({
        description:
          'Without a return of circulation after this many minutes of arrest, resuscitation stops and the patient ' +
          'dies (teaching choice; a real team decides case by case).',
      }),
    rearrestAfterMin: z.int().min(0).max(60).default(2).meta({
      description:
        'After a return of circulation the arrest criteria are checked again only after this many minutes.',
    }),
    causes: z.array(ReversibleCause).default([]).meta({
      description:
        'The reversible causes (Hs and Ts) this patient could arrest from; treating them helps ROSC.',
    }),
  })
  .meta({
    description:
      'Cardiac arrest and resuscitation (ERC 2025 / AHA 2025 ALS as anchors; every number a teaching choice the ' +
      "case may change). A return of circulation is drawn from the play's seed: at each shock in VF/pVT, at each " +
      'rhythm check with CPR in PEA/asystole.',
  });
export type Resuscitation = z.infer<typeof Resuscitation>;

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
        clearPerH: z
          .number()
          .min(0)
          .default(0)
          .meta({
            description:
              'Spontaneous first-order clearance of the burden (/h): an allergen absorbed and cleared, a clot that ' +
              'lyses. 0 for an infection.',
          }),
        effectiveTreatments: z.array(KebabId).meta({
          description:
            'Treatments with a "treats-driver" effect that act on this patient\'s disease (an antibiotic the organism ' +
            'is susceptible to, insulin for ketogenesis, adrenaline for mast-cell release).',
        }),
      })
      .meta({
        description:
          'The disease: burden (0–1) grows logistically, clears at clearPerH, and falls under effective treatments ' +
          'and procedures.',
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
        glucoseBelow: z
          .number()
          .optional()
          .meta({
            description:
              '… or glucose (mg/dL) below this (needs metabolic). With it set, GCS recovers once MAP is at target ' +
              'and glucose above it, whether or not lactate is falling.',
          }),
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
        lactateAbove: n('or when lactate exceeds this,'),
        potassiumBelow: z.number().optional().meta({
          description: 'or (needs metabolic) when potassium falls below this: ventricular arrhythmia.',
        }),
        potassiumAbove: z
          .number()
          .optional()
          .meta({ description: 'or (needs metabolic) when potassium rises above this.' }),
        phBelow: z.number().min(6.3).max(7.3).optional().meta({
          description:
            'or (needs metabolic) when the pH falls below this: an arrest in pulseless electrical activity.',
        }),
      })
      .meta({
        description:
          'When the heart stops: a circulatory arrest begins in pulseless electrical activity, an arrhythmic one ' +
          '(potassium) in ventricular fibrillation. An arrest is a phase of the course: the learner can resuscitate ' +
          '(physiology.resuscitation).',
      }),
    rhythms: RhythmModel.prefault({}),
    ventilation: Ventilation.prefault({}),
    resuscitation: Resuscitation.prefault({}),
    metabolic: Metabolic.optional(),
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
