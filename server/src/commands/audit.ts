import { appendAuditEvent, appendAuditEvents, type AuditEventWrite } from '../store/queries';
import { districtsConcerned, firmsConcerned } from './audit-districts';
import { readerOf, type CommandContext } from './context';
import { firmsWithDistricts } from './lookups';

export interface AuditEntry {
  /** What was done, e.g. "upsertFirm", or "import.orders" for a record an import wrote. */
  action: string;
  entityType: string;
  entityId: string;
  /** The entity before the change; null when it was created. */
  before: unknown;
  /** The entity after the change; null when it was deleted. */
  after: unknown;
}

/** Events per statement when a batch appends many: a list parameter of this size binds quickly. */
const EVENTS_PER_STATEMENT = 5_000;

/**
 * Appends one event per changed entity inside the command's transaction, so a change and its record
 * commit together or not at all. Secrets (password hashes) must be left out by the caller. Each
 * event carries the districts it concerns (audit-districts.ts); the districts of the firms the
 * entries name are read once, in the same transaction, so they are those of the change.
 */
export async function recordAudit(ctx: CommandContext, entries: readonly AuditEntry[]): Promise<void> {
  const firmIds = entries.flatMap(firmsConcerned);
  const firms = firmIds.length > 0 ? await firmsWithDistricts(readerOf(ctx.tx), firmIds) : new Map<string, { districtCode: string }>();
  const events = entries.map((entry) => eventOf(ctx, entry, districtsConcerned(entry, (id) => firms.get(id)?.districtCode)));
  if (events.length === 1) {
    await ctx.tx.run(appendAuditEvent(events[0] as AuditEventWrite));
    return;
  }
  for (let start = 0; start < events.length; start += EVENTS_PER_STATEMENT) {
    await ctx.tx.run(appendAuditEvents(events.slice(start, start + EVENTS_PER_STATEMENT)));
  }
}

function eventOf(ctx: CommandContext, entry: AuditEntry, districts: string[]): AuditEventWrite {
  return {
    id: ctx.tx.newId(),
    at: ctx.now.toISOString(),
    actorId: ctx.viewer.userId,
    actorName: ctx.viewer.username,
    actorRole: ctx.viewer.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before == null ? null : JSON.stringify(entry.before),
    after: entry.after == null ? null : JSON.stringify(entry.after),
    districts,
  };
}
