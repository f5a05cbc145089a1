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

/** The log is append-only: the catalogue has no query that changes or removes an event. */
export const appendAuditEvent = defineQuery<[AuditEventRow], { id: string }>('appendAuditEvent', (e) => ({
  cypher: `CREATE (a:AuditEvent {id: $id, at: $at, actorId: $actorId, actorName: $actorName, actorRole: $actorRole,
      action: $action, entityType: $entityType, entityId: $entityId, before: $before, after: $after})
    RETURN a.id AS id`,
  params: { ...e },
}));

const auditColumns = `a.id AS id, a.at AS at, a.actorId AS actorId, a.actorName AS actorName, a.actorRole AS actorRole,
  a.action AS action, a.entityType AS entityType, a.entityId AS entityId, a.before AS before, a.after AS after`;

/** Newest first; events of one entity when `entityId` is given, of everything otherwise. */
export const auditEvents = defineQuery<[string | null, number, number], AuditEventRow>(
  'auditEvents',
  (entityId, skip, limit) => ({
    cypher: `MATCH (a:AuditEvent) ${entityId === null ? '' : 'WHERE a.entityId = $entityId'}
      RETURN ${auditColumns} ORDER BY at DESC, id DESC SKIP $skip LIMIT $limit`,
    params: entityId === null ? { skip, limit } : { entityId, skip, limit },
  }),
);

export const countAuditEvents = defineQuery<[string | null], { total: number }>('countAuditEvents', (entityId) => ({
  cypher: `MATCH (a:AuditEvent) ${entityId === null ? '' : 'WHERE a.entityId = $entityId'} RETURN count(a) AS total`,
  params: entityId === null ? {} : { entityId },
}));

const auditEventColumns: ColumnSpec<AuditEventRow> = {
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
};

/** Many events in one statement (an import's, one per record), passed as columns like the bulk writes. */
export const appendAuditEvents = defineQuery<[readonly AuditEventRow[]], Written>('appendAuditEvents', (events) => ({
  cypher: (d) => `UNWIND range(0, size($id) - 2) AS i
    CREATE (a:AuditEvent {id: ${at(d, 'id')}, ${asMap(d, ['at', 'actorId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after'])}})
    RETURN count(a) AS written`,
  params: columns(events, auditEventColumns),
}));
