/**
 * The sizes of the monitor's words, in the scene's logical pixels (the bay is laid out at 1280×720 and scaled to fit
 * its column). The values and the clock are large anyway; these are the labels, units, limits and notes.
 */
export interface MonitorType {
  /** "Resus 1", the alarm banner and the lane names (II, Pleth, Resp). */
  header: number;
  /** The rhythm's name over the ECG. */
  rhythm: number;
  /** A numeric's name (HR, SpO₂) and its unit. */
  boxLabel: number;
  unit: number;
  /** The alarm limits printed in each numeric. */
  limits: number;
  /** The cuff's note ("Last cycle T+ 0:30"), the alarm pill, the arterial scale's pressures. */
  note: number;
  alarm: number;
  scale: number;
  /**
   * Large type (a projected classroom screen): a numeric prints its limits on one line ("50–120"), the cuff's box
   * prints them where its note was and leaves the note to the page's vitals, and the arterial scale moves right.
   */
  large: boolean;
}

export const NORMAL_TYPE: MonitorType = {
  header: 20,
  rhythm: 18,
  boxLabel: 24,
  unit: 20,
  limits: 18,
  note: 20,
  alarm: 18,
  scale: 14,
  large: false,
};

/**
 * Every word at 24 logical px at least: 20 CSS px wherever the bay is shown 1,067 px wide or more (the projector's
 * layout gives it 1,100 at 1920×1080).
 */
export const LARGE_TYPE: MonitorType = {
  header: 24,
  rhythm: 24,
  boxLabel: 26,
  unit: 24,
  limits: 24,
  note: 24,
  alarm: 24,
  scale: 24,
  large: true,
};

/** The smallest word the large type prints, and the smallest it may be shown at on a projector (CSS px). */
export const LARGE_TYPE_MIN = 24;
export const PROJECTOR_MIN_CSS_PX = 20;
