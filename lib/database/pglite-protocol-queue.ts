import type { PGlite } from "@electric-sql/pglite";

// PGlite is one PostgreSQL backend. pglite-socket multiplexes many TCP clients onto it, but its
// own queue (QueryQueueManager, 0.2.17) hands the backend over between clients after *any*
// protocol message unless a transaction block is open. node-postgres (and so Prisma's adapter)
// sends each parameterised query as Parse/Bind/Describe/Execute/Sync; when several clients wait
// behind a transaction, their messages get interleaved and one client's Bind lands on another's
// unnamed statement: wrong rows or `portal "" does not exist`. Seen with a 10-connection pool:
// 19 wrong answers and 134 errors out of 180 queries (tests/db/embedded-concurrency.test.ts).
//
// This queue hands the backend to one client for a whole exchange instead: from its first
// message until PGlite answers ReadyForQuery with status "idle" (so a transaction block keeps
// it too). PGLiteSocketHandler takes any object with these three methods as its queue.

type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

// ReadyForQuery: 'Z', int32 length 5, status byte ('I' idle, 'T' in transaction, 'E' failed tx).
// It is always the last message of a response, so only the tail of the output is looked at.
const READY_FOR_QUERY = [0x5a, 0, 0, 0, 5];
const IDLE = 0x49;
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

export class PgliteProtocolQueue {
  private readonly queue: Pending[] = [];
  private owner: number | null = null;
  private draining = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  /** The client went away: drop what it still had queued. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const pending = this.queue[i]!;
      if (pending.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      pending.reject(new Error("Client disconnected"));
    }
  }

  /** The client went away mid-exchange: end it so the next client starts from a clean state. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    // Sync ends a half-sent extended-protocol exchange; then roll back an open transaction.
    // (exec() takes PGlite's own locks, so it must run outside runExclusive.)
    await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        const index =
          this.owner === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
        const pending = index === -1 ? undefined : this.queue[index];
        // Nothing queued, or the owner's next message has not arrived yet: wait for enqueue().
        if (!pending) return;
        this.queue.splice(index, 1);
        this.owner = pending.handlerId;
        await this.run(pending);
      }
    } finally {
      this.draining = false;
    }
  }

  private async run(pending: Pending): Promise<void> {
    let bytes = 0;
    const tail: number[] = [];
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(pending.message, {
          onRawData: (data) => {
            bytes += data.length;
            tail.push(...data.subarray(-6));
            tail.splice(0, Math.max(0, tail.length - 6));
            pending.onData(data);
          },
        }),
      );
    } catch (error) {
      // The handler closes the connection on a rejection; clearTransactionIfNeeded releases it.
      pending.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const exchangeOver =
      tail.length === 6 && READY_FOR_QUERY.every((byte, i) => tail[i] === byte) && tail[5] === IDLE;
    if (exchangeOver) this.owner = null;
    pending.resolve(bytes);
  }
}
