import type { Query } from '../port';
import {
  exportCapabilities,
  exportFirms,
  exportNeeds,
  exportOrdersPage,
  importDistrictCodes,
  importExistingFirmSegments,
  importExistingOrders,
  importFirmMatches,
  importSegmentCodes,
} from './import';

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
  ];
}
