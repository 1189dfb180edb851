/**
 * What a build was made for, fixed when it was built (scripts/build-scorm.ts checks the values it is given; a plain
 * build sets none): the LMS to report to, the cases it offers, the pass mark.
 */
export interface BuildOptions {
  lms: 'scorm12' | null;
  /** Case ids on offer, in the build's order; empty for every bundled case. */
  cases: readonly string[];
  passMark: number | null;
}

export function buildOptions(env: ImportMetaEnv): BuildOptions {
  const mark = Number.parseFloat(env.VITE_BEDSIDE_PASS_MARK ?? '');
  return {
    lms: env.VITE_BEDSIDE_LMS === 'scorm12' ? 'scorm12' : null,
    cases: (env.VITE_BEDSIDE_CASES ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
    passMark: Number.isFinite(mark) && mark >= 0 && mark <= 100 ? mark : null,
  };
}
