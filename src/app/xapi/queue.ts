import type { Statement } from '@xapi/xapi';

/** What the transport says of a batch: the LRS has it (stored now, or already: a 409 for known ids), or try later. */
export type Delivery = 'delivered' | 'later';

/** Statements sent at once: an LRS takes an array in one POST. */
const BATCH = 50;

/**
 * Statements waiting for the LRS, kept in storage so that a reload or a lost connection loses none. A statement
 * leaves the queue only once the LRS has it; its id is fixed when it is made, so a batch sent again after a reply
 * that never arrived is the same statements, which the LRS recognises (no statement is recorded twice). One send at
 * a time: a flush while another runs does nothing.
 */
export class StatementQueue {
  private sending = false;
  /** Set when storage refused to keep the queue: it lives here instead until storage takes it again. */
  private memory: Statement[] | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly key: string,
    private readonly send: (batch: Statement[]) => Promise<Delivery>,
  ) {}

  /** The statements not yet delivered, oldest first. */
  waiting(): Statement[] {
    if (this.memory !== null) return [...this.memory];
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as Statement[]) : [];
    } catch {
      return [];
    }
  }

  add(statements: readonly Statement[]): void {
    if (statements.length === 0) return;
    this.write([...this.waiting(), ...statements]);
  }

  /** Send what waits, batch by batch, until the queue is empty or the LRS cannot be reached. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (
        let batch = this.waiting().slice(0, BATCH);
        batch.length > 0;
        batch = this.waiting().slice(0, BATCH)
      ) {
        let delivery: Delivery;
        try {
          delivery = await this.send(batch);
        } catch {
          delivery = 'later';
        }
        if (delivery === 'later') return;
        const sent = new Set(batch.map((s) => s.id));
        this.write(this.waiting().filter((s) => !sent.has(s.id)));
      }
    } finally {
      this.sending = false;
    }
  }

  private write(statements: readonly Statement[]): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(statements));
      this.memory = null;
    } catch {
      // Storage full or refused: the queue is kept in memory (lost only if the page closes before it is sent).
      this.memory = [...statements];
    }
  }
}
