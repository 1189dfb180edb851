import { phasesOf, type TimelineEntry } from '../engine/index.ts';
import { announcer } from './announcer.ts';
import { arrestBanner } from './arrest-banner.ts';
import { h } from './dom.ts';
import type { Component, Intents, PlayModel } from './model.ts';
import { careTeamPanel } from './panels/care-team.ts';
import { diagnosisPanel } from './panels/diagnosis.ts';
import { examinePanel } from './panels/examine.ts';
import { ordersPanel } from './panels/orders.ts';
import { patientPanel } from './panels/patient.ts';
import { resultsPanel } from './panels/results.ts';
import { treatmentsPanel } from './panels/treatments.ts';
import { timeControls, type ClockSettings, type TimeIntents } from './time-controls.ts';
import { titrateControls } from './infusion-titrate.ts';
import { vitalsText } from './vitals-text.ts';
import { installShortcuts } from './shortcuts.ts';
import { soundControls, type SoundIntents } from './sound-controls.ts';
import type { BayView } from '../view/bay-view.ts';

/** The phase of the course as the learner sees it, or null for a case that declares no course. */
function phaseLabel({ ctx, resolved }: PlayModel): string | null {
  if (resolved.data.course === undefined) return null;
  return phasesOf(resolved).find((p) => p.id === ctx.phase)?.label ?? null;
}

/** A course event's name is for the debrief: at the bedside the learner sees only what it does. */
const atBedside = (e: TimelineEntry) => e.debriefOnly !== true;

/** One column (phones, narrow tablets): the panels come under the bay, and the top of the screen stays pinned. */
const ONE_COLUMN = '(max-width: 900px)';

/**
 * The patient stays in view: in one column the vitals move (the same element, so a screen reader meets them once)
 * into the pinned top under the clock, and back under the bay on a wide screen. The pinned height is kept in
 * --pinned-height, so a control focused or scrolled to is never left under it (scroll-padding in styles.css).
 */
function pinWhenOneColumn(strip: HTMLElement, pinned: HTMLElement, under: HTMLElement): void {
  const query = window.matchMedia(ONE_COLUMN);
  const place = () => {
    if (query.matches) pinned.append(strip);
    else under.after(strip);
    strip.classList.toggle('pinned', query.matches);
  };
  const onChange = () => {
    if (!pinned.isConnected) query.removeEventListener('change', onChange);
    else place();
  };
  place();
  query.addEventListener('change', onChange);
  const resized = new ResizeObserver(() => {
    if (!pinned.isConnected) resized.disconnect();
    document.documentElement.style.setProperty('--pinned-height', `${String(pinned.offsetHeight)}px`);
  });
  resized.observe(pinned);
}

/**
 * The bedside: the bay canvas and monitor, the panels, the clock. Views only: all state comes in through update.
 * `instructor`: what only a classroom has: controls (Reveal, the presenter window, the board's toggle) beside the
 * shortcuts, and `beforePanels` (the "what next?" board) at the top of the panels' column, so the room sees the
 * question beside the monitor.
 */
export function playScreen(
  title: string,
  intents: Intents & TimeIntents & SoundIntents,
  instructor: { controls: readonly HTMLElement[]; beforePanels: readonly HTMLElement[] } = {
    controls: [],
    beforePanels: [],
  },
) {
  const panels: Component[] = [
    patientPanel(intents),
    examinePanel(intents),
    ordersPanel(intents),
    resultsPanel(intents),
    treatmentsPanel(intents),
    careTeamPanel(intents),
    diagnosisPanel(intents),
  ];
  const time = timeControls(intents);
  const sound = soundControls(intents);
  const vitals = vitalsText();
  // Running infusions can be titrated beside the vitals (wherever the vitals are shown, pinned on a phone).
  const titrate = titrateControls(intents);
  vitals.el.append(titrate.el);
  const events = announcer();
  const arrest = arrestBanner(intents);
  const phase = h('p', { class: 'phase', hidden: true });
  const bayHost = h('div', { class: 'bay', 'aria-hidden': 'true' });
  const heading = h('h1', {}, title);
  let last: PlayModel | null = null;
  // The header and the arrest banner (and, in one column, the vitals) stay in view when the page scrolls.
  const top = h(
    'div',
    { class: 'play-top' },
    // Mute and the sound menu sit in the title's row (on a phone, beside the phase: no row of their own).
    // The alarm banner is part of the header: in its landmark, and pinned with it on a phone.
    h(
      'header',
      { class: 'play-header' },
      h('div', { class: 'title' }, heading, phase, sound.el),
      time.el,
      sound.banner,
    ),
    arrest.el,
  );
  const el = h(
    'div',
    { class: 'screen play' },
    top,
    h(
      'main',
      { class: 'play-main', id: 'main' },
      h('div', { class: 'stage' }, bayHost, vitals.el, events.el),
      h(
        'div',
        { class: 'panels', role: 'region', 'aria-label': 'Bedside actions' },
        ...instructor.beforePanels,
        ...panels.map((p) => p.el),
      ),
    ),
  );
  pinWhenOneColumn(vitals.el, top, bayHost);
  const shortcuts = installShortcuts(el);
  heading.after(shortcuts.button, ...instructor.controls);
  el.append(shortcuts.dialog);
  return {
    el,
    bayHost,
    /** The sound controls and the alarm banner: the sound layer tells them of its own changes. */
    sound,
    update(model: PlayModel, view: BayView, settings: ClockSettings) {
      last = model;
      time.update(model.ctx.nowMin, settings, model.ctx.ended !== null);
      const label = phaseLabel(model);
      phase.hidden = label === null;
      phase.textContent = label === null ? '' : `Phase: ${label}`;
      arrest.update(model);
      vitals.update(view);
      titrate.update(model);
      events.update(model.ctx.timeline, model.ctx.nowMin, (e) => !atBedside(e));
      for (const p of panels) p.update(model);
    },
    /**
     * The clock stopped before `targetMin`, the minute the learner asked for (null: real time paused): say why, from
     * the engine's record of it (what happened at that minute otherwise).
     */
    clockStopped(targetMin: number | null) {
      if (last === null) return;
      const { ctx } = last;
      if (ctx.stoppedFor !== null) {
        time.stopped({ ...ctx.stoppedFor, targetMin });
        return;
      }
      if (targetMin === null) return;
      events.clockStopped(
        ctx.nowMin,
        ctx.timeline.filter((e) => e.atMin === ctx.nowMin && atBedside(e)),
      );
    },
  };
}
