/** Simulated minutes since arrival as the clock shows them, h:mm (0:05, 1:23); whole minutes, rounded down. */
export function clockText(minutes: number): string {
  if (!Number.isFinite(minutes)) return '-:--';
  const sign = minutes < 0 ? '-' : '';
  const total = Math.floor(Math.abs(minutes));
  return `${sign}${String(Math.floor(total / 60))}:${String(total % 60).padStart(2, '0')}`;
}

/** A span of simulated minutes as people say it: 45 min, 2 h, 1 h 30 min. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (h === 0) return `${String(minutes)} min`;
  return rest === 0 ? `${String(h)} h` : `${String(h)} h ${String(rest)} min`;
}
