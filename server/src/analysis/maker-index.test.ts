import { describe, expect, it } from 'vitest';
import type { MakerRow } from '../store/queries';
import { MakerIndex } from './maker-index';
import type { SegmentLink } from './segment-tree';

const SEGMENTS: SegmentLink[] = [
  { code: 'PARTS', parentCode: null },
  { code: 'CASTING', parentCode: 'PARTS' },
  { code: 'DIE_CASTING', parentCode: 'CASTING' },
  { code: 'FORGING', parentCode: 'PARTS' },
];

function row(firmId: string, segmentCode: string, capacity = 100): MakerRow {
  return { firmId, segmentCode, districtCode: '500117', lat: 29.9, lng: 106.3, capacity, unit: 'sets', utilisation: 0.5, capabilityYield: null, firmYield: 0.9, certifications: null };
}

const key = (r: MakerRow) => `${r.firmId}|${r.segmentCode}|${r.capacity}`;
const listed = (index: MakerIndex, segment: string) => index.forAsked(segment).map(key).sort();

describe('MakerIndex', () => {
  const rows = [row('a', 'DIE_CASTING'), row('a', 'FORGING'), row('b', 'CASTING'), row('c', 'DIE_CASTING'), row('d', 'FORGING')];

  it('lists the makers of a segment and of its descendants', () => {
    const index = MakerIndex.of(SEGMENTS, rows);
    expect(listed(index, 'DIE_CASTING')).toEqual(['a|DIE_CASTING|100', 'c|DIE_CASTING|100']);
    expect(listed(index, 'CASTING')).toEqual(['a|DIE_CASTING|100', 'b|CASTING|100', 'c|DIE_CASTING|100']);
    expect(listed(index, 'PARTS')).toHaveLength(5);
  });

  it('with some firms replaced, answers as an index made from the rows as they are now', () => {
    const before = MakerIndex.of(SEGMENTS, rows);
    for (const segment of SEGMENTS) before.forAsked(segment.code);
    // a changes one capability and drops the other, b leaves the region, e starts making something.
    const now = [row('a', 'DIE_CASTING', 500), row('e', 'CASTING')];
    const after = before.withFirms(new Set(['a', 'b', 'e']), now);
    const fresh = MakerIndex.of(SEGMENTS, [...rows.filter((r) => !['a', 'b', 'e'].includes(r.firmId)), ...now]);
    for (const segment of SEGMENTS) expect(listed(after, segment.code), segment.code).toEqual(listed(fresh, segment.code));
    // The old index still answers as it did.
    expect(listed(before, 'FORGING')).toEqual(['a|FORGING|100', 'd|FORGING|100']);
    // And the new one can be brought up to date again.
    const again = after.withFirms(new Set(['a']), [row('a', 'FORGING', 7)]);
    expect(listed(again, 'PARTS')).toEqual(['a|FORGING|7', 'c|DIE_CASTING|100', 'd|FORGING|100', 'e|CASTING|100']);
  });

  it('refuses rows of a firm it was not told to replace, and a second update of the same index', () => {
    const index = MakerIndex.of(SEGMENTS, rows);
    expect(() => index.withFirms(new Set(['a']), [row('z', 'FORGING')])).toThrow(/not among the firms replaced/);
    const fresh = MakerIndex.of(SEGMENTS, rows);
    fresh.withFirms(new Set(['a']), []);
    expect(() => fresh.withFirms(new Set(['c']), [])).toThrow(/already brought up to date/);
  });
});
