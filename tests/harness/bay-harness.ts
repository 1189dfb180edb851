import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import { createActor } from 'xstate';
import { Trace } from '../../src/game/trace.ts';
import { mountBay } from '../../src/game/bay.ts';
import type { BayHandle, BayView } from '../../src/view/bay-view.ts';
import { base, SCENARIOS } from './bay-scenarios.ts';
import { bayView } from '../../src/view/view-model.ts';
import { caseFiles, catalogFiles } from './case-files.ts';
import { createCaseMachine, loadCase, loadCatalog, toLearnerAction } from '../../src/engine/index.ts';

/**
 * Mounts the bay at full width, for looking at it, for screenshots and for the harness test.
 *
 * - `?scenario=<name>`: a hand-made view (see SCENARIOS: each rhythm, pacing, compressions, an arterial line …).
 * - `?case=<id>&at=<min>&plan=best|none&seed=<n>`: a shipped case played through the engine to minute `at`, along
 *   its best path or untreated (with the case's default seed unless one is given), and drawn from the real view
 *   model (the patient as the case makes them look).
 * - `&reduced=1` draws still strips (what the harness test reads), `&paused=1` freezes, `&tick=1` moves the clock
 *   a minute a second.
 */
/** A shipped case played through the engine to `atMin`, on its best path or untreated, as the app would show it. */
function caseView(id: string, atMin: number, plan: string, seed: number | null): BayView {
  const catalog = loadCatalog(catalogFiles());
  if (!catalog.ok) throw new Error('catalogue does not load');
  const file = caseFiles().find((f) => f.name === `cases/${id}.json`);
  if (file === undefined) throw new Error(`no case ${id}`);
  const loaded = loadCase(file, catalog.value);
  if (!loaded.ok) throw new Error(`case ${id} does not load`);
  const resolved = loaded.value;
  const actor = createActor(createCaseMachine(resolved, { seed: seed ?? resolved.data.defaultSeed })).start();
  actor.send({ type: 'START' });
  const steps = plan === 'best' ? resolved.data.bestPath.actions.filter((a) => a.at <= atMin) : [];
  for (const step of steps) {
    const action = toLearnerAction(step);
    if (action === null || step.do === 'dispose') continue; // the bay is drawn before the patient leaves
    actor.send({ type: 'ADVANCE', toMin: step.at });
    actor.send({ type: 'ACT', action });
  }
  actor.send({ type: 'ADVANCE', toMin: atMin });
  const view = bayView(actor.getSnapshot().context.play, resolved, { paused: false, reducedMotion: false });
  actor.stop();
  return view;
}

const query = new URLSearchParams(location.search);
const caseId = query.get('case');
const chosen =
  caseId === null
    ? (SCENARIOS[query.get('scenario') ?? 'shock'] ?? base)
    : caseView(
        caseId,
        Number(query.get('at') ?? '0'),
        query.get('plan') ?? 'best',
        query.has('seed') ? Number(query.get('seed')) : null,
      );
let view: BayView = {
  ...chosen,
  reducedMotion: query.get('reduced') === '1',
  paused: query.get('paused') === '1',
  // A projected classroom's monitor: steady alarms and large type.
  ...(query.get('classroom') === '1' ? { steadyAlarms: true, largeType: true } : {}),
};

const parent = document.getElementById('bay');
if (parent === null) throw new Error('missing #bay');
const handle: BayHandle = mountBay(parent, view);

if (query.get('tick') === '1') {
  setInterval(() => {
    view = { ...view, nowMin: view.nowMin + 1 };
    handle.update(view);
  }, 1000);
}

/**
 * The sweep painted column by column, frame after frame (steps of `steps` seconds), against the same trace painted
 * whole at the end: how many pixels differ clearly, of how many the trace covers. `skipLast` leaves the incremental
 * painting one frame behind (a check that the comparison can fail).
 */
function sweepCheck(steps: number[], skipLast = false): { differing: number; drawn: number } {
  const lane = {
    x: 2,
    y: 2,
    width: 290,
    height: 114,
    baseline: 0.7,
    colour: 0x3ff07a,
    pxPerSec: 80,
    peaks: true,
  };
  const wave = (t: number) => Math.sin(t * 7) * 0.6 + (t % 0.8 < 0.05 ? 1 : 0);
  const layer = (trace: Trace) => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 120;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('no 2D canvas');
    return { ctx, trace };
  };
  const swept = layer(new Trace(lane));
  const whole = layer(new Trace(lane));
  let now = 0;
  steps.forEach((dt, i) => {
    for (const t of [swept.trace, whole.trace]) t.advance(now, dt, wave, 50);
    now += dt;
    if (!skipLast || i < steps.length - 1) swept.trace.paint(swept.ctx, true);
  });
  whole.trace.paint(whole.ctx, true);
  const a = swept.ctx.getImageData(0, 0, 300, 120).data;
  const b = whole.ctx.getImageData(0, 0, 300, 120).data;
  let differing = 0;
  let drawn = 0;
  for (let i = 3; i < a.length; i += 4) {
    if ((b[i] ?? 0) > 128) drawn += 1;
    if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 128) differing += 1;
  }
  return { differing, drawn };
}

declare global {
  interface Window {
    sweepCheck?: typeof sweepCheck;
    bay?: BayHandle;
    /** The view the bay was mounted with, for the harness test. */
    bayView?: BayView;
  }
}
window.bay = handle;
window.bayView = view;
window.sweepCheck = sweepCheck;
