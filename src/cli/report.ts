import { clockText, type PlayResult } from '../engine/index.ts';
import type { TracePoint } from '../engine/play/context.ts';

/** The play as a person reads it in a terminal. */
export function readableReport(result: PlayResult): string {
  const lines: string[] = [];
  const v = result.vitals;
  lines.push(`Case ${result.case} (seed ${String(result.seed)})`);
  lines.push(`Ended at ${clockText(result.endedAt)} by ${result.endedBy}. ${result.outcome.summary}`);
  lines.push(
    `Vitals at ${clockText(result.outcome.atMin)}: HR ${String(v.hr)}  BP ${String(v.sbp)}/${String(v.dbp)} (MAP ${String(v.map)})  RR ${String(v.rr)}  SpO2 ${String(v.spo2)}%  T ${v.temp.toFixed(1)} °C  lactate ${v.lactate.toFixed(1)} mmol/L`,
  );
  lines.push(
    '',
    `Score ${String(result.score.earned)} / ${String(result.score.max)} (${String(result.score.percent)} %)`,
  );
  for (const item of result.score.items) {
    if (item.applies && item.max === 0 && item.earned === 0) continue;
    const points = !item.applies
      ? 'n/a'
      : item.max === 0
        ? String(item.earned)
        : `${String(item.earned)}/${String(item.max)}`;
    lines.push(`  ${points.padStart(7)}  ${item.label}: ${item.reason}  [${item.source.anchor}]`);
  }
  const avoided = result.score.items.filter((i) => i.applies && i.max === 0 && i.earned === 0).length;
  if (avoided > 0) lines.push(`  (${String(avoided)} harms and costs avoided)`);
  lines.push('', 'Timeline');
  for (const e of result.timeline)
    lines.push(
      `  ${clockText(e.at).padStart(5)}  ${e.afterEnd === true ? '(after) ' : ''}${e.kind === 'action' ? '' : `${e.kind}: `}${e.text}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The simulated course every `everyMin` minutes, for authors tuning a case's physiology (`play --trace 15`). */
export function traceTable(trace: readonly TracePoint[], everyMin: number): string {
  const metabolic = trace.some((p) => p.metabolic !== undefined);
  const neuro = trace.some((p) => p.nihss !== undefined);
  const head = ['time', 'HR', 'BP', 'MAP', 'RR', 'SpO2', 'T', 'lac', 'GCS'];
  if (neuro) head.push('NIHSS');
  if (metabolic) head.push('glu', 'K', 'pH', 'HCO3', 'BHB');
  const rows = trace
    .filter((p, i) => p.atMin % everyMin === 0 || i === trace.length - 1)
    .map((p) => {
      const cells = [
        clockText(p.atMin),
        String(p.hr),
        `${String(p.sbp)}/${String(p.dbp)}`,
        String(p.map),
        String(p.rr),
        String(p.spo2),
        p.temp.toFixed(1),
        p.lactate.toFixed(1),
        String(p.gcs),
      ];
      if (neuro) cells.push(p.nihss === undefined ? '' : String(p.nihss));
      const m = p.metabolic;
      if (m !== undefined)
        cells.push(
          String(m.glucose),
          m.potassium.toFixed(1),
          m.ph.toFixed(2),
          m.bicarbonate.toFixed(1),
          m.ketones.toFixed(1),
        );
      return cells;
    });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')}`;
  return `\nCourse (simulated)\n${[line(head), ...rows.map(line)].join('\n')}\n`;
}
