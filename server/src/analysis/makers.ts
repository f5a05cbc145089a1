import type { GraphStore } from '../store/port';
import { listSegments, regionalMakersOf, type SegmentMakerRow } from '../store/queries';
import { askedAncestors } from './segment-tree';

/**
 * Firms inside the region that make each asked segment or a descendant of it: one row per asked
 * segment a maker's capability counts for, as the ranking expects.
 */
export async function regionalMakers(store: GraphStore, asked: readonly string[]): Promise<SegmentMakerRow[]> {
  if (!asked.length) return [];
  const counted = askedAncestors(await store.read(listSegments()), asked);
  if (!counted.size) return [];
  const rows = await store.read(regionalMakersOf([...counted.keys()]));
  return rows.flatMap((row) => (counted.get(row.segmentCode) ?? []).map((askedSegment) => ({ ...row, askedSegment })));
}
