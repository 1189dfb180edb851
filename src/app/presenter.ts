import type { ResolvedCase } from '../engine/index.ts';
import type { Cases } from './cases.ts';
import { askToConfirm, confirmationFor } from '../ui/confirm-dialog.ts';
import { debriefScreen } from '../ui/debrief.ts';
import { h } from '../ui/dom.ts';
import { createDoseDialog } from '../ui/dose-dialog.ts';
import type { PlayModel } from '../ui/model.ts';
import { playScreen } from '../ui/play-screen.ts';
import { presenterNotes } from '../ui/presenter-notes.ts';
import { revealControl } from '../ui/reveal.ts';
import { decisionBoard } from '../ui/decision-board.ts';
import { EMPTY_BOARD, type Board } from '../ui/votes.ts';
import { phaseDecisions } from '../view/decisions.ts';
import { bayView } from '../view/view-model.ts';
import { openChannel, ToPresenter, ToProjector } from './classroom-channel.ts';
import { Session } from './session.ts';

type Screen = ReturnType<typeof playScreen>;

/**
 * The presenter window (`?mode=presenter&session=<id>`): the instructor's controls and notes, beside the projector.
 * It owns no play: each state the projector sends is its save, replayed here to the same context (the engine is
 * deterministic); every action taken here is sent to the projector, which acts and sends the new state back. It never
 * writes the save, so a reload here loses nothing and changes nothing: it asks the projector again.
 */
export function startPresenter(root: HTMLElement, classId: string, cases: Cases): void {
  document.documentElement.dataset.mode = 'presenter';
  let session: Session | null = null;
  let revealed = false;
  let board: Board = EMPTY_BOARD;
  let boardView: ReturnType<typeof decisionBoard> | null = null;
  let units: PlayModel['units'] = 'conventional';
  let shown: { caseId: string; screen: Screen | null; ended: boolean } | null = null;
  const link = openChannel(classId, { incoming: ToPresenter, outgoing: ToProjector }, (message) => {
    show(message);
  });
  const dose = createDoseDialog((id, amount) => {
    link.send({ kind: 'act', action: { do: 'treat', id, dose: amount } });
  });
  document.body.append(dose.el);
  const reveal = revealControl(() => {
    link.send({ kind: 'reveal', revealed: !revealed });
  });

  const mount = (screen: HTMLElement) => {
    root.replaceChildren(screen);
  };

  const waiting = (text: string) => {
    mount(
      h(
        'main',
        { class: 'screen presenter-waiting', id: 'main' },
        h('h1', {}, 'Presenter window'),
        h('p', { role: 'status' }, text),
      ),
    );
    shown = null;
  };

  const playFor = (resolved: ResolvedCase): Screen => {
    // The projector's board, driven from here: every change goes to the projector, which sends the board back.
    boardView = decisionBoard((change) => {
      link.send({ kind: 'board', change });
    });
    const screen = playScreen(
      `Presenter: ${resolved.data.title}`,
      {
        act: (action) => {
          const ask = session === null ? null : confirmationFor(session.context, resolved, action);
          if (ask === null) link.send({ kind: 'act', action });
          else
            askToConfirm(ask, document.activeElement, () => {
              link.send({ kind: 'act', action });
            });
        },
        chooseDose: (id, invoker) => {
          dose.open(resolved, id, invoker, null);
        },
        advance: (minutes) => {
          link.send({ kind: 'advance', minutes });
        },
        advanceToNextResult: () => {
          link.send({ kind: 'next-result' });
        },
        setUnits: (next) => {
          units = next;
          update();
        },
        endCase: () => {
          link.send({ kind: 'end' });
        },
        setMode: () => undefined,
        setSpeed: () => undefined,
        togglePause: () => undefined,
        setSound: () => undefined,
        silenceAlarms: () => undefined,
        acknowledgeAlarms: () => undefined,
      },
      { controls: [reveal.el, boardView.toggle], beforePanels: [boardView.el] },
    );
    screen.el.querySelector('.stage')?.append(presenterNotes(resolved));
    return screen;
  };

  const update = () => {
    if (session === null || shown?.screen == null) return;
    const ctx = session.context;
    const view = bayView(ctx, session.resolved, { paused: false, reducedMotion: true });
    shown.screen.update({ ctx, resolved: session.resolved, units }, view, {
      mode: 'step',
      secondsPerMinute: 2,
      paused: false,
    });
    boardView?.update(board, phaseDecisions(ctx, session.resolved));
  };

  /** The projector's newest message, while its case is being fetched. */
  let latest: ToPresenter | null = null;
  const show = (message: ToPresenter) => {
    latest = null;
    revealed = message.revealed;
    board = message.board;
    reveal.update(revealed);
    const resolved = cases.get(message.caseId);
    if (resolved === undefined) {
      if (!cases.listed(message.caseId)) {
        waiting(`The projector shows a case this window does not have (${message.caseId}).`);
        return;
      }
      // Fetched the first time, then shown as the projector stands by then.
      latest = message;
      waiting('Loading the case…');
      void cases.need(message.caseId).then((fetched) => {
        if (fetched === undefined) waiting(`The case ${message.caseId} could not be loaded in this window.`);
        else if (latest !== null) show(latest);
      });
      return;
    }
    if (message.play === null) {
      waiting(`The projector is on the briefing of “${resolved.data.title}”: start the clock there.`);
      return;
    }
    session?.stop();
    session = Session.restore(resolved, message.play);
    // Ended by the course (not the learner's "end", which the save records): end it here as the projector did.
    if (message.ended && !session.ended) session.send({ type: 'END' });
    const ended = session.ended;
    if (shown?.caseId !== resolved.data.id || shown.ended !== ended) {
      if (ended) {
        const screen = debriefScreen(
          resolved,
          session.context,
          { again: () => undefined, cases: () => undefined },
          [reveal.el],
          message.play.votes ?? [],
        );
        // The presenter's debrief drives nothing: another attempt is started on the projector.
        for (const b of screen.querySelectorAll('.actions button:not(.reveal):not(.shortcuts-open)'))
          b.remove();
        mount(screen);
        shown = { caseId: resolved.data.id, screen: null, ended };
      } else {
        const screen = playFor(resolved);
        mount(screen.el);
        shown = { caseId: resolved.data.id, screen, ended };
      }
      document.title = `Presenter: ${resolved.data.title} — Bedside`;
    }
    update();
  };

  waiting('Waiting for the projector window…');
  link.send({ kind: 'hello' });
}
