import type { Rhythm } from '../engine/index.ts';
import { ALARM_LIMITS, type BayView } from '../view/bay-view.ts';
import type { AlarmCondition, AlarmPriority } from '../view/sound-view.ts';

/** Rhythms with no cardiac output: a high-priority alarm of their own, whatever the numerics say. */
export const PULSELESS: readonly Rhythm[] = ['vf', 'pvt', 'pea', 'asystole'];

/**
 * Beyond the printed limits (ALARM_LIMITS, which raise a medium-priority alarm) lies a second, "extreme" band that
 * raises a high-priority one, as bedside monitors separate a limit alarm (yellow) from Desat, Extreme Brady and
 * Extreme Tachy (red) (Philips IntelliVue Instructions for Use, "Alarms"; the defaults differ by maker).
 */
const EXTREME = {
  hr: { low: 40, high: 150 },
  map: { low: 55, high: 140 },
  spo2: { low: 85 },
} as const;

const PRIORITY_RANK: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 };

/** Highest priority first, then by key, so the same view always gives the same list. */
export function byPriority(a: AlarmCondition, b: AlarmCondition): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.key.localeCompare(b.key);
}

/** The higher of two priorities (null: none). */
export function higher(a: AlarmPriority | null, b: AlarmPriority | null): AlarmPriority | null {
  if (a === null) return b;
  if (b === null) return a;
  return PRIORITY_RANK[a] <= PRIORITY_RANK[b] ? a : b;
}

function limitAlarm(
  key: string,
  label: string,
  value: number | null,
  unit: string,
  limits: { low: number; high: number },
  extreme: { low?: number; high?: number },
): AlarmCondition | null {
  if (value === null) return null;
  const unitText = unit === '' ? '' : ` ${unit}`;
  if (value < limits.low) {
    const priority = extreme.low !== undefined && value < extreme.low ? 'high' : 'medium';
    return {
      key: `${key}-low`,
      priority,
      text: `${label} ${String(value)}${unitText}, below ${String(limits.low)}`,
    };
  }
  if (value > limits.high) {
    const priority = extreme.high !== undefined && value > extreme.high ? 'high' : 'medium';
    return {
      key: `${key}-high`,
      priority,
      text: `${label} ${String(value)}${unitText}, above ${String(limits.high)}`,
    };
  }
  return null;
}

/**
 * The alarm conditions the monitor has in this view: from the same limits it prints beside each numeric, and from
 * the rhythm. A pulseless rhythm is the one alarm then (its numerics are lost with it, and say nothing more).
 */
export function alarmConditions(view: BayView): AlarmCondition[] {
  const rhythm = view.rhythm.id;
  if (PULSELESS.includes(rhythm))
    return [{ key: `rhythm-${rhythm}`, priority: 'high', text: view.rhythm.name }];
  const v = view.vitals;
  const found = [
    limitAlarm('hr', 'HR', v.hr, '/min', ALARM_LIMITS.hr, EXTREME.hr),
    limitAlarm('map', 'MAP', v.map, 'mmHg', ALARM_LIMITS.map, EXTREME.map),
    limitAlarm('spo2', 'SpO₂', v.spo2, '%', ALARM_LIMITS.spo2, EXTREME.spo2),
    v.rr === 0
      ? { key: 'rr-apnoea', priority: 'high' as const, text: 'Apnoea: RR 0' }
      : limitAlarm('rr', 'RR', v.rr, '/min', ALARM_LIMITS.rr, {}),
    // A temperature out of range is a low-priority (advisory) alarm: it asks for awareness, not a response now.
    lowPriority(limitAlarm('temp', 'Temp', v.temp, '°C', ALARM_LIMITS.temp, {})),
  ];
  return found.filter((c) => c !== null).sort(byPriority);
}

function lowPriority(condition: AlarmCondition | null): AlarmCondition | null {
  return condition === null ? null : { ...condition, priority: 'low' };
}
