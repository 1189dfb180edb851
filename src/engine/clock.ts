/** Simulated minutes since arrival as the clock shows them, h:mm (0:05, 1:23); whole minutes, rounded down. */
export function clockText(minutes: number): string {
  if (!Number.isFinite(minutes)) return '-:--';
  const sign = minutes < 0 ? '-' : '';
  const total = Math.floor(Math.abs(minutes));
  return `${sign}${String(Math.floor(total / 60))}:${String(total % 60).padStart(2, '0')}`;
}
