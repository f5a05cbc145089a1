import { defineQuery } from './define';

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
