import { isStageChange } from '../investment/service';
import { findTargets, targetEvents, type TargetEventRow, type TargetRow } from '../store/queries';
import type { Reader } from './context';
import type { ExistingTarget } from './target-rules';

/** Ids per read; findTargets caps its answer at MAX_TARGETS (5000), and one id is at most one target. */
const CHUNK = 1000;

/** A target with its history reduced to the days the import compares and the export writes. */
export function summariseHistory(row: TargetRow, events: readonly TargetEventRow[]): ExistingTarget {
  const reachedAt: ExistingTarget['reachedAt'] = {};
  let lastAt: string | null = null;
  for (const e of events) {
    if (lastAt === null || e.at > lastAt) lastAt = e.at;
    // Edits repeat the stage they were made in; only real moves say when a stage was reached.
    const before = reachedAt[e.stage];
    if (isStageChange(e) && (before === undefined || e.at > before)) reachedAt[e.stage] = e.at;
  }
  return { row, reachedAt, lastAt };
}

/** The targets among `ids` that exist, with their histories. */
export async function existingTargets(store: Reader, ids: readonly string[]): Promise<Map<string, ExistingTarget>> {
  const found = new Map<string, ExistingTarget>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    // One read after the other: in a commit they share the transaction's single connection.
    const rows = await store.read(findTargets({ ids: unique.slice(i, i + CHUNK) }));
    if (rows.length === 0) continue;
    const history = groupBy(await store.read(targetEvents(rows.map((r) => r.id))));
    for (const row of rows) found.set(row.id, summariseHistory(row, history.get(row.id) ?? []));
  }
  return found;
}

export function groupBy(events: readonly TargetEventRow[]): Map<string, TargetEventRow[]> {
  const byTarget = new Map<string, TargetEventRow[]>();
  for (const e of events) {
    const list = byTarget.get(e.targetId);
    if (list) list.push(e);
    else byTarget.set(e.targetId, [e]);
  }
  return byTarget;
}

