import type { Query } from '../port';
import { chainLeaderIds, leaderCustomersOfSupplier, locationOfFirm, regionalMakerRowsOfFirm } from './kept-facts';
import { buyerNeeds, chainLeaderReferences, allFirmLocations, firmLocations, purchases, regionalMakersOf, supplyOfBuyers } from './analysis';

/** Every shape of the chain-analysis queries, for the Neo4j lint test and the store contract suite. */
export function analysisExamples(): Query[] {
  return [
    purchases({ year: 2023, buyerId: 'anrui' }),
    purchases({ year: 2024 }),
    purchases({ year: 2024, districtCode: '500117', segmentCode: 'SURFACE_TREATMENT' }),
    buyerNeeds({ buyerId: 'anrui' }),
    buyerNeeds({ districtCode: '500117' }),
    firmLocations(['anrui', 'guangan-moto']),
    allFirmLocations(),
    regionalMakersOf(['SURFACE_TREATMENT', 'PARTS']),
    chainLeaderReferences(2024),
    chainLeaderReferences(null),
    supplyOfBuyers(['anrui', 'jianya'], 2023),
    supplyOfBuyers(['anrui'], null),
    regionalMakerRowsOfFirm('anrui'),
    leaderCustomersOfSupplier('anrui'),
    chainLeaderIds(),
    locationOfFirm('anrui'),
  ];
}
