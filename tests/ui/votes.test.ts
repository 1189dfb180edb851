import { describe, expect, it } from 'vitest';
import { AROUND_MIN, timingAt } from '../../src/view/decisions.ts';
import {
  addOption,
  Board,
  BoardChange,
  changeBoard,
  EMPTY_BOARD,
  leading,
  MAX_OPTIONS,
  setCount,
  settle,
  share,
  tally,
  Vote,
} from '../../src/ui/votes.ts';

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

describe('the board both windows share', () => {
  const asked = changeBoard(EMPTY_BOARD, {
    kind: 'ask',
    question: 'MAP under 65 after fluids: what next?',
    options: [
      { action: 'treat:norepinephrine', label: 'Give Norepinephrine' },
      { action: 'treat:lactated-ringers', label: "Give Lactated Ringer's" },
    ],
  });

  it("puts up the case's question, open, with its candidates at no hands", () => {
    expect(asked.open).toBe(true);
    expect(asked.question).toBe('MAP under 65 after fluids: what next?');
    expect(asked.options.map((o) => o.count)).toEqual([0, 0]);
  });

  it('records the vote only once the committed action is done, at the minute it was done', () => {
    const voted = changeBoard(asked, { kind: 'count', action: 'treat:norepinephrine', typed: '12' });
    const committed = changeBoard(voted, { kind: 'commit', action: 'treat:norepinephrine' });
    expect(committed.pending).toBe('treat:norepinephrine');
    const done = settle(committed, 'treat:norepinephrine', 42);
    expect(done.vote).toEqual({
      atMin: 42,
      question: 'MAP under 65 after fluids: what next?',
      options: voted.options,
      chosen: 'treat:norepinephrine',
    });
    expect(done.board).toEqual(EMPTY_BOARD);
  });

  it('keeps the board, with no vote, when something else is done instead (a dose cancelled, another act)', () => {
    const committed = changeBoard(asked, { kind: 'commit', action: 'treat:norepinephrine' });
    const other = settle(committed, 'order:lactate', 40);
    expect(other.vote).toBeNull();
    expect(other.board).toEqual({ ...asked, pending: null });
    // Nothing committed: an action done settles nothing.
    expect(settle(asked, 'treat:norepinephrine', 40)).toEqual({ board: asked, vote: null });
  });

  it('refuses a commit of an action that is not on the board, and forgets a removed one', () => {
    expect(changeBoard(asked, { kind: 'commit', action: 'order:lactate' })).toBe(asked);
    const committed = changeBoard(asked, { kind: 'commit', action: 'treat:norepinephrine' });
    const removed = changeBoard(committed, { kind: 'remove', action: 'treat:norepinephrine' });
    expect(removed.pending).toBeNull();
    expect(removed.options.map((o) => o.action)).toEqual(['treat:lactated-ringers']);
  });

  it('clears to an empty board that stays open', () => {
    expect(changeBoard(asked, { kind: 'clear' })).toEqual({ ...EMPTY_BOARD, open: true });
  });

  it('accepts from the other window only changes that name game actions', () => {
    expect(BoardChange.safeParse({ kind: 'commit', action: 'treat:norepinephrine' }).success).toBe(true);
    expect(BoardChange.safeParse({ kind: 'commit', action: '<img src=x>' }).success).toBe(false);
    expect(
      BoardChange.safeParse({ kind: 'count', action: 'order:lactate', typed: 'x'.repeat(500) }).success,
    ).toBe(false);
    expect(Board.safeParse({ ...asked, pending: 'order:lactate' }).success).toBe(true);
  });
});

describe('a course set beside a vote', () => {
  it('takes the time nearest the vote, and says whether it was at this point, before or after', () => {
    expect(timingAt([], 30)).toEqual({ when: 'never' });
    expect(timingAt([null], 30)).toEqual({ when: 'untimed' });
    expect(timingAt([5, 35, 70], 40)).toEqual({ when: 'around', atMin: 35 });
    expect(timingAt([5, 35, 70], 40 + 10)).toEqual({ when: 'around', atMin: 35 });
    expect(timingAt([5], 60)).toEqual({ when: 'earlier', atMin: 5 });
    expect(timingAt([150], 60)).toEqual({ when: 'later', atMin: 150 });
    expect(timingAt([60 - AROUND_MIN], 60).when).toBe('around');
    expect(timingAt([60 - AROUND_MIN - 1], 60).when).toBe('earlier');
  });
});
