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
import { vitalsText } from './vitals-text.ts';
import type { BayView } from '../view/bay-view.ts';

/** The phase of the course as the learner sees it, or null for a case that declares no course. */
function phaseLabel({ ctx, resolved }: PlayModel): string | null {
  if (resolved.data.course === undefined) return null;
  return phasesOf(resolved).find((p) => p.id === ctx.phase)?.label ?? null;
}

/** A course event's name is for the debrief: at the bedside the learner sees only what it does. */
const atBedside = (e: TimelineEntry) => e.debriefOnly !== true;

/** The bedside: the bay canvas and monitor, the panels, the clock. Views only: all state comes in through update. */
export function playScreen(title: string, intents: Intents & TimeIntents) {
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
  const vitals = vitalsText();
  const events = announcer();
  const arrest = arrestBanner(intents);
  const phase = h('p', { class: 'phase', hidden: true });
  const bayHost = h('div', { class: 'bay', 'aria-hidden': 'true' });
  let last: PlayModel | null = null;
  const el = h(
    'div',
    { class: 'screen play' },
    // The header and the arrest banner stay in view together when the page scrolls (phones).
    h(
      'div',
      { class: 'play-top' },
      h('header', { class: 'play-header' }, h('div', { class: 'title' }, h('h1', {}, title), phase), time.el),
      arrest.el,
    ),
    h(
      'main',
      { class: 'play-main', id: 'main' },
      h('div', { class: 'stage' }, bayHost, vitals.el, events.el),
      h(
        'div',
        { class: 'panels', role: 'region', 'aria-label': 'Bedside actions' },
        ...panels.map((p) => p.el),
      ),
    ),
  );
  return {
    el,
    bayHost,
    update(model: PlayModel, view: BayView, settings: ClockSettings) {
      last = model;
      time.update(model.ctx.nowMin, settings, model.ctx.ended !== null);
      const label = phaseLabel(model);
      phase.hidden = label === null;
      phase.textContent = label === null ? '' : `Phase: ${label}`;
      arrest.update(model);
      vitals.update(view);
      events.update(model.ctx.timeline, model.ctx.nowMin, (e) => !atBedside(e));
      for (const p of panels) p.update(model);
    },
    /** The clock stopped before the minute the learner asked for: say why (what happened at that minute). */
    clockStopped() {
      if (last === null) return;
      const { ctx } = last;
      events.clockStopped(
        ctx.nowMin,
        ctx.timeline.filter((e) => e.atMin === ctx.nowMin && atBedside(e)),
      );
    },
  };
}
