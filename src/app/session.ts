import { createActor, type Actor } from 'xstate';
import {
  checkAction,
  createCaseMachine,
  type CaseContext,
  type CaseEvent,
  type CaseMachine,
  type LearnerAction,
  type ResolvedCase,
} from '../engine/index.ts';
import type { Restored, SavedPlay } from './save.ts';

/** One play of one case: the engine actor, and the listeners that views and persistence hang on it. */
export class Session {
  readonly resolved: ResolvedCase;
  private readonly actor: Actor<CaseMachine>;
  private readonly listeners = new Set<(ctx: CaseContext) => void>();
  /** Set while a saved play is replayed: an engine failure then refuses the save instead of being reported. */
  private replaying = false;
  /** What stopped the engine, if it stopped: the actor then ignores every later event. */
  private failure: string | null = null;

  constructor(resolved: ResolvedCase, seed: number) {
    this.resolved = resolved;
    this.actor = createActor(createCaseMachine(resolved, { seed })).start();
    this.actor.subscribe({
      next: () => {
        const ctx = this.context;
        for (const listener of this.listeners) listener(ctx);
      },
      error: (error) => {
        this.failure = error instanceof Error ? error.message : 'an error without a message';
        if (!this.replaying) console.error('The engine stopped:', error);
      },
    });
  }

  /**
   * Rebuild a saved play, or say why it cannot be: an action this case does not have (a save is only ever written
   * with the case's own ids), or the engine stopping on the way.
   */
  static resume(resolved: ResolvedCase, save: SavedPlay): Restored<Session> {
    for (const [i, entry] of save.log.entries()) {
      // Only the id: a dose out of range is something a learner can do, and the engine refuses it in the log.
      const unknown = checkAction(resolved, { do: entry.action.do, id: entry.action.id });
      if (unknown !== null)
        return {
          ok: false,
          why: `The saved play does not fit this case: log[${String(i)}].action.id: ${unknown}.`,
        };
    }
    const session = Session.restore(resolved, save);
    if (session.failure === null) return { ok: true, value: session };
    session.stop();
    return {
      ok: false,
      why: `The saved play could not be replayed (the engine stopped: ${session.failure}).`,
    };
  }

  /** Rebuild a saved play by folding its log through the engine. */
  static restore(resolved: ResolvedCase, save: SavedPlay): Session {
    const session = new Session(resolved, save.seed);
    session.replaying = true;
    session.send({ type: 'START' });
    const steps: { atMin: number; actions: LearnerAction[]; end: boolean }[] = [];
    for (const entry of save.log) {
      const last = steps.at(-1);
      if (last?.atMin === entry.atMin) last.actions.push(entry.action);
      else steps.push({ atMin: entry.atMin, actions: [entry.action], end: false });
    }
    session.send({ type: 'REPLAY', steps });
    if (save.endedAtMin !== null) {
      session.send({ type: 'ADVANCE', toMin: save.endedAtMin });
      session.send({ type: 'END' });
    } else session.send({ type: 'ADVANCE', toMin: save.nowMin });
    session.replaying = false;
    return session;
  }

  get context(): CaseContext {
    return this.actor.getSnapshot().context.play;
  }

  get started(): boolean {
    return this.actor.getSnapshot().value !== 'briefing';
  }

  get ended(): boolean {
    return this.context.ended !== null;
  }

  send(event: CaseEvent): void {
    this.actor.send(event);
  }

  act(action: LearnerAction): void {
    this.send({ type: 'ACT', action });
  }

  subscribe(listener: (ctx: CaseContext) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.listeners.clear();
    this.actor.stop();
  }
}
