import type { AlarmPriority } from '../view/sound-view.ts';
import { ALARM_PATTERNS, burstSec, type AlarmPattern } from './alarm-patterns.ts';
import type { UiCue } from './scheduler.ts';

/**
 * Every sound Bedside makes, synthesised here at start as PCM and packed into one WAV (a howler sprite): nothing
 * recorded, nothing downloaded, nothing to license.
 */

export const SAMPLE_RATE = 22_050;
/** The pulse tone is made at this pitch and played faster or slower (howler's rate) for the saturation's pitch. */
export const PULSE_BASE_HZ = 880;

export type SpriteName = 'pulse' | `alarm-${AlarmPriority}` | `cue-${UiCue}`;

/** A tone of `durSec` at `hz` with these harmonic amplitudes (1 = the fundamental), with soft edges (no clicks). */
function tone(hz: number, durSec: number, harmonics: readonly number[], edgeSec: number): Float32Array {
  const n = Math.round(durSec * SAMPLE_RATE);
  const out = new Float32Array(n);
  const edge = Math.max(1, Math.round(edgeSec * SAMPLE_RATE));
  const norm = harmonics.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE;
    let v = 0;
    for (const [k, amp] of harmonics.entries()) v += amp * Math.sin(2 * Math.PI * hz * (k + 1) * t);
    const envelope = Math.min(1, i / edge, (n - 1 - i) / edge);
    out[i] = (v / norm) * envelope;
  }
  return out;
}

/** IEC 60601-1-8 asks for at least four harmonics within ±15 dB of the fundamental: a tone heard through noise. */
const ALARM_HARMONICS = [1, 0.6, 0.45, 0.35, 0.25];

function burst(pattern: AlarmPattern): Float32Array {
  const out = new Float32Array(Math.ceil(burstSec(pattern) * SAMPLE_RATE) + 1);
  for (const p of pattern.pulses) {
    const pulse = tone(pattern.fundamentalHz, p.durSec, ALARM_HARMONICS, 0.015);
    out.set(pulse, Math.round(p.atSec * SAMPLE_RATE));
  }
  return out;
}

/** Two soft notes, a rising or falling interval: quiet cues that are not mistaken for an alarm. */
function chime(firstHz: number, secondHz: number): Float32Array {
  const a = tone(firstHz, 0.09, [1, 0.15], 0.02);
  const b = tone(secondHz, 0.14, [1, 0.15], 0.04);
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function sounds(): Record<SpriteName, Float32Array> {
  return {
    // The oximeter's beep: short and nearly pure, so its pitch is easy to follow.
    pulse: tone(PULSE_BASE_HZ, 0.07, [1, 0.1], 0.008),
    'alarm-high': burst(ALARM_PATTERNS.high),
    'alarm-medium': burst(ALARM_PATTERNS.medium),
    'alarm-low': burst(ALARM_PATTERNS.low),
    'cue-result': chime(784, 1047),
    'cue-order': chime(587, 784),
    'cue-consultant': chime(523, 659),
  };
}

/** 16-bit mono PCM in a RIFF/WAVE container. */
export function wavBytes(samples: Float32Array): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (const [i, s] of samples.entries())
    view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, s)) * 32_767), true);
  return bytes;
}

function dataUri(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

/** Every sound in one WAV data URI, with the howler sprite map ([start ms, length ms]) that cuts it up. */
export function soundSprite(): { src: string; sprite: Record<SpriteName, [number, number]> } {
  const gap = Math.round(0.1 * SAMPLE_RATE);
  const parts = Object.entries(sounds()) as [SpriteName, Float32Array][];
  const total = parts.reduce((n, [, s]) => n + s.length + gap, 0);
  const all = new Float32Array(total);
  const sprite = {} as Record<SpriteName, [number, number]>;
  let at = 0;
  for (const [name, samples] of parts) {
    all.set(samples, at);
    sprite[name] = [(at / SAMPLE_RATE) * 1000, (samples.length / SAMPLE_RATE) * 1000];
    at += samples.length + gap;
  }
  return { src: dataUri(wavBytes(all)), sprite };
}
