/**
 * Hands each read to a connection that is free, and makes the others wait here, in order, reads
 * made for a write (store/read-priority.ts) ahead of the rest.
 *
 * The engine runs one statement at a time per connection. Sent to a busy connection, a statement
 * does not wait in JavaScript: the binding's asynchronous call takes a thread of Node's small worker
 * pool (four by default) and blocks it on the connection's lock. Under many concurrent reads every
 * worker thread ended up blocked that way, and the writer's statements, which need a worker thread
 * too, queued behind all the reads: the write path starved although the writer's own connection was
 * idle. Waiting here instead keeps at most one thread per reader busy and leaves the rest free for
 * the writer and for file and hashing work.
 *
 * A checkpoint runs with every reader idle (`exclusive`). With reads running beside the engine's
 * CHECKPOINT the server segfaulted inside it now and then (4 of 26 checkpoint runs of the crash
 * matrix); with none, 0 of 24 in the same 200-kill soak. docs/EMBEDDED_STORE.md has the figures.
 */
export class ReaderPool<C> {
  private readonly idle: C[];
  private readonly size: number;
  private readonly waiting = { urgent: [] as ((conn: C) => void)[], normal: [] as ((conn: C) => void)[] };
  /** Set while `exclusive` holds the pool: freed connections stay idle until its work is done. */
  private exclusiveHeld = false;
  private allIdle: (() => void) | null = null;

  constructor(connections: readonly C[]) {
    if (connections.length === 0) throw new Error('a reader pool needs at least one connection');
    this.idle = [...connections];
    this.size = connections.length;
  }

  async use<T>(work: (conn: C) => Promise<T>, urgent = false): Promise<T> {
    const free = this.exclusiveHeld ? undefined : this.idle.pop();
    const conn = free ?? (await new Promise<C>((resolve) => this.waiting[urgent ? 'urgent' : 'normal'].push(resolve)));
    try {
      return await work(conn);
    } finally {
      this.release(conn);
    }
  }

  /** Runs `work` once no read is in progress, and starts none until it is done. One caller at a time (the write queue). */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.exclusiveHeld = true;
    try {
      if (this.idle.length < this.size) await new Promise<void>((resolve) => (this.allIdle = resolve));
      this.allIdle = null;
      return await work();
    } finally {
      this.exclusiveHeld = false;
      while (this.idle.length > 0) {
        const next = this.nextWaiting();
        if (!next) break;
        next(this.idle.pop() as C);
      }
    }
  }

  private release(conn: C): void {
    if (this.exclusiveHeld) {
      this.idle.push(conn);
      if (this.idle.length === this.size) this.allIdle?.();
      return;
    }
    const next = this.nextWaiting();
    if (next) next(conn);
    else this.idle.push(conn);
  }

  private nextWaiting(): ((conn: C) => void) | undefined {
    return this.waiting.urgent.shift() ?? this.waiting.normal.shift();
  }
}
