import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, graphFilterOf, mapHref, readMapView, writeMapView } from './mapView';

describe('map view in the URL', () => {
  it('reads defaults from an empty query and writes nothing for them', () => {
    expect(readMapView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
    expect(writeMapView(DEFAULT_VIEW).toString()).toBe('');
  });

  it('round-trips every setting', () => {
    const view = {
      districtCodes: ['500117', '500120'], segmentCodes: ['SURFACE_TREATMENT'], year: 2023, leaderId: 'anrui', tiers: 2,
      includeScrap: false, includeSupport: false, layout: 'geo' as const, firmId: 'aofang', highlight: ['aofang', 'yian'],
    };
    const query = writeMapView(view).toString();
    expect(query).toBe('d=500117%2C500120&s=SURFACE_TREATMENT&y=2023&leader=anrui&tiers=2&scrap=0&support=0&layout=geo&firm=aofang&hl=aofang%2Cyian');
    expect(readMapView(new URLSearchParams(query))).toEqual(view);
  });

  it('ignores values it cannot use', () => {
    const view = readMapView(new URLSearchParams('y=abc&tiers=9&layout=spiral&d=,,'));
    expect(view).toMatchObject({ year: DEFAULT_VIEW.year, tiers: 1, layout: 'fcose', districtCodes: [] });
  });

  it('asks the API for a leader’s chain without district narrowing', () => {
    const filter = graphFilterOf({ ...DEFAULT_VIEW, leaderId: 'anrui', tiers: 3, districtCodes: ['500117'] });
    expect(filter).toMatchObject({ leaderId: 'anrui', tiers: 3, districtCodes: null, year: 2024 });
    expect(graphFilterOf(DEFAULT_VIEW)).toMatchObject({ leaderId: null, tiers: null, districtCodes: [] });
  });

  it('links to the map with firms ringed', () => {
    expect(mapHref(['aofang'], 2023)).toBe('/?y=2023&firm=aofang&hl=aofang');
  });
});
