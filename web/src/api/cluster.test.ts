import { describe, expect, it } from 'vitest';
import { clusterGraphRows } from './cluster';
import type { ApiClusterColumns } from './cluster';

describe('clusterGraphRows', () => {
  it('turns the columns back into nodes and edges, segments named', () => {
    const columns: ApiClusterColumns = {
      nodes: {
        id: ['district:500117', 'firm:anrui'], kind: ['DISTRICT', 'CHAIN_LEADER'], labelZh: ['合川区', '安瑞'], labelEn: ['Hechuan', 'Anrui'],
        parent: [null, 'district:500117'], firmId: [null, 'anrui'], districtCode: ['500117', '500117'], inRegion: [true, true],
        size: [0, 1], outputCny: [null, 4e8], lat: [29.97, 29.98], lng: [106.28, 106.27], tier: [null, null],
      },
      edges: {
        id: ['flow:SUPPLY:aofang>anrui:SURFACE_TREATMENT', 'tie:pingwei>tianchiyu'], source: ['firm:aofang', 'firm:pingwei'],
        target: ['firm:anrui', 'firm:tianchiyu'], kind: ['SUPPLY', 'SUPPORT'], amountCny: [null, null], amountHidden: [true, false],
        orderCount: [3, 0], segmentCode: ['SURFACE_TREATMENT', null], supportKinds: [[], ['ORDERS']], since: [null, '2024-07'],
        segments: [{ code: 'SURFACE_TREATMENT', nameZh: '表处件', nameEn: 'Surface-treated parts' }],
      },
    };
    const { nodes, edges } = clusterGraphRows(columns);
    expect(nodes[1]).toEqual({
      id: 'firm:anrui', kind: 'CHAIN_LEADER', labelZh: '安瑞', labelEn: 'Anrui', parent: 'district:500117', firmId: 'anrui',
      districtCode: '500117', inRegion: true, size: 1, outputCny: 4e8, lat: 29.98, lng: 106.27, tier: null,
    });
    expect(edges[0]).toMatchObject({ amountCny: null, amountHidden: true, orderCount: 3, segment: { code: 'SURFACE_TREATMENT', nameZh: '表处件' } });
    expect(edges[1]).toMatchObject({ kind: 'SUPPORT', segment: null, supportKinds: ['ORDERS'], since: '2024-07' });
  });
});
