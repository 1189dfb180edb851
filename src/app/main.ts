import './no-eval.ts';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '../ui/styles.css';
import {
  fileSizeProblem,
  formatProblem,
  type PlayResult,
  type LogEntry,
  type Problem,
  type ResolvedCase,
  type TextFile,
} from '../engine/index.ts';
import { mountLazyBay, prefetchBay } from './lazy-bay.ts';
import type { BayHandle } from '../view/bay-view.ts';
import { briefingScreen } from '../ui/briefing.ts';
import { h } from '../ui/dom.ts';
import type { PlayModel } from '../ui/model.ts';
import { pickerScreen } from '../ui/picker.ts';
import type { ClockSettings } from '../ui/time-controls.ts';
import { Cases } from './cases.ts';
import { clearLocalCase, localNotes, localWarnings, writeLocalCase } from './local-case.ts';
import {
  browserStorage,
  clearSave,
  clearSetAside,
  parseSave,
  readRawSave,
  readSetAside,
  resumeOrSetAside,
  savedCaseId,
  setAside,
  setAsideFileName,
  toSave,
  writeSave,
  type SavedPlay,
} from './save.ts';
import type { Session } from './session.ts';
import { BedsideSound } from '../audio/bedside-sound.ts';
import { readSoundSettings, writeSoundSettings } from './sound-settings.ts';
import {
  classroomFrom,
  classroomSearch,
  presenterOf,
  presenterSearch,
  type ClassroomState,
} from './classroom.ts';
import { newClassId, openChannel, ToPresenter, ToProjector } from './classroom-channel.ts';
import { revealControl } from '../ui/reveal.ts';
import type { decisionBoard } from '../ui/decision-board.ts';
import type { playScreen } from '../ui/play-screen.ts';
import type { createDoseDialog } from '../ui/dose-dialog.ts';
import { changeBoard, EMPTY_BOARD, settle, type Board, type BoardChange, type Vote } from '../ui/votes.ts';
import { buildOptions } from './build-options.ts';
import { connectScorm12, passMarkOf } from './lms/lms.ts';
import { LmsLink } from './lms/lms-link.ts';
import { registerOffline } from './offline.ts';
import { updateBanner, type OfflineNotice } from '../ui/update-banner.ts';
import { footNotice, footNotices } from '../ui/foot-notice.ts';
import { policyAllows, xapiSetting, XapiLink } from './xapi/xapi-link.ts';
import { lrsSender } from './xapi/transport.ts';

type PlayKit = typeof import('./play-kit.ts');
let kitLoad: Promise<PlayKit> | null = null;
/** The play's code (src/app/play-kit.ts), fetched once: while the picker shows, or before a play opens. */
function loadPlayKit(): Promise<PlayKit> {
  kitLoad ??= import('./play-kit.ts').catch((error: unknown) => {
    kitLoad = null;
    throw error;
  });
  return kitLoad;
}

/** A saved play that could not be resumed, kept aside. `why` is null when it was set aside on an earlier visit. */
interface DamagedSave {
  why: string | null;
  text: string;
  kept: boolean;
}

/** How long "Bedside now plays without a network" stays at the foot of the page. */
const OFFLINE_READY_SHOWN_MS = 8000;
/** How often waiting xAPI statements are tried again (as well as whenever the browser says it is back online). */
const XAPI_RETRY_MS = 30_000;

/** Wires the engine to the views: screens, persistence after every change, the real-time clock. */
class App {
  private readonly root: HTMLElement;
  private readonly storage: Storage;
  private cases: Cases;
  private damaged: DamagedSave | null = null;
  private session: Session | null = null;
  private bay: BayHandle | null = null;
  private stopClock: (() => void) | null = null;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  private settings: SavedPlay['settings'];
  private paused = false;
  /** The play's code, once fetched (every screen past the picker is drawn with it). */
  private kitLoaded: PlayKit | null = null;
  /** The dose dialog, made with the play's code. */
  private doseDialog: ReturnType<typeof createDoseDialog> | null = null;
  readonly sound: BedsideSound;
  private stopSoundControls: (() => void) | null = null;
  /** Projected to a room (`?mode=classroom`), and whether the instructor has revealed the answers. */
  private classroom: ClassroomState = classroomFrom(window.location.search);
  /** The Reveal control of the screen shown now (classroom mode only). */
  private reveal: ReturnType<typeof revealControl> | null = null;
  /** The room's votes at the "what next?" board in this play (kept in the save). */
  private votes: Vote[] = [];
  /** The "what next?" board as both windows show it (kept in the save, so a reload keeps its counts). */
  private board: Board = EMPTY_BOARD;
  /** The board on the play screen shown now (classroom mode only). */
  private boardView: ReturnType<typeof decisionBoard> | null = null;
  /** How much of the log the board has read: an action done after a commit settles its vote. */
  private boardReadLog = 0;
  /** The projector's end of the channel to the presenter window (classroom mode only). */
  private link: { send(message: ToPresenter): void } | null = null;
  /** The clock as the play screen moves it (stopping early, and saying why), for the presenter's clock too. */
  private clock: { advance(minutes: number): void; advanceToNextResult(): void } | null = null;
  /** What this build offers (its cases, an LMS to report to, a pass mark). */
  private readonly build = buildOptions(import.meta.env);
  /** The LMS this play reports to (a SCORM build launched by an LMS), or null. */
  private readonly lms: LmsLink | null;
  /** A new version waiting (the service worker's), to switch to between cases; null when there is none. */
  private applyUpdate: (() => Promise<void>) | null = null;
  private offlineNotice: OfflineNotice = 'none';
  private readonly updates = updateBanner(() => {
    void this.updateNow();
  });
  /** The LMS's status line, shown only when there is something to say (until dismissed, or something new). */
  private readonly lmsStatus = footNotice({ className: 'lms-status', dismissHook: 'lms-dismiss' });
  /** xAPI learning records: off unless the address or bedside.config.json names an LRS. */
  private readonly xapi: XapiLink;
  private readonly xapiStatus = footNotice({ className: 'xapi-status', dismissHook: 'xapi-dismiss' });

  constructor(root: HTMLElement, storage: Storage) {
    this.root = root;
    this.storage = storage;
    this.cases = new Cases(this.build.cases);
    this.sound = new BedsideSound(readSoundSettings(storage));
    const params = new URLSearchParams(window.location.search);
    const clock = params.get('clock');
    this.settings = {
      clock: clock === 'step' || clock === 'real' ? clock : 'real',
      secondsPerMinute: 2,
      units: 'conventional',
    };
    document.body.append(footNotices(document, this.lmsStatus.el, this.xapiStatus.el, this.updates.el));
    this.xapi = this.connectXapi();
    // Offline play and updates: the web build only (an LMS package has no service worker).
    if (this.build.lms === null)
      registerOffline({
        ready: (apply) => {
          this.applyUpdate = apply;
          this.showUpdates();
        },
        offlineReady: () => {
          // Good news, said once and briefly: it leaves the foot of the page after a few seconds.
          this.offlineNotice = 'offline-ready';
          this.showUpdates();
          window.setTimeout(() => {
            this.offlineNotice = 'none';
            this.showUpdates();
          }, OFFLINE_READY_SHOWN_MS);
        },
      });
    const lms = this.build.lms === 'scorm12' ? connectScorm12(window, () => Date.now()) : null;
    this.lms = lms === null ? null : new LmsLink(lms, this.build.passMark);
    // Closing the window or leaving the LMS's page: the last state, the session's time, and LMSFinish.
    if (this.lms !== null)
      window.addEventListener('pagehide', () => {
        this.save();
        this.lms?.leave();
      });
    trackInputModality(document.documentElement);
    this.applyClassroom();
  }

  /**
   * Classroom mode as the page shows it: `<html data-mode="classroom" data-revealed>` (styles.css sizes the type to
   * the viewport and hides `.answer-material` until revealed), the address (so a reload keeps both), the clock in
   * step mode (the instructor moves time with the room), and the Reveal control's state.
   */
  private applyClassroom(): void {
    const html = document.documentElement;
    if (this.classroom.on) html.dataset.mode = 'classroom';
    else delete html.dataset.mode;
    html.dataset.revealed = String(this.classroom.revealed);
    const search = classroomSearch(window.location.search, this.classroom);
    if (search !== window.location.search)
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
    if (this.classroom.on) this.settings.clock = 'step';
    this.reveal?.update(this.classroom.revealed);
    if (this.classroom.on) this.openLink();
    this.broadcast();
  }

  /**
   * The projector owns the play; the presenter window asks for its state, and sends the instructor's actions, the
   * clock and the reveal, which go through the same paths as this window's own controls.
   */
  private openLink(): void {
    if (this.link !== null) return;
    let id = this.classroom.classId;
    if (id === null) {
      id = newClassId(crypto.getRandomValues(new Uint32Array(2)));
      this.classroom = { ...this.classroom, classId: id };
      const search = classroomSearch(window.location.search, this.classroom);
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
    }
    this.link = openChannel(id, { incoming: ToProjector, outgoing: ToPresenter }, (message) => {
      this.fromPresenter(message);
    });
  }

  private fromPresenter(message: ToProjector): void {
    const session = this.session;
    const playing = session !== null && session.started && !session.ended;
    switch (message.kind) {
      case 'hello':
        this.broadcast();
        return;
      case 'act':
        // Asked and confirmed in the presenter window: the projector acts at once.
        if (playing) session.act(message.action);
        return;
      case 'advance':
        if (playing) this.clock?.advance(message.minutes);
        return;
      case 'next-result':
        if (playing) this.clock?.advanceToNextResult();
        return;
      case 'end':
        if (!playing) return;
        session.send({ type: 'END' });
        return;
      case 'reveal':
        this.classroom = { ...this.classroom, revealed: message.revealed };
        this.applyClassroom();
        return;
      case 'board':
        if (playing) this.changeBoard(message.change);
        return;
      default:
        message satisfies never;
    }
  }

  /** A save with the room's votes and board, when there are any (a play without a class saves as it always did). */
  private withVotes(save: SavedPlay): SavedPlay {
    const board = this.board === EMPTY_BOARD ? {} : { board: this.board };
    return this.votes.length === 0 ? { ...save, ...board } : { ...save, votes: this.votes, ...board };
  }

  /** A change to the board from either window: shown, saved and sent to the presenter. */
  private changeBoard(change: BoardChange): void {
    this.board = changeBoard(this.board, change);
    this.showBoard();
    this.save();
  }

  /** The board as the projector shows it, with the case's questions for the phase the patient is in. */
  private showBoard(): void {
    const session = this.session;
    if (session === null) return;
    this.boardView?.update(this.board, this.kit.phaseDecisions(session.context, session.resolved));
  }

  /**
   * Read the log the board has not read: the committed option, once done, becomes a vote at the minute it was done;
   * anything else done (or the option refused) leaves the board waiting for another commit.
   */
  private settleBoard(log: readonly LogEntry[]): void {
    for (const entry of log.slice(this.boardReadLog)) {
      if (entry.by === 'team') continue;
      const done = `${entry.action.do}:${entry.action.id}`;
      if (!entry.accepted) {
        if (this.board.pending === done) this.board = { ...this.board, pending: null };
        continue;
      }
      const settled = settle(this.board, done, entry.atMin);
      this.board = settled.board;
      if (settled.vote !== null) this.votes.push(settled.vote);
    }
    this.boardReadLog = log.length;
  }

  /** Tell the presenter window where the play is (after every change, and when it asks). */
  private broadcast(): void {
    const session = this.session;
    if (this.link === null || session === null) return;
    const hash = this.cases.hashes.get(session.resolved.data.id) ?? '';
    this.link.send({
      kind: 'state',
      caseId: session.resolved.data.id,
      play: session.started ? this.withVotes(toSave(session.context, hash, this.settings)) : null,
      ended: session.ended,
      revealed: this.classroom.revealed,
      board: this.board,
    });
  }

  /** The instructor's controls for the bedside, and the "what next?" board for the stage: none outside a classroom. */
  private instructorPlay(): { controls: HTMLElement[]; beforePanels: HTMLElement[] } {
    if (!this.classroom.on) return { controls: [], beforePanels: [] };
    const board = this.kit.decisionBoard((change) => {
      this.changeBoard(change);
    });
    this.boardView = board;
    return { controls: [...this.instructorControls(), board.toggle], beforePanels: [board.el] };
  }

  /** The instructor's controls for a screen: none outside a classroom. */
  private instructorControls(): HTMLElement[] {
    this.reveal = null;
    if (!this.classroom.on) return [];
    this.reveal = revealControl(() => {
      this.classroom = { ...this.classroom, revealed: !this.classroom.revealed };
      this.applyClassroom();
    });
    this.reveal.update(this.classroom.revealed);
    const presenter = h(
      'button',
      {
        type: 'button',
        'data-action': 'presenter',
        'aria-haspopup': 'true',
        on: {
          click: () => {
            const id = this.classroom.classId;
            if (id !== null)
              window.open(`${window.location.pathname}${presenterSearch(id)}`, `bedside-presenter-${id}`);
          },
        },
      },
      'Presenter window ',
      h('kbd', { 'aria-hidden': 'true' }, 'c'),
    );
    return [this.reveal.el, presenter];
  }

  /**
   * Resume the saved play, or open the picker (or the case the URL asks for). Never throws: the picker loads. The
   * case a saved play or the address needs is fetched first; an author's kept file is loaded again.
   */
  async start(): Promise<void> {
    try {
      await this.cases.addStoredLocal(this.storage);
      this.lms?.prepareResume(this.storage, (text) => {
        const read = parseSave(text, this.cases.hashes);
        return read.ok ? read.value : null;
      });
      this.showLmsNotice();
      const opensPlay = readRawSave(this.storage) !== null || this.wantedCase() !== null;
      await Promise.all([
        this.cases.need(savedCaseId(this.storage)),
        this.cases.need(this.wantedCase()),
        opensPlay ? this.withKit() : null,
      ]);
      this.resumeOrPick();
      // The picker is up: the play's code comes while a case is chosen.
      if (!opensPlay) void this.withKit().catch(() => undefined);
    } catch (error) {
      // A bug, not a damaged save; but the learner still gets the picker, and a play that cannot be shown is kept.
      this.session?.stop();
      this.session = null;
      const text = readRawSave(this.storage);
      const why = error instanceof Error ? error.message : String(error);
      if (text !== null)
        this.damaged = {
          why: `Bedside could not show it (${why}).`,
          text,
          kept: setAside(this.storage, text),
        };
      this.showPicker(null);
    }
  }

  /** A build of one case (an LMS package) opens on it; otherwise the address may name one. */
  private wantedCase(): string | null {
    const only = this.build.cases.length === 1 ? (this.cases.listings[0]?.id ?? null) : null;
    return only ?? new URLSearchParams(window.location.search).get('case');
  }

  /**
   * xAPI: the setting is read in the background (the picker does not wait for the config file); what happens
   * meanwhile is kept and told once it is known. Waiting statements go when the network comes back, after every new
   * one, and every half minute.
   */
  private connectXapi(): XapiLink {
    const link = new XapiLink({
      storage: this.storage,
      stamp: () => ({ id: crypto.randomUUID(), timestamp: new Date().toISOString() }),
      sender: lrsSender,
      changed: () => {
        this.xapiStatus.show(link.notice);
      },
    });
    const readFile = async (): Promise<unknown> => {
      const response = await fetch('./bedside.config.json', { cache: 'no-cache' });
      // No file (404; or the page itself, from a server that answers every path with it): no config.
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return undefined;
      return (await response.json()) as unknown;
    };
    void xapiSetting(window.location.search, this.storage, readFile, (origin) =>
      policyAllows(document, origin),
    )
      .catch((error: unknown) => ({
        kind: 'broken' as const,
        why: `bedside.config.json: ${error instanceof Error ? error.message : String(error)}`,
      }))
      .then((setting) => {
        link.connect(setting);
        if (setting.kind !== 'on') return;
        window.addEventListener('online', () => void link.flush());
        window.setInterval(() => void link.flush(), XAPI_RETRY_MS);
      });
    return link;
  }

  /** The play's code; every caller runs after `withKit` has fetched it. */
  private get kit(): PlayKit {
    if (this.kitLoaded === null) throw new Error('the play code is not loaded');
    return this.kitLoaded;
  }

  /** Fetch the play's code (once) and make what depends on it. */
  private async withKit(): Promise<PlayKit> {
    const kit = await loadPlayKit();
    if (this.kitLoaded === null) {
      this.kitLoaded = kit;
      this.doseDialog = kit.createDoseDialog((id, dose) => this.session?.act({ do: 'treat', id, dose }));
      document.body.append(this.doseDialog.el);
    }
    return kit;
  }

  private get dose(): ReturnType<typeof createDoseDialog> {
    if (this.doseDialog === null) throw new Error('the play code is not loaded');
    return this.doseDialog;
  }

  /** The LMS's notice, if it has one (a refusal, a play too long to keep whole). */
  private showLmsNotice(): void {
    this.lmsStatus.show(this.lms?.notice ?? null);
  }

  private resumeOrPick(): void {
    const resumed = resumeOrSetAside(this.storage, this.cases.hashes, (save) => {
      const resolved = this.find(save.caseId);
      return resolved === undefined
        ? { ok: false, why: `The saved play's case "${save.caseId}" is no longer available.` }
        : this.kit.Session.resume(resolved, save);
    });
    if (resumed.kind === 'resumed') {
      this.settings = { ...resumed.save.settings };
      const forced = new URLSearchParams(window.location.search).get('clock');
      if (forced === 'step' || forced === 'real') this.settings.clock = forced;
      if (this.classroom.on) this.settings.clock = 'step';
      this.session = resumed.play;
      this.xapi.resumed(resumed.play.resolved, resumed.save, resumed.play.ended);
      this.votes = [...(resumed.save.votes ?? [])];
      this.board = resumed.save.board ?? EMPTY_BOARD;
      this.boardReadLog = resumed.play.context.log.length;
      this.paused = this.settings.clock === 'real';
      this.showPlayOrDebrief();
      return;
    }
    if (resumed.kind === 'set-aside')
      this.damaged = { why: resumed.why, text: resumed.text, kept: resumed.kept };
    else {
      const earlier = readSetAside(this.storage);
      if (earlier !== null) this.damaged = { why: null, text: earlier, kept: true };
    }
    const wanted = this.wantedCase();
    if (wanted !== null && this.find(wanted) !== undefined) this.showBriefing(wanted);
    else this.showPicker(null);
  }

  private find(id: string): ResolvedCase | undefined {
    return this.cases.get(id);
  }

  /** Fetch the case (the first time) and open its briefing; a case that cannot be fetched is said on the picker. */
  private async openBriefing(caseId: string): Promise<void> {
    const [resolved] = await Promise.all([this.cases.need(caseId), this.withKit().catch(() => undefined)]);
    if (resolved === undefined || this.kitLoaded === null) {
      this.showPicker(
        'That case could not be loaded (is the connection down?). Try again, or choose another.',
      );
      return;
    }
    this.showBriefing(caseId);
  }

  private mount(screen: HTMLElement): void {
    this.stopClock?.();
    this.stopClock = null;
    this.bay?.destroy();
    this.bay = null;
    this.stopSoundControls?.();
    this.stopSoundControls = null;
    this.sound.observe(null);
    this.root.replaceChildren(screen);
    const heading = screen.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    this.showUpdates();
  }

  /** A case under way: started and not ended (an update waits for its end). */
  private playing(): boolean {
    const session = this.session;
    return session !== null && session.started && !session.ended;
  }

  /** The offline layer's line: a waiting version is offered between cases only, never in the middle of one. */
  private showUpdates(): void {
    this.updates.show(
      this.applyUpdate === null ? this.offlineNotice : this.playing() ? 'update-after-case' : 'update-ready',
    );
  }

  /** Switch to the waiting version (the service worker reloads the page): only between cases, the play saved first. */
  private async updateNow(): Promise<void> {
    if (this.applyUpdate === null || this.playing()) return;
    this.save();
    await this.applyUpdate();
  }

  private showPicker(notice: string | null, fileProblems: readonly Problem[] = []): void {
    this.session?.stop();
    this.session = null;
    const problems = this.cases.problems.map(formatProblem);
    const local = this.cases.local;
    const screen = pickerScreen(this.cases.listings, {
      pick: (id) => {
        void this.openBriefing(id);
      },
      openFile: (file) => {
        void this.openFile(file);
      },
      notice,
      localId: local?.id ?? null,
      localNotes: local === null ? [] : localNotes(local),
      removeLocal: () => {
        clearLocalCase(this.storage);
        this.cases.dropLocal();
        this.showPicker('Your case file was removed; the bundled cases are as shipped.');
      },
      fileProblems: fileProblems.map(formatProblem),
      damagedSave: this.damaged === null ? null : { why: this.damaged.why, kept: this.damaged.kept },
      downloadDamagedSave: () => {
        if (this.damaged !== null) downloadText(this.damaged.text, setAsideFileName(new Date()));
      },
      discardDamagedSave: () => {
        clearSetAside(this.storage);
        this.damaged = null;
        this.showPicker('The damaged save was discarded.');
      },
    });
    if (problems.length > 0) {
      screen.append(
        h(
          'section',
          { class: 'notice', role: 'alert' },
          h('h2', {}, 'Some case files have problems and are not listed'),
          h('ul', { class: 'problems' }, ...problems.map((p) => h('li', {}, p))),
        ),
      );
    }
    this.mount(screen);
    document.title = 'Bedside';
  }

  /** An author's case file: load it beside the bundled cases and open its briefing, or list what is wrong. */
  private async openFile(file: File): Promise<void> {
    const refuse = (message: string) => {
      this.showPicker(null, [{ file: file.name, line: 1, column: 1, path: '', message, severity: 'error' }]);
    };
    // Refused before it is read: a huge file would stall the tab before the parser could say so.
    const tooLarge = fileSizeProblem(file.size);
    if (tooLarge !== null) {
      refuse(tooLarge);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse('could not be read');
      return;
    }
    const local: TextFile = { name: file.name, text };
    const problems = await this.cases.addLocal(local);
    if (problems.length > 0) {
      this.showPicker(null, problems);
      return;
    }
    const added = this.cases.local;
    if (added === null) return;
    added.kept = writeLocalCase(this.storage, local);
    await this.openBriefing(added.id);
  }

  private showBriefing(caseId: string): void {
    const resolved = this.find(caseId);
    if (resolved === undefined) return;
    this.session?.stop();
    this.session = new this.kit.Session(resolved, this.seedFor(resolved));
    // The bay's code comes while the briefing is read.
    void prefetchBay().catch(() => undefined);
    this.mount(
      briefingScreen(
        resolved,
        this.settings.clock,
        {
          start: (mode, projected) => {
            this.settings.clock = mode;
            // A new play starts with its answers hidden from the room.
            this.classroom = { ...this.classroom, on: projected, revealed: false };
            this.votes = [];
            this.board = EMPTY_BOARD;
            this.boardReadLog = 0;
            this.applyClassroom();
            this.paused = false;
            this.session?.send({ type: 'START' });
            this.xapi.began(resolved);
            this.showPlayOrDebrief();
          },
          back: () => {
            this.showPicker(null);
          },
        },
        caseId === this.cases.local?.id ? localWarnings(this.cases.local) : [],
        this.classroom.on,
      ),
    );
    document.title = `${resolved.data.title} — Bedside`;
    this.broadcast();
  }

  private showPlayOrDebrief(): void {
    const session = this.session;
    if (session === null) return;
    if (session.ended) {
      this.showDebrief();
      return;
    }
    const intents: Parameters<typeof playScreen>[1] = {
      // A disposition (it cannot be undone) and a second order of a test still pending ask first.
      act: (action) => {
        const ask = this.kit.confirmationFor(session.context, session.resolved, action);
        if (ask === null) session.act(action);
        else
          this.kit.askToConfirm(ask, document.activeElement, () => {
            session.act(action);
          });
      },
      chooseDose: (id, invoker) => {
        const runningDose =
          session.context.treatments.find((t) => t.treatmentId === id && t.endsAt === null)?.dose ?? null;
        this.dose.open(session.resolved, id, invoker, runningDose);
      },
      // The step buttons stop early at anything the learner must see (a new alarm, a critical result, a rhythm
      // change, an event, a consultant arriving) and say so.
      advance: (minutes) => {
        const toMin = session.context.nowMin + minutes;
        session.send({ type: 'ADVANCE', toMin, interruptible: true });
        if (!session.ended && session.context.nowMin < toMin) screen.clockStopped(toMin);
      },
      advanceToNextResult: () => {
        const toMin = this.kit.nextResultAt(session.context);
        session.send({ type: 'ADVANCE_TO_NEXT_RESULT' });
        if (!session.ended && toMin !== null && session.context.nowMin < toMin) screen.clockStopped(toMin);
      },
      setUnits: (units) => {
        this.settings.units = units;
        this.render();
      },
      endCase: () => {
        session.send({ type: 'END' });
      },
      setMode: (mode) => {
        this.settings.clock = this.classroom.on ? 'step' : mode;
        this.paused = false;
        this.render();
      },
      setSpeed: (seconds) => {
        this.settings.secondsPerMinute = seconds;
        this.render();
      },
      togglePause: () => {
        this.paused = !this.paused;
        this.render();
      },
      setSound: (settings) => {
        this.sound.setSettings(settings);
        writeSoundSettings(this.storage, settings);
      },
      silenceAlarms: () => {
        this.sound.toggleSilence();
      },
      acknowledgeAlarms: () => {
        this.sound.acknowledge();
      },
    };
    this.clock = intents;
    const screen = this.kit.playScreen(session.resolved.data.title, intents, this.instructorPlay());
    this.mount(screen.el);
    this.stopSoundControls = this.sound.listen((state) => {
      screen.sound.update(state);
    });
    this.bay = mountLazyBay(
      screen.bayHost,
      this.kit.bayView(session.context, session.resolved, {
        paused: this.monitorFrozen(),
        reducedMotion: this.reducedMotion.matches,
        steadyAlarms: this.classroom.on,
        largeType: this.classroom.on,
      }),
      (why) => {
        console.error('The bay could not be loaded:', why);
        screen.bayHost.replaceChildren(
          h(
            'p',
            { class: 'bay-missing', role: 'status' },
            'The monitor could not be loaded (is the connection down?). The vitals strip and the panels carry the ' +
              'case; reload to try again.',
          ),
        );
      },
    );
    // The pulse tone sounds with each QRS the monitor draws (destroying the bay drops the listener with it).
    this.bay.onBeat(() => {
      this.sound.beat();
    });
    this.render = () => {
      // First: a committed disposition ends the play, and its vote belongs in the debrief.
      this.settleBoard(session.context.log);
      if (session.ended) {
        this.showDebrief();
        return;
      }
      const model: PlayModel = {
        ctx: session.context,
        resolved: session.resolved,
        units: this.settings.units,
      };
      const view = this.kit.bayView(model.ctx, model.resolved, {
        paused: this.monitorFrozen(),
        reducedMotion: this.reducedMotion.matches,
        steadyAlarms: this.classroom.on,
        largeType: this.classroom.on,
      });
      const settings: ClockSettings = {
        mode: this.settings.clock,
        secondsPerMinute: this.settings.secondsPerMinute,
        paused: this.paused,
      };
      screen.update(model, view, settings);
      this.showBoard();
      this.bay?.update(view);
      this.sound.observe(this.kit.soundSnapshot(view, model.ctx));
      this.save();
    };
    const unsubscribe = session.subscribe(() => {
      this.render();
    });
    const tick = window.setInterval(() => {
      if (
        this.settings.clock !== 'real' ||
        this.paused ||
        document.hidden ||
        document.querySelector('dialog[open]') !== null
      )
        return;
      this.ticks += 1;
      if (this.ticks >= this.settings.secondsPerMinute) {
        this.ticks = 0;
        this.tickRealTime(session, screen);
      }
    }, 1000);
    this.stopClock = () => {
      window.clearInterval(tick);
      unsubscribe();
    };
    this.render();
  }

  /**
   * One minute of real time. A case that asks for it (clock.pauseRealTimeOn) pauses the clock, as the step buttons
   * stop, at an alarm (or whatever it lists), and says why; otherwise the minute passes as an ordinary advance.
   */
  private tickRealTime(session: Session, screen: { clockStopped(targetMin: number | null): void }): void {
    const pauseOn = session.resolved.data.clock?.pauseRealTimeOn ?? [];
    const toMin = session.context.nowMin + 1;
    if (pauseOn.length === 0) {
      session.send({ type: 'ADVANCE', toMin });
      return;
    }
    session.send({ type: 'ADVANCE', toMin, interruptible: true });
    const why = session.context.stoppedFor;
    if (session.ended || why?.reasons.some((r) => pauseOn.includes(r.kind)) !== true) return;
    this.paused = true;
    this.render();
    screen.clockStopped(null);
  }

  /** The heart beats on the monitor while the learner thinks in step mode; only a paused real-time clock freezes it. */
  private monitorFrozen(): boolean {
    return this.settings.clock === 'real' && this.paused;
  }

  private ticks = 0;
  /** The seed for the next attempt after "Try again" (the first attempt plays the case's own seed). */
  private retrySeed: number | null = null;

  /** `?seed=N` (a shared or reproduced play), a fresh seed on a retry, or the case's default seed. */
  private seedFor(resolved: ResolvedCase): number {
    const fromUrl = Number(new URLSearchParams(window.location.search).get('seed') ?? Number.NaN);
    const seed =
      Number.isInteger(fromUrl) && fromUrl >= 0 ? fromUrl : (this.retrySeed ?? resolved.data.defaultSeed);
    this.retrySeed = null;
    return seed;
  }
  private render: () => void = () => undefined;

  private showDebrief(): void {
    const session = this.session;
    if (session === null) return;
    this.save();
    const percent = this.kit.summarisePlay(session.resolved, session.context).score.percent;
    this.lms?.ended(session.resolved, percent);
    this.showLmsNotice();
    this.xapi.ended(session.resolved, {
      percent,
      passMark: passMarkOf(
        this.lms?.lms.masteryScore ?? null,
        this.build.passMark,
        session.resolved.data.scoring.passMark,
      ),
      atMin: session.context.nowMin,
    });
    this.mount(
      this.kit.debriefScreen(
        session.resolved,
        session.context,
        {
          again: () => {
            clearSave(this.storage);
            this.lms?.restart();
            // Another attempt is another patient's luck: the chance events (VF, a biphasic reaction) are drawn anew.
            this.retrySeed = randomSeed();
            this.showBriefing(session.resolved.data.id);
          },
          cases: () => {
            clearSave(this.storage);
            this.lms?.restart();
            this.showPicker(null);
          },
        },
        this.instructorControls(),
        this.votes,
      ),
    );
    document.title = `Debrief: ${session.resolved.data.title} — Bedside`;
  }

  private save(): void {
    const session = this.session;
    if (!session?.started) return;
    const hash = this.cases.hashes.get(session.resolved.data.id) ?? '';
    const save = this.withVotes(toSave(session.context, hash, this.settings));
    writeSave(this.storage, save);
    this.xapi.kept(session.resolved, save);
    if (this.lms !== null) {
      this.lms.kept(save);
      this.showLmsNotice();
    }
    this.broadcast();
  }

  /** Test hook: the words on the bay's canvas now, at their displayed sizes (none without a bay on screen). */
  bayTexts(): { text: string; cssPx: number }[] {
    return this.bay?.texts() ?? [];
  }

  /** Test and benchmark hook: the frames the bay has drawn so far (0 without a bay on screen). */
  bayFrames(): number {
    return this.bay?.frames() ?? 0;
  }

  /** Benchmark hook: of those, the frames that redrew the whole bay (the rest a half of it, or only the sweep). */
  bayWholeFrames(): number {
    return this.bay?.wholeFrames() ?? 0;
  }

  /** Test hook: play a script exactly as the command line does, to compare browser and Node output. */
  async playHeadless(caseId: string, script: unknown, seed?: number): Promise<PlayResult> {
    const resolved = await this.cases.need(caseId);
    if (resolved === undefined) throw new Error(`no case ${caseId}`);
    const { playScript, Script } = await this.withKit();
    return playScript(resolved, Script.parse(script), seed);
  }
}

/** Save a text as a file through the browser's download (the damaged save, for the learner to keep or send). */
function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after this click returns: free it a while later, not at once.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

/**
 * Keyboard or pointer, whichever the learner used last, as `<html data-input>`: the heading focused when a screen
 * opens shows its focus ring only to a keyboard user (styles.css), never after a click.
 */
function trackInputModality(root: HTMLElement): void {
  document.addEventListener(
    'keydown',
    (e) => {
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) root.dataset.input = 'keyboard';
    },
    true,
  );
  document.addEventListener(
    'pointerdown',
    () => {
      root.dataset.input = 'pointer';
    },
    true,
  );
}

/** A seed from the browser's random source (the engine itself never draws unseeded numbers). */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

const root = document.querySelector<HTMLElement>('#app');
const presenterFor = presenterOf(window.location.search);
if (root !== null && presenterFor !== null) {
  // The instructor's window: it never plays or saves; it mirrors the projector's play over the channel.
  const cases = new Cases(buildOptions(import.meta.env).cases);
  void Promise.all([cases.addStoredLocal(browserStorage()), loadPlayKit()]).then(([, kit]) => {
    kit.startPresenter(root, presenterFor, cases);
    document.body.dataset.ready = 'true';
  });
} else if (root !== null) {
  const app = new App(root, browserStorage());
  (window as unknown as { bedside: unknown }).bedside = {
    play: (caseId: string, script: unknown, seed?: number) => app.playHeadless(caseId, script, seed),
    // What the sound layer decided to play, and its state: browser tests observe sound without hearing it.
    sound: { log: () => app.sound.log(), state: () => app.sound.state() },
    // The words on the bay's canvas and their displayed sizes (the projector's legibility test).
    bayTexts: () => app.bayTexts(),
    // The frames the bay has drawn (npm run bench's frame rate is the bay's own, not the page's).
    bayFrames: () => app.bayFrames(),
    bayWholeFrames: () => app.bayWholeFrames(),
  };
  void app.start().then(() => {
    document.body.dataset.ready = 'true';
    // The first screen is ready (npm run bench measures from navigation to here).
    performance.mark('bedside:ready');
  });
}
