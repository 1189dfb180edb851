import {
  formatProblem,
  loadCase,
  loadCatalog,
  playScript,
  Script,
  type PlayResult,
  type Problem,
  type ResolvedCase,
} from '../engine/index.ts';
import { catalogFiles, caseFiles } from './case-files.ts';

/**
 * Engine preview: loads every case in the browser with the same engine as the command line, and shows what a
 * learner will meet. The bedside scene, panels and debrief are the next piece of work (issue 3).
 */
function loadAll(): { cases: ResolvedCase[]; problems: Problem[] } {
  const catalog = loadCatalog(catalogFiles());
  if (!catalog.ok) return { cases: [], problems: catalog.problems };
  const cases: ResolvedCase[] = [];
  const problems: Problem[] = [];
  for (const file of caseFiles()) {
    const loaded = loadCase(file, catalog.value);
    if (loaded.ok) cases.push(loaded.value);
    else problems.push(...loaded.problems);
  }
  return { cases, problems };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function renderCase(resolved: ResolvedCase): HTMLElement {
  const data = resolved.data;
  const section = element('section', undefined, {
    'data-case': data.id,
    'aria-labelledby': `title-${data.id}`,
  });
  section.append(element('h2', data.title, { id: `title-${data.id}` }));
  section.append(
    element('p', `${data.complaint} · ${data.difficulty} · about ${String(data.estimatedMinutes)} min`),
  );
  section.append(element('p', data.briefing));
  const vitals = data.presentation.arrivalVitals;
  const list = element('ul', undefined, { 'aria-label': 'Vitals at arrival' });
  const show = (label: string, fact: { value: number; provenance: string } | undefined, unit: string) => {
    if (fact === undefined) return;
    list.append(
      element(
        'li',
        `${label} ${String(fact.value)} ${unit}${fact.provenance === 'synthetic' ? ' (synthetic)' : ''}`,
      ),
    );
  };
  show('Heart rate', vitals.hr, '/min');
  show('Systolic BP', vitals.sbp, 'mmHg');
  show('Diastolic BP', vitals.dbp, 'mmHg');
  show('Resp. rate', vitals.rr, '/min');
  show('SpO₂', vitals.spo2, '%');
  show('Temperature', vitals.temp, '°C');
  section.append(list);
  return section;
}

function main(): void {
  const root = document.querySelector<HTMLElement>('#app');
  if (root === null) return;
  const { cases, problems } = loadAll();
  root.replaceChildren();
  root.append(element('h1', 'Bedside'));
  root.append(
    element(
      'p',
      'Engine preview: the cases below load and play in your browser with the same engine as the command line. The bedside itself is being built.',
    ),
  );
  if (problems.length > 0) {
    root.append(element('h2', 'Problems in the case files'));
    const list = element('ul', undefined, { role: 'alert' });
    for (const p of problems) list.append(element('li', formatProblem(p)));
    root.append(list);
  }
  for (const resolved of cases) root.append(renderCase(resolved));

  // Test hook: play a script exactly as the command line does, so tests can compare browser and Node output.
  (window as unknown as { bedside: unknown }).bedside = {
    caseIds: cases.map((c) => c.data.id),
    play(caseId: string, script: unknown, seed?: number): PlayResult {
      const resolved = cases.find((c) => c.data.id === caseId);
      if (resolved === undefined) throw new Error(`no case ${caseId}`);
      return playScript(resolved, Script.parse(script), seed);
    },
  };
  document.body.dataset.ready = 'true';
}

main();
