/** Text the monitor prints. Pure functions, so the scene only sets strings that changed. */

/** A whole-number numeric; dashes when there is no reading (null) or the value is missing. */
export function whole(value: number | null): string {
  return value !== null && Number.isFinite(value) ? String(Math.round(value)) : '---';
}

/** One decimal place (temperature). */
export function oneDecimal(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '--.-';
}

/** The monitored numerics that alarm, in the monitor's order. */
export const ALARM_PARAMS = ['hr', 'map', 'spo2', 'rr', 'temp'] as const;
export type AlarmParam = (typeof ALARM_PARAMS)[number];

const ALARM_NAME: Record<AlarmParam, string> = {
  hr: 'HR',
  map: 'MAP',
  spo2: 'SpO₂',
  rr: 'RR',
  temp: 'TEMP',
};

/** "MAP LOW", "HR HIGH", or '' when the numeric is within its limits. */
export function alarmMessage(param: AlarmParam, level: 'ok' | 'low' | 'high'): string {
  if (level === 'ok') return '';
  return `${ALARM_NAME[param]} ${level === 'low' ? 'LOW' : 'HIGH'}`;
}
