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
 */
export class ReaderPool<C> {
  private readonly idle: C[];
  private readonly waiting = { urgent: [] as ((conn: C) => void)[], normal: [] as ((conn: C) => void)[] };

  constructor(connections: readonly C[]) {
    if (connections.length === 0) throw new Error('a reader pool needs at least one connection');
    this.idle = [...connections];
  }

  async use<T>(work: (conn: C) => Promise<T>, urgent = false): Promise<T> {
    const conn = this.idle.pop() ?? (await new Promise<C>((resolve) => this.waiting[urgent ? 'urgent' : 'normal'].push(resolve)));
    try {
      return await work(conn);
    } finally {
      const next = this.waiting.urgent.shift() ?? this.waiting.normal.shift();
      if (next) next(conn);
      else this.idle.push(conn);
    }
  }
}
