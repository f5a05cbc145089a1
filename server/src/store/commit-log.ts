import type { CommitChanges, StoreChange } from './changes';

/** How many recent commits' changes are remembered; a reader further behind starts afresh. */
const REMEMBERED_COMMITS = 1024;

/**
 * The changes of the last commits of the store's only writer, by commit number, so that kept facts
 * can catch up on what happened since they were read (GraphStore.changesSince).
 */
export class CommitLog {
  private readonly entries = new Map<number, CommitChanges>();

  push(commit: number, changes: CommitChanges): void {
    const described = changes && changes.length > 0 && !changes.some((c) => c.entity === 'Reference');
    this.entries.set(commit, described ? changes : null);
    if (this.entries.size > REMEMBERED_COMMITS) this.entries.delete(this.entries.keys().next().value as number);
  }

  /** The changes of commits generation+1 … current, or null if one is undescribed or forgotten. */
  since(generation: number, current: number): StoreChange[] | null {
    const changes: StoreChange[] = [];
    for (let commit = generation + 1; commit <= current; commit++) {
      const entry = this.entries.get(commit);
      if (!entry) return null;
      changes.push(...entry);
    }
    return changes;
  }
}
