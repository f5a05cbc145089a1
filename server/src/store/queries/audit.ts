import { defineQuery } from './define';
import { asMap, at, columns, type ColumnSpec, type Written } from './bulk-params';

export type AuditEventRow = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
};

/** An event as written: also the districts it concerns, which decide whose bureau reads it. */
export type AuditEventWrite = AuditEventRow & { districts: string[] };

/** The log is append-only: the catalogue has no query that changes or removes an event. */
export const appendAuditEvent = defineQuery<[AuditEventWrite], { id: string }>('appendAuditEvent', (e) => ({
  cypher: `CREATE (a:AuditEvent {id: $id, at: $at, actorId: $actorId, actorName: $actorName, actorRole: $actorRole,
      action: $action, entityType: $entityType, entityId: $entityId, before: $before, after: $after, districts: $districts})
    RETURN a.id AS id`,
  params: { ...e },
}));

const auditColumns = `a.id AS id, a.at AS at, a.actorId AS actorId, a.actorName AS actorName, a.actorRole AS actorRole,
  a.action AS action, a.entityType AS entityType, a.entityId AS entityId, a.before AS before, a.after AS after`;

/**
 * Which events: those of one entity (`entityId`, by its index), and of the given districts only
 * (`districts`: an event concerning any of them; null for every event). The district test is in
 * the query, so a page and its count hold only what the reader may see. An event without
 * districts (written before they were recorded) concerns none: `x IN null` is not true.
 * One parameter per district: the embedded engine (ladybug 0.19.1) fails an assertion on a
 * parameter inside a list predicate (`any(d IN a.districts WHERE d IN $districts)`), and a
 * reader has one district or all of them.
 */
function auditFilter(entityId: string | null, districts: readonly string[] | null): { where: string; params: Record<string, unknown> } {
  const tests: string[] = [];
  const params: Record<string, unknown> = {};
  if (entityId !== null) {
    tests.push('a.entityId = $entityId');
    params.entityId = entityId;
  }
  if (districts !== null) {
    const names = districts.map((code, i) => {
      params[`district${i}`] = code;
      return `$district${i} IN a.districts`;
    });
    tests.push(names.length > 0 ? `(${names.join(' OR ')})` : 'false');
  }
  return { where: tests.length > 0 ? `WHERE ${tests.join(' AND ')}` : '', params };
}

/** Newest first; events of one entity when `entityId` is given, of everything otherwise; of `districts` only when given. */
export const auditEvents = defineQuery<[string | null, number, number, (readonly string[] | null)?], AuditEventRow>(
  'auditEvents',
  (entityId, skip, limit, districts = null) => {
    const { where, params } = auditFilter(entityId, districts);
    return {
      cypher: `MATCH (a:AuditEvent) ${where}
      RETURN ${auditColumns} ORDER BY at DESC, id DESC SKIP $skip LIMIT $limit`,
      params: { ...params, skip, limit },
    };
  },
);

export const countAuditEvents = defineQuery<[string | null, (readonly string[] | null)?], { total: number }>('countAuditEvents', (entityId, districts = null) => {
  const { where, params } = auditFilter(entityId, districts);
  return { cypher: `MATCH (a:AuditEvent) ${where} RETURN count(a) AS total`, params };
});

const auditEventColumns: ColumnSpec<AuditEventWrite> = {
  id: ['string', (e) => e.id],
  at: ['string', (e) => e.at],
  actorId: ['string', (e) => e.actorId],
  actorName: ['string', (e) => e.actorName],
  actorRole: ['string', (e) => e.actorRole],
  action: ['string', (e) => e.action],
  entityType: ['string', (e) => e.entityType],
  entityId: ['string', (e) => e.entityId],
  before: ['string', (e) => e.before],
  after: ['string', (e) => e.after],
  districts: ['strings', (e) => e.districts],
};

/** Many events in one statement (an import's, one per record), passed as columns like the bulk writes. */
export const appendAuditEvents = defineQuery<[readonly AuditEventWrite[]], Written>('appendAuditEvents', (events) => ({
  cypher: (d) => `UNWIND range(0, size($id) - 2) AS i
    CREATE (a:AuditEvent {id: ${at(d, 'id')}, ${asMap(d, ['at', 'actorId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'districts'])}})
    RETURN count(a) AS written`,
  params: columns(events, auditEventColumns),
}));
