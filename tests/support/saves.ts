import { SAVE_VERSION, type SavedPlay } from '../../src/app/save.ts';

/** A saved play of the first case with this log (step clock, the log's last minute as now), for LMS and save tests. */
export const savedPlay = (log: SavedPlay['log'], extra: Partial<SavedPlay> = {}): SavedPlay => ({
  version: SAVE_VERSION,
  caseId: 'septic-shock-spondylodiscitis',
  caseHash: 'c0ffee00',
  seed: 1,
  log,
  nowMin: log.at(-1)?.atMin ?? 0,
  endedAtMin: null,
  settings: { clock: 'step', secondsPerMinute: 2, units: 'conventional' },
  ...extra,
});
