import { z } from 'zod';
import { KebabId } from './fact.ts';
import { Rhythm, StateGate } from './course.ts';
import { ActionRef, stateThresholds, STATE_RANGES } from './state.ts';
import { aboveZero, inRange, list, NEVER_MIN, share, text, wholeInRange } from './bounds.ts';

export { ActionRef, METABOLIC_VARIABLES, NEURO_VARIABLES, STATE_VARIABLES, StateVariable } from './state.ts';

/**
 * Parameters of the teaching-grade shock model (clinical pack §4.3). Every number lives in the case so another
 * disease reuses the same equations with its own values. None of them is validated physiology: the debrief labels
 * the trajectories as a simulation.
 */
const n = (min: number, max: number, unit: string, description: string) =>
  inRange(min, max, unit).meta({ description });
const pos = (max: number, unit: string, description: string) => aboveZero(max, unit).meta({ description });
const frac = (description: string) => share().meta({ description });
/**
 * A time constant of the minute-by-minute integrator (h). At least 0.02 h (a little over a minute): below one
 * minute a one-minute step overshoots its target (forward Euler holds only while step / τ ≤ 1).
 */
const tauH = (description: string) => inRange(0.02, 1000, 'h').meta({ description });
/** A half-life applied as an exact exponential (min): any positive value is stable; a day is the longest. */
const halfLifeMin = (description: string) => inRange(0.1, 1440, 'min').meta({ description });
/** A value of the simulated patient within its plausible range (STATE_RANGES), e.g. lactate 0–40 mmol/L. */
const stateValue = (variable: keyof typeof STATE_RANGES, description: string) => {
  const { min, max, unit } = STATE_RANGES[variable];
  return inRange(min, max, unit).meta({ description });
};

/** How a one-off dose acts over time (e.g. IM adrenaline); an infusion instead acts while it runs. */
export const Kinetics = z
  .strictObject({
    // At most 12 h: the engine recomputes a one-off dose every minute until it wears off (about 7 half-lives).
    onsetHalfLifeMin: n(
      0.1,
      720,
      'min',
      'Absorption half-life (min): how fast the effect builds after the dose.',
    ),
    offsetHalfLifeMin: n(0.1, 720, 'min', 'Elimination half-life (min): how fast the effect wanes.'),
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
    label: text()
      .min(1)
      .meta({
        description:
          'Shown on the timeline when the procedure starts and completes. Each label runs at most once per play.',
        examples: ['Operative drainage of the gluteal and presacral abscesses'],
      }),
    afterMin: n(0, NEVER_MIN, 'min', 'Minutes from the trigger until the procedure starts.'),
    durationMin: n(
      0,
      1440,
      'min',
      'Minutes the procedure takes (at most a day); the burden falls over this time.',
    ),
    burdenFactor: frac('Burden is multiplied by this over the procedure (0.5 halves it).'),
    controlsSource: z
      .boolean()
      .meta({ description: 'After it, antimicrobials kill at killPerHAfterSourceControl.' }),
    inductionMapDropMmHg: inRange(0, 100, 'mmHg').default(0).meta({
      description:
        'MAP fall (mmHg) at anaesthetic induction (× pressor.inductionDropShare, a half, if a vasopressor runs).',
    }),
    inductionMin: inRange(0, 240, 'min').default(0).meta({
      description: 'Minutes from the start of the procedure during which inductionMapDropMmHg applies.',
    }),
  })
  .meta({ description: 'A procedure that acts on the disease driver (drainage, PCI …).' });
export type Intervention = z.infer<typeof Intervention>;

/** Thresholds on simulated values: met when any value listed is below (or above) its threshold. */
export const StateThresholds = {
  below: stateThresholds()
    .default({})
    .meta({
      description: 'Met while any of these values is below its threshold.',
      examples: [{ map: 65 }, { glucose: 70 }],
    }),
  above: stateThresholds()
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
    label: text()
      .min(1)
      .meta({
        description: 'What the tally counts, as the debrief shows it.',
        examples: ['MAP below 65 with no vasopressor running'],
      }),
    ...StateThresholds,
    withoutRunning: list(KebabId).default([]).meta({
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
        glucoseMgDl: pos(STATE_RANGES.glucose.max, 'mg/dL', 'Glucose at arrival (mg/dL).'),
        potassium: stateValue('potassium', 'Potassium at arrival (mmol/L).'),
        ketones: stateValue('ketones', 'β-hydroxybutyrate at arrival (mmol/L).'),
        // The engine keeps bicarbonate within 1–40 mmol/L (the pH takes its logarithm).
        bicarbonate: n(1, 60, 'mmol/L', 'Bicarbonate at arrival (mmol/L).'),
      })
      .meta({ description: 'The metabolic state at minute 0.' }),
    insulin: z
      .strictObject({
        fullEffectDose: pos(
          1000,
          "the treatment's dose unit",
          "Insulin rate (in the treatment's dose unit, e.g. units/kg/h) that gives the full effect; the effect is " +
            'rate / fullEffectDose.',
        ),
        halfLifeMin: halfLifeMin(
          'Effect-site half-life (min): how fast the effect follows a change of rate.',
        ),
      })
      .meta({ description: 'How an "insulin" effect turns an infusion rate into an effect (1 = full).' }),
    glucose: z
      .strictObject({
        risePerH: n(0, 1000, 'mg/dL/h', 'mg/dL per hour without insulin effect (hepatic glucose output).'),
        insulinFallPerH: n(0, 1000, 'mg/dL/h', 'mg/dL per hour at full insulin effect.'),
        mgdlPerGram: pos(
          100,
          'mg/dL per g',
          'mg/dL rise per gram of dextrose infused (distribution volume).',
        ),
        dilutionPerLitre: frac('Share of the glucose lost per litre of fluid run in (dilution, glycosuria).'),
        floor: pos(500, 'mg/dL', 'Glucose never falls below this (mg/dL).'),
      })
      .meta({
        description: 'Glucose (mg/dL): rises without insulin, falls with it and with fluid; dextrose adds.',
      }),
    potassium: z
      .strictObject({
        insulinShiftPerH: n(0, 10, 'mmol/L/h', 'mmol/L per hour moved into cells at full insulin effect.'),
        perMmol: pos(1, 'mmol/L per mmol', 'mmol/L rise per mmol of potassium infused.'),
        lossPerLitre: n(0, 5, 'mmol/L per L', 'mmol/L lost per litre of fluid run in (kaliuresis).'),
        perBicarbonateMmol: n(
          0,
          1,
          'mmol/L per mmol',
          'mmol/L moved into cells per mmol of bicarbonate infused.',
        ),
        retainedPerH: inRange(0, 1, 'mmol/L/h')
          .default(0)
          .meta({
            description:
              'mmol/L per hour potassium rises while the kidneys make no urine, in proportion to how far the urine ' +
              'output is below creatinine.oliguriaBelowMlPerKgH (0: the kidneys are not modelled as retaining it). ' +
              'Anuric kidney failure raises it about 0.3–0.5 mmol/L a day, faster with acidosis or tissue breakdown.',
          }),
        shiftReturnHalfLifeH: inRange(0.5, 24, 'h')
          .optional()
          .meta({
            description:
              'Potassium moved into cells (by insulin, bicarbonate or a potassium-shift drug such as salbutamol) ' +
              'comes back out with this half-life: the rebound once a bolus wears off, which only removal ' +
              '(urine, dialysis) prevents. Absent: what is moved stays moved (a case whose insulin runs throughout).',
          }),
        excretedPerH: inRange(0, 1, 'per h')
          .default(0)
          .meta({
            description:
              'Share of the potassium above excretedAbove that kidneys making urine pass each hour, in proportion ' +
              'to the urine output up to creatinine.oliguriaBelowMlPerKgH (0: no excretion modelled). Failing ' +
              'kidneys pass little: 0.1 takes 6.0 towards 4.5 over about a day.',
          }),
        excretedAbove: inRange(3, 6, 'mmol/L')
          .default(4.5)
          .meta({ description: 'The potassium the kidneys excrete towards (mmol/L).' }),
      })
      .meta({
        description:
          'Serum potassium (mmol/L): insulin, bicarbonate and β-agonists shift it into cells (and, with ' +
          'shiftReturnHalfLifeH, it comes back); kidneys that make no urine retain it, and with excretedPerH those ' +
          'that do pass it.',
      }),
    ketones: z
      .strictObject({
        floor: n(0, 30, 'mmol/L', 'β-hydroxybutyrate with no ketogenesis (mmol/L).'),
        perBurden: n(
          0,
          30,
          'mmol/L',
          'β-hydroxybutyrate target at burden 1 (mmol/L), above the floor; 0 where the disease makes no ketones.',
        ),
        tauH: tauH('Time constant towards the target (h).'),
      })
      .meta({ description: 'β-hydroxybutyrate follows the disease driver (ketogenesis) with a lag.' }),
    bicarbonate: z
      .strictObject({
        normal: n(10, 40, 'mmol/L', 'Bicarbonate with no ketoacids (mmol/L).'),
        perKetone: n(0, 10, 'mmol/L per mmol/L', 'mmol/L of bicarbonate consumed per mmol/L of ketones.'),
        tauH: tauH('Time constant towards the target (h).'),
        perMmol: pos(1, 'mmol/L per mmol', 'mmol/L rise per mmol of bicarbonate infused.'),
        perLactate: inRange(0, 2, 'mmol/L per mmol/L').default(0).meta({
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
        name: text()
          .min(1)
          .meta({ description: 'The acid, as results and the debrief name it.', examples: ['formate'] }),
        initialMmol: inRange(0, 60, 'mmol/L').meta({ description: 'Unmeasured anions at arrival (mmol/L).' }),
        halfLifeH: aboveZero(200, 'h').meta({
          description: 'Half-life of its own clearance (h) without dialysis (liver, kidneys).',
        }),
        bicarbonatePerMmol: inRange(0, 2, 'mmol/L per mmol/L').default(1).meta({
          description: 'mmol/L of bicarbonate consumed per mmol/L of the acid.',
        }),
      })
      .optional()
      .meta({
        description:
          "An acid that is neither lactate nor ketones (a toxic alcohol's formate or glycolate, salicylate): it " +
          'widens the anion gap, consumes bicarbonate, clears by itself slowly and by dialysis fast.',
      }),
    anionGapNormal: inRange(0, 20, 'mmol/L').default(12).meta({
      description:
        'Anion gap with no unmeasured acid (mmol/L); the simulated gap adds ketones, lactate above 1 and any toxin.',
    }),
    rrPerBicarbonateDeficit: inRange(0, 10, 'breaths/min per mmol/L').meta({
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
const rhythmEffect = (
  hrBpm: number | undefined,
  hrFactor: number,
  mapChange: number,
  what: string,
  drugsChangeRate = false,
) =>
  z
    .strictObject({
      hrBpm: aboveZero(300, 'beats/min').optional().meta({
        description:
          "A fixed ventricular rate (beats/min) in this rhythm; absent: the model's rate × hrFactor.",
      }),
      hrFactor: aboveZero(3, '').default(hrFactor).meta({
        description: "Multiplier on the model's heart rate when hrBpm is absent.",
      }),
      mapChange: inRange(-80, 40, 'mmHg').default(mapChange).meta({
        description: 'mmHg added to the MAP (negative: the output lost to the rhythm).',
      }),
      drugsChangeRate: z
        .boolean()
        .default(drugsChangeRate)
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
    co2ProductionMlPerMin: inRange(50, 600, 'mL/min').default(200).meta({
      description: 'CO2 production (mL/min; about 200 at rest in an adult).',
    }),
    deadSpaceMl: inRange(50, 400, 'mL').default(150).meta({ description: 'Dead space per breath (mL).' }),
    compensationLostBelowGcs: wholeInRange(3, 15, 'GCS points').default(9).meta({
      description: 'Below this GCS the patient cannot keep up the compensating hyperventilation.',
    }),
    fatigueAfterMin: inRange(1, 2880, 'min')
      .optional()
      .meta({
        description:
          'Minutes of heavy compensation (pCO2 below 25) after which the breathing muscles tire and only ' +
          'tiredCompensationShare of the compensation remains. Absent: no fatigue.',
      }),
    drowsyCompensationShare: share().default(0.25).meta({
      description: 'Share of the compensation a patient below compensationLostBelowGcs still manages.',
    }),
    tiredCompensationShare: share().default(0.5).meta({
      description: 'Share of the compensation left once the breathing muscles tire (fatigueAfterMin).',
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
    junctional: rhythmEffect(
      40,
      1,
      -15,
      'Junctional escape rhythm: the sinus node has slowed or stopped (drugs, hyperkalaemia, ischaemia) and the AV ' +
        'junction paces the heart, with narrow complexes and no P waves before them. Its rate is the fixed hrBpm, ' +
        'which atropine and catecholamines quicken (drugsChangeRate, true by default) and pacing replaces.',
      true,
    ),
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
    label: text().min(1).meta({ description: 'As the debrief names it, e.g. "Hyperkalaemia".' }),
    treatedBy: list(ActionRef)
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
    cprMapMmHg: inRange(0, 60, 'mmHg').default(25).meta({
      description:
        'MAP produced by good chest compressions (teaching choice; arterial diastolic 15–25 in studies).',
    }),
    rhythmCheckEveryMin: wholeInRange(1, 10, 'min').default(2).meta({
      description: 'Minutes of CPR between rhythm checks (ERC/AHA ALS: 2 minutes).',
    }),
    shockSuccess: share().default(0.6).meta({
      description:
        'Chance that a shock ends VF/pVT with a return of circulation when given at once, with CPR (teaching choice).',
    }),
    shockLossPerNoFlowMin: share()
      .default(0.1)
      .meta({
        description:
          "Share of the chance of a return of circulation (a shock's, and a rhythm check's in PEA or asystole) " +
          'lost per minute of arrest without CPR (teaching choice).',
      }),
    shockLossPerArrestMin: share().default(0.03).meta({
      description: 'Share of shockSuccess lost per minute of arrest, CPR or not (teaching choice).',
    }),
    antiarrhythmicFactor: inRange(1, 3, '').default(1.3).meta({
      description:
        'Shock success × this once an antiarrhythmic (amiodarone, lidocaine) has been given in the arrest.',
    }),
    roscPerCycle: share()
      .default(0.2)
      .meta({
        description:
          'In PEA or asystole with CPR: chance of a return of circulation at each rhythm check, with adrenaline given ' +
          'in the last 5 minutes and every declared cause treated (teaching choice).',
      }),
    withoutAdrenalineFactor: share().default(0.3).meta({
      description: 'roscPerCycle × this when no adrenaline was given in the last 5 minutes.',
    }),
    causeUntreatedFactor: share().default(0.15).meta({
      description: 'Any chance of a return of circulation × this while a declared cause is untreated.',
    }),
    vfToAsystoleMin: inRange(1, 120, 'min').default(15).meta({
      description:
        'VF degenerates to asystole after this many minutes without a successful shock (teaching choice).',
    }),
    noCprDeathMin: inRange(1, 60, 'min')
      .default(10)
      .meta({
        description:
          'Without any CPR the arrest is not survivable after this many minutes (teaching choice: survival falls ' +
          'steeply with each minute of no flow).',
      }),
    limitMin: inRange(5, 120, 'min')
      .default(30)
      .meta({
        description:
          'Without a return of circulation after this many minutes of arrest, resuscitation stops and the patient ' +
          'dies (teaching choice; a real team decides case by case).',
      }),
    rearrestAfterMin: wholeInRange(0, 60, 'min').default(2).meta({
      description:
        'After a return of circulation the arrest criteria are checked again only after this many minutes.',
    }),
    causes: list(ReversibleCause).default([]).meta({
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

/**
 * Where fluid stops working: responsiveness falls linearly from 1 at fallsFromMlPerKg of net balance to 0 at
 * fallsFromMlPerKg + fallsOverMlPerKg (a width rather than an end, so no value can put the end before the start).
 */
export const FluidPlateau = z
  .strictObject({
    fallsFromMlPerKg: inRange(0, 500, 'mL/kg').meta({
      description: 'Net fluid balance (mL/kg) up to which filling leaves responsiveness whole.',
    }),
    fallsOverMlPerKg: aboveZero(500, 'mL/kg').meta({
      description:
        'mL/kg more over which responsiveness falls to 0: from then on a bolus only fills the tissues.',
    }),
  })
  .meta({
    description:
      'The Frank–Starling plateau as the net balance grows (teaching grade). Septic shock (pack §4.4 B–C): ' +
      '20 over 20, so 30 mL/kg still lifts the MAP and a bolus after 40 mL/kg adds 2 mmHg at most.',
    examples: [{ fallsFromMlPerKg: 20, fallsOverMlPerKg: 20 }],
  });
export type FluidPlateau = z.infer<typeof FluidPlateau>;

/**
 * A neurological deficit score the engine simulates (teaching grade): the NIH Stroke Scale as the deficit of the core
 * that cannot be saved, plus the tissue still at risk (the driver's burden: a penumbra still ischaemic) and the
 * tissue lost while it stayed so (injury, burden × hours: the infarct completing).
 */
export const Neuro = z
  .strictObject({
    nihss: z
      .strictObject({
        base: n(
          0,
          42,
          'NIHSS points',
          'Points of the deficit that no treatment gives back (the infarct core).',
        ),
        perBurden: n(
          0,
          100,
          'NIHSS points per unit of burden',
          'Points per unit of the driver burden: the penumbra still ischaemic, which reperfusion can save.',
        ),
        perInjury: n(
          0,
          100,
          'NIHSS points per burden × hour',
          'Points per unit of injury (burden × hours): penumbra lost to infarction while it stayed ischaemic.',
        ),
        max: wholeInRange(0, 42, 'NIHSS points').default(42).meta({
          description: "The most the score can read (42, the scale's maximum, unless a case caps it).",
        }),
      })
      .meta({
        description:
          'NIHSS = base + perBurden × burden + perInjury × injury, rounded to a whole point and held within 0–max. ' +
          'Untreated the burden stays and the injury grows, so the deficit worsens; a treatment that lowers the ' +
          'burden (driver.effectiveTreatments, e.g. alteplase) lets it improve, less the longer it waited.',
        examples: [{ base: 3, perBurden: 10, perInjury: 1, max: 42 }],
      }),
  })
  .meta({
    description:
      'A simulated neurological deficit (optional). Adds the value "nihss" for gates, exam changes, results ' +
      '(fromState), exposures and the trace. A case without it simulates no deficit score.',
  });
export type Neuro = z.infer<typeof Neuro>;

export const ShockModel = z
  .strictObject({
    model: z
      .literal('shock')
      .meta({ description: 'The model family. "shock": infection/driver → vasoplegia → perfusion.' }),
    mapTargetMmHg: n(
      40,
      120,
      'mmHg',
      'MAP target (mmHg) for this patient (SSC 2026 R13: 65; R14 allows 60–65 at age ≥ 65).',
    ),
    painful: z.boolean().meta({ description: 'Uncontrolled pain raises HR until an analgesic acts.' }),
    initial: z
      .strictObject({
        burden: frac('Disease driver at arrival (infection burden, 0–1).'),
        severity: frac('Vasoplegia / shock severity at arrival (0–1).'),
        volumeDeficitMl: n(
          -10_000,
          10_000,
          'mL',
          'Effective volume deficit at arrival (mL; negative = overload).',
        ),
        lactate: pos(STATE_RANGES.lactate.max, 'mmol/L', 'Lactate at arrival (mmol/L).'),
        creatinine: pos(STATE_RANGES.creatinine.max, 'mg/dL', 'Creatinine at arrival (mg/dL).'),
        gcs: wholeInRange(3, 15, 'GCS points').meta({
          description: 'Glasgow Coma Scale at arrival; GCS never recovers above it.',
        }),
        urineMlPerKgH: inRange(0, STATE_RANGES.urine.max, 'mL/kg/h').meta({
          description: 'Urine output at arrival (mL/kg/h); it then moves towards its target (urine).',
        }),
      })
      .meta({
        description:
          'The hidden state at minute 0. Calibrate it so the minute-0 vitals match presentation.arrivalVitals.',
      }),
    driver: z
      .strictObject({
        growthPerH: n(0, 10, '/h', 'Logistic growth rate of the burden without effective treatment (/h).'),
        killLagMin: n(0, NEVER_MIN, 'min', 'Minutes from the first effective dose until killing starts.'),
        killPerH: n(
          0,
          100,
          '/h',
          'Kill rate with an effective antimicrobial while the source is not controlled (/h).',
        ),
        killPerHAfterSourceControl: n(0, 100, '/h', 'Kill rate once the source is controlled (/h).'),
        clearPerH: inRange(0, 100, '/h')
          .default(0)
          .meta({
            description:
              'Spontaneous first-order clearance of the burden (/h): an allergen absorbed and cleared, a clot that ' +
              'lyses. 0 for an infection.',
          }),
        effectiveTreatments: list(KebabId).meta({
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
        // The target is kept within 0–1, so these may reach beyond it.
        base: n(-10, 10, '', 'Severity the burden settles towards at burden 0.'),
        perBurden: n(-10, 10, '', 'Added target severity per unit burden.'),
        worsenTauH: tauH('Time constant when severity rises (h).'),
        recoverTauH: tauH('Time constant when severity falls (h).'),
        recoverTauHWithSteroid: tauH('Recovery time constant once a corticosteroid has acted (h).'),
        steroidLagMin: inRange(0, NEVER_MIN, 'min').meta({
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
        leakMlPerHPerSeverity: n(0, 10_000, 'mL/h', 'Capillary leak (mL/h) per unit severity.'),
        durableFraction: frac('Share of each mL of crystalloid that stays; the rest is a transient pool.'),
        transientHalfLifeMin: halfLifeMin('Half-life of the transient pool (min).'),
        // Both divide: at least 10 mL keeps the deficit and the overload steps finite.
        responsiveDeficitMl: n(
          10,
          20_000,
          'mL',
          'Deficit (mL) at which the patient is fully fluid-responsive.',
        ),
        overloadFromMlPerKg: pos(
          500,
          'mL/kg',
          'Net balance (mL/kg) beyond which each overloadStepMl lowers SpO2 and raises RR.',
        ),
        overloadStepMl: n(10, 10_000, 'mL', 'mL per step of overload.'),
        overloadMinSeverity: frac('Overload only harms while severity is above this (capillary leak).'),
        nonResponderShare: share()
          .default(0.4)
          .meta({
            description:
              "Share of the transient pool's effect on MAP and HR that a patient who no longer responds to fluid " +
              'still gets; the rest scales with fluid responsiveness (pack §4.3 E_fl: 0.4 + 0.6 × responsiveness).',
          }),
        plateau: FluidPlateau.optional().meta({
          description:
            'Fluid responsiveness also falls as the net balance grows, whatever the deficit (the ventricle fills). ' +
            'Absent: responsiveness follows the deficit alone.',
        }),
      })
      .meta({
        description:
          'Effective volume deficit (mL): capillary leak adds to it; crystalloid splits into a durable share and a ' +
          'decaying transient pool; net balance beyond a threshold counts as overload. Fluid responsiveness (0–1) is ' +
          'deficit / responsiveDeficitMl, no more than the plateau leaves.',
      }),
    map: z
      .strictObject({
        base: n(20, 200, 'mmHg', 'MAP (mmHg) with no shock and no deficit.'),
        perSeverity: n(-200, 200, 'mmHg', 'MAP change (mmHg) per unit severity (negative).'),
        perDeficit: n(-200, 200, 'mmHg', 'MAP change (mmHg) per responsiveDeficitMl of deficit (negative).'),
        fluidMaxMmHg: n(0, 100, 'mmHg', 'Largest MAP gain (mmHg) from the transient pool.'),
        fluidScaleMl: n(10, 10_000, 'mL', 'Transient pool (mL) giving 63% of fluidMaxMmHg.'),
        acidFromLactate: stateValue('lactate', 'Lactate (mmol/L) above which acidosis depresses MAP.'),
        acidPerLactate: n(0, 50, 'mmHg per mmol/L', 'MAP fall (mmHg) per mmol/L above acidFromLactate.'),
      })
      .meta({
        description:
          'Mean arterial pressure (mmHg) = base + perSeverity × severity + perDeficit × deficit + fluid and ' +
          'vasopressor gains − acidosis − anaesthetic induction drop.',
      }),
    pulsePressure: z
      .strictObject({
        base: n(0, 200, 'mmHg', 'Pulse pressure (mmHg) at severity 0.'),
        perSeverity: n(-200, 200, 'mmHg', 'Change (mmHg) per unit severity.'),
      })
      .meta({
        description: 'Pulse pressure (mmHg); it splits MAP into SBP = MAP + ⅔ PP and DBP = MAP − ⅓ PP.',
      }),
    hr: z
      .strictObject({
        base: n(20, 250, 'beats/min', 'Heart rate (beats/min) at severity 0.'),
        perSeverity: n(-300, 300, 'beats/min', 'Beats/min per unit severity.'),
        perDeficit: n(-300, 300, 'beats/min', 'Beats/min per responsiveDeficitMl of deficit.'),
        deficitCap: pos(100, '', 'Deficit multiple beyond which HR no longer rises.'),
        perDegreeC: n(-50, 50, 'beats/min per °C', 'Beats/min per °C above 37.'),
        fluidMax: n(0, 100, 'beats/min', 'Largest HR fall (beats/min) from the transient pool.'),
        pain: n(0, 100, 'beats/min', 'Beats/min added by uncontrolled pain.'),
      })
      .meta({
        description:
          'Heart rate (beats/min) = base + perSeverity × severity + perDeficit × deficit (up to deficitCap) + ' +
          'perDegreeC × (temperature − 37) + pain (if painful, until an analgesic acts) − fluidMax × transient-pool effect.',
      }),
    pressor: z
      .strictObject({
        emaxMmHg: pos(1000, 'mmHg', 'Largest MAP gain (mmHg) from a vasopressor.'),
        ec50Base: pos(
          1000,
          'mcg/kg/min',
          'Norepinephrine-equivalent dose (mcg/kg/min) for half effect at severity 0.',
        ),
        // Not negative: the EC50 divides, and must stay above zero at any severity.
        ec50PerSeverity: n(0, 1000, 'mcg/kg/min', 'Added EC50 (mcg/kg/min) per unit severity.'),
        steroidEc50Factor: pos(10, '', 'EC50 multiplier once a corticosteroid has acted.'),
        halfLifeMin: halfLifeMin('Effect-site half-life (min).'),
        inductionDropShare: share()
          .default(0.5)
          .meta({
            description:
              "Share of an anaesthetic induction's MAP drop (interventions[].inductionMapDropMmHg) that remains while " +
              'a vasopressor runs (pack §4.4 F: −15 mmHg, −7 on norepinephrine).',
          }),
      })
      .meta({
        description:
          'Vasopressor MAP gain = emaxMmHg × E / (EC50 + E), E the effect-site norepinephrine-equivalent dose ' +
          '(mcg/kg/min) that follows the infusion rate.',
      }),
    lactate: z
      .strictObject({
        base: pos(STATE_RANGES.lactate.max, 'mmol/L', 'Lactate target (mmol/L) with perfect perfusion.'),
        perSeverity: n(0, 40, 'mmol/L', 'Added target (mmol/L) per unit severity.'),
        perMmHgBelowTarget: n(
          0,
          10,
          'mmol/L per mmHg',
          'Added target (mmol/L) per mmHg of MAP below the target.',
        ),
        riseTauH: tauH('Time constant when rising (h).'),
        fallTauH: tauH('Time constant when falling (h).'),
      })
      .meta({
        description:
          'Lactate (mmol/L) moves towards a target set by severity and by MAP below mapTargetMmHg.',
      }),
    urine: z
      .strictObject({
        maxMlPerKgH: pos(STATE_RANGES.urine.max, 'mL/kg/h', 'Urine output (mL/kg/h) with full perfusion.'),
        mapFloor: n(0, 150, 'mmHg', 'MAP (mmHg) at which urine output stops.'),
        mapSpan: n(1, 150, 'mmHg', 'mmHg above mapFloor for full output.'),
        tauH: tauH('Lag (h).'),
        nephrotoxicFactor: frac('Multiplier after a nephrotoxic drug.'),
        lostPerDeficit: inRange(0, 10, 'per responsiveDeficitMl').default(0.5).meta({
          description: 'Share of the output lost per responsiveDeficitMl of deficit (pack §4.3: 0.5).',
        }),
        deficitFloor: share().default(0.2).meta({
          description:
            'However large the deficit, it leaves at least this share of the output (pack §4.3: 0.2).',
        }),
        lostPerSeverity: share().default(0.5).meta({
          description: 'Share of the output lost at severity 1, in proportion below it (pack §4.3: 0.5).',
        }),
      })
      .meta({
        description:
          'Urine output (mL/kg/h) moves, with lag tauH, towards maxMlPerKgH × clamp((MAP − mapFloor) / mapSpan, 0, 1) ' +
          '× clamp(1 − lostPerDeficit × deficit, deficitFloor, 1) × (1 − lostPerSeverity × severity), × ' +
          'nephrotoxicFactor after a nephrotoxic drug.',
      }),
    creatinine: z
      .strictObject({
        oliguriaBelowMlPerKgH: pos(
          STATE_RANGES.urine.max,
          'mL/kg/h',
          'Creatinine rises while urine output (mL/kg/h) is below this.',
        ),
        risePerH: inRange(0, 10, 'mg/dL/h').meta({
          description: 'Rise in creatinine (mg/dL per hour) while urine output is below the threshold.',
        }),
        nephrotoxicFactor: pos(20, '', 'Rise multiplier after a nephrotoxic drug.'),
        dialysedTo: inRange(STATE_RANGES.creatinine.min, STATE_RANGES.creatinine.max, 'mg/dL')
          .default(0.9)
          .meta({ description: 'Creatinine (mg/dL) that haemodialysis clears towards (a normal 0.9).' }),
      })
      .meta({
        description:
          'Creatinine (mg/dL) rises at a fixed rate while oliguric; only haemodialysis lowers it (towards dialysedTo).',
      }),
    crt: z
      .strictObject({
        base: pos(STATE_RANGES.crt.max, 's', 'Capillary refill (s) when well perfused.'),
        perMap: n(0, 20, 's', 'Added seconds at mapSpan mmHg below target.'),
        mapSpan: inRange(1, 100, 'mmHg').default(20).meta({
          description: 'mmHg below the MAP target at which perMap is added in full (pack §4.3: 20).',
        }),
        perVolume: n(0, 20, 's', 'Added seconds at full deficit and severity 1.'),
      })
      .meta({
        description:
          'Capillary refill time (s) = base + perMap × clamp((target − MAP) / mapSpan, 0, 1) + perVolume × severity ' +
          '× clamp(deficit, 0, 1): longer with MAP below target and with deficit in shock.',
      }),
    temperature: z
      .strictObject({
        base: n(30, 43, '°C', '°C with no disease.'),
        perBurden: n(-10, 10, '°C', '°C per unit burden (negative: a septic patient who cools).'),
      })
      .meta({ description: 'Temperature (°C) = base + perBurden × burden, less any antipyretic effect.' }),
    respiratory: z
      .strictObject({
        rrBase: n(0, 60, 'breaths/min', 'Breaths/min at severity 0.'),
        rrPerSeverity: n(-100, 100, 'breaths/min', 'Breaths/min per unit severity.'),
        rrPerOverloadStep: n(-50, 50, 'breaths/min', 'Breaths/min per overload step.'),
        spo2Base: n(50, 100, '%', 'SpO2 (%) at severity 0 on room air.'),
        spo2PerSeverity: n(-100, 100, '%', 'SpO2 change (percentage points) per unit severity.'),
        spo2PerOverloadStep: n(-100, 100, '%', 'SpO2 change (percentage points) per overload step.'),
        bronchodilatorResponse: inRange(0, 1, '0–1')
          .default(1)
          .meta({
            description:
              "Share of a bronchodilator's SpO2 gain and fall in breathing rate this patient gets: 1 where the " +
              'airways are in spasm (anaphylaxis, asthma), 0 where they are not (adrenaline given for a slow heart).',
          }),
      })
      .meta({
        description:
          'Respiratory rate (breaths/min) and SpO2 (%, kept within 50–100; oxygen adds to it) from severity and ' +
          'fluid overload.',
      }),
    gcs: z
      .strictObject({
        dropEveryMin: n(1, NEVER_MIN, 'min', 'GCS falls by 1 per this many minutes of hypoperfusion.'),
        floor: wholeInRange(3, 15, 'GCS points').meta({ description: 'GCS never falls below this.' }),
        mapBelow: stateValue('map', 'Hypoperfusion: MAP (mmHg) below this …'),
        lactateAbove: stateValue('lactate', '… or lactate (mmol/L) above this.'),
        glucoseBelow: stateValue(
          'glucose',
          '… or glucose (mg/dL) below this (needs metabolic). With it set, GCS recovers once MAP is at target ' +
            'and glucose above it, whether or not lactate is falling.',
        ).optional(),
        recoverEveryMin: n(
          1,
          NEVER_MIN,
          'min',
          'GCS rises by 1 per this many minutes once MAP is at target and lactate falls.',
        ),
      })
      .meta({
        description:
          'Consciousness: GCS falls one point at a time during hypoperfusion and recovers once perfusion is restored.',
      }),
    arrest: z
      .strictObject({
        mapBelow: stateValue('map', 'Cardiac arrest when MAP (mmHg) stays below this …'),
        forMin: n(1, 1440, 'min', '… for this many minutes,'),
        lactateAbove: stateValue('lactate', 'or when lactate (mmol/L) exceeds this,'),
        potassiumBelow: stateValue(
          'potassium',
          'or (needs metabolic) when potassium (mmol/L) falls below this: ventricular arrhythmia.',
        ).optional(),
        potassiumAbove: stateValue(
          'potassium',
          'or (needs metabolic) when potassium (mmol/L) rises above this.',
        ).optional(),
        phBelow: inRange(6.3, 7.3, 'pH').optional().meta({
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
    neuro: Neuro.optional(),
    interventions: list(Intervention).default([]).meta({
      description: 'Procedures that learner actions set going (e.g. drainage on "dispose:operating-room").',
    }),
    exposures: list(Exposure)
      .default([])
      .meta({ description: 'Tallies of minutes in a harmful state, for scoring rules of type "exposure".' }),
  })
  .meta({ description: 'Physiology parameters (clinical pack §4.3, teaching grade).' });
export type ShockModel = z.infer<typeof ShockModel>;

/**
 * The schema of the number at a dotted path in the physiology block ("driver.growthPerH"), or undefined if the
 * path names no number: an event that changes a parameter is held to the same bounds as the case that sets it.
 */
export function parameterSchema(path: string): z.ZodNumber | undefined {
  let node: z.core.$ZodType = ShockModel;
  for (const key of path.split('.')) {
    const inner = unwrapped(node);
    if (!(inner instanceof z.ZodObject)) return undefined;
    const next = (inner.shape as Record<string, z.core.$ZodType | undefined>)[key];
    if (next === undefined) return undefined;
    node = next;
  }
  const leaf = unwrapped(node);
  return leaf instanceof z.ZodNumber ? leaf : undefined;
}

/** A schema without its optional, default or prefault wrapper. */
function unwrapped(schema: z.core.$ZodType): z.core.$ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault)
    inner = inner.unwrap();
  return inner;
}
