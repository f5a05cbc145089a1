import type { Query } from '../port';
import {
  exportCapabilities,
  exportFirms,
  exportNeeds,
  exportOrdersPage,
  exportTargetsPage,
  importDistrictCodes,
  importExistingFirmSegments,
  importExistingOrders,
  importFirmMatches,
  importSegmentCodes,
} from './import';
import {
  bulkAppendTargetEvents,
  bulkCreateTargets,
  bulkLinkTargets,
  bulkUnlinkTargetFirms,
  bulkUpdateTargets,
  type BulkTargetFields,
} from './bulk-targets';

const at = '2025-05-14T09:30:00.000Z';

/** A target's fields as the importer writes them; ids of the article's seed targets are updated. */
function target(id: string, fields: Partial<BulkTargetFields> = {}): BulkTargetFields {
  return {
    id, name: '示例轴承企业合川基地', stage: 'CONTACTED', agreementCny: null, investmentCny: 600_000_000, fundsInPlaceCny: null,
    expectedOutputCny: 900_000_000.5, owner: '招商一科', contact: null, notes: null, dropReason: null, synthetic: false,
    source: null, updatedAt: at, ...fields,
  };
}

/** Every shape of the import and export queries, for catalogueExamples() (kept apart to spare merges). */
export function importExamples(): Query[] {
  return [
    importFirmMatches(['aofang'], ['91500000MA5U000000'], ['重庆安瑞光电股份有限公司']),
    importSegmentCodes(),
    importDistrictCodes(),
    importExistingOrders(['o-2024-aofang-anrui-st', 'no-such-order']),
    importExistingFirmSegments('MAKES', ['aofang']),
    importExistingFirmSegments('NEEDS', ['anrui']),
    exportFirms(),
    exportCapabilities(),
    exportNeeds(),
    exportOrdersPage(null, 500, null),
    exportOrdersPage('o-2024', 500, 'aofang'),
    exportTargetsPage(null, 500, null),
    exportTargetsPage('tgt-hc-bearing-lead', 500, ['500117', '500118']),
    bulkCreateTargets([
      { ...target('tgt-import-example-1'), districtCode: '500117', segmentCode: 'BEARING', createdAt: at },
      { ...target('tgt-import-example-2', { stage: 'SIGNED', agreementCny: 800_000_000, investmentCny: null }), districtCode: '500117', segmentCode: 'AL_EXTRUSION', createdAt: at },
    ]),
    bulkUpdateTargets([
      { ...target('tgt-hc-bearing-lead'), fromStage: 'LEAD' },
      { ...target('tgt-hc-extrusion-dropped', { stage: 'DROPPED', dropReason: '企业选择在成都设厂' }), fromStage: 'DROPPED' },
    ]),
    bulkLinkTargets([{ id: 'tgt-hc-bearing-lead', end: 'AL_EXTRUSION' }], 'TARGET_FOR', true),
    bulkLinkTargets([{ id: 'tgt-hc-bearing-lead', end: 'syn-liangjiang-bearing' }], 'TARGET_FIRM', false),
    bulkLinkTargets([{ id: 'tgt-hc-bearing-lead', end: 'jianya' }, { id: 'tgt-hc-led-lead', end: 'anrui' }], 'TARGET_LEADER', true),
    bulkUnlinkTargetFirms(['tgt-hc-bearing-lead', 'tgt-hc-led-lead'], 'TARGET_FIRM'),
    bulkUnlinkTargetFirms(['tgt-hc-bearing-lead'], 'TARGET_LEADER'),
    bulkAppendTargetEvents([
      { id: 'tev-import-example-1', targetId: 'tgt-hc-bearing-lead', stage: 'CONTACTED', fromStage: 'LEAD', at, actor: 'hechuan-investment', note: 'imported from targets.csv', reason: null },
      { id: 'tev-import-example-2', targetId: 'tgt-hc-led-lead', stage: 'LEAD', fromStage: null, at, actor: null, note: null, reason: null },
    ]),
  ];
}
