import type { GraphStore } from '../store/port';
import { listSegments, regionalMakersOf, type SegmentMakerRow } from '../store/queries';
import { askedAncestors } from './segment-tree';
import { storeFact } from './store-facts';

/**
 * Firms inside the region that make each asked segment or a descendant of it: one row per asked
 * segment a maker's capability counts for, as the ranking expects. Kept while the store is
 * unchanged: a common segment has ten thousand makers at 100k firms.
 */
export function regionalMakers(store: GraphStore, asked: readonly string[]): Promise<SegmentMakerRow[]> {
  if (!asked.length) return Promise.resolve([]);
  const segments = [...new Set(asked)].sort();
  return storeFact(store, `regionalMakers:${segments.join(',')}`, () => readMakers(store, segments));
}

async function readMakers(store: GraphStore, asked: readonly string[]): Promise<SegmentMakerRow[]> {
  const counted = askedAncestors(await store.read(listSegments()), asked);
  if (!counted.size) return [];
  const rows = await store.read(regionalMakersOf([...counted.keys()]));
  return rows.flatMap((row) => (counted.get(row.segmentCode) ?? []).map((askedSegment) => ({ ...row, askedSegment })));
}
