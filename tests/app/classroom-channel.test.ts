import { describe, expect, it } from 'vitest';
import {
  ClassId,
  newClassId,
  readMessage,
  ToPresenter,
  ToProjector,
} from '../../src/app/classroom-channel.ts';
import { EMPTY_BOARD } from '../../src/ui/votes.ts';

describe('the classroom channel refuses what is not ours', () => {
  it('takes a learner action, the clock and the reveal', () => {
    expect(readMessage(ToProjector, { kind: 'act', action: { do: 'order', id: 'lactate' } })).toEqual({
      kind: 'act',
      action: { do: 'order', id: 'lactate' },
    });
    expect(readMessage(ToProjector, { kind: 'advance', minutes: 15 })).toEqual({
      kind: 'advance',
      minutes: 15,
    });
    expect(readMessage(ToProjector, { kind: 'reveal', revealed: true })).toEqual({
      kind: 'reveal',
      revealed: true,
    });
  });

  it('drops unknown kinds, extra fields, a clock step of a day and a verb the engine does not have', () => {
    for (const junk of [
      null,
      'hello',
      { kind: 'format-disk' },
      { kind: 'hello', extra: 1 },
      { kind: 'advance', minutes: 1440 },
      { kind: 'advance', minutes: 1.5 },
      { kind: 'act', action: { do: 'delete', id: 'x' } },
      { kind: 'reveal', revealed: 'yes' },
    ])
      expect(readMessage(ToProjector, junk)).toBeNull();
  });

  it('takes a state only with a save that would load', () => {
    expect(
      readMessage(ToPresenter, {
        kind: 'state',
        caseId: 'x',
        play: null,
        ended: false,
        revealed: false,
        board: EMPTY_BOARD,
      }),
    ).not.toBeNull();
    expect(
      readMessage(ToPresenter, {
        kind: 'state',
        caseId: 'x',
        play: { version: 99 },
        ended: false,
        revealed: false,
        board: EMPTY_BOARD,
      }),
    ).toBeNull();
  });

  it('makes class ids that fit the address', () => {
    expect(ClassId.safeParse(newClassId(new Uint32Array([1, 2, 3, 4]))).success).toBe(true);
    expect(ClassId.safeParse(newClassId(new Uint32Array([4_000_000_000, 3_999_999_999]))).success).toBe(true);
    expect(ClassId.safeParse('../../etc').success).toBe(false);
  });
});
