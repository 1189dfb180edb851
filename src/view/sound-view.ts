/**
 * What the sound of the bay needs from the app and gives back to the panels: the learner's sound settings and the
 * state of the monitor's alarm audio. Shared by the audio layer (which plays it) and the DOM (which shows it, so a
 * sound never says anything the screen does not).
 */

/** IEC 60601-1-8 alarm priorities: high (immediate response), medium (prompt), low (awareness). */
export type AlarmPriority = 'high' | 'medium' | 'low';

export interface SoundSettings {
  /** Master volume, 0–1. */
  volume: number;
  muted: boolean;
  /** Only the alarms: no pulse tone, no cues. */
  alarmsOnly: boolean;
  /** For a lecture hall: alarms louder against the pulse tone, no UI cues. */
  classroom: boolean;
}

export const DEFAULT_SOUND_SETTINGS: SoundSettings = {
  volume: 0.6,
  muted: false,
  alarmsOnly: false,
  classroom: false,
};

/** One alarm condition the monitor has now, as it prints it. */
export interface AlarmCondition {
  /** Stable id of the condition ("map-low", "rhythm-vf"), to acknowledge it and to notice it clearing. */
  key: string;
  priority: AlarmPriority;
  /** The caption: "MAP 54 mmHg, below 65". */
  text: string;
}

/** What the alarm audio is doing now: shown beside the sound controls and said in a live region. */
export interface AlarmStatus {
  /** Every condition present, highest priority first. */
  conditions: readonly AlarmCondition[];
  /** The priority sounding now (null: nothing sounds: no alarm, all acknowledged, or silenced). */
  sounding: AlarmPriority | null;
  /** Real seconds left of "silence 2 minutes" (null when not silenced). */
  silencedForSec: number | null;
  /** Keys of the conditions acknowledged (they sound again only if they clear and return). */
  acknowledged: readonly string[];
}

/** Whether sound can be heard: waiting for the first click or key (autoplay rules), playing, or unavailable. */
export type SoundOutputState = 'waiting' | 'on' | 'unavailable';
