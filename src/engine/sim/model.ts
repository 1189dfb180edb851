import type { CaseContext } from '../play/context.ts';
import type { ResolvedCase } from '../case/load/load-case.ts';
import type { ShockModel } from '../case/schema/physiology.ts';

const patched = new WeakMap<ResolvedCase, Map<string, ShockModel>>();

/** The number at a dotted path in the physiology block, or undefined if there is none (for the loader). */
export function parameterAt(model: unknown, path: string): number | undefined {
  let node: unknown = model;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' ? node : undefined;
}

function withParameters(model: ShockModel, overrides: Record<string, number>): ShockModel {
  const copy = structuredClone(model);
  for (const [path, value] of Object.entries(overrides)) {
    const keys = path.split('.');
    const last = keys.pop();
    let node = copy as unknown as Record<string, unknown>;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (last !== undefined) node[last] = value;
  }
  return copy;
}

/**
 * The physiology the patient follows now: the case's, with the parameters that course events have changed
 * (a new driver, a faster leak). Built once per distinct set of changes and kept, so the integrator's hot loop
 * reads a plain model.
 */
export function modelFor(ctx: CaseContext, resolved: ResolvedCase): ShockModel {
  const base = resolved.data.physiology;
  const keys = Object.keys(ctx.overrides);
  if (keys.length === 0) return base;
  let byKey = patched.get(resolved);
  if (byKey === undefined) patched.set(resolved, (byKey = new Map<string, ShockModel>()));
  const key = JSON.stringify(keys.sort().map((k) => [k, ctx.overrides[k]]));
  let model = byKey.get(key);
  if (model === undefined) byKey.set(key, (model = withParameters(base, ctx.overrides)));
  return model;
}
