import type { AlarmPriority, AlarmStatus, SoundOutputState, SoundSettings } from '../view/sound-view.ts';
import { h } from './dom.ts';

export interface SoundIntents {
  setSound(settings: SoundSettings): void;
  silenceAlarms(): void;
  acknowledgeAlarms(): void;
}

export interface SoundControlsState {
  settings: SoundSettings;
  output: SoundOutputState;
  alarm: AlarmStatus;
}

const PRIORITY_WORDS: Record<AlarmPriority, string> = {
  high: 'High-priority alarm',
  medium: 'Medium-priority alarm',
  low: 'Low-priority alarm',
};

const OUTPUT_WORDS: Record<SoundOutputState, string> = {
  waiting: 'Sound starts at your first click or key press.',
  on: 'Pulse tone (its pitch falls with the saturation), alarms and quiet cues.',
  unavailable: 'This browser cannot play sound here: the game plays silently, everything is shown.',
};

/** "Medium-priority alarm: MAP 54 mmHg, below 65; HR 128/min, above 120 — silenced": the alarm sound, in words. */
export function alarmCaption(alarm: AlarmStatus): string {
  const first = alarm.conditions[0];
  if (first === undefined) return '';
  const what = `${PRIORITY_WORDS[first.priority]}: ${alarm.conditions.map((c) => c.text).join('; ')}`;
  if (alarm.silencedForSec !== null) return `${what} — silenced`;
  if (alarm.conditions.every((c) => alarm.acknowledged.includes(c.key))) return `${what} — acknowledged`;
  return what;
}

/** 1:52 */
const minutesSeconds = (s: number) => `${String(Math.floor(s / 60))}:${String(s % 60).padStart(2, '0')}`;

function checkbox(id: string, hook: string, label: string, onChange: (checked: boolean) => void) {
  const input = h('input', {
    type: 'checkbox',
    id,
    'data-sound': hook,
    on: {
      change: (e) => {
        onChange((e.currentTarget as HTMLInputElement).checked);
      },
    },
  });
  return { input, el: h('label', { for: id, class: 'choice' }, input, ` ${label}`) };
}

/**
 * The sound of the bay, as controls: mute (always at hand), a settings menu (volume, alarms only, classroom), and the
 * alarm banner with "silence 2 minutes" and "acknowledge". Test hooks: `data-sound="mute|volume|alarms-only|
 * classroom|silence|acknowledge"`.
 */
export function soundControls(intents: SoundIntents) {
  let settings: SoundSettings | null = null;
  const set = (change: Partial<SoundSettings>) => {
    if (settings !== null) intents.setSound({ ...settings, ...change });
  };
  const mute = h(
    'button',
    {
      type: 'button',
      class: 'sound-mute',
      'data-sound': 'mute',
      'aria-pressed': 'false',
      on: {
        click: () => {
          set({ muted: !(settings?.muted ?? false) });
        },
      },
    },
    'Mute',
  );
  const volume = h('input', {
    type: 'range',
    id: 'sound-volume',
    'data-sound': 'volume',
    min: 0,
    max: 100,
    step: 5,
    on: {
      change: (e) => {
        set({ volume: Number((e.currentTarget as HTMLInputElement).value) / 100 });
      },
    },
  });
  const alarmsOnly = checkbox('sound-alarms-only', 'alarms-only', 'Alarms only', (on) => {
    set({ alarmsOnly: on });
  });
  const classroom = checkbox('sound-classroom', 'classroom', 'Classroom (louder alarms, no cues)', (on) => {
    set({ classroom: on });
  });
  const outputNote = h('p', { class: 'sound-note' });
  const menu = h(
    'details',
    { class: 'sound-menu' },
    h('summary', {}, 'Sound'),
    h(
      'div',
      { class: 'sound-panel', role: 'group', 'aria-label': 'Sound settings' },
      h('label', { for: 'sound-volume' }, 'Volume '),
      volume,
      alarmsOnly.el,
      classroom.el,
      outputNote,
    ),
  );
  // A menu closes as menus do: Escape (focus back on its button) or a click anywhere else.
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    event.stopPropagation();
    menu.open = false;
    menu.querySelector('summary')?.focus();
  });
  const outside = (event: PointerEvent) => {
    if (event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
  };
  // Listened for only while the menu is open, so a play screen taken away leaves nothing behind.
  menu.addEventListener('toggle', () => {
    if (menu.open) document.addEventListener('pointerdown', outside);
    else document.removeEventListener('pointerdown', outside);
  });
  const caption = h('p', { class: 'alarm-caption', 'aria-live': 'polite', 'aria-atomic': 'true' });
  // The silence's countdown is shown, not spoken (a live region would read it out every second).
  const countdown = h('span', { class: 'alarm-countdown' });
  const silence = h(
    'button',
    {
      type: 'button',
      'data-sound': 'silence',
      // Pressed while the silence runs; pressed again, it ends the silence.
      'aria-pressed': 'false',
      on: {
        click: () => {
          intents.silenceAlarms();
        },
      },
    },
    h('span', { class: 'wide-only' }, 'Silence 2 min'),
    h('span', { class: 'narrow-only' }, 'Silence'),
  );
  const acknowledge = h(
    'button',
    {
      type: 'button',
      'data-sound': 'acknowledge',
      on: {
        click: () => {
          intents.acknowledgeAlarms();
        },
      },
    },
    'Acknowledge',
  );
  const banner = h(
    'div',
    { class: 'alarm-audio', role: 'group', 'aria-label': 'Monitor alarm', hidden: true },
    caption,
    countdown,
    h('span', { class: 'alarm-buttons' }, silence, acknowledge),
  );
  let said = '';
  return {
    /** Mute and the settings menu, for the header. */
    el: h('div', { class: 'sound-controls', role: 'group', 'aria-label': 'Sound' }, mute, menu),
    /** The alarm banner, under the header. */
    banner,
    update(state: SoundControlsState) {
      settings = state.settings;
      const s = state.settings;
      mute.setAttribute('aria-pressed', String(s.muted));
      mute.textContent = s.muted ? 'Muted' : 'Mute';
      volume.value = String(Math.round(s.volume * 100));
      volume.setAttribute('aria-valuetext', `${String(Math.round(s.volume * 100))} %`);
      alarmsOnly.input.checked = s.alarmsOnly;
      classroom.input.checked = s.classroom;
      outputNote.textContent = OUTPUT_WORDS[state.output];
      const alarm = state.alarm;
      banner.hidden = alarm.conditions.length === 0;
      banner.dataset.priority = alarm.conditions[0]?.priority ?? '';
      banner.dataset.sounding = alarm.sounding ?? 'none';
      // The live region changes only when its words do (it is told on every tick of the silence's countdown).
      const text = alarmCaption(alarm);
      if (text !== said) {
        said = text;
        caption.textContent = text;
      }
      countdown.textContent = alarm.silencedForSec === null ? '' : minutesSeconds(alarm.silencedForSec);
      silence.setAttribute('aria-pressed', String(alarm.silencedForSec !== null));
      acknowledge.disabled = alarm.conditions.every((c) => alarm.acknowledged.includes(c.key));
    },
  };
}
