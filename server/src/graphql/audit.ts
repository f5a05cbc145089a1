import { idSchema } from '@yulian/schema';
import { auditEventFor } from '../auth/audit-view';
import { auditDistrictsOf } from '../auth/policy';
import { auditEvents, countAuditEvents, type AuditEventRow } from '../store/queries';
import { builder } from './builder';
import { parseInput } from './errors';
import { pageFromArgs, toConnection } from './pagination';

const AuditEventRef = builder.objectRef<AuditEventRow>('AuditEvent').implement({
  description: 'One entry of the append-only audit log.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.exposeString('at', { description: 'ISO timestamp of the change.' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorName: t.exposeString('actorName', { nullable: true, description: 'Username of who made the change.' }),
    actorRole: t.exposeString('actorRole', { nullable: true }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.exposeString('before', { nullable: true, description: 'JSON of the entity before; null when created.' }),
    after: t.exposeString('after', { nullable: true, description: 'JSON of the entity after; null when deleted.' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.connection(
    {
      type: AuditEventRef,
      description:
        'Who changed what and when, newest first; for admins (every event) and district bureaus (the events concerning their district, before and after cut to what they may see).',
      authScopes: { regionReader: true },
      args: { entityId: t.arg.string({ description: 'Only the events of this firm, order, user …' }) },
      resolve: async (_root, args, ctx) => {
        const entityId = args.entityId == null ? null : parseInput(idSchema, args.entityId, 'entityId');
        const page = pageFromArgs(args);
        // Filtered in the query, so the page and its count hold only what this reader may see:
        // an entity of another district answers as one with no events.
        const districts = auditDistrictsOf(ctx.viewer);
        const viewer = ctx.viewer;
        if (!viewer || districts?.length === 0) return toConnection(page, [], 0);
        const [rows, [count]] = await Promise.all([
          ctx.store.read(auditEvents(entityId, page.offset, page.size + 1, districts)),
          ctx.store.read(countAuditEvents(entityId, districts)),
        ]);
        return toConnection(page, rows.map((row) => auditEventFor(viewer, row)), count?.total ?? 0);
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
  ),
}));
