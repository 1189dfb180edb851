import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/engine/index.ts';
import { editedFirstCase } from '../support/load.ts';
import { item } from '../support/play.ts';

// A harm's onlyIf.after: the act is harmful only once one of these has been done (an anticoagulant after
// thrombolysis; aspirin before it is another question).
const resolved = editedFirstCase((data) => {
  (data.scoring as { rules: unknown[] }).rules.push({
    id: 'harm-paracetamol-after-ceftriaxone',
    type: 'harm',
    label: 'Paracetamol after ceftriaxone (a test rule)',
    category: 'harm',
    penalty: 3,
    actions: ['treat:paracetamol'],
    onlyIf: { after: ['treat:ceftriaxone'] },
    rationale: 'A test of onlyIf.after.',
    source: { anchor: 'TEST', citation: 'A test rule.', confidence: 'K' },
  });
});
const earned = (actions: { at: number; do: 'treat'; id: string }[]) =>
  item(playScript(resolved, { actions }), 'harm-paracetamol-after-ceftriaxone').earned;

describe('harm onlyIf.after', () => {
  it('penalises the act once one of the named actions has been done', () => {
    expect(
      earned([
        { at: 5, do: 'treat', id: 'ceftriaxone' },
        { at: 10, do: 'treat', id: 'paracetamol' },
      ]),
    ).toBe(-3);
  });

  it('does not penalise it before, nor without, the named action', () => {
    expect(
      earned([
        { at: 5, do: 'treat', id: 'paracetamol' },
        { at: 10, do: 'treat', id: 'ceftriaxone' },
      ]),
    ).toBe(0);
    expect(earned([{ at: 5, do: 'treat', id: 'paracetamol' }])).toBe(0);
  });
});
