import { codeSchema, idSchema, yearSchema } from '@yulian/schema';
import { z } from 'zod';
import { isFirmMember, readsAggregates, seesOrderAmount, type WithheldReason } from '../auth/policy';
import { dependenceOf } from '../analysis/dependence';
import { alternativeSearch, disruption, materialLoops, singleSourceRisks } from '../analysis/risk-service';
import type { Dependence, DisruptionLoss, Lang, LoopHop, MaterialLoop, SingleSourceRisk } from '../analysis/types';
import { builder } from './builder';
import { badInput, parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { FirmRef, LangEnum, SegmentRef, SupplierCandidateRef } from './refs';
import { sharesWithheld, withheldLast, WithheldReasonEnum } from './withheld';

/**
 * Risk analyses: material loops, dependence, single-source risk and disruption. Who sees what
 * follows issue 3's rule: the analyses are for bureaus and investment teams; a value between two
 * firms (the sum of their orders) stays with those two, bureaus and admins, so an investment team
 * sees the structure with the amounts null. A customer's share of a firm's sales is withheld from it
 * too (the small-cell rule, graphql/withheld.ts): times the firm's public output it is the amount.
 */

const tiersSchema = z
  .number()
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be at least 1' })
  .max(6, { message: 'must be at most 6' });

const LoopHopRef = builder.objectRef<LoopHop>('LoopHop').implement({
  description: 'What one firm of a loop ships to the next in the year: every segment between the two.',
  fields: (t) => ({
    from: t.field({ type: FirmRef, resolve: (h, _args, ctx) => requireFirm(ctx, h.fromId) }),
    to: t.field({ type: FirmRef, resolve: (h, _args, ctx) => requireFirm(ctx, h.toId) }),
    segments: t.field({ type: [SegmentRef], resolve: (h, _args, ctx) => Promise.all(h.segmentCodes.map((c) => requireSegment(ctx, c))) }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Yearly value of the hop in CNY; only for the two firms, bureaus and admins.',
      authScopes: (h, _args, ctx) => seesOrderAmount(ctx.viewer, { supplierId: h.fromId, buyerId: h.toId }),
    }),
  }),
});

const MaterialLoopRef = builder.objectRef<MaterialLoop>('MaterialLoop').implement({
  description: 'A closed material cycle of two to four firms (a recycler’s metal coming back as scrap). Parallel segments between two firms are one hop.',
  fields: (t) => ({
    firms: t.field({
      type: [FirmRef],
      description: 'In the order material flows, starting from the smallest firm id; the last ships back to the first.',
      resolve: (l, _args, ctx) => Promise.all(l.firmIds.map((id) => requireFirm(ctx, id))),
    }),
    segments: t.field({
      type: [SegmentRef],
      description: 'The distinct segments flowing around the loop, in hop order.',
      resolve: (l, _args, ctx) => Promise.all(l.segmentCodes.map((c) => requireSegment(ctx, c))),
    }),
    hops: t.field({ type: [LoopHopRef], resolve: (l) => l.hops }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Yearly value of every hop in CNY; for bureaus and admins.',
      authScopes: { regionReader: true },
    }),
  }),
});

/** A dependence carries the selling firm, whose amounts it reveals, and whether its share is withheld. */
type DependenceParent = Dependence & { firmId: string; shareWithheld: WithheldReason | null };

const DependenceRef = builder.objectRef<DependenceParent>('Dependence').implement({
  description: 'How much of a firm’s supply sales in a year go to one customer.',
  fields: (t) => ({
    customer: t.field({ type: FirmRef, resolve: (d, _args, ctx) => requireFirm(ctx, d.customerId) }),
    share: t.float({
      nullable: true,
      description:
        'Share of the firm’s supply sales, 0–1; the shares of a firm add up to 1. Withheld (shareWithheld) from whoever may not see the amount, which the share and the firm’s output would give away.',
      resolve: (d) => (d.shareWithheld ? null : d.share),
    }),
    shareWithheld: t.field({ type: WithheldReasonEnum, nullable: true, description: 'Why share is null for this viewer; null when it is shown.', resolve: (d) => d.shareWithheld }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Sales to this customer in CNY; only for the two firms, bureaus and admins.',
      authScopes: (d, _args, ctx) => seesOrderAmount(ctx.viewer, { supplierId: d.firmId, buyerId: d.customerId }),
    }),
  }),
});

const SingleSourceRiskRef = builder.objectRef<SingleSourceRisk>('SingleSourceRisk').implement({
  description: 'A buyer that bought a segment from exactly one supplier in the year.',
  fields: (t) => ({
    buyer: t.field({ type: FirmRef, resolve: (r, _args, ctx) => requireFirm(ctx, r.buyerId) }),
    segment: t.field({ type: SegmentRef, resolve: (r, _args, ctx) => requireSegment(ctx, r.segmentCode) }),
    supplier: t.field({ type: FirmRef, resolve: (r, _args, ctx) => requireFirm(ctx, r.supplierId) }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Value bought in CNY; only for the two firms, bureaus and admins.',
      authScopes: (r, _args, ctx) => seesOrderAmount(ctx.viewer, r),
    }),
  }),
});

/** A loss carries the request's year and language, so its alternatives are ranked only when asked for. */
type LossParent = DisruptionLoss & { year: number; lang: Lang };

const DisruptionLossRef = builder.objectRef<LossParent>('DisruptionLoss').implement({
  description: 'Supply a buyer loses if a firm stops: directly (tier 1) or because its supplier lost an input (tier 2 and on).',
  fields: (t) => ({
    tier: t.exposeInt('tier', { description: '1: a direct customer of the stopped firm; 2: a customer of one of those; …' }),
    buyer: t.field({ type: FirmRef, resolve: (l, _args, ctx) => requireFirm(ctx, l.buyerId) }),
    lostSupplier: t.field({ type: FirmRef, description: 'The stopped firm at tier 1; the failing supplier further down.', resolve: (l, _args, ctx) => requireFirm(ctx, l.lostSupplierId) }),
    segment: t.field({ type: SegmentRef, resolve: (l, _args, ctx) => requireSegment(ctx, l.segmentCode) }),
    amountCny: t.exposeFloat('amountCny', {
      nullable: true,
      description: 'Yearly value of the supply at risk in CNY; only for the two firms, bureaus and admins.',
      authScopes: (l, _args, ctx) => seesOrderAmount(ctx.viewer, { supplierId: l.lostSupplierId, buyerId: l.buyerId }),
    }),
    alternatives: t.field({
      type: [SupplierCandidateRef],
      description: 'Ranked local firms able to replace the lost supply (tier 1; deeper tiers are fixed upstream).',
      resolve: (l, _args, ctx) => {
        const search = alternativeSearch(l, { year: l.year, lang: l.lang, logistics: ctx.logistics });
        return search ? ctx.loaders.supplierSearch.load(search) : [];
      },
    }),
  }),
});

builder.objectField(FirmRef, 'dependence', (t) =>
  t.field({
    type: [DependenceRef],
    nullable: true,
    description: 'Share of this firm’s supply sales going to each customer in a year, largest first; for the firm itself and analysts.',
    authScopes: (firm, _args, ctx) => readsAggregates(ctx.viewer) || isFirmMember(ctx.viewer, firm.id),
    args: { year: t.arg.int({ required: true }) },
    resolve: async (firm, args, ctx) => {
      // Through the trade-link loader, so a page of firms asks the store once, not once per firm.
      const scope = { year: parseInput(yearSchema, args.year, 'year'), kind: 'SUPPLY' as const };
      const links = await ctx.loaders.tradeLinks('supplier', scope).load(firm.id);
      const dependence = dependenceOf(firm.id, links);
      const withheld = sharesWithheld(ctx.viewer, firm.id, links, dependence);
      const shaped = dependence.map((d) => ({ ...d, firmId: firm.id, shareWithheld: withheld.get(d.customerId) ?? null }));
      return withheldLast(shaped, (d) => d.shareWithheld !== null, (d) => d.customerId);
    },
  }),
);

builder.queryFields((t) => ({
  materialLoops: t.field({
    type: [MaterialLoopRef],
    description: 'Closed material cycles of two to four firms in a year, largest first.',
    authScopes: { analyst: true },
    args: { year: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => materialLoops(ctx.store, { year: parseInput(yearSchema, args.year, 'year') }),
  }),
  singleSourceRisks: t.field({
    type: [SingleSourceRiskRef],
    description: 'Buyer-segment pairs supplied by exactly one firm in a year, largest first; optionally for buyers in one district.',
    authScopes: { analyst: true },
    args: { year: t.arg.int({ required: true }), districtCode: t.arg.string() },
    resolve: (_root, args, ctx) =>
      singleSourceRisks(ctx.store, {
        year: parseInput(yearSchema, args.year, 'year'),
        districtCode: args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode'),
      }),
  }),
  disruption: t.field({
    type: [DisruptionLossRef],
    description: 'If this firm stops: which buyers lose which supply at which tier downstream, its value, and local alternatives.',
    authScopes: { analyst: true },
    args: {
      firmId: t.arg.id({ required: true }),
      year: t.arg.int({ required: true }),
      tiers: t.arg.int({ defaultValue: 3 }),
      lang: t.arg({ type: LangEnum }),
    },
    resolve: async (_root, args, ctx) => {
      const firmId = parseInput(idSchema, String(args.firmId), 'firmId');
      const year = parseInput(yearSchema, args.year, 'year');
      const tiers = parseInput(tiersSchema, args.tiers ?? 3, 'tiers');
      if (!(await ctx.loaders.firm.load(firmId))) throw badInput('firmId', `unknown firm ${JSON.stringify(firmId)}`);
      const losses = await disruption(ctx.store, { firmId, year, tiers, alternatives: false });
      const lang = args.lang ?? ctx.lang;
      return losses.map((loss) => ({ ...loss, year, lang }));
    },
  }),
}));
