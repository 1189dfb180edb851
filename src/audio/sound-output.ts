import type { SoundOutputState } from '../view/sound-view.ts';
import { PULSE_BASE_HZ, soundSprite, type SpriteName } from './synth.ts';

/** Where sounds go: howler over Web Audio, or nowhere. Never throws: a browser that cannot play plays silently. */
export interface SoundOutput {
  readonly state: SoundOutputState;
  /** Play a sprite at this gain (0–1) and rate (1: as made). */
  play(name: SpriteName, gain: number, rate?: number): void;
  /** Cut the alarm burst that is sounding, if any. */
  stopAlarm(): void;
  stopAll(): void;
}

export const SILENT_OUTPUT: SoundOutput = {
  state: 'unavailable',
  play: () => undefined,
  stopAlarm: () => undefined,
  stopAll: () => undefined,
};

/** Web Audio is there (howler's HTML5 Audio fallback cannot time sprites to a pulse, so it is not used). */
export function webAudioAvailable(): boolean {
  const w = window as unknown as { AudioContext?: unknown; webkitAudioContext?: unknown };
  return typeof w.AudioContext === 'function' || typeof w.webkitAudioContext === 'function';
}

/**
 * howler, loaded only once a first gesture has come (autoplay rules) and only where Web Audio exists; the sounds are
 * synthesised then. Resolves to the silent output if anything on the way fails or the browser refuses to play.
 */
export async function howlerOutput(onRefused: () => void): Promise<SoundOutput> {
  if (!webAudioAvailable()) return SILENT_OUTPUT;
  try {
    const { Howl, Howler } = await import('howler');
    if (Howler.noAudio || !Howler.usingWebAudio) return SILENT_OUTPUT;
    const { src, sprite } = soundSprite();
    let failed = false;
    const howl = new Howl({
      src: [src],
      format: ['wav'],
      sprite,
      onloaderror: () => {
        failed = true;
        onRefused();
      },
      onplayerror: () => {
        failed = true;
        onRefused();
      },
    });
    let alarmId: number | null = null;
    return {
      get state() {
        return failed ? 'unavailable' : 'on';
      },
      play(name, gain, rate = 1) {
        if (failed) return;
        try {
          if (name.startsWith('alarm-') && alarmId !== null) howl.stop(alarmId);
          const id = howl.play(name);
          howl.volume(gain, id);
          if (rate !== 1) howl.rate(rate, id);
          if (name.startsWith('alarm-')) alarmId = id;
        } catch {
          // A sound that cannot play is dropped; the screen has already said what it would have.
        }
      },
      stopAlarm() {
        if (alarmId !== null) howl.stop(alarmId);
        alarmId = null;
      },
      stopAll() {
        howl.stop();
        alarmId = null;
      },
    };
  } catch {
    return SILENT_OUTPUT;
  }
}

/** The playback rate that turns the pulse tone into `pitchHz`. */
export const pulseRate = (pitchHz: number): number => pitchHz / PULSE_BASE_HZ;
