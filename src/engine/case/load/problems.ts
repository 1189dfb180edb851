/** A problem found in an author's file, located so an editor can jump to it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** JSON path, e.g. "results.cbc.values.wbc". Empty for the whole file. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type Loaded<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** `cases/x.json:42:7  tests.cbc.turnaroundMin  expected a number` */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${String(p.line)}:${String(p.column)}`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${p.path === '' ? '(file)' : p.path}  ${tag}${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${String(key)}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function byPosition(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.message.localeCompare(b.message)
  );
}
