import type { Query } from '../port';
import {
  bulkLinkFirmDistricts,
  bulkLinkOrders,
  bulkUpsertCapabilities,
  bulkUpsertFirms,
  bulkUpsertNeeds,
  bulkUpsertOrders,
  bulkUpsertSupports,
  type BulkFirm,
  type BulkMode,
  type BulkOrder,
  type OrderEdge,
} from './bulk';

/**
 * Every shape of the bulk-load queries (each mode, each order edge), for catalogueExamples()
 * (kept apart to spare merges). The contract suite runs them against the article dataset inside a
 * rolled-back write, so fresh-mode examples create records under new ids, and merge-mode ones
 * update records the article has.
 */

const updatedAt = '2025-05-14T00:00:00.000Z';

function firm(id: string, districtCode: string, certifications: string[]): BulkFirm {
  return {
    id, nameZh: '重庆示例批量企业', nameEn: 'Bulk Example Co., Ltd.', shortNameZh: null, shortNameEn: null, districtCode,
    isChainLeader: false, isOem: false, isRecycler: false, outputCny: 12_000_000, outputYear: 2024, yieldRate: 0.91,
    certifications, lat: 29.6, lng: 106.2, notes: null, synthetic: true, source: 'synthetic generator seed 1', updatedAt,
  };
}

function order(id: string, supplierId: string, buyerId: string, segmentCode: string): BulkOrder {
  return {
    id, kind: 'SUPPLY', supplierId, buyerId, segmentCode, year: 2024, amountCny: 1_250_000.5, quantity: 400, unit: 'sets',
    status: 'COMPLETED', synthetic: true, source: 'synthetic generator seed 1', updatedAt,
  };
}

const modes: BulkMode[] = ['fresh', 'merge'];
const edges: OrderEdge[] = ['SHIPS', 'TO', 'OF'];

export function bulkExamples(): Query[] {
  const freshFirms = [firm('bulk-example-1', '500117', ['IATF 16949']), firm('bulk-example-2', '500120', [])];
  const knownFirms = [firm('aofang', '500120', ['IATF 16949']), firm('syn-dazu-st', '500111', [])];
  const freshOrders = [order('bulk-example-o1', 'aofang', 'anrui', 'SURFACE_TREATMENT')];
  const knownOrders = [order('o-2024-aofang-anrui-st', 'aofang', 'anrui', 'SURFACE_TREATMENT')];
  return [
    bulkUpsertFirms(freshFirms, 'fresh'),
    bulkUpsertFirms(knownFirms, 'merge'),
    bulkLinkFirmDistricts(knownFirms),
    ...modes.map((mode) =>
      bulkUpsertCapabilities(
        [
          { firmId: 'aofang', segmentCode: 'SURFACE_TREATMENT', capacity: 600_000, unit: 'sets', utilisation: 1, yieldRate: 0.9, source: null },
          { firmId: 'aofang', segmentCode: 'AL_DIE_CASTING', capacity: null, unit: null, utilisation: null, yieldRate: null, source: null },
        ],
        mode,
      ),
    ),
    ...modes.map((mode) => bulkUpsertNeeds([{ firmId: 'anrui', segmentCode: 'SURFACE_TREATMENT', annualDemand: 420_000, unit: 'sets', source: null }], mode)),
    bulkUpsertOrders(freshOrders, 'fresh'),
    bulkUpsertOrders(knownOrders, 'merge'),
    ...modes.flatMap((mode) => edges.map((edge) => bulkLinkOrders(knownOrders, edge, mode))),
    ...modes.map((mode) =>
      bulkUpsertSupports([{ fromId: 'jianya', toId: 'yian', kinds: ['TECHNOLOGY', 'ORDERS'], since: '2009', synthetic: false, source: null }], mode),
    ),
  ];
}
