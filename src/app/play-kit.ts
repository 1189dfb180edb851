/*
 * What a play needs and the picker does not: the engine's statechart and simulation, the play and debrief screens,
 * the dialogs, the bay's view model, the presenter window. The page that opens (the picker) leaves all of it out;
 * it is fetched while the picker is on screen, or before a saved play or a named case is opened.
 */
export { nextResultAt, playScript, Script, summarisePlay } from '../engine/index.ts';
export { Session } from './session.ts';
export { playScreen } from '../ui/play-screen.ts';
export { debriefScreen } from '../ui/debrief.ts';
export { createDoseDialog } from '../ui/dose-dialog.ts';
export { askToConfirm, confirmationFor } from '../ui/confirm-dialog.ts';
export { decisionBoard } from '../ui/decision-board.ts';
export { phaseDecisions } from '../view/decisions.ts';
export { bayView } from '../view/view-model.ts';
export { soundSnapshot } from '../audio/snapshot.ts';
export { startPresenter } from './presenter.ts';
