import type { AppearanceSign, Rhythm } from '../engine/index.ts';
import type { Person } from './appearance.ts';
import type { EcgMorphology } from './ecg-reads.ts';

type LeadFinding = NonNullable<EcgMorphology['leads']['II']>;

/**
 * Everything the bay scene draws, already decided by the engine and the app. The scene reads this and draws; it
 * never decides medicine and emits nothing but the learner's intents.
 */
export type AlarmLevel = 'ok' | 'low' | 'high';

/**
 * Adult monitor alarm limits (typical emergency-department defaults). The monitor prints them beside each numeric
 * and the app raises an alarm when a value leaves them, so both read this one table.
 */
export const ALARM_LIMITS = {
  hr: { low: 50, high: 120 },
  map: { low: 65, high: 110 },
  spo2: { low: 90, high: 100 },
  rr: { low: 8, high: 30 },
  temp: { low: 35, high: 38.5 },
} as const;

export interface BayView {
  /** Simulated minutes since arrival (shown as the clock, h:mm). */
  nowMin: number;
  /**
   * The numerics. null is a reading the monitor cannot make and shows as "---": no rate in VF or asystole, no
   * SpO2 without a pulse, no pressure in an arrest without compressions.
   */
  vitals: {
    hr: number | null;
    sbp: number | null;
    dbp: number | null;
    map: number | null;
    spo2: number | null;
    rr: number;
    temp: number;
  };
  /**
   * The rhythm the ECG draws, and its name as the monitor prints it ("Sinus tachycardia"). `arrestMin`: minutes
   * since the current cardiac arrest began (VF coarsens then fines as they pass), null outside an arrest. `qrs`: the
   * width of the ventricular complexes: narrow from the AV node (sinus, AF, SVT, the junctional escape of a nodal
   * block), wide from the ventricles (VT, the escape of an infranodal block, a slow PEA).
   */
  rhythm: { id: Rhythm; name: string; arrestMin: number | null; qrs: 'narrow' | 'wide' };
  /**
   * Transcutaneous pacing while it runs: its rate, and whether it captures (a spike before each wide complex), fires
   * without capture (spikes over an arrest rhythm), or is inhibited by a faster rhythm of the patient's own (demand
   * mode: no spikes). Null when no pacing runs.
   */
  pacing: { rateBpm: number; state: 'capture' | 'no-capture' | 'inhibited' } | null;
  /**
   * Lead II as the case's standard 12-lead ECG declares it, for the monitor's narrow conducted beats: ST deviation at
   * the J point (mm at 10 mm/mV, + for elevation), the T wave, a pathological Q, and low QRS voltage. Only while the
   * beats are conducted like those of the rhythm the ECG describes (sinus, AF, SVT, a junctional escape); null in a
   * ventricular, paced or arrest rhythm, or when the case declares nothing beyond the usual complex for lead II.
   */
  leadII: { stMm: number; t: NonNullable<LeadFinding['t']>; q: boolean; lowVoltage: boolean } | null;
  /** Minute of the last non-invasive BP cycle (the monitor prints its time next to the BP). */
  nibpAtMin: number;
  /** Where the BP comes from: the cuff (cycling) or an arterial line (continuous, with its waveform). */
  bpSource: 'nibp' | 'arterial';
  /** Alarm state of each numeric, from the monitor's alarm limits. */
  alarms: { hr: AlarmLevel; map: AlarmLevel; spo2: AlarmLevel; rr: AlarmLevel; temp: AlarmLevel };
  patient: {
    /** Who is on the trolley: age, sex and build from the case. */
    person: Person;
    /**
     * Peripheral perfusion from the capillary refill: normal, poor (> 3 s) or shut down (> 4 s). The pleth's
     * amplitude follows it; the skin's colour follows `signs` (which also carries what the case says).
     */
    perfusion: 'normal' | 'pale' | 'mottled';
    consciousness: 'alert' | 'drowsy' | 'unresponsive';
    /**
     * Every sign that shows now, in a fixed order: from the state (pale and mottled from the capillary refill,
     * cyanosed below SpO2 85 %, drowsy from the GCS) and from the case's appearance entries while their conditions
     * hold (hives, swollen lips, sweating, a grimace of pain until an analgesic acts).
     */
    signs: readonly AppearanceSign[];
    /** Chest compressions running: their artefact on the ECG, their pressure on an arterial line. */
    cpr: boolean;
    /** A bag of fluid running into the arm. */
    dripRunning: boolean;
    /** A syringe-driver infusion (vasopressor) running. */
    infusionRunning: boolean;
    oxygenMask: boolean;
    /** A radial arterial line on the near wrist, to the transducer. */
    arterialLine: boolean;
    /** In cardiac arrest now: unresponsive, no breathing of their own, and still resuscitable. */
    arrest: boolean;
    /** After death the monitor shows a flat line and the patient is still and grey. */
    dead: boolean;
    /** How the trolley is set: flat with the legs raised, the usual recline, or sitting up. */
    posture: 'flat' | 'reclined' | 'upright';
  };
  /** prefers-reduced-motion: traces are drawn without sweeping and alarms do not flash. */
  reducedMotion: boolean;
  /**
   * Projected to a room (classroom mode): alarms are shown steady and the heart symbol does not blink with each beat,
   * so nothing on the big screen flashes (WCAG 2.3.1: no more than three flashes a second, whatever the heart rate).
   */
  steadyAlarms: boolean;
  /** Projected to a room: the monitor prints every word at 24 logical px or more (game/monitor-type.ts). */
  largeType: boolean;
  /** The learner paused the real-time clock: traces, drips and breathing freeze (step mode keeps them moving). */
  paused: boolean;
}

/** What the app gets back when it mounts the bay. */
export interface BayHandle {
  update(view: BayView): void;
  /**
   * Call the listener each time the monitor draws a QRS (not while paused): the pulse tone follows the beats on the
   * screen. Returns the function that stops listening.
   */
  onBeat(listener: () => void): () => void;
  /**
   * The words the canvas shows now, each with the size it is displayed at in CSS pixels (its font size, its scale
   * and the canvas's scale to the page): a projector's test checks that none is too small to read.
   */
  texts(): { text: string; cssPx: number }[];
  /** How many frames drew anything: the whole bay, a half of it, or only the monitor's sweeping traces. */
  frames(): number;
  /** Of those, the frames that redrew the whole bay (a new view, the web font). */
  wholeFrames(): number;
  destroy(): void;
}
