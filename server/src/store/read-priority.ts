import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Reads made on behalf of a write go first. A mutation reads before it writes (the viewer's
 * session, the firms and segments it checks) and after (the answer); when those reads queue behind
 * a flood of page loads, every write waits for the whole flood although the write itself takes
 * milliseconds, and it holds no lock meanwhile that would justify the wait. The HTTP layer marks the
 * requests that write; a store that queues reads (the embedded one) serves marked reads first.
 */
const urgent = new AsyncLocalStorage<true>();

/** Runs `work` (and everything it starts) with its reads served ahead of unmarked ones. */
export function withWritePriority<T>(work: () => T): T {
  return urgent.run(true, work);
}

/** Whether the current read is made on behalf of a write. */
export function readsForWrite(): boolean {
  return urgent.getStore() === true;
}
