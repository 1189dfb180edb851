import { clockText, type CaseContext } from '../engine/index.ts';
import { h } from './dom.ts';

type StopReason = NonNullable<CaseContext['stoppedFor']>['reasons'][number];

/** Where the clock stopped, and why; `targetMin` is the minute the learner asked for (null: real time paused). */
export interface ClockStopNotice {
  atMin: number;
  reasons: readonly StopReason[];
  targetMin: number | null;
}

const STOP_WORDS: Record<StopReason['kind'], string> = {
  alarm: 'alarm',
  'critical-result': 'critical result',
  rhythm: 'rhythm change',
  event: 'event',
  consultant: 'consultant',
};

/** "Stopped at T+ 2:42: MAP 54 mmHg — alarm" (or "Paused at …" in real time). */
export function stopText(stop: ClockStopNotice): string {
  const why = stop.reasons.map((r) => `${r.text} — ${STOP_WORDS[r.kind]}`).join('; ');
  return `${stop.targetMin === null ? 'Paused' : 'Stopped'} at T+ ${clockText(stop.atMin)}: ${why}`;
}

export interface ClockSettings {
  mode: 'step' | 'real';
  secondsPerMinute: number;
  paused: boolean;
}

export interface TimeIntents {
  advance(minutes: number): void;
  advanceToNextResult(): void;
  setMode(mode: ClockSettings['mode']): void;
  setSpeed(secondsPerMinute: number): void;
  togglePause(): void;
  endCase(): void;
}

const SPEEDS = [1, 2, 5, 10];

/** The clock (always visible) and the controls that move time: steps like USMLE CCS, or real time. */
export function timeControls(intents: TimeIntents) {
  const time = h('span', { class: 'clock', role: 'timer', 'aria-label': 'Time since arrival' }, 'T+ 0:00');
  const steps = [1, 5, 15, 60].map((m) =>
    h(
      'button',
      {
        type: 'button',
        'data-action': `advance:${String(m)}`,
        'aria-label': `+${String(m)} min`,
        on: {
          click: (e) => {
            lastStep = e.currentTarget as HTMLButtonElement;
            intents.advance(m);
          },
        },
      },
      `+${String(m)}`,
      // "+5 min" on a wide screen; "+5" on a phone, where four of them must fit on one line.
      h('span', { class: 'wide-only' }, ' min'),
    ),
  );
  let lastStep: HTMLButtonElement = steps[steps.length - 1] ?? h('button');
  const next = h(
    'button',
    {
      type: 'button',
      'data-action': 'advance:next-result',
      on: {
        click: (e) => {
          lastStep = e.currentTarget as HTMLButtonElement;
          intents.advanceToNextResult();
        },
      },
    },
    // "Until next result", shortened to "Next result" on a phone.
    h('span', { class: 'wide-only' }, 'Until next result'),
    h('span', { class: 'narrow-only' }, 'Next result'),
  );
  const modeStep = h('input', {
    type: 'radio',
    name: 'clock-mode',
    value: 'step',
    id: 'clock-step',
    on: {
      change: () => {
        intents.setMode('step');
      },
    },
  });
  const modeReal = h('input', {
    type: 'radio',
    name: 'clock-mode',
    value: 'real',
    id: 'clock-real',
    on: {
      change: () => {
        intents.setMode('real');
      },
    },
  });
  const pause = h(
    'button',
    {
      type: 'button',
      'data-focus': 'pause',
      on: {
        click: () => {
          intents.togglePause();
        },
      },
    },
    'Pause',
  );
  const speed = h(
    'select',
    {
      id: 'clock-speed',
      on: {
        change: (e) => {
          intents.setSpeed(Number((e.currentTarget as HTMLSelectElement).value));
        },
      },
    },
    ...SPEEDS.map((s) => h('option', { value: s }, `1 min per ${String(s)} s`)),
  );
  const realControls = h(
    'span',
    { class: 'real-controls' },
    pause,
    ' ',
    h('label', { for: 'clock-speed' }, 'Speed '),
    speed,
  );
  // Why the clock stopped short (or real time paused): said at once, shown until time moves, with a way on.
  const stopSaid = h('p', { class: 'sr-only', 'aria-live': 'assertive', 'aria-atomic': 'true' });
  const stopShown = h('p', { class: 'clock-stop-text' });
  const continueButton = h(
    'button',
    {
      type: 'button',
      'data-action': 'advance:continue',
      on: {
        click: () => {
          if (stopped === null) return;
          if (stopped.targetMin === null) intents.togglePause();
          else intents.advance(stopped.targetMin - stopped.atMin);
        },
      },
    },
    'Continue',
  );
  const stopNotice = h('div', { class: 'clock-stop', hidden: true }, stopShown, continueButton);
  let stopped: ClockStopNotice | null = null;
  const showStop = (stop: ClockStopNotice | null) => {
    // Continuing hides the button: keyboard focus stays with the clock (on the step last used).
    if (stop === null && document.activeElement === continueButton) lastStep.focus();
    stopped = stop;
    stopNotice.hidden = stop === null;
    const text = stop === null ? '' : stopText(stop);
    stopShown.textContent = text;
    stopSaid.textContent = text;
    continueButton.textContent =
      stop === null
        ? 'Continue'
        : stop.targetMin === null
          ? 'Resume'
          : `Continue to T+ ${clockText(stop.targetMin)}`;
  };

  // Ending is final, so the header button asks first. The confirming button carries the "end" hook, so a script
  // (or a test) ends the case with one DOM click, as with every other action.
  const keepPlaying = h('button', { type: 'button', class: 'primary' }, 'Keep playing');
  const confirmEnd = h(
    'button',
    {
      type: 'button',
      'data-action': 'end',
      class: 'danger',
      on: {
        click: () => {
          if (confirmDialog.open) confirmDialog.close();
          intents.endCase();
        },
      },
    },
    'End the case',
  );
  const confirmDialog = h(
    'dialog',
    { class: 'modal', 'aria-labelledby': 'end-title', 'aria-describedby': 'end-detail' },
    h('h2', { id: 'end-title' }, 'End the case now?'),
    h(
      'p',
      { id: 'end-detail' },
      "Your part ends here. The patient's course is then simulated to the end with what you started, and the debrief opens.",
    ),
    h('div', { class: 'dialog-actions' }, keepPlaying, confirmEnd),
  );
  const end = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      'data-focus': 'end-case',
      'aria-haspopup': 'dialog',
      on: {
        click: () => {
          confirmDialog.showModal();
          keepPlaying.focus();
        },
      },
    },
    'End case',
  );
  keepPlaying.addEventListener('click', () => {
    confirmDialog.close();
  });
  confirmDialog.addEventListener('close', () => {
    if (end.isConnected) end.focus();
  });
  const el = h(
    'div',
    { class: 'time-controls', role: 'group', 'aria-label': 'Time' },
    time,
    h(
      'fieldset',
      { class: 'mode' },
      h('legend', {}, 'Clock'),
      h('label', { for: 'clock-step' }, modeStep, ' Step'),
      h('label', { for: 'clock-real' }, modeReal, ' Real time'),
    ),
    realControls,
    h('span', { class: 'steps' }, ...steps, next, end),
    stopNotice,
    stopSaid,
    confirmDialog,
  );
  return {
    el,
    /** Say why the clock stopped (or paused); null takes the notice away. */
    stopped: showStop,
    update(nowMin: number, settings: ClockSettings, ended: boolean) {
      // Time has moved on (or the case ended): the stop is no longer news.
      if (stopped !== null && (nowMin !== stopped.atMin || ended)) showStop(null);
      if (stopped?.targetMin === null && !settings.paused) showStop(null);
      time.textContent = `T+ ${clockText(nowMin)}`;
      modeStep.checked = settings.mode === 'step';
      modeReal.checked = settings.mode === 'real';
      realControls.hidden = settings.mode !== 'real';
      pause.textContent = settings.paused ? 'Resume' : 'Pause';
      pause.setAttribute('aria-pressed', String(settings.paused));
      speed.value = String(settings.secondsPerMinute);
      for (const b of [...steps, next, end]) b.disabled = ended;
    },
  };
}
