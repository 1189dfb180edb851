import { clockText } from '../../engine/index.ts';
import type { SavedPlay } from '../save.ts';
import {
  findScorm12Api,
  interactionId,
  timeOfDay,
  timespan,
  type Scorm12Api,
  type WindowLike,
} from './scorm12.ts';
import { fromSuspendData, suspendDataFor } from './suspend.ts';

/** Without a pass mark from the LMS, the build or the case: a teaching choice, stated in the README. */
export const DEFAULT_PASS_MARK = 70;

/** One learner decision as the LMS records it. */
export interface Decision {
  /** "verb:id" (the catalogue id: the same in every language and build). */
  action: string;
  dose?: number;
  /** Simulated minute since arrival. */
  atMin: number;
}

/** How the play was kept: whole, or (too long for SCORM 1.2's 4,096 characters) up to a minute. */
export type Kept = { complete: true } | { complete: false; atMin: number };

/** What the app needs of an LMS: none is the plain web build. */
export interface Lms {
  /** The LMS's pass mark (SCORM 1.2 `cmi.student_data.mastery_score`, from the package's masteryscore), if any. */
  readonly masteryScore: number | null;
  /** The play the LMS kept when the learner last left: none, a save, or why it could not be read. */
  readonly resumed:
    { kind: 'none' } | { kind: 'save'; save: SavedPlay } | { kind: 'unreadable'; why: string };
  /** Keep the play for a resume (after every change). */
  keep(save: SavedPlay): Kept;
  /** Record learner decisions as interactions, in order. */
  record(decisions: readonly Decision[]): void;
  /** The play ended: its score (percent) against the pass mark. */
  complete(percent: number, passMark: number): void;
  /** The window is going: the session's time, the exit, the last commit. */
  leave(): void;
  /** The LMS's last refusal, in words, if it refused anything (shown to the learner; the game goes on). */
  readonly problem: string | null;
}

/** A status the LMS already holds that a finished play does not overwrite downwards. */
type Status = 'passed' | 'failed' | 'completed' | 'incomplete' | 'browsed' | 'not attempted' | '';

/** Commit at least this often while nothing but the clock changes (a commit is a request to the LMS's server). */
const COMMIT_EVERY_MS = 30_000;

/**
 * A SCORM 1.2 session: initialised on connect, finished on leave. Every call is checked and a refusal is kept as
 * `problem`, never thrown: an LMS that misbehaves must not stop the learner playing.
 */
class Scorm12Session implements Lms {
  readonly masteryScore: number | null;
  readonly resumed: Lms['resumed'];
  problem: string | null = null;
  private interactions: number;
  private status: Status;
  private best: number | null;
  private finished = false;
  private lastCommitAt: number;
  private lastCommittedLog = -1;

  constructor(
    private readonly api: Scorm12Api,
    private readonly now: () => number,
    private readonly startedAt: number,
  ) {
    this.lastCommitAt = startedAt;
    this.status = this.get('cmi.core.lesson_status') as Status;
    if (this.status === 'not attempted' || this.status === '') {
      this.set('cmi.core.lesson_status', 'incomplete');
      this.status = 'incomplete';
    }
    const raw = Number.parseFloat(this.get('cmi.core.score.raw'));
    this.best = Number.isFinite(raw) ? raw : null;
    const mastery = Number.parseFloat(this.get('cmi.student_data.mastery_score'));
    this.masteryScore = Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery : null;
    const count = Number.parseInt(this.get('cmi.interactions._count'), 10);
    this.interactions = Number.isFinite(count) && count >= 0 ? count : 0;
    const data = this.get('cmi.suspend_data');
    if (data === '') this.resumed = { kind: 'none' };
    else {
      const read = fromSuspendData(data);
      this.resumed = read.ok ? { kind: 'save', save: read.save } : { kind: 'unreadable', why: read.why };
    }
  }

  keep(save: SavedPlay): Kept {
    const kept = suspendDataFor(save);
    this.set('cmi.suspend_data', kept.data);
    const at = kept.complete ? (save.endedAtMin ?? save.nowMin) : kept.atMin;
    this.set('cmi.core.lesson_location', `T+ ${clockText(at)}`);
    // A learner who closes the window mid-case comes back to it; after the debrief, to the debrief.
    this.set('cmi.core.exit', 'suspend');
    const changed = save.log.length !== this.lastCommittedLog;
    if (changed || this.now() - this.lastCommitAt >= COMMIT_EVERY_MS) {
      this.commit();
      this.lastCommittedLog = save.log.length;
    }
    return kept.complete ? { complete: true } : { complete: false, atMin: kept.atMin };
  }

  record(decisions: readonly Decision[]): void {
    const clock = new Date(this.now());
    for (const d of decisions) {
      const n = this.interactions;
      const prefix = `cmi.interactions.${String(n)}`;
      const dose = d.dose === undefined ? '' : ` ${String(d.dose)}`;
      const minute = `T+${clockText(d.atMin)}`;
      this.set(`${prefix}.id`, interactionId(n, d.action));
      this.set(`${prefix}.type`, 'performance');
      this.set(`${prefix}.student_response`, `${d.action}${dose} at ${minute}`.slice(0, 255));
      // The act is scored with the whole play (the debrief itemises it); on its own it is neither right nor wrong.
      this.set(`${prefix}.result`, 'neutral');
      this.set(`${prefix}.time`, timeOfDay(clock));
      this.interactions += 1;
    }
    if (decisions.length > 0) this.commit();
  }

  complete(percent: number, passMark: number): void {
    const score = Math.round(percent * 100) / 100;
    // A learner's best attempt stands: a weaker retry does not undo a pass.
    if (this.best === null || score >= this.best) {
      this.best = score;
      this.set('cmi.core.score.min', '0');
      this.set('cmi.core.score.max', '100');
      this.set('cmi.core.score.raw', String(score));
    }
    if (this.status !== 'passed') {
      this.status = this.best >= passMark ? 'passed' : 'failed';
      this.set('cmi.core.lesson_status', this.status);
    }
    this.commit();
  }

  leave(): void {
    if (this.finished) return;
    this.finished = true;
    this.set('cmi.core.session_time', timespan(this.now() - this.startedAt));
    this.commit();
    this.call(() => this.api.LMSFinish(''), 'LMSFinish');
  }

  private get(element: string): string {
    try {
      return String(this.api.LMSGetValue(element));
    } catch {
      return '';
    }
  }

  private set(element: string, value: string): void {
    this.call(() => this.api.LMSSetValue(element, value), `LMSSetValue ${element}`);
  }

  private commit(): void {
    this.lastCommitAt = this.now();
    this.call(() => this.api.LMSCommit(''), 'LMSCommit');
  }

  private call(f: () => string | boolean | number, what: string): void {
    let ok: boolean;
    try {
      ok = String(f()) === 'true';
    } catch {
      ok = false;
    }
    if (ok) return;
    let code = '';
    let words = '';
    try {
      code = String(this.api.LMSGetLastError());
      words = String(this.api.LMSGetErrorString(code));
    } catch {
      // An LMS that throws here has said all it will.
    }
    this.problem = `The LMS refused ${what}${code === '' || code === '0' ? '' : ` (error ${code}${words === '' ? '' : `: ${words}`})`}. Your play is still kept in this browser.`;
  }
}

/** A SCORM 1.2 LMS reached from `win` and initialised, or null (no LMS: the game just plays). */
export function connectScorm12(win: WindowLike, now: () => number): Lms | null {
  const api = findScorm12Api(win);
  if (api === null) return null;
  let initialised: boolean;
  try {
    initialised = String(api.LMSInitialize('')) === 'true';
  } catch {
    initialised = false;
  }
  return initialised ? new Scorm12Session(api, now, now()) : null;
}

/**
 * Which play to resume when an LMS is there. The LMS's is the record; this browser's own save wins only when it is
 * the same play carried further (same case, seed and case file, and the LMS's log is where it began), as when the
 * play outgrew SCORM 1.2's 4,096 characters or the last commit did not reach the LMS. Any other play in this
 * browser belongs to another attempt (or another learner at a shared computer) and is not resumed here.
 */
export function playToResume(fromLms: SavedPlay | null, local: SavedPlay | null): SavedPlay | null {
  if (fromLms === null) return null;
  if (local === null) return fromLms;
  const same =
    local.caseId === fromLms.caseId &&
    local.seed === fromLms.seed &&
    local.caseHash === fromLms.caseHash &&
    local.log.length >= fromLms.log.length &&
    local.nowMin >= fromLms.nowMin &&
    fromLms.log.every((entry, i) => JSON.stringify(entry) === JSON.stringify(local.log[i]));
  return same ? local : fromLms;
}

/** The pass mark in force: the LMS's mastery score, else the build's, else the case's, else the default. */
export function passMarkOf(lms: number | null, build: number | null, scenario: number | undefined): number {
  return lms ?? build ?? scenario ?? DEFAULT_PASS_MARK;
}
