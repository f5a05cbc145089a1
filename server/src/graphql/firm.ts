import { firmFilterSchema, idSchema } from '@yulian/schema';
import { countFirms, findFirms } from '../store/queries';
import { editsFirm, seesDemandOf } from '../auth/policy';
import { builder } from './builder';
import { parseInput } from './errors';
import { pageFromArgs, toConnection } from './pagination';
import { CapabilityRef, DistrictRef, FirmRef, NeedRef, SegmentRef } from './refs';
import { requireSegment } from './lookups';

FirmRef.implement({
  description: 'A firm in the cluster: a chain leader, a supplier, a recycler or an OEM, inside or outside the region.',
  fields: (t) => ({
    id: t.exposeID('id'),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
    shortNameZh: t.exposeString('shortNameZh', { nullable: true }),
    shortNameEn: t.exposeString('shortNameEn', { nullable: true }),
    creditCode: t.exposeString('creditCode', { nullable: true, description: '统一社会信用代码' }),
    district: t.field({
      type: DistrictRef,
      resolve: async (f, _args, ctx) => {
        const district = await ctx.loaders.districtOfFirm.load(f.id);
        if (!district) throw new Error(`firm ${f.id} has no district`);
        return district;
      },
    }),
    isChainLeader: t.boolean({ resolve: (f) => f.isChainLeader === true }),
    isOem: t.boolean({ resolve: (f) => f.isOem === true }),
    isRecycler: t.boolean({ resolve: (f) => f.isRecycler === true }),
    outputCny: t.exposeFloat('outputCny', { nullable: true, description: 'Annual output value (产值), CNY.' }),
    outputYear: t.exposeInt('outputYear', { nullable: true, description: 'The year outputCny refers to.' }),
    yieldRate: t.exposeFloat('yieldRate', { nullable: true, description: 'Share of good parts (良品率), 0–1.' }),
    certifications: t.stringList({ resolve: (f) => f.certifications ?? [] }),
    lat: t.exposeFloat('lat', { nullable: true }),
    lng: t.exposeFloat('lng', { nullable: true }),
    synthetic: t.boolean({
      description: 'True for firms the article does not name, added so the stories can be told.',
      resolve: (f) => f.synthetic === true,
    }),
    source: t.exposeString('source', { nullable: true, description: 'The sentence of the source article a fact comes from.' }),
    notes: t.exposeString('notes', { nullable: true }),
    updatedAt: t.exposeString('updatedAt', { nullable: true }),
    capabilities: t.field({
      type: [CapabilityRef],
      resolve: (f, _args, ctx) => ctx.loaders.capabilities.load(f.id),
    }),
    needs: t.field({ type: [NeedRef], resolve: (f, _args, ctx) => ctx.loaders.needs.load(f.id) }),
    viewerCanEdit: t.boolean({
      description:
        "Whether the viewer may change this firm's profile, capabilities and needs: its own staff, its district's bureau, an admin. The web app offers edits only then; the mutations check again.",
      resolve: async (f, _args, ctx) => {
        const district = await ctx.loaders.districtOfFirm.load(f.id);
        return district != null && editsFirm(ctx.viewer, { id: f.id, districtCode: district.code });
      },
    }),
  }),
});

CapabilityRef.implement({
  description: 'What a firm makes (MAKES), with its capacity and how much of it is in use.',
  fields: (t) => ({
    segment: t.field({ type: SegmentRef, resolve: (c, _args, ctx) => requireSegment(ctx, c.segmentCode) }),
    capacity: t.exposeFloat('capacity', { nullable: true, description: 'Yearly capacity in `unit`.' }),
    unit: t.exposeString('unit', { nullable: true }),
    utilisation: t.exposeFloat('utilisation', { nullable: true, description: 'Share of capacity in use, 0–1.' }),
    spareCapacity: t.float({
      nullable: true,
      description: 'capacity × (1 − utilisation), in `unit`; null when either is unknown.',
      resolve: (c) => (c.capacity != null && c.utilisation != null ? roundTo(c.capacity * (1 - c.utilisation), 2) : null),
    }),
    yieldRate: t.exposeFloat('yieldRate', { nullable: true }),
  }),
});

NeedRef.implement({
  description: 'A segment a firm buys for its own production (NEEDS).',
  fields: (t) => ({
    segment: t.field({ type: SegmentRef, resolve: (n, _args, ctx) => requireSegment(ctx, n.segmentCode) }),
    annualDemand: t.exposeFloat('annualDemand', {
      nullable: true,
      description: "How much the firm buys a year; for the firm itself, bureaus and investment teams.",
      authScopes: (n, _args, ctx) => seesDemandOf(ctx.viewer, n.firmId),
    }),
    unit: t.exposeString('unit', { nullable: true }),
  }),
});

const FirmFilter = builder.inputType('FirmFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Case-insensitive substring of the Chinese or English name or short name.' }),
    districtCodes: t.stringList(),
    segmentCodes: t.stringList({ description: 'Firms that make one of these segments or a child of one.' }),
    inRegion: t.boolean(),
    chainLeader: t.boolean(),
    minYieldRate: t.float(),
    certification: t.string({ description: 'e.g. "IATF 16949"' }),
  }),
});

export const FirmInput = builder.inputType('FirmInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    nameZh: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    shortNameZh: t.string(),
    shortNameEn: t.string(),
    districtCode: t.string({ required: true }),
    creditCode: t.string(),
    isChainLeader: t.boolean(),
    isOem: t.boolean(),
    isRecycler: t.boolean(),
    outputCny: t.float(),
    outputYear: t.int(),
    yieldRate: t.float(),
    certifications: t.stringList(),
    lat: t.float(),
    lng: t.float(),
    notes: t.string(),
  }),
});

export const CapabilityInput = builder.inputType('CapabilityInput', {
  fields: (t) => ({
    firmId: t.id({ required: true }),
    segmentCode: t.string({ required: true }),
    capacity: t.float(),
    unit: t.string(),
    utilisation: t.float(),
    yieldRate: t.float(),
  }),
});

builder.queryFields((t) => ({
  firm: t.field({
    type: FirmRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.firm.load(parseInput(idSchema, String(args.id), 'id')),
  }),
  firms: t.connection(
    {
      type: FirmRef,
      args: { filter: t.arg({ type: FirmFilter }) },
      resolve: async (_root, args, ctx) => {
        const filter = parseInput(firmFilterSchema, args.filter ?? {}, 'filter');
        const page = pageFromArgs(args);
        const [rows, [count]] = await Promise.all([
          ctx.store.read(findFirms(filter, page.offset, page.size + 1)),
          ctx.store.read(countFirms(filter)),
        ]);
        for (const row of rows) ctx.loaders.firm.prime(row.id, row);
        return toConnection(page, rows, count?.total ?? 0);
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
  ),
}));

/** Keeps float noise (119999.99999999997) out of figures people read. */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
