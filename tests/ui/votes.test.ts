import { describe, expect, it } from 'vitest';
import { addOption, leading, MAX_OPTIONS, setCount, share, tally, Vote } from '../../src/ui/votes.ts';

const board = addOption(addOption([], 'order:lactate', 'Lactate'), 'treat:ceftriaxone', 'Ceftriaxone');

describe('the "what next?" board', () => {
  it('puts each candidate on once, and no more than it holds', () => {
    expect(addOption(board, 'order:lactate', 'Lactate')).toHaveLength(2);
    let many = board;
    for (let i = 0; i < 10; i++) many = addOption(many, `order:test-${String(i)}`, `Test ${String(i)}`);
    expect(many).toHaveLength(MAX_OPTIONS);
  });

  it('counts a click per hand and a typed show of hands', () => {
    const clicked = tally(tally(board, 'order:lactate'), 'order:lactate');
    expect(clicked[0]?.count).toBe(2);
    const typed = setCount(clicked, 'treat:ceftriaxone', ' 31 ');
    expect(typed[1]?.count).toBe(31);
    expect(leading(typed)?.action).toBe('treat:ceftriaxone');
    const [lactate, ceftriaxone] = typed;
    if (lactate === undefined || ceftriaxone === undefined) throw new Error('two options');
    expect(share(typed, ceftriaxone)).toBe(94);
    expect(share(typed, lactate)).toBe(6);
  });

  it('ignores a count that is not a number of hands', () => {
    for (const typo of ['', '-3', '2.5', 'many', '1e9'])
      expect(setCount(board, 'order:lactate', typo)).toEqual(board);
  });

  it('has no leader on a tie or with no hands', () => {
    expect(leading(board)).toBeNull();
    expect(leading(tally(tally(board, 'order:lactate'), 'treat:ceftriaxone'))).toBeNull();
  });

  it('keeps only votes that name game actions (a save is untrusted input)', () => {
    expect(Vote.safeParse({ atMin: 5, options: board, chosen: 'order:lactate' }).success).toBe(true);
    expect(Vote.safeParse({ atMin: 5, options: board, chosen: 'rm -rf' }).success).toBe(false);
    expect(Vote.safeParse({ atMin: 5, options: [], chosen: 'order:lactate' }).success).toBe(false);
  });
});
