/**
 * What a committed write transaction changed, as the command layer describes it. Kept facts
 * (analysis/store-facts.ts) use it to patch what a commit touched instead of dropping everything:
 * a recorded order changes one supplier's links, not the ten thousand makers of a segment.
 *
 * A transaction that notes nothing is taken to have changed everything, so a writer that forgets
 * to describe its change costs speed, never correctness.
 */
export type ChangedEntity =
  | 'Firm'
  | 'Capability'
  | 'Need'
  | 'Order'
  | 'Support'
  | 'Target'
  | 'Introduction'
  | 'Goal'
  | 'User'
  | 'Session'
  | 'Audit'
  /** Districts and segments, the map everything else hangs on: a commit that changes them changes everything. */
  | 'Reference';

export interface StoreChange {
  entity: ChangedEntity;
  /** Firms whose own data or whose orders (as supplier or buyer) changed; empty when none did. */
  firmIds: readonly string[];
}

/** One commit's changes; `null` when the commit did not describe them (take it as "everything"). */
export type CommitChanges = readonly StoreChange[] | null;
