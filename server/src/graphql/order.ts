import { randomUUID } from 'node:crypto';
import { idSchema, orderInputSchema, yearSchema } from '@yulian/schema';
import { recordAudit } from '../audit/record';
import { listsOrdersOf, recordsOrder, recordsOrdersOf, seesOrderAmount } from '../auth/policy';
import { countOrdersOfFirm, deleteOrder, ordersByIds, ordersOfFirm, upsertOrder } from '../store/queries';
import { refreshTradeLinks } from '../store/trade-links';
import { builder } from './builder';
import { badInput, forbidden, notFound, parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { pageFromArgs, toConnection } from './pagination';
import { FirmRef, OrderKindEnum, OrderRef, OrderStatusEnum, SegmentRef } from './refs';

OrderRef.implement({
  description: 'A supply order, or a scrap return (the firm returning scrap is the supplier, the recycler the buyer).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: OrderKindEnum, resolve: (o) => o.kind }),
    supplier: t.field({ type: FirmRef, resolve: (o, _args, ctx) => requireFirm(ctx, o.supplierId) }),
    buyer: t.field({ type: FirmRef, resolve: (o, _args, ctx) => requireFirm(ctx, o.buyerId) }),
    segment: t.field({ type: SegmentRef, resolve: (o, _args, ctx) => requireSegment(ctx, o.segmentCode) }),
    year: t.exposeInt('year'),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Value of the order in CNY; only for its two parties, bureaus and admins.',
      authScopes: (o, _args, ctx) => seesOrderAmount(ctx.viewer, o),
    }),
    quantity: t.exposeFloat('quantity', {
      nullable: true,
      description: 'Only for its two parties, bureaus and admins.',
      authScopes: (o, _args, ctx) => seesOrderAmount(ctx.viewer, o),
    }),
    unit: t.exposeString('unit', { nullable: true }),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.status }),
    synthetic: t.boolean({ resolve: (o) => o.synthetic === true }),
    source: t.exposeString('source', { nullable: true }),
  }),
});

const OrderInput = builder.inputType('OrderInput', {
  fields: (t) => ({
    id: t.id({ description: 'Leave out to create a new order; give an existing id to replace that order.' }),
    kind: t.field({ type: OrderKindEnum, required: true }),
    supplierId: t.id({ required: true }),
    buyerId: t.id({ required: true }),
    segmentCode: t.string({ required: true }),
    year: t.int({ required: true }),
    amountCny: t.float({ required: true }),
    quantity: t.float(),
    unit: t.string(),
    status: t.field({ type: OrderStatusEnum }),
  }),
});

builder.objectField(FirmRef, 'viewerCanRecordOrders', (t) =>
  t.boolean({
    description:
      'Whether the viewer may record, change and delete orders where this firm is a party: its own staff and admins (a bureau may edit the firm but not its orders). The web app offers order edits only then; the mutations check again.',
    resolve: (firm, _args, ctx) => recordsOrdersOf(ctx.viewer, firm.id),
  }),
);

builder.objectField(FirmRef, 'orders', (t) =>
  t.connection({
    type: OrderRef,
    description: 'Orders where this firm is the supplier or the buyer, newest first; for the firm itself, bureaus and admins.',
    nullable: true,
    authScopes: (firm, _args, ctx) => listsOrdersOf(ctx.viewer, firm.id),
    args: { year: t.arg.int(), kind: t.arg({ type: OrderKindEnum }) },
    resolve: async (firm, args, ctx) => {
      const year = args.year == null ? null : parseInput(yearSchema, args.year, 'year');
      const scope = { year, kind: args.kind ?? null };
      const page = pageFromArgs(args);
      const [rows, [count]] = await Promise.all([
        ctx.store.read(ordersOfFirm(firm.id, scope, page.offset, page.size + 1)),
        ctx.store.read(countOrdersOfFirm(firm.id, scope)),
      ]);
      return toConnection(page, rows, count?.total ?? 0);
    },
  },
  {
    fields: (c) => ({
      totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
    }),
  }),
);

builder.queryFields((t) => ({
  order: t.field({
    type: OrderRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const order = await ctx.loaders.order.load(parseInput(idSchema, String(args.id), 'id'));
      if (order && !seesOrderAmount(ctx.viewer, order)) throw forbidden(`see order ${order.id}`);
      return order;
    },
  }),
}));

builder.mutationFields((t) => ({
  recordOrder: t.field({
    type: OrderRef,
    description: 'Records a supply order or scrap return, or replaces the order with the given id. For a party of the order or an admin.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: OrderInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const raw = args.input;
      const input = parseInput(
        orderInputSchema,
        { ...raw, id: raw.id == null ? raw.id : String(raw.id), supplierId: String(raw.supplierId), buyerId: String(raw.buyerId) },
        'input',
      );
      const [supplier, buyer, segments] = await Promise.all([
        ctx.loaders.firm.load(input.supplierId),
        ctx.loaders.firm.load(input.buyerId),
        ctx.loaders.segments(),
      ]);
      if (!supplier) throw badInput('input.supplierId', `unknown firm ${JSON.stringify(input.supplierId)}`);
      if (!buyer) throw badInput('input.buyerId', `unknown firm ${JSON.stringify(input.buyerId)}`);
      if (!segments.byCode.has(input.segmentCode)) {
        throw badInput('input.segmentCode', `unknown segment ${JSON.stringify(input.segmentCode)}`);
      }
      if (input.kind === 'SCRAP_RETURN' && buyer.isRecycler !== true) {
        throw badInput('input.buyerId', 'a scrap return goes to a recycler; this buyer is not one');
      }
      if (!recordsOrder(ctx.viewer, input)) throw forbidden('record an order between two other firms');
      const existing = input.id ? await ctx.loaders.order.load(input.id) : null;
      if (existing && !recordsOrder(ctx.viewer, existing)) throw forbidden(`change order ${existing.id}`);
      const id = input.id ?? `o-${input.year}-${randomUUID()}`;
      await ctx.store.write(async (tx) => {
        const [before] = await tx.run(ordersByIds([id]));
        await tx.run(
          upsertOrder({
            id,
            kind: input.kind,
            supplierId: input.supplierId,
            buyerId: input.buyerId,
            segmentCode: input.segmentCode,
            year: input.year,
            amountCny: input.amountCny,
            quantity: input.quantity ?? null,
            unit: input.unit ?? null,
            status: input.status,
            synthetic: false,
            source: null,
            updatedAt: new Date().toISOString(),
          }),
        );
        const [after] = await tx.run(ordersByIds([id]));
        await refreshTradeLinks(tx, [before?.supplierId, input.supplierId]);
        await recordAudit(tx, ctx.viewer, { action: 'recordOrder', entityType: 'Order', entityId: id, before: before ?? null, after });
      });
      ctx.loaders.order.clear(id);
      const order = await ctx.loaders.order.load(id);
      if (!order) throw notFound('order', id);
      return order;
    },
  }),
  deleteOrder: t.id({
    description: 'Deletes an order and answers its id. For a party of the order or an admin.',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = parseInput(idSchema, String(args.id), 'id');
      const existing = await ctx.loaders.order.load(id);
      if (!existing) throw notFound('order', id);
      if (!recordsOrder(ctx.viewer, existing)) throw forbidden(`delete order ${id}`);
      const deleted = await ctx.store.write(async (tx) => {
        const [before] = await tx.run(ordersByIds([id]));
        const [gone] = await tx.run(deleteOrder(id));
        await refreshTradeLinks(tx, [before?.supplierId]);
        if (gone) await recordAudit(tx, ctx.viewer, { action: 'deleteOrder', entityType: 'Order', entityId: id, before, after: null });
        return gone;
      });
      if (!deleted) throw notFound('order', id);
      ctx.loaders.order.clear(id);
      return deleted.id;
    },
  }),
}));

