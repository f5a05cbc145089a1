import { codeSchema, idSchema, yearSchema } from '@yulian/schema';
import { z } from 'zod';
import { isFirmMember, readsAggregates } from '../auth/policy';
import { analyzeGaps, findSuppliers, localSupportRate, type GapAnalysis } from '../analysis/supply-service';
import type { ChainGap, DistrictAmount, LocalSupportRate } from '../analysis/types';
import { builder } from './builder';
import { parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { DistrictRef, FirmRef, LangEnum, SegmentRef, SupplierCandidateRef } from './refs';

const shareSchema = z.number().min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' });
const firstSchema = z.number().int().min(1, { message: 'must be at least 1' }).max(100, { message: 'must be at most 100' });
const distanceSchema = z.number().positive({ message: 'must be a positive number of km' }).max(5000, { message: 'must be at most 5000 km' });

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
    estimatedLogisticsSavingCny: t.exposeFloat('estimatedLogisticsSavingCny', {
      nullable: true,
      description:
        'Yearly freight saving against the current outside supplier (distance × tonnes × cost per tonne-km); null with nothing to compare. Derived from what the buyer pays: for analysts and the buyer itself.',
      authScopes: (c, _args, ctx) => readsAggregates(ctx.viewer) || (c.buyerId !== null && isFirmMember(ctx.viewer, c.buyerId)),
    }),
  }),
});

const DistrictAmountRef = builder.objectRef<DistrictAmount>('DistrictAmount').implement({
  fields: (t) => ({
    district: t.field({
      type: DistrictRef,
      resolve: async (d, _args, ctx) => {
        const district = await ctx.loaders.district.load(d.districtCode);
        if (!district) throw new Error(`district ${d.districtCode} is referenced but missing`);
        return district;
      },
    }),
    amountCny: t.exposeFloat('amountCny'),
  }),
});

const LocalSupportRateRef = builder.objectRef<LocalSupportRate>('LocalSupportRate').implement({
  description: '本地配套率: value bought from firms inside the western region ÷ value of all supply bought (scrap returns excluded).',
  fields: (t) => ({
    rate: t.exposeFloat('rate', { nullable: true, description: 'localCny ÷ totalCny; null when nothing was bought.' }),
    inDistrictRate: t.exposeFloat('inDistrictRate', { nullable: true, description: 'Bought within the buyer’s own district ÷ totalCny.' }),
    localCny: t.exposeFloat('localCny'),
    inDistrictCny: t.exposeFloat('inDistrictCny'),
    totalCny: t.exposeFloat('totalCny'),
    byDistrict: t.field({ type: [DistrictAmountRef], description: 'Value bought per supplier district, largest first.', resolve: (r) => r.byDistrict }),
  }),
});

/** A gap travels with the analysis it came from, so the candidates of many gaps share their queries. */
type GapParent = ChainGap & { analysis: GapAnalysis };

const OutsideSupplierRef = builder
  .objectRef<ChainGap['outsideSuppliers'][number]>('OutsideSupplier')
  .implement({
    fields: (t) => ({
      firm: t.field({ type: FirmRef, resolve: (o, _args, ctx) => requireFirm(ctx, o.firmId) }),
      amountCny: t.exposeFloat('amountCny'),
      distanceKm: t.exposeFloat('distanceKm'),
    }),
  });

export const ChainGapRef = builder.objectRef<GapParent>('ChainGap').implement({
  description: 'A segment a chain leader buys mostly (or wholly) from outside the region, or needs and buys from nobody.',
  fields: (t) => ({
    leader: t.field({ type: FirmRef, resolve: (g, _args, ctx) => requireFirm(ctx, g.leaderId) }),
    segment: t.field({ type: SegmentRef, resolve: (g, _args, ctx) => requireSegment(ctx, g.segmentCode) }),
    year: t.exposeInt('year'),
    purchasedCny: t.exposeFloat('purchasedCny'),
    localCny: t.exposeFloat('localCny'),
    localShare: t.exposeFloat('localShare', { description: 'localCny ÷ purchasedCny; 0 when bought from nobody.' }),
    unsupplied: t.exposeBoolean('unsupplied', { description: 'Needed but bought from nobody in the year.' }),
    outsideSuppliers: t.field({ type: [OutsideSupplierRef], resolve: (g) => g.outsideSuppliers }),
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
  }),
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
    resolve: (_root, args, ctx) =>
      localSupportRate(ctx.store, {
        year: parseInput(yearSchema, args.year, 'year'),
        leaderId: args.leaderId == null ? null : parseInput(idSchema, String(args.leaderId), 'leaderId'),
        districtCode: args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode'),
        segmentCode: args.segmentCode == null ? null : parseInput(codeSchema, args.segmentCode, 'segmentCode'),
      }),
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
      maxLocalShare: t.arg.float({ defaultValue: 0.5 }),
    },
    resolve: async (_root, args, ctx) => {
      const analysis = await analyzeGaps(ctx.store, {
        year: parseInput(yearSchema, args.year, 'year'),
        leaderId: args.leaderId == null ? null : parseInput(idSchema, String(args.leaderId), 'leaderId'),
        districtCode: args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode'),
        maxLocalShare: parseInput(shareSchema, args.maxLocalShare ?? 0.5, 'maxLocalShare'),
      });
      return analysis.gaps.map((gap) => ({ ...gap, analysis }));
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
      });
    },
  }),
}));
