import { clockText } from '../engine/index.ts';
import { h } from './dom.ts';

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
          click: () => {
            intents.advance(m);
          },
        },
      },
      `+${String(m)}`,
      // "+5 min" on a wide screen; "+5" on a phone, where four of them must fit on one line.
      h('span', { class: 'wide-only' }, ' min'),
    ),
  );
  const next = h(
    'button',
    {
      type: 'button',
      'data-action': 'advance:next-result',
      on: {
        click: () => {
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
    confirmDialog,
  );
  return {
    el,
    update(nowMin: number, settings: ClockSettings, ended: boolean) {
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
