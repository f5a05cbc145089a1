import { describe, expect, it } from 'vitest';
import { askedAncestors } from './segment-tree';

const tree = [
  { code: 'PARTS', parentCode: null },
  { code: 'METAL', parentCode: 'PARTS' },
  { code: 'CASTING', parentCode: 'METAL' },
  { code: 'AL_CASTING', parentCode: 'CASTING' },
  { code: 'THIN_WALL', parentCode: 'AL_CASTING' },
  { code: 'THINNER', parentCode: 'THIN_WALL' },
  { code: 'SURFACE', parentCode: 'PARTS' },
];

describe('askedAncestors', () => {
  it('counts a segment and its descendants for each asked segment that contains them', () => {
    const map = askedAncestors(tree, ['METAL', 'SURFACE']);
    expect(map.get('METAL')).toEqual(['METAL']);
    expect(map.get('AL_CASTING')).toEqual(['METAL']);
    expect(map.get('SURFACE')).toEqual(['SURFACE']);
    expect(map.has('PARTS')).toBe(false);
  });

  it('lets a segment count for several asked segments when one contains the other', () => {
    expect(askedAncestors(tree, ['PARTS', 'CASTING']).get('AL_CASTING')).toEqual(['PARTS', 'CASTING']);
  });

  it('stops four levels below the asked segment', () => {
    const map = askedAncestors(tree, ['PARTS']);
    expect(map.get('THIN_WALL')).toEqual(['PARTS']);
    expect(map.has('THINNER')).toBe(false);
  });

  it('ignores asked codes that are not in the tree', () => {
    expect(askedAncestors(tree, ['NOPE']).size).toBe(0);
  });
});
