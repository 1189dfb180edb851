import type { CaseContext, LearnerAction, ResolvedCase } from '../engine/index.ts';

/** What every panel renders from: the engine's play state and the case. */
export interface PlayModel {
  ctx: CaseContext;
  resolved: ResolvedCase;
  units: 'conventional' | 'si';
}

/** The learner's intents, as panels report them. Panels never change state themselves. */
export interface Intents {
  act(action: LearnerAction): void;
  chooseDose(treatmentId: string, invoker: HTMLElement): void;
  advance(minutes: number): void;
  advanceToNextResult(): void;
  setUnits(units: PlayModel['units']): void;
  endCase(): void;
}

export interface Component {
  el: HTMLElement;
  update(model: PlayModel): void;
}
