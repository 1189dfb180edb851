/**
 * The content side of SCORM 1.2: find the LMS's API object and speak to it. The LMS side (the runtime that records
 * the values) is the LMS's own; the tests use scorm-again as that runtime.
 */

/**
 * What an LMS's API returns: the standard says strings ("true", "false", values, error codes); some runtimes return
 * booleans or numbers, so results are read through String().
 */
type Returned = string | boolean | number;

/** The SCORM 1.2 run-time API an LMS puts on a window as `API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): Returned;
  LMSFinish(arg: ''): Returned;
  LMSGetValue(element: string): Returned;
  LMSSetValue(element: string, value: string): Returned;
  LMSCommit(arg: ''): Returned;
  LMSGetLastError(): Returned;
  LMSGetErrorString(code: string): Returned;
  LMSGetDiagnostic(code: string): Returned;
}

/** What discovery needs of a window (a test passes plain objects). */
export interface WindowLike {
  readonly parent: WindowLike | null;
  readonly opener?: WindowLike | null;
  readonly API?: unknown;
}

/** ADL's sample looks through at most this many parents before giving up (a frame loop, or a hostile page). */
const MAX_PARENTS = 500;

const isApi = (value: unknown): value is Scorm12Api =>
  typeof value === 'object' &&
  value !== null &&
  ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'].every(
    (name) => typeof (value as Record<string, unknown>)[name] === 'function',
  );

/** `win.API`, or null when there is none or the window belongs to another origin (reading it throws). */
function apiOn(win: WindowLike): Scorm12Api | null {
  try {
    return isApi(win.API) ? win.API : null;
  } catch {
    return null;
  }
}

/** The window itself and its parents up to the top: the API if one has it, and the top window reached. */
function search(win: WindowLike): { api: Scorm12Api | null; top: WindowLike | null } {
  let current: WindowLike = win;
  for (let tries = 0; tries <= MAX_PARENTS; tries += 1) {
    const api = apiOn(current);
    if (api !== null) return { api, top: null };
    let parent: WindowLike | null;
    try {
      parent = current.parent;
    } catch {
      return { api: null, top: null };
    }
    if (parent === null || parent === current) return { api: null, top: current };
    current = parent;
  }
  return { api: null, top: null };
}

/** A window's opener, or null (none, or another origin's). */
function openerOf(win: WindowLike): WindowLike | null {
  try {
    return win.opener ?? null;
  } catch {
    return null;
  }
}

/**
 * The SCORM 1.2 discovery (ADL's algorithm, as scorm.com documents it): `API` on this window and up its chain of
 * parents, then on the window that opened the top one (an LMS that launches the package in a new window) and up
 * that one's chain. Null without an LMS: the game just plays.
 */
export function findScorm12Api(win: WindowLike): Scorm12Api | null {
  const here = search(win);
  if (here.api !== null) return here.api;
  const opener = (here.top === null ? null : openerOf(here.top)) ?? openerOf(win);
  return opener === null ? null : search(opener).api;
}

/** A duration as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS (hours two to four digits). */
export function timespan(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360_000));
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** A time of day as SCORM 1.2's CMITime, HH:MM:SS. */
export function timeOfDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** An interaction id (CMIIdentifier: no spaces, at most 255 characters) from a decision's place and action. */
export function interactionId(n: number, action: string): string {
  return `${String(n + 1)}_${action.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 255);
}
