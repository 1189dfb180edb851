import { describe, expect, it } from 'vitest';
import { playScript, type ResolvedCase } from '../../src/engine/index.ts';
import { observedFrom } from '../../src/engine/sim/gate.ts';
import { nihssOf, observe } from '../../src/engine/sim/physiology/observe.ts';
import { initialPatient, NO_INPUTS } from '../../src/engine/sim/physiology/state.ts';
import { traceTable } from '../../src/cli/report.ts';
import { editedFirstCase, loadEditedCase, loadFirstCase } from '../support/load.ts';
import { runPlan } from '../support/play.ts';

// physiology.neuro: a simulated NIH Stroke Scale, base + perBurden × burden + perInjury × injury, whole points
// within 0–max. A case without it must play exactly as before (no "nihss" anywhere in its play).

const FIRST = 'cases/septic-shock-spondylodiscitis.json';
const NEURO = { nihss: { base: 3, perBurden: 10, perInjury: 1 } };
const withNeuro = (neuro: unknown = NEURO): ResolvedCase =>
  editedFirstCase((data) => {
    (data.physiology as Record<string, unknown>).neuro = neuro;
  });
const firstCase = loadFirstCase();
const model = firstCase.data.physiology;
const weight = firstCase.data.patient.weightKg.value;
const problemsOf = (loaded: ReturnType<typeof loadEditedCase>) =>
  loaded.ok ? '' : loaded.problems.map((p) => p.message).join('\n');

describe('nihssOf', () => {
  const neuro = { nihss: { base: 3, perBurden: 10, perInjury: 1, max: 42 } };
  const patient = (burden: number, injury: number) => ({ ...initialPatient(model), burden, injury });

  it('adds the core, the penumbra at risk and the tissue lost, in whole points', () => {
    expect(nihssOf(patient(0.5, 0), neuro)).toBe(8);
    expect(nihssOf(patient(0.5, 1.4), neuro)).toBe(9);
    expect(nihssOf(patient(0, 0), neuro)).toBe(3);
  });

  it('stays within 0 and max', () => {
    expect(nihssOf(patient(1, 100), neuro)).toBe(42);
    expect(nihssOf(patient(1, 100), { nihss: { ...neuro.nihss, max: 20 } })).toBe(20);
    expect(nihssOf(patient(0, 0), { nihss: { base: 0, perBurden: 0, perInjury: 0, max: 42 } })).toBe(0);
  });
});

describe('a case without physiology.neuro is unaffected', () => {
  it('its vitals, readings, log, trace and result carry no nihss', () => {
    const v = observe(initialPatient(model), NO_INPUTS, model, weight);
    expect('nihss' in v).toBe(false);
    expect('nihss' in observedFrom(v)).toBe(false);
    const ctx = runPlan(firstCase, [[0, { do: 'examine', id: 'general' }]], 120);
    expect(JSON.stringify(ctx)).not.toContain('nihss');
    expect(traceTable(ctx.trace, 60)).not.toMatch(/NIHSS/);
    const result = playScript(firstCase, { actions: firstCase.data.bestPath.actions });
    expect(JSON.stringify(result)).not.toContain('nihss');
  });

  it('refuses an exposure, a gate or a result on nihss without physiology.neuro', () => {
    const exposure = loadEditedCase(FIRST, (data) => {
      (data.physiology as { exposures: unknown[] }).exposures.push({
        id: 'deficit',
        label: 'NIHSS above 10',
        above: { nihss: 10 },
      });
    });
    expect(exposure.ok).toBe(false);
    expect(problemsOf(exposure)).toMatch(/"nihss" needs a neurological model: add physiology\.neuro/);
    const harm = loadEditedCase(FIRST, (data) => {
      (data.scoring as { rules: unknown[] }).rules.push({
        id: 'harm-deficit',
        type: 'harm',
        label: 'x',
        category: 'harm',
        penalty: 1,
        actions: ['treat:ceftriaxone'],
        onlyIf: { state: { above: { nihss: 4 } } },
        rationale: 'x',
        source: { anchor: 'X', citation: 'x', confidence: 'K' },
      });
    });
    expect(problemsOf(harm)).toMatch(/physiology\.neuro/);
  });
});

describe('a case with physiology.neuro', () => {
  it('defaults max to 42 and shows the score from minute 0, in the log, the readings and the trace', () => {
    const resolved = withNeuro();
    const neuro = resolved.data.physiology.neuro;
    expect(neuro?.nihss.max).toBe(42);
    if (neuro === undefined) return;
    const expected = nihssOf(initialPatient(resolved.data.physiology), neuro);
    const ctx = runPlan(resolved, [[0, { do: 'examine', id: 'general' }]], 60);
    expect(ctx.trace[0]?.nihss).toBe(expected);
    expect(ctx.log[0]?.observed.nihss).toBe(expected);
    expect(Number.isInteger(ctx.vitals.nihss)).toBe(true);
    expect(traceTable(ctx.trace, 30)).toMatch(/NIHSS/);
  });

  it('worsens while the driver is left alone (the injury grows), and never below base once it is cleared', () => {
    const resolved = withNeuro({ nihss: { base: 3, perBurden: 10, perInjury: 2 } });
    const ctx = runPlan(resolved, [], 240);
    const first = ctx.trace[0]?.nihss ?? 0;
    const later = ctx.trace.find((p) => p.atMin === 240)?.nihss ?? 0;
    expect(later).toBeGreaterThan(first);
    expect(later).toBeGreaterThanOrEqual(3);
  });

  it('can be read by an exposure, an exam change and a harm gate', () => {
    const loaded = loadEditedCase(FIRST, (data) => {
      const physiology = data.physiology as { exposures: unknown[]; neuro?: unknown };
      physiology.neuro = NEURO;
      physiology.exposures.push({ id: 'deficit', label: 'NIHSS above 5', above: { nihss: 5 } });
    });
    expect(problemsOf(loaded)).toBe('');
  });

  it('an event may add injury (a bleed into an infarct), and the score rises with it', () => {
    const loaded = loadEditedCase(FIRST, (data) => {
      (data.physiology as { neuro?: unknown }).neuro = { nihss: { base: 3, perBurden: 10, perInjury: 1 } };
      const course = (data.course ?? {
        phases: [{ id: 'course', label: 'Course' }],
        events: [],
      }) as { events: unknown[] };
      course.events.push({
        id: 'bleed',
        label: 'A bleed',
        when: { atMin: 30 },
        effects: [{ type: 'state', add: { injury: 5 } }],
      });
      data.course = course;
    });
    expect(problemsOf(loaded)).toBe('');
    if (!loaded.ok) return;
    const at60 = (resolved: ResolvedCase) =>
      runPlan(resolved, [], 60).trace.find((p) => p.atMin === 60)?.nihss ?? 0;
    expect(at60(loaded.value) - at60(withNeuro())).toBe(5);
  });
});
