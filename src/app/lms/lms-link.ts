import { clockText, type ResolvedCase } from '../../engine/index.ts';
import { clearSave, readRawSave, setAside, writeSave, type SavedPlay } from '../save.ts';
import { passMarkOf, playToResume, type Lms } from './lms.ts';

/**
 * The app's side of an LMS: which play to resume, the play kept after every change, each new learner decision
 * recorded once, the result at the end, and what to tell the learner when the LMS refuses something or cannot keep
 * the whole play. The app calls it; it never stops the game.
 */
export class LmsLink {
  /** How many of the play's learner entries the LMS has as interactions. */
  private recorded = 0;
  private toldShort = false;
  /** What the learner should know (shown in the page's LMS status line); null when all is well. */
  notice: string | null = null;

  constructor(
    readonly lms: Lms,
    private readonly buildPassMark: number | null,
  ) {}

  /**
   * Before the app resumes from storage: put the play the LMS kept (or this browser's longer copy of the same play)
   * where the app resumes from; a different play in this browser is set aside (kept, never deleted), not resumed.
   */
  prepareResume(storage: Storage, readLocal: (text: string) => SavedPlay | null): void {
    const resumed = this.lms.resumed;
    if (resumed.kind === 'unreadable')
      this.notice = `Your LMS returned a saved play Bedside cannot read (${resumed.why}); starting afresh.`;
    const raw = readRawSave(storage);
    const local = raw === null ? null : readLocal(raw);
    const chosen = playToResume(resumed.kind === 'save' ? resumed.save : null, local);
    if (chosen !== null) {
      writeSave(storage, chosen);
      this.recorded = chosen.log.length;
    } else if (raw !== null) {
      setAside(storage, raw);
      clearSave(storage);
    }
  }

  /** After every change: keep the play, record the decisions made since the last call. */
  kept(save: SavedPlay): void {
    if (save.log.length < this.recorded) this.recorded = 0;
    this.lms.record(
      save.log.slice(this.recorded).map((e) => ({
        action: `${e.action.do}:${e.action.id}`,
        ...(e.action.do === 'treat' && e.action.dose !== undefined ? { dose: e.action.dose } : {}),
        atMin: e.atMin,
      })),
    );
    this.recorded = save.log.length;
    const kept = this.lms.keep(save);
    if (!kept.complete && !this.toldShort) {
      this.toldShort = true;
      const at = `T+ ${clockText(kept.atMin)}`;
      this.notice =
        `This play is longer than a SCORM 1.2 LMS can keep (4,096 characters). In this browser it resumes where ` +
        `you are; on another computer it would resume at ${at}.`;
    }
    this.notice = this.lms.problem ?? this.notice;
  }

  /** The play has ended with this score (the debrief's percent), judged against the pass mark in force. */
  ended(resolved: ResolvedCase, percent: number): void {
    this.lms.complete(
      percent,
      passMarkOf(this.lms.masteryScore, this.buildPassMark, resolved.data.scoring.passMark),
    );
    this.notice = this.lms.problem ?? this.notice;
  }

  /** A new attempt (Try again, another case): its decisions are counted from its own start. */
  restart(): void {
    this.recorded = 0;
  }

  leave(): void {
    this.lms.leave();
  }
}
