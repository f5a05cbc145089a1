import { builder } from './builder';
import {
  ClusterEdgeKindEnum,
  ClusterGraphRef,
  ClusterNodeKindEnum,
  edgeAmount,
  edgeAmountHidden,
  edgeParents,
  nodeParents,
  type EdgeParent,
  type NodeParent,
} from './cluster-graph';
import { requireSegment } from './lookups';
import { SegmentRef, SupportKindEnum } from './refs';

/**
 * `clusterGraph { columns }`: the same nodes and edges as `nodes` and `edges`, in the same order
 * and under the same rules (an amount the viewer may not see is null and `amountHidden`), as
 * columns: `columns.nodes.kind[i]` is `nodes[i].kind`. For clients that draw thousands of firms.
 * Resolving every field of every node and edge costs the server more than building the graph
 * (about 0.5 s of 0.9 at 10,000 firms); a column is one list of plain values, and the answer is
 * about half the size without a field name per value.
 */

type NodeColumns = { rows: NodeParent[] };
type EdgeColumns = { rows: EdgeParent[] };

const ClusterNodeColumnsRef = builder.objectRef<NodeColumns>('ClusterNodeColumns').implement({
  description: 'The scalar fields of `ClusterGraph.nodes`, one list per field, in node order.',
  fields: (t) => ({
    id: t.idList({ resolve: (c) => c.rows.map((n) => n.id) }),
    kind: t.field({ type: [ClusterNodeKindEnum], resolve: (c) => c.rows.map((n) => n.kind) }),
    labelZh: t.stringList({ resolve: (c) => c.rows.map((n) => n.labelZh) }),
    labelEn: t.stringList({ resolve: (c) => c.rows.map((n) => n.labelEn) }),
    parent: t.idList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map((n) => n.parent) }),
    firmId: t.idList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map((n) => n.firmId) }),
    districtCode: t.stringList({ resolve: (c) => c.rows.map((n) => n.districtCode) }),
    inRegion: t.booleanList({ resolve: (c) => c.rows.map((n) => n.inRegion) }),
    size: t.floatList({ resolve: (c) => c.rows.map((n) => n.size) }),
    outputCny: t.floatList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map((n) => n.outputCny) }),
    lat: t.floatList({ resolve: (c) => c.rows.map((n) => n.lat) }),
    lng: t.floatList({ resolve: (c) => c.rows.map((n) => n.lng) }),
    tier: t.intList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map((n) => n.tier) }),
  }),
});

const ClusterEdgeColumnsRef = builder.objectRef<EdgeColumns>('ClusterEdgeColumns').implement({
  description: 'The scalar fields of `ClusterGraph.edges`, one list per field, in edge order; `segments` holds the segments they name.',
  fields: (t) => ({
    id: t.idList({ resolve: (c) => c.rows.map((e) => e.id) }),
    source: t.idList({ resolve: (c) => c.rows.map((e) => e.source) }),
    target: t.idList({ resolve: (c) => c.rows.map((e) => e.target) }),
    kind: t.field({ type: [ClusterEdgeKindEnum], resolve: (c) => c.rows.map((e) => e.kind) }),
    amountCny: t.floatList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map(edgeAmount) }),
    amountHidden: t.booleanList({ resolve: (c) => c.rows.map(edgeAmountHidden) }),
    orderCount: t.intList({ resolve: (c) => c.rows.map((e) => e.orderCount) }),
    segmentCode: t.stringList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map((e) => e.segmentCode) }),
    supportKinds: t.field({ type: t.listRef([SupportKindEnum]), resolve: (c) => c.rows.map((e) => e.supportKinds) }),
    since: t.stringList({ nullable: { list: false, items: true }, resolve: (c) => c.rows.map((e) => e.since) }),
    segments: t.field({
      type: [SegmentRef],
      description: 'Each segment that `segmentCode` names, once.',
      resolve: (c, _args, ctx) => Promise.all([...new Set(c.rows.flatMap((e) => (e.segmentCode ? [e.segmentCode] : [])))].map((code) => requireSegment(ctx, code))),
    }),
  }),
});

const ClusterGraphColumnsRef = builder.objectRef<{ nodes: NodeColumns; edges: EdgeColumns }>('ClusterGraphColumns').implement({
  description: 'A cluster graph as columns: `nodes.kind[i]` is `ClusterGraph.nodes[i].kind`, under the same rules for hidden amounts.',
  fields: (t) => ({
    nodes: t.field({ type: ClusterNodeColumnsRef, resolve: (c) => c.nodes }),
    edges: t.field({ type: ClusterEdgeColumnsRef, resolve: (c) => c.edges }),
  }),
});

builder.objectField(ClusterGraphRef, 'columns', (t) =>
  t.field({
    type: ClusterGraphColumnsRef,
    description: 'The same nodes and edges as columns (see ClusterGraphColumns): for clients drawing thousands of firms.',
    resolve: (g) => ({ nodes: { rows: nodeParents(g) }, edges: { rows: edgeParents(g) } }),
  }),
);
