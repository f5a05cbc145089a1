import { codeSchema, idSchema, yearSchema } from '@yulian/schema';
import { z } from 'zod';
import { choosesGapThreshold, DEFAULT_GAP_SHARE, isFirmMember, readsAggregates, seesDemandOf, type WithheldReason } from '../auth/policy';
import { analyzeGaps, findSuppliers, localSupportRateWithPurchases, type GapAnalysis } from '../analysis/supply-service';
import type { ChainGap, DistrictAmount, LocalSupportRate, SupplierCandidate } from '../analysis/types';
import { builder } from './builder';
import type { GraphContext } from './context';
import { forbidden, parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { DistrictRef, FirmRef, LangEnum, SegmentRef, SupplierCandidateRef } from './refs';
import {
  gapsWithheld,
  rateWithheld,
  savingWithheld,
  scopeLevel,
  withheldFigure,
  withheldLast,
  WithheldReasonEnum,
  type GapWithheld,
  type RateWithheld,
} from './withheld';

const shareSchema = z.number().min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' });
const firstSchema = z.number().int().min(1, { message: 'must be at least 1' }).max(100, { message: 'must be at most 100' });
const distanceSchema = z.number().positive({ message: 'must be a positive number of km' }).max(5000, { message: 'must be at most 5000 km' });

function savingScope(c: SupplierCandidate, _args: unknown, ctx: GraphContext): boolean {
  return readsAggregates(ctx.viewer) || (c.buyerId !== null && isFirmMember(ctx.viewer, c.buyerId));
}

SupplierCandidateRef.implement({
  description: 'A local firm able to supply a segment, ranked for a buyer. See the README for the score’s weights.',
  fields: (t) => ({
    firm: t.field({ type: FirmRef, resolve: (c, _args, ctx) => requireFirm(ctx, c.firmId) }),
    segment: t.field({ type: SegmentRef, description: 'The segment it makes (the one asked for, or a child of it).', resolve: (c, _args, ctx) => requireSegment(ctx, c.segmentCode) }),
    score: t.exposeFloat('score', { description: '0–100; higher ranks first (firms with no spare capacity come last).' }),
    distanceKm: t.exposeFloat('distanceKm', { nullable: true, description: 'Great-circle distance to the buyer; null without one.' }),
    spareCapacity: t.exposeFloat('spareCapacity', { nullable: true, description: 'Yearly spare capacity in `unit`.' }),
    unit: t.exposeString('unit', { nullable: true }),
    yieldRate: t.exposeFloat('yieldRate', { nullable: true }),
    certifications: t.exposeStringList('certifications'),
    chainLeaderCustomers: t.exposeInt('chainLeaderCustomers', { description: 'Chain leaders it already supplies.' }),
    reasons: t.exposeStringList('reasons', { description: 'Why it ranks where it does, in the request’s language.' }),
    estimatedLogisticsSavingCny: t.float({
      nullable: true,
      description:
        'Yearly freight saving against the current outside supplier (distance × tonnes × cost per tonne-km); null with nothing to compare. Derived from what the buyer pays that supplier: for analysts and the buyer itself, and withheld (estimatedLogisticsSavingCnyWithheld) from analysts who may not see that amount.',
      authScopes: savingScope,
      resolve: (c, _args, ctx) => (savingWithheld(ctx.viewer, c) ? null : c.estimatedLogisticsSavingCny),
    }),
    estimatedLogisticsSavingCnyWithheld: t.field({
      type: WithheldReasonEnum,
      nullable: true,
      description: 'Why estimatedLogisticsSavingCny is null for this viewer; null when it is shown.',
      authScopes: savingScope,
      resolve: (c, _args, ctx) => savingWithheld(ctx.viewer, c),
    }),
  }),
});

const DistrictAmountRef = builder.objectRef<DistrictAmount & { withheld: WithheldReason | null }>('DistrictAmount').implement({
  fields: (t) => {
    const [amountCny, amountCnyWithheld] = withheldFigure(t, 'amountCny', (d) => d.amountCny, (d) => d.withheld, 'Value bought from firms of the district, CNY.');
    return {
      district: t.field({
        type: DistrictRef,
        resolve: async (d, _args, ctx) => {
          const district = await ctx.loaders.district.load(d.districtCode);
          if (!district) throw new Error(`district ${d.districtCode} is referenced but missing`);
          return district;
        },
      }),
      amountCny,
      amountCnyWithheld,
    };
  },
});

/** A rate travels with what its viewer may see of it. */
type RateParent = LocalSupportRate & { withheld: RateWithheld };

const LocalSupportRateRef = builder.objectRef<RateParent>('LocalSupportRate').implement({
  description:
    '本地配套率: value bought from firms inside the western region ÷ value of all supply bought (scrap returns excluded). A figure resting on too few orders or suppliers for this viewer is null with its reason beside it.',
  fields: (t) => {
    const [rate, rateWithheld] = withheldFigure(t, 'rate', (r) => r.rate, (r) => r.withheld.rate, 'localCny ÷ totalCny; null when nothing was bought.');
    const [inDistrictRate, inDistrictRateWithheld] = withheldFigure(t, 'inDistrictRate', (r) => r.inDistrictRate, (r) => r.withheld.inDistrictRate, 'Bought within the buyer’s own district ÷ totalCny.');
    const [localCny, localCnyWithheld] = withheldFigure(t, 'localCny', (r) => r.localCny, (r) => r.withheld.localCny, 'Bought from firms inside the region, CNY.');
    const [inDistrictCny, inDistrictCnyWithheld] = withheldFigure(t, 'inDistrictCny', (r) => r.inDistrictCny, (r) => r.withheld.inDistrictCny, 'Bought from firms in the buyer’s own district, CNY.');
    const [totalCny, totalCnyWithheld] = withheldFigure(t, 'totalCny', (r) => r.totalCny, (r) => r.withheld.totalCny, 'All supply bought, CNY.');
    return {
      rate,
      rateWithheld,
      inDistrictRate,
      inDistrictRateWithheld,
      localCny,
      localCnyWithheld,
      inDistrictCny,
      inDistrictCnyWithheld,
      totalCny,
      totalCnyWithheld,
      byDistrict: t.field({
        type: [DistrictAmountRef],
        description: 'Value bought per supplier district, largest first.',
        resolve: (r) =>
          withheldLast(
            r.byDistrict.map((d) => ({ ...d, withheld: r.withheld.byDistrict.get(d.districtCode) ?? null })),
            (d) => d.withheld !== null,
            (d) => d.districtCode,
          ),
      }),
    };
  },
});

/**
 * A gap travels with the analysis it came from, so the candidates of many gaps share their queries,
 * and with what its viewer may see of it.
 */
type GapParent = ChainGap & { analysis: GapAnalysis; withheld: GapWithheld };

const OutsideSupplierRef = builder
  .objectRef<ChainGap['outsideSuppliers'][number] & { withheld: WithheldReason | null }>('OutsideSupplier')
  .implement({
    fields: (t) => {
      const [amountCny, amountCnyWithheld] = withheldFigure(t, 'amountCny', (o) => o.amountCny, (o) => o.withheld, 'Bought from this supplier in the segment and year, CNY.');
      return {
        firm: t.field({ type: FirmRef, resolve: (o, _args, ctx) => requireFirm(ctx, o.firmId) }),
        amountCny,
        amountCnyWithheld,
        distanceKm: t.exposeFloat('distanceKm'),
      };
    },
  });

export const ChainGapRef = builder.objectRef<GapParent>('ChainGap').implement({
  description: 'A segment a chain leader buys mostly (or wholly) from outside the region, or needs and buys from nobody.',
  fields: (t) => {
    const [purchasedCny, purchasedCnyWithheld] = withheldFigure(t, 'purchasedCny', (g) => g.purchasedCny, (g) => g.withheld.purchasedCny, 'Bought in the segment and year, CNY.');
    const [localCny, localCnyWithheld] = withheldFigure(t, 'localCny', (g) => g.localCny, (g) => g.withheld.localCny, 'Bought from firms inside the region, CNY.');
    const [localShare, localShareWithheld] = withheldFigure(t, 'localShare', (g) => g.localShare, (g) => g.withheld.localShare, 'localCny ÷ purchasedCny; 0 when bought from nobody.');
    return {
      leader: t.field({ type: FirmRef, resolve: (g, _args, ctx) => requireFirm(ctx, g.leaderId) }),
      segment: t.field({ type: SegmentRef, resolve: (g, _args, ctx) => requireSegment(ctx, g.segmentCode) }),
      year: t.exposeInt('year'),
      purchasedCny,
      purchasedCnyWithheld,
      localCny,
      localCnyWithheld,
      localShare,
      localShareWithheld,
      unsupplied: t.exposeBoolean('unsupplied', { description: 'Needed but bought from nobody in the year.' }),
      outsideSuppliers: t.field({
        type: [OutsideSupplierRef],
        resolve: (g) =>
        withheldLast(
          g.outsideSuppliers.map((o) => ({ ...o, withheld: g.withheld.outsideSuppliers.get(o.firmId) ?? null })),
          (o) => o.withheld !== null,
          (o) => o.firmId,
        ),
      }),
      candidates: t.field({
        type: [SupplierCandidateRef],
        description: 'Local firms able to close the gap, best first.',
        args: {
          first: t.arg.int({ defaultValue: 5 }),
          maxDistanceKm: t.arg.float(),
          lang: t.arg({ type: LangEnum }),
        },
        resolve: (g, args, ctx) =>
          g.analysis.candidates(g, {
            first: parseInput(firstSchema, args.first ?? 5, 'first'),
            maxDistanceKm: args.maxDistanceKm == null ? null : parseInput(distanceSchema, args.maxDistanceKm, 'maxDistanceKm'),
            lang: args.lang ?? ctx.lang,
            logistics: ctx.logistics,
          }),
      }),
    };
  },
});

builder.queryFields((t) => ({
  localSupportRate: t.field({
    type: LocalSupportRateRef,
    nullable: true,
    description: '本地配套率 of a chain leader, of a district’s chain leaders, or of all chain leaders, optionally for one segment.',
    authScopes: { analyst: true },
    args: {
      year: t.arg.int({ required: true }),
      leaderId: t.arg.id(),
      districtCode: t.arg.string(),
      segmentCode: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const scope = {
        year: parseInput(yearSchema, args.year, 'year'),
        leaderId: args.leaderId == null ? null : parseInput(idSchema, String(args.leaderId), 'leaderId'),
        districtCode: args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode'),
        segmentCode: args.segmentCode == null ? null : parseInput(codeSchema, args.segmentCode, 'segmentCode'),
      };
      const { rate, purchases } = await localSupportRateWithPurchases(ctx.store, scope);
      const withheld = rateWithheld(ctx.viewer, purchases, { level: scopeLevel(scope), segmentFiltered: scope.segmentCode !== null });
      return { ...rate, withheld };
    },
  }),
  chainGaps: t.field({
    type: [ChainGapRef],
    nullable: true,
    description: 'Segments where chain leaders still buy from outside the region (local share ≤ maxLocalShare) or buy nothing they need.',
    authScopes: { analyst: true },
    args: {
      year: t.arg.int({ required: true }),
      leaderId: t.arg.id(),
      districtCode: t.arg.string(),
      maxLocalShare: t.arg.float({ defaultValue: DEFAULT_GAP_SHARE, description: 'Bureaus and admins only; others get the default.' }),
    },
    resolve: async (_root, args, ctx) => {
      const scope = {
        year: parseInput(yearSchema, args.year, 'year'),
        leaderId: args.leaderId == null ? null : parseInput(idSchema, String(args.leaderId), 'leaderId'),
        districtCode: args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode'),
        maxLocalShare: parseInput(shareSchema, args.maxLocalShare ?? DEFAULT_GAP_SHARE, 'maxLocalShare'),
      };
      if (scope.maxLocalShare !== DEFAULT_GAP_SHARE && !choosesGapThreshold(ctx.viewer)) {
        throw forbidden(`set maxLocalShare (only ${DEFAULT_GAP_SHARE} for viewers who may not see single order amounts: another threshold would narrow a withheld local share down)`);
      }
      const analysis = await analyzeGaps(ctx.store, scope);
      const withheld = gapsWithheld(ctx.viewer, analysis.purchaseRows, scopeLevel(scope));
      const gaps = analysis.gaps.map((gap) => ({ ...gap, analysis, withheld: withheld(gap) }));
      // Ranked by the value bought outside: purchased less local.
      return withheldLast(gaps, (g) => g.withheld.purchasedCny !== null || g.withheld.localCny !== null, (g) => `${g.leaderId}\u0000${g.segmentCode}`);
    },
  }),
  findSuppliers: t.field({
    type: [SupplierCandidateRef],
    description: 'Regional firms that make a segment (or a child of it), ranked for a buyer when nearFirmId is given.',
    args: {
      segmentCode: t.arg.string({ required: true }),
      nearFirmId: t.arg.id(),
      maxDistanceKm: t.arg.float(),
      minYieldRate: t.arg.float(),
      certification: t.arg.string(),
      year: t.arg.int({ description: 'Whose orders decide current suppliers and references; all years when left out.' }),
      first: t.arg.int({ defaultValue: 10 }),
      lang: t.arg({ type: LangEnum }),
    },
    resolve: async (_root, args, ctx) => {
      const segmentCode = parseInput(codeSchema, args.segmentCode, 'segmentCode');
      const nearFirmId = args.nearFirmId == null ? null : parseInput(idSchema, String(args.nearFirmId), 'nearFirmId');
      return findSuppliers(ctx.store, {
        segmentCode,
        nearFirmId,
        year: args.year == null ? null : parseInput(yearSchema, args.year, 'year'),
        maxDistanceKm: args.maxDistanceKm == null ? null : parseInput(distanceSchema, args.maxDistanceKm, 'maxDistanceKm'),
        minYieldRate: args.minYieldRate == null ? null : parseInput(shareSchema, args.minYieldRate, 'minYieldRate'),
        certification: args.certification ?? null,
        first: parseInput(firstSchema, args.first ?? 10, 'first'),
        lang: args.lang ?? ctx.lang,
        logistics: ctx.logistics,
        // The buyer's demand shapes the score and the reasons; ranked without it for whoever may not see it.
        withDemand: nearFirmId === null || seesDemandOf(ctx.viewer, nearFirmId),
      });
    },
  }),
}));
