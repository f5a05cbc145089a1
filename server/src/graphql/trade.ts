import { yearSchema } from '@yulian/schema';
import { allTradeLinks, type OrderScope } from '../store/queries';
import { seesOrderAmount } from '../auth/policy';
import { builder } from './builder';
import { parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { FirmRef, OrderKindEnum, SegmentRef, TradeFlowRef, TradeLinkRef } from './refs';

TradeLinkRef.implement({
  description: 'Orders between this firm and one partner for one segment, year and kind, summed. `firm` is the partner.',
  fields: (t) => ({
    firm: t.field({ type: FirmRef, resolve: (l, _args, ctx) => requireFirm(ctx, l.partnerId) }),
    segment: t.field({ type: SegmentRef, resolve: (l, _args, ctx) => requireSegment(ctx, l.segmentCode) }),
    year: t.exposeInt('year'),
    kind: t.field({ type: OrderKindEnum, resolve: (l) => l.kind }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Summed value in CNY; only for the two parties, bureaus and admins.',
      authScopes: (l, _args, ctx) => seesOrderAmount(ctx.viewer, l),
    }),
    orderCount: t.exposeInt('orderCount'),
  }),
});

TradeFlowRef.implement({
  description: 'Orders from one supplier to one buyer for one segment, year and kind, summed: an edge of the cluster graph.',
  fields: (t) => ({
    supplier: t.field({ type: FirmRef, resolve: (l, _args, ctx) => requireFirm(ctx, l.supplierId) }),
    buyer: t.field({ type: FirmRef, resolve: (l, _args, ctx) => requireFirm(ctx, l.buyerId) }),
    segment: t.field({ type: SegmentRef, resolve: (l, _args, ctx) => requireSegment(ctx, l.segmentCode) }),
    year: t.exposeInt('year'),
    kind: t.field({ type: OrderKindEnum, resolve: (l) => l.kind }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Summed value in CNY; only for the two parties, bureaus and admins.',
      authScopes: (l, _args, ctx) => seesOrderAmount(ctx.viewer, l),
    }),
    orderCount: t.exposeInt('orderCount'),
  }),
});

function scopeFrom(args: { year?: number | null; kind?: OrderScope['kind'] }): OrderScope {
  return { year: args.year == null ? null : parseInput(yearSchema, args.year, 'year'), kind: args.kind ?? null };
}

builder.objectFields(FirmRef, (t) => ({
  suppliers: t.field({
    type: [TradeLinkRef],
    description: 'Who this firm buys from (scrap returns included when it is a recycler), by partner, segment and year.',
    args: { year: t.arg.int(), kind: t.arg({ type: OrderKindEnum }) },
    resolve: async (firm, args, ctx) => {
      const links = await ctx.loaders.tradeLinks('buyer', scopeFrom(args)).load(firm.id);
      return links.map((l) => ({ ...l, partnerId: l.supplierId }));
    },
  }),
  customers: t.field({
    type: [TradeLinkRef],
    description: 'Who this firm sells to, by partner, segment and year.',
    args: { year: t.arg.int(), kind: t.arg({ type: OrderKindEnum }) },
    resolve: async (firm, args, ctx) => {
      const links = await ctx.loaders.tradeLinks('supplier', scopeFrom(args)).load(firm.id);
      return links.map((l) => ({ ...l, partnerId: l.buyerId }));
    },
  }),
}));

builder.queryFields((t) => ({
  tradeFlows: t.field({
    type: [TradeFlowRef],
    description: 'Every supplier→buyer flow of a year (all years when left out), for drawing the cluster.',
    args: { year: t.arg.int(), kind: t.arg({ type: OrderKindEnum }) },
    resolve: (_root, args, ctx) => ctx.store.read(allTradeLinks(scopeFrom(args))),
  }),
}));
