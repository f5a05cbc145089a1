import { nodeSpecs, relSpecs, type NodeLabel, type RelType } from '@yulian/schema';
import type { Query } from '../port';
import { countNodesOfLabel, countRelsOfType, deleteNodesOfLabel, dumpNodePage, dumpRelPage, restoreNodes, restoreRels } from './dump';

/**
 * Examples of the backup and restore queries, for catalogueExamples() (kept apart to spare merges).
 * Their text differs by label or type only in identifiers taken from the model, so each shape is
 * checked on every label and type: a property the Neo4j lint or the embedded engine rejects shows up
 * at once. Restore examples write only the endpoints and keys the store contract's dataset holds.
 */
export function dumpExamples(): Query[] {
  const labels = nodeSpecs.map((n) => n.label as NodeLabel);
  const types = relSpecs.map((r) => r.type as RelType);
  return [
    ...labels.flatMap((label) => [countNodesOfLabel(label), dumpNodePage(label, null, 500), dumpNodePage(label, 'anrui', 500)]),
    ...types.flatMap((type) => [countRelsOfType(type), dumpRelPage(type, null, 500), dumpRelPage(type, { fromKey: 'anrui', toKey: 'changan' }, 500)]),
    restoreNodes('Firm', ['nameZh', 'nameEn', 'isChainLeader', 'isOem', 'isRecycler', 'outputCny', 'outputYear', 'yieldRate', 'certifications', 'lat', 'lng', 'synthetic', 'source', 'updatedAt'], [
      {
        id: 'restored-firm', nameZh: '恢复测试', nameEn: 'Restore test', isChainLeader: false, isOem: false, isRecycler: true,
        outputCny: 1.5e8, outputYear: 2024, yieldRate: 0.97, certifications: ['IATF 16949'], lat: 29.36, lng: 105.93,
        synthetic: false, source: 'backup', updatedAt: '2025-05-14T00:00:00.000Z',
      },
    ]),
    restoreNodes('District', ['nameZh', 'nameEn', 'inRegion', 'level', 'province', 'lat', 'lng'], [
      { code: '999001', nameZh: '测试区', nameEn: 'Test District', inRegion: false, level: 'district', province: '重庆', lat: 29.5, lng: 106.5 },
    ]),
    restoreRels('SUPPORTS', ['kinds', 'since', 'source', 'synthetic'], [{ line: 12, fromKey: 'changan', toKey: 'anrui', kinds: ['TECHNOLOGY'], since: '2021-06', source: 'article', synthetic: false }]),
    restoreRels('SHIPS', [], [{ line: 13, fromKey: 'anrui', toKey: 'o-2024-anrui-changan-1' }]),
    deleteNodesOfLabel('TradeOrder', 1000),
  ];
}
