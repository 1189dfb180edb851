import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '../ui/styles.css';
import {
  formatProblem,
  loadCase,
  loadCatalog,
  nextResultAt,
  playScript,
  Script,
  type PlayResult,
  type Problem,
  type ResolvedCase,
  type TextFile,
  type Catalog,
} from '../engine/index.ts';
import { mountBay } from '../game/bay.ts';
import type { BayHandle } from '../game/bay-view.ts';
import { briefingScreen } from '../ui/briefing.ts';
import { createDoseDialog } from '../ui/dose-dialog.ts';
import { debriefScreen } from '../ui/debrief.ts';
import { h } from '../ui/dom.ts';
import type { PlayModel } from '../ui/model.ts';
import { pickerScreen } from '../ui/picker.ts';
import { playScreen } from '../ui/play-screen.ts';
import type { ClockSettings } from '../ui/time-controls.ts';
import { catalogFiles, caseFiles, localCatalogFor } from './case-files.ts';
import { clearLocalCase, readLocalCase, writeLocalCase } from './local-case.ts';
import { clearSave, fingerprint, readSave, toSave, writeSave, type SavedPlay } from './save.ts';
import { Session } from './session.ts';
import { bayView } from './view-model.ts';

interface Loaded {
  cases: ResolvedCase[];
  hashes: Map<string, string>;
  problems: Problem[];
  catalog: Catalog | null;
  /** Id of the case opened from the author's own file, if any, and what validation warned about it. */
  localId: string | null;
  localWarnings: Problem[];
}

function loadAll(): Loaded {
  const catalog = loadCatalog(catalogFiles());
  if (!catalog.ok)
    return {
      cases: [],
      hashes: new Map(),
      problems: catalog.problems,
      catalog: null,
      localId: null,
      localWarnings: [],
    };
  const loaded: Loaded = {
    cases: [],
    hashes: new Map(),
    problems: [],
    catalog: catalog.value,
    localId: null,
    localWarnings: [],
  };
  for (const file of caseFiles()) {
    const own = localCatalogFor(file);
    const withOwn = own === null ? catalog : loadCatalog([...catalogFiles(), own]);
    if (!withOwn.ok) {
      loaded.problems.push(...withOwn.problems);
      continue;
    }
    const result = loadCase(file, withOwn.value);
    if (result.ok) {
      loaded.cases.push(result.value);
      loaded.hashes.set(result.value.data.id, fingerprint(file.text));
    } else loaded.problems.push(...result.problems);
  }
  // Real published cases first (the first case is the front door), then the synthetic teaching cases.
  const rank = (c: ResolvedCase) => (c.data.kind === 'real-case' ? 0 : 1);
  loaded.cases.sort((a, b) => rank(a) - rank(b) || a.data.title.localeCompare(b.data.title));
  const local = readLocalCase(window.localStorage);
  if (local !== null) {
    const result = addLocalCase(loaded, local);
    if (result.length > 0) clearLocalCase(window.localStorage);
  }
  return loaded;
}

/**
 * Load an author's case file next to the bundled ones (replacing an earlier one with the same id). Returns its
 * problems (empty when it loaded; warnings are not problems here).
 */
function addLocalCase(loaded: Loaded, file: TextFile): Problem[] {
  if (loaded.catalog === null) return [];
  const result = loadCase(file, loaded.catalog);
  if (!result.ok) return result.problems;
  const id = result.value.data.id;
  loaded.cases = [...loaded.cases.filter((c) => c.data.id !== id), result.value];
  loaded.hashes.set(id, fingerprint(file.text));
  loaded.localId = id;
  loaded.localWarnings = result.warnings;
  return [];
}

/** Wires the engine to the views: screens, persistence after every change, the real-time clock. */
class App {
  private readonly root: HTMLElement;
  private readonly loaded: Loaded;
  private session: Session | null = null;
  private bay: BayHandle | null = null;
  private stopClock: (() => void) | null = null;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  private settings: SavedPlay['settings'];
  private paused = false;
  private readonly dose = createDoseDialog((id, dose) => this.session?.act({ do: 'treat', id, dose }));

  constructor(root: HTMLElement, loaded: Loaded) {
    this.root = root;
    this.loaded = loaded;
    const params = new URLSearchParams(window.location.search);
    const clock = params.get('clock');
    this.settings = {
      clock: clock === 'step' || clock === 'real' ? clock : 'real',
      secondsPerMinute: 2,
      units: 'conventional',
    };
    document.body.append(this.dose.el);
  }

  start(): void {
    const saved = readSave(window.localStorage, this.loaded.hashes);
    if (saved.kind === 'ok') {
      const resolved = this.find(saved.save.caseId);
      if (resolved !== undefined) {
        this.settings = { ...saved.save.settings };
        const forced = new URLSearchParams(window.location.search).get('clock');
        if (forced === 'step' || forced === 'real') this.settings.clock = forced;
        this.session = Session.restore(resolved, saved.save);
        this.paused = this.settings.clock === 'real';
        this.showPlayOrDebrief();
        return;
      }
    }
    if (saved.kind === 'unusable') clearSave(window.localStorage);
    const notice =
      saved.kind === 'unusable'
        ? `Your saved play could not be resumed: ${saved.why} Start the case again.`
        : null;
    const wanted = new URLSearchParams(window.location.search).get('case');
    if (wanted !== null && this.find(wanted) !== undefined) this.showBriefing(wanted);
    else this.showPicker(notice);
  }

  private find(id: string): ResolvedCase | undefined {
    return this.loaded.cases.find((c) => c.data.id === id);
  }

  private mount(screen: HTMLElement): void {
    this.stopClock?.();
    this.stopClock = null;
    this.bay?.destroy();
    this.bay = null;
    this.root.replaceChildren(screen);
    const heading = screen.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }

  private showPicker(notice: string | null, fileProblems: readonly Problem[] = []): void {
    this.session?.stop();
    this.session = null;
    const problems = this.loaded.problems.map(formatProblem);
    const screen = pickerScreen(this.loaded.cases, {
      pick: (id) => {
        this.showBriefing(id);
      },
      openFile: (file) => {
        void this.openFile(file);
      },
      notice,
      localId: this.loaded.localId,
      fileProblems: fileProblems.map(formatProblem),
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
    const text = await file.text();
    const local: TextFile = { name: file.name, text };
    const problems = addLocalCase(this.loaded, local);
    if (problems.length > 0) {
      this.showPicker(null, problems);
      return;
    }
    writeLocalCase(window.localStorage, local);
    if (this.loaded.localId !== null) this.showBriefing(this.loaded.localId);
  }

  private showBriefing(caseId: string): void {
    const resolved = this.find(caseId);
    if (resolved === undefined) return;
    this.session?.stop();
    this.session = new Session(resolved, this.seedFor(resolved));
    this.mount(
      briefingScreen(
        resolved,
        this.settings.clock,
        {
          start: (mode) => {
            this.settings.clock = mode;
            this.paused = false;
            this.session?.send({ type: 'START' });
            this.showPlayOrDebrief();
          },
          back: () => {
            this.showPicker(null);
          },
        },
        caseId === this.loaded.localId ? this.loaded.localWarnings.map(formatProblem) : [],
      ),
    );
    document.title = `${resolved.data.title} — Bedside`;
  }

  private showPlayOrDebrief(): void {
    const session = this.session;
    if (session === null) return;
    if (session.ended) {
      this.showDebrief();
      return;
    }
    const screen = playScreen(session.resolved.data.title, {
      act: (action) => {
        session.act(action);
      },
      chooseDose: (id, invoker) => {
        const runningDose =
          session.context.treatments.find((t) => t.treatmentId === id && t.endsAt === null)?.dose ?? null;
        this.dose.open(session.resolved, id, invoker, runningDose);
      },
      // The step buttons stop early at anything the learner must see (an arrest, a course event) and say so.
      advance: (minutes) => {
        const toMin = session.context.nowMin + minutes;
        session.send({ type: 'ADVANCE', toMin, interruptible: true });
        if (!session.ended && session.context.nowMin < toMin) screen.clockStopped();
      },
      advanceToNextResult: () => {
        const toMin = nextResultAt(session.context);
        session.send({ type: 'ADVANCE_TO_NEXT_RESULT' });
        if (!session.ended && toMin !== null && session.context.nowMin < toMin) screen.clockStopped();
      },
      setUnits: (units) => {
        this.settings.units = units;
        this.render();
      },
      endCase: () => {
        session.send({ type: 'END' });
      },
      setMode: (mode) => {
        this.settings.clock = mode;
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
    });
    this.mount(screen.el);
    this.bay = mountBay(
      screen.bayHost,
      bayView(session.context, session.resolved, {
        paused: this.monitorFrozen(),
        reducedMotion: this.reducedMotion.matches,
      }),
    );
    this.render = () => {
      if (session.ended) {
        this.showDebrief();
        return;
      }
      const model: PlayModel = {
        ctx: session.context,
        resolved: session.resolved,
        units: this.settings.units,
      };
      const view = bayView(model.ctx, model.resolved, {
        paused: this.monitorFrozen(),
        reducedMotion: this.reducedMotion.matches,
      });
      const settings: ClockSettings = {
        mode: this.settings.clock,
        secondsPerMinute: this.settings.secondsPerMinute,
        paused: this.paused,
      };
      screen.update(model, view, settings);
      this.bay?.update(view);
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
        session.send({ type: 'ADVANCE', toMin: session.context.nowMin + 1 });
      }
    }, 1000);
    this.stopClock = () => {
      window.clearInterval(tick);
      unsubscribe();
    };
    this.render();
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
    this.mount(
      debriefScreen(session.resolved, session.context, {
        again: () => {
          clearSave(window.localStorage);
          // Another attempt is another patient's luck: the chance events (VF, a biphasic reaction) are drawn anew.
          this.retrySeed = randomSeed();
          this.showBriefing(session.resolved.data.id);
        },
        cases: () => {
          clearSave(window.localStorage);
          this.showPicker(null);
        },
      }),
    );
    document.title = `Debrief: ${session.resolved.data.title} — Bedside`;
  }

  private save(): void {
    const session = this.session;
    if (!session?.started) return;
    const hash = this.loaded.hashes.get(session.resolved.data.id) ?? '';
    writeSave(window.localStorage, toSave(session.context, hash, this.settings));
  }

  /** Test hook: play a script exactly as the command line does, to compare browser and Node output. */
  playHeadless(caseId: string, script: unknown, seed?: number): PlayResult {
    const resolved = this.find(caseId);
    if (resolved === undefined) throw new Error(`no case ${caseId}`);
    return playScript(resolved, Script.parse(script), seed);
  }
}

/** A seed from the browser's random source (the engine itself never draws unseeded numbers). */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

const root = document.querySelector<HTMLElement>('#app');
if (root !== null) {
  const app = new App(root, loadAll());
  app.start();
  (window as unknown as { bedside: unknown }).bedside = {
    play: (caseId: string, script: unknown, seed?: number) => app.playHeadless(caseId, script, seed),
  };
  document.body.dataset.ready = 'true';
}
