import { createActor, type Actor } from 'xstate';
import {
  createCaseMachine,
  type CaseContext,
  type CaseEvent,
  type CaseMachine,
  type LearnerAction,
  type ResolvedCase,
} from '../engine/index.ts';
import type { SavedPlay } from './save.ts';

/** One play of one case: the engine actor, and the listeners that views and persistence hang on it. */
export class Session {
  readonly resolved: ResolvedCase;
  private readonly actor: Actor<CaseMachine>;
  private readonly listeners = new Set<(ctx: CaseContext) => void>();

  constructor(resolved: ResolvedCase, seed: number) {
    this.resolved = resolved;
    this.actor = createActor(createCaseMachine(resolved, { seed })).start();
    this.actor.subscribe(() => {
      const ctx = this.context;
      for (const listener of this.listeners) listener(ctx);
    });
  }

  /** Rebuild a saved play by folding its log through the engine. */
  static restore(resolved: ResolvedCase, save: SavedPlay): Session {
    const session = new Session(resolved, save.seed);
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
