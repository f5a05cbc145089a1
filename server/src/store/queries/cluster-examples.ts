import type { Query } from '../port';
import { clusterFirms, clusterFlows, makersOfSegments } from './cluster';

/** Every shape of the cluster-map queries, for the Neo4j lint test and the store contract suite. */
export function clusterExamples(): Query[] {
  return [
    clusterFirms(),
    clusterFlows({}),
    clusterFlows({ year: 2024 }),
    clusterFlows({ segmentCodes: ['SURFACE_TREATMENT'] }),
    clusterFlows({ year: 2023, segmentCodes: ['PARTS', 'RECYCLED_AL'] }),
    makersOfSegments(['SURFACE_TREATMENT', 'PARTS']),
  ];
}
