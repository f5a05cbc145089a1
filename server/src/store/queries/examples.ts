import type { FirmFilterInput } from '@yulian/schema';
import type { Query } from '../port';
import {
  allSupports,
  appendAuditEvent,
  auditEvents,
  countAuditEvents,
  allTradeLinks,
  capabilitiesOfFirms,
  countFirms,
  countNodes,
  countOrdersOfFirm,
  deleteOrder,
  districtsByCodes,
  districtsOfFirms,
  existingFirmIds,
  findFirms,
  firmsByIds,
  firmsWithDistrictsByIds,
  appendAuditEvents,
  goalsOfDistricts,
  linkSegmentFeeds,
  linkSegmentParents,
  listDistricts,
  listFeeds,
  listSegments,
  needsOfFirms,
  ordersByIds,
  ordersOfFirm,
  ping,
  removeNeed,
  setCapability,
  setNeed,
  supportsOfFirms,
  tradeLinksOfFirms,
  upsertDistricts,
  upsertFirm,
  upsertGoal,
  upsertOrder,
  createOrder,
  addOrderToTradeLink,
  upsertSegments,
  upsertSupport,
  type OrderScope,
} from './index';
import { analysisExamples } from './analysis-examples';
import { userExamples } from './user-examples';
import { riskExamples } from './risk-examples';
import { bulkExamples } from './bulk-examples';
import { dumpExamples } from './dump-examples';
import { targetExamples } from './target-examples';
import { introductionExamples } from './introduction-examples';
import { importExamples } from './import-examples';
import { clusterExamples } from './cluster-examples';
import { tradeLinkExamples } from './trade-link-examples';

/**
 * One realistic invocation of every catalogue query, and one per shape of Cypher where a builder's
 * text depends on its arguments. The Neo4j lint test checks each; it also fails when a registered
 * query has no example here, so a new query cannot skip Neo4j's check.
 */

const firmIds = ['anrui', 'jianya', 'changan'];
const districtCodes = ['500118', '500111'];

const noFilter: FirmFilterInput = {};
const everyFilter: FirmFilterInput = {
  search: '压铸',
  districtCodes,
  segmentCodes: ['AL_DIE_CASTING', 'RECYCLED_AL'],
  inRegion: true,
  chainLeader: false,
  minYieldRate: 0.95,
  certification: 'IATF 16949',
};

/** Every combination of the optional order filters, since each adds its own predicate. */
const orderScopes: OrderScope[] = [
  {},
  { year: 2024 },
  { kind: 'SCRAP_RETURN' },
  { year: 2023, kind: 'SUPPLY' },
];

export function catalogueExamples(): Query[] {
  return [
    // districts
    listDistricts(),
    districtsByCodes(districtCodes),
    districtsOfFirms(firmIds),
    // segments
    listSegments(),
    listFeeds(),
    // firms
    findFirms(noFilter, 0, 20),
    findFirms(everyFilter, 40, 20),
    countFirms(noFilter),
    countFirms(everyFilter),
    firmsByIds(firmIds),
    firmsWithDistrictsByIds(firmIds),
    existingFirmIds(firmIds),
    upsertFirm({
      id: 'anrui',
      nameZh: '重庆安瑞汽车零部件有限公司',
      nameEn: 'Chongqing Anrui Auto Parts Co., Ltd.',
      shortNameZh: '安瑞',
      shortNameEn: 'Anrui',
      districtCode: '500118',
      creditCode: '91500118MA5U7XXX1B',
      isChainLeader: false,
      isOem: false,
      isRecycler: false,
      outputCny: 350_000_000,
      outputYear: 2024,
      yieldRate: 0.97,
      certifications: ['IATF 16949', 'ISO 14001'],
      lat: 29.36,
      lng: 105.93,
      notes: null,
      synthetic: false,
      source: 'article',
      updatedAt: '2025-01-15T08:00:00.000Z',
    }),
    // capabilities and needs
    capabilitiesOfFirms(firmIds),
    needsOfFirms(firmIds),
    setCapability({
      firmId: 'anrui',
      segmentCode: 'AL_DIE_CASTING',
      capacity: 120_000,
      unit: 'pieces',
      utilisation: 0.82,
      yieldRate: 0.97,
      source: 'article',
    }),
    setNeed({ firmId: 'changan', segmentCode: 'AL_DIE_CASTING', annualDemand: 80_000, unit: 'pieces', source: null }),
    removeNeed('changan', 'LIGHTING'),
    // orders
    ordersByIds(['o-2024-anrui-changan-1', 'o-2024-jianya-anrui-1']),
    ordersByIds(['o-2024-anrui-changan-1']),
    ...orderScopes.map((scope) => ordersOfFirm('anrui', scope, 0, 50)),
    ...orderScopes.map((scope) => countOrdersOfFirm('anrui', scope)),
    ...orderScopes.flatMap((scope) => [
      tradeLinksOfFirms(firmIds, 'buyer', scope),
      tradeLinksOfFirms(firmIds, 'supplier', scope),
    ]),
    ...orderScopes.map((scope) => allTradeLinks(scope)),
    upsertOrder({
      id: 'o-2024-anrui-changan-1',
      kind: 'SUPPLY',
      supplierId: 'anrui',
      buyerId: 'changan',
      segmentCode: 'AL_DIE_CASTING',
      year: 2024,
      amountCny: 12_500_000.5,
      quantity: 40_000,
      unit: 'pieces',
      status: 'ACTIVE',
      synthetic: false,
      source: 'article',
      updatedAt: '2025-01-15T08:00:00.000Z',
    }),
    createOrder({
      id: 'o-2025-new-example',
      kind: 'SCRAP_RETURN',
      supplierId: 'anrui',
      buyerId: 'shunbo',
      segmentCode: 'SCRAP_AL',
      year: 2025,
      amountCny: 80_000,
      quantity: null,
      unit: null,
      status: 'ACTIVE',
      synthetic: false,
      source: null,
      updatedAt: '2025-01-15T08:00:00.000Z',
    }),
    addOrderToTradeLink({ supplierId: 'anrui', buyerId: 'shunbo', year: 2025, kind: 'SCRAP_RETURN', segmentCode: 'SCRAP_AL', amountCny: 80_000, status: 'ACTIVE' }),
    deleteOrder('o-2024-anrui-changan-1'),
    // supports
    supportsOfFirms(firmIds),
    allSupports(),
    upsertSupport({
      fromId: 'changan',
      toId: 'anrui',
      kinds: ['TECHNOLOGY', 'ORDERS'],
      since: '2021-06',
      synthetic: false,
      source: 'article',
    }),
    // goals
    goalsOfDistricts(districtCodes),
    upsertGoal({
      id: 'goal-500118-2025',
      districtCode: '500118',
      year: 2025,
      projects: 12,
      agreementCny: 3_000_000_000,
      outputCny: null,
      source: 'article',
    }),
    // reference data
    upsertDistricts([
      {
        code: '500118',
        nameZh: '永川区',
        nameEn: 'Yongchuan District',
        inRegion: true,
        level: 'district',
        province: '重庆',
        lat: 29.36,
        lng: 105.93,
      },
    ]),
    upsertSegments([{ code: 'AL_DIE_CASTING', nameZh: '铝压铸件', nameEn: 'Aluminium die castings' }]),
    linkSegmentParents([{ from: 'AL_DIE_CASTING', to: 'PARTS' }]),
    linkSegmentFeeds([{ from: 'RECYCLED_AL', to: 'AL_DIE_CASTING' }]),
    countNodes(),
    ping(),
    // audit log
    appendAuditEvent({
      id: '6f1c0e52-6f0e-4f39-9d7b-0c5a4c1f2b11',
      at: '2025-05-14T09:30:00.000Z',
      actorId: 'u-admin',
      actorName: 'admin',
      actorRole: 'ADMIN',
      action: 'upsertFirm',
      entityType: 'Firm',
      entityId: 'aofang',
      before: null,
      after: '{"id":"aofang"}',
      districts: ['500120'],
    }),
    appendAuditEvents([
      { id: 'e1', at: '2025-05-14T09:30:00.000Z', actorId: null, actorName: 'system', actorRole: 'ADMIN', action: 'import.orders', entityType: 'Order', entityId: 'o-1', before: null, after: '{"id":"o-1"}', districts: ['500117', '500120'] },
      { id: 'e2', at: '2025-05-14T09:30:00.000Z', actorId: 'u-admin', actorName: 'admin', actorRole: 'ADMIN', action: 'import.orders', entityType: 'Order', entityId: 'o-2', before: '{"id":"o-2"}', after: null, districts: [] },
    ]),
    auditEvents('aofang', 0, 20),
    auditEvents(null, 20, 20),
    auditEvents('aofang', 0, 20, ['500120']),
    auditEvents(null, 20, 20, ['500117', '500120']),
    countAuditEvents('aofang'),
    countAuditEvents(null),
    countAuditEvents('aofang', ['500120']),
    countAuditEvents(null, ['500117']),
    ...userExamples(),
    ...riskExamples(),
    ...analysisExamples(),
    ...bulkExamples(),
    ...dumpExamples(),
    ...targetExamples(),
    ...introductionExamples(),
    ...importExamples(),
    ...clusterExamples(),
    ...tradeLinkExamples(),
  ];
}
