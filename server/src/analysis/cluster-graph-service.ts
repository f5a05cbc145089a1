import { allSupports, clusterFirms, clusterFlows, listDistricts, makersOfSegments } from '../store/queries';
import type { GraphStore } from '../store/port';
import { buildClusterGraph, type ClusterGraph, type ClusterGraphFilter } from './cluster-graph';
import { recentStoreFact } from './store-facts';

/**
 * The cluster graph for a filter, or null when the filter names a chain leader that is no firm.
 *
 * The graphs of the last few filters asked are kept until a write changes what they show (see store-facts.ts): the
 * map's home view is what nearly every visit asks first, and at 2,000 firms building it costs the
 * server about 0.1 s of its one thread, in the very seconds the browser needs the machine to draw.
 * A graph holds no viewer's rights (who may see an amount is decided when answering), so one kept
 * graph serves every viewer.
 */
export function clusterGraphFor(store: GraphStore, filter: ClusterGraphFilter): Promise<ClusterGraph | null> {
  return recentStoreFact(store, 'clusterGraphs', JSON.stringify(filter), KEPT_GRAPHS, () => buildFor(store, filter), { dependsOn: GRAPH_DEPENDS_ON });
}

/** A graph shows firms, what they make, their trade and their support ties; needs, targets and users are not in it. */
const GRAPH_DEPENDS_ON = ['Firm', 'Capability', 'Order', 'Support'] as const;

/** Graphs kept per store state: at 10,000 firms one is some 10 MB. */
const KEPT_GRAPHS = 8;

async function buildFor(store: GraphStore, filter: ClusterGraphFilter): Promise<ClusterGraph | null> {
  const [firms, districts, flows, supports, makers] = await Promise.all([
    store.read(clusterFirms()),
    store.read(listDistricts()),
    store.read(clusterFlows({ year: filter.year, segmentCodes: filter.segmentCodes })),
    filter.includeSupport ? store.read(allSupports()) : Promise.resolve([]),
    filter.segmentCodes.length > 0 ? store.read(makersOfSegments(filter.segmentCodes)) : Promise.resolve([]),
  ]);
  if (filter.leaderId != null && !firms.some((firm) => firm.id === filter.leaderId)) return null;
  return buildClusterGraph({ firms, districts, flows, supports, makers: new Set(makers.map((m) => m.firmId)) }, filter);
}
