import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import type { Transaction } from '../store/port';
import { appendAuditEvent } from '../store/queries';

export interface AuditEntry {
  /** What was done, e.g. "upsertFirm". */
  action: string;
  entityType: string;
  entityId: string;
  /** The entity before the change; null when it was created. */
  before: unknown;
  /** The entity after the change; null when it was deleted. */
  after: unknown;
}

/**
 * Appends one event inside the caller's write transaction, so the change and its record commit
 * together or not at all. Secrets (password hashes) must be left out by the caller.
 */
export async function recordAudit(tx: Transaction, actor: Viewer | null, entry: AuditEntry, now = new Date()): Promise<void> {
  await tx.run(
    appendAuditEvent({
      id: randomUUID(),
      at: now.toISOString(),
      actorId: actor?.userId ?? null,
      actorName: actor?.username ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before == null ? null : JSON.stringify(entry.before),
      after: entry.after == null ? null : JSON.stringify(entry.after),
    }),
  );
}
