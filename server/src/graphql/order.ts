import { idSchema, orderInputSchema, yearSchema } from '@yulian/schema';
import { listsOrdersOf, recordsOrdersOf, seesOrderAmount } from '../auth/policy';
import { deleteOrder, newOrderId, orderFields, recordOrder } from '../commands/orders';
import { countOrdersOfFirm, ordersOfFirm } from '../store/queries';
import { builder } from './builder';
import { parseInput } from './errors';
import { runCommand } from './run-command';
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
    description: 'The order with this id; null when there is none, or none the viewer may see (the two are not told apart).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const order = await ctx.loaders.order.load(parseInput(idSchema, String(args.id), 'id'));
      // Another pair's order answers as an unknown id does: a refusal would tell that it exists.
      return order && seesOrderAmount(ctx.viewer, order) ? order : null;
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
      // Made before the transaction: a retried transaction must not invent a second order.
      const id = input.id ?? newOrderId(input.year);
      const order = await runCommand(ctx, 'input', (command) => recordOrder(command, orderFields(input, id), input.id == null));
      ctx.loaders.order.clear(id).prime(id, order);
      return order;
    },
  }),
  deleteOrder: t.id({
    description: 'Deletes an order and answers its id. For a party of the order or an admin.',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = parseInput(idSchema, String(args.id), 'id');
      await runCommand(ctx, '', (command) => deleteOrder(command, id));
      ctx.loaders.order.clear(id);
      return id;
    },
  }),
}));
