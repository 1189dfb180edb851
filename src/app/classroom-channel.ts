import { z } from 'zod';
import { LearnerActionSchema } from '../engine/index.ts';
import { SavedPlaySchema } from './save.ts';
import { Board, BoardChange } from '../ui/votes.ts';

/**
 * The link between the projector window (which owns the play) and the presenter window (the instructor's screen),
 * over a `BroadcastChannel` named for the class. Everything that arrives is another window's word: it is parsed here
 * and dropped when it does not fit, never trusted.
 */

/** A class's id: short, in the address of both windows (`session=`), and the channel's name. */
export const ClassId = z.string().regex(/^[a-z0-9]{6,32}$/);

export const channelName = (id: string) => `bedside-classroom:${id}`;

/** What the presenter asks of the projector: the play's state, a learner action, the clock, the reveal. */
export const ToProjector = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hello') }),
  z.strictObject({ kind: z.literal('act'), action: LearnerActionSchema }),
  z.strictObject({ kind: z.literal('advance'), minutes: z.number().int().min(1).max(60) }),
  z.strictObject({ kind: z.literal('next-result') }),
  z.strictObject({ kind: z.literal('end') }),
  z.strictObject({ kind: z.literal('reveal'), revealed: z.boolean() }),
  z.strictObject({ kind: z.literal('board'), change: BoardChange }),
]);
export type ToProjector = z.infer<typeof ToProjector>;

/**
 * What the projector tells the presenter after every change: the play as its save (the action log and the seed: the
 * engine is deterministic, so the presenter replays it to the same state), or null before the clock starts.
 */
export const ToPresenter = z.strictObject({
  kind: z.literal('state'),
  caseId: z.string().min(1).max(200),
  play: SavedPlaySchema.nullable(),
  /** The play has ended (a save records only the learner's own "end"; the course can end it too). */
  ended: z.boolean(),
  revealed: z.boolean(),
  /** The "what next?" board: the presenter shows and drives the same one. */
  board: Board,
});
export type ToPresenter = z.infer<typeof ToPresenter>;

/** A message from the other window, or null when it is not one of ours. */
export function readMessage<T>(schema: z.ZodType<T>, data: unknown): T | null {
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** A fresh class id from the browser's random source. */
export function newClassId(random: Uint32Array): string {
  return [...random]
    .map((n) => n.toString(36))
    .join('')
    .slice(0, 16)
    .padEnd(6, '0');
}

/** One end of the channel: send typed messages (checked against `outgoing` too), hear only the valid ones. */
export function openChannel<In, Out>(
  id: string,
  schemas: { incoming: z.ZodType<In>; outgoing: z.ZodType<Out> },
  hear: (message: In) => void,
): { send(message: Out): void; close(): void } {
  const channel = new BroadcastChannel(channelName(id));
  channel.addEventListener('message', (e: MessageEvent) => {
    const message = readMessage(schemas.incoming, e.data);
    if (message !== null) hear(message);
  });
  return {
    send(message) {
      // A bug here would show in the other window as silence: refuse it where it is made.
      channel.postMessage(schemas.outgoing.parse(message));
    },
    close() {
      channel.close();
    },
  };
}
