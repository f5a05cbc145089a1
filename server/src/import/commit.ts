import { recordAudit } from '../commands/audit';
import type { CommandContext } from '../commands/context';
import { writeCapabilities, writeNeeds } from '../commands/firm-segments';
import { writeFirms } from '../commands/firms';
import { writeOrders } from '../commands/orders';
import { writeSupports } from '../commands/supports';
import type { Viewer } from '../auth/viewer';
import type { GraphStore, Transaction } from '../store/port';
import type { ImportKind } from './columns';
import { writeTargets } from '../commands/targets';
import { ImportConflictError } from './import-conflict';
import type { Plan, PlannedRow, ResolvedRecords } from './plan';

export { ImportConflictError };

export interface CommitOptions {
  viewer: Viewer;
  batchSize: number;
  fileName: string | null;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a plan in a transaction of its own. runImport checks and writes in one transaction; a plan
 * checked earlier may meet a store that changed since, and then fails whole (a target moved
 * meanwhile: ImportConflictError; a firm or segment gone: the write's own error).
 */
export async function commitPlan<K extends ImportKind>(store: GraphStore, plan: Plan<K>, options: CommitOptions): Promise<void> {
  await store.write((tx) => writePlan(tx, plan, options));
}

/**
 * Writes every accepted row through its command's write, as the API would one at a time: each
 * record gets its own audit event (so `auditEvents(entityId)` shows an imported change like any
 * other), derived trade links are redone and kept facts told what changed. One more event records
 * the import itself: who brought which file, and how many rows it created and updated.
 */
export async function writePlan<K extends ImportKind>(tx: Transaction, plan: Plan<K>, options: CommitOptions): Promise<void> {
  const { viewer, batchSize, now = new Date(), onProgress = () => undefined } = options;
  const total = plan.rows.length;
  const ctx: CommandContext = { tx, viewer, now, batchSize };
  const action = `import.${plan.kind}`;
  const records = <R>(rows: readonly PlannedRow<R>[]) => rows.map((r) => r.record);
  const rows = plan.rows as PlannedRow<ResolvedRecords[ImportKind]>[];
  onProgress(0, total);
  switch (plan.kind) {
    case 'firms':
      await writeFirms(ctx, records(rows as PlannedRow<ResolvedRecords['firms']>[]), action);
      break;
    case 'capabilities':
      await writeCapabilities(ctx, records(rows as PlannedRow<ResolvedRecords['capabilities']>[]), action);
      break;
    case 'needs':
      await writeNeeds(ctx, records(rows as PlannedRow<ResolvedRecords['needs']>[]), action);
      break;
    case 'supports':
      await writeSupports(ctx, records(rows as PlannedRow<ResolvedRecords['supports']>[]), action);
      break;
    case 'orders':
      await writeOrders(ctx, records(rows as PlannedRow<ResolvedRecords['orders']>[]), action);
      break;
    case 'targets':
      // Each history entry says which file the change came from.
      await writeTargets(ctx, records(rows as PlannedRow<ResolvedRecords['targets']>[]).map((p) => ({ ...p, note: `imported from ${options.fileName ?? 'a spreadsheet'}` })), action);
      break;
  }
  onProgress(total, total);
  const created = plan.rows.filter((r) => r.action === 'create').length;
  await recordAudit(ctx, [
    {
      action: `import.${plan.kind}`, entityType: 'Import', entityId: ctx.tx.newId(), before: null,
      after: { kind: plan.kind, file: options.fileName, rows: total, created, updated: total - created },
    },
  ]);
}
