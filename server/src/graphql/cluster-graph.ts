import { codeSchema, idSchema, yearSchema } from '@yulian/schema';
import { z } from 'zod';
import { seesOrderAmount } from '../auth/policy';
import type { ClusterEdge, ClusterGraph, ClusterGraphFilter, ClusterNode } from '../analysis/cluster-graph';
import { clusterGraphFor } from '../analysis/cluster-graph-service';
import type { Lang } from '../analysis/types';
import { builder } from './builder';
import { notFound, parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { FirmRef, LangEnum, SegmentRef, SupportKindEnum } from './refs';

/**
 * `clusterGraph`: the cluster map in the shape cytoscape takes (`{data: {id, parent, source,
 * target, …}}`), so the web app draws it without reshaping. Public like the directory it is drawn
 * from; an amount the viewer may not see is null, flagged `amountHidden` (no error per edge: a map of
 * thousands of flows would otherwise carry thousands of errors).
 */

export type NodeParent = ClusterNode & { lang: Lang };
export type EdgeParent = ClusterEdge & { amountVisible: boolean };

export const ClusterNodeKindEnum = builder.enumType('ClusterNodeKind', {
  values: ['DISTRICT', 'CHAIN_LEADER', 'OEM', 'RECYCLER', 'SUPPLIER'] as const,
  description: 'A compound district node, or a firm by its primary role (chain leader before OEM before recycler).',
});
export const ClusterEdgeKindEnum = builder.enumType('ClusterEdgeKind', { values: ['SUPPLY', 'SCRAP_RETURN', 'SUPPORT'] as const });

/** What a viewer is told of a flow's value: the amount where they may see it, else null and `amountHidden`. */
export const edgeAmount = (e: EdgeParent): number | null => (e.amountVisible ? e.amountCny : null);
export const edgeAmountHidden = (e: EdgeParent): boolean => e.kind !== 'SUPPORT' && !e.amountVisible;

const ClusterNodeRef = builder.objectRef<NodeParent>('ClusterNode').implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: '`district:<code>` or `firm:<id>`.' }),
    kind: t.field({ type: ClusterNodeKindEnum, resolve: (n) => n.kind }),
    label: t.string({ description: 'Short name (firms) or name (districts) in the request’s language.', resolve: (n) => (n.lang === 'en' ? n.labelEn : n.labelZh) }),
    labelZh: t.exposeString('labelZh'),
    labelEn: t.exposeString('labelEn'),
    parent: t.exposeID('parent', { nullable: true, description: 'The district node a firm sits in.' }),
    firm: t.field({ type: FirmRef, nullable: true, resolve: (n, _args, ctx) => (n.firmId ? requireFirm(ctx, n.firmId) : null) }),
    firmId: t.exposeID('firmId', { nullable: true }),
    districtCode: t.exposeString('districtCode'),
    inRegion: t.exposeBoolean('inRegion'),
    size: t.exposeFloat('size', { description: '0–1: √(output ÷ largest output drawn); 0 when unknown and for districts.' }),
    outputCny: t.exposeFloat('outputCny', { nullable: true }),
    lat: t.exposeFloat('lat', { description: 'The firm’s coordinates, else its district seat (WGS84).' }),
    lng: t.exposeFloat('lng'),
    tier: t.exposeInt('tier', { nullable: true, description: 'Steps upstream of the chain leader (0: the leader), with `leaderId`.' }),
  }),
});

const ClusterEdgeRef = builder.objectRef<EdgeParent>('ClusterEdge').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.exposeID('source', { description: 'Supplier (or firm returning scrap, or mentor).' }),
    target: t.exposeID('target', { description: 'Buyer (or recycler, or mentee).' }),
    kind: t.field({ type: ClusterEdgeKindEnum, resolve: (e) => e.kind }),
    amountCny: t.float({
      nullable: true,
      description: 'Summed value in CNY; null for support ties and where the viewer may not see it (the two parties, bureaus and admins may).',
      resolve: edgeAmount,
    }),
    amountHidden: t.boolean({ description: 'True when the flow has a value this viewer may not see.', resolve: edgeAmountHidden }),
    orderCount: t.exposeInt('orderCount'),
    segment: t.field({ type: SegmentRef, nullable: true, resolve: (e, _args, ctx) => (e.segmentCode ? requireSegment(ctx, e.segmentCode) : null) }),
    segmentCode: t.exposeString('segmentCode', { nullable: true }),
    supportKinds: t.field({ type: [SupportKindEnum], resolve: (e) => e.supportKinds }),
    since: t.exposeString('since', { nullable: true }),
  }),
});

export type GraphParent = { graph: ClusterGraph; lang: Lang; seesAll: (e: ClusterEdge) => boolean };

export const nodeParents = (g: GraphParent): NodeParent[] => g.graph.nodes.map((n) => ({ ...n, lang: g.lang }));
export const edgeParents = (g: GraphParent): EdgeParent[] => g.graph.edges.map((e) => ({ ...e, amountVisible: e.kind !== 'SUPPORT' && g.seesAll(e) }));

export const ClusterGraphRef = builder.objectRef<GraphParent>('ClusterGraph').implement({
  fields: (t) => ({
    nodes: t.field({ type: [ClusterNodeRef], resolve: nodeParents }),
    edges: t.field({ type: [ClusterEdgeRef], resolve: edgeParents }),
  }),
});

const GraphFilter = builder.inputType('GraphFilter', {
  fields: (t) => ({
    districtCodes: t.stringList({ description: 'Firms in these districts, and their partners.' }),
    leaderId: t.id({ description: 'A chain leader and its suppliers, `tiers` steps upstream.' }),
    tiers: t.int({ description: '1–5, default 1.' }),
    segmentCodes: t.stringList({ description: 'Orders of these segments (or their children), and the firms that make them.' }),
    year: t.int({ description: 'Orders of this year and ties begun by it; all years summed when left out.' }),
    includeScrap: t.boolean({ description: 'Scrap returns (default true).' }),
    includeSupport: t.boolean({ description: 'Mentoring ties (default true).' }),
  }),
});

const filterSchema = z.object({
  districtCodes: z.array(codeSchema).max(50).nullish(),
  leaderId: idSchema.nullish(),
  tiers: z.number().int().min(1, { message: 'must be between 1 and 5' }).max(5, { message: 'must be between 1 and 5' }).nullish(),
  segmentCodes: z.array(codeSchema).max(50).nullish(),
  year: yearSchema.nullish(),
  includeScrap: z.boolean().nullish(),
  includeSupport: z.boolean().nullish(),
});

builder.queryFields((t) => ({
  clusterGraph: t.field({
    type: ClusterGraphRef,
    description: 'The cluster map: district compounds with their firms, supply and scrap-return flows, mentoring ties.',
    args: { filter: t.arg({ type: GraphFilter }), lang: t.arg({ type: LangEnum }) },
    resolve: async (_root, args, ctx) => {
      const f = parseInput(filterSchema, args.filter ?? {}, 'filter');
      const filter: ClusterGraphFilter = {
        districtCodes: f.districtCodes ?? [],
        leaderId: f.leaderId ?? null,
        tiers: f.tiers ?? 1,
        segmentCodes: f.segmentCodes ?? [],
        year: f.year ?? null,
        includeScrap: f.includeScrap ?? true,
        includeSupport: f.includeSupport ?? true,
      };
      const graph = await clusterGraphFor(ctx.store, filter);
      if (!graph) throw notFound('firm', filter.leaderId ?? '');
      return { graph, lang: args.lang ?? ctx.lang, seesAll: (e: ClusterEdge) => seesOrderAmount(ctx.viewer, e) };
    },
  }),
}));
