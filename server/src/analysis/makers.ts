import type { GraphStore } from '../store/port';
import { listSegments, regionalMakersOf, type MakerRow, type SegmentMakerRow } from '../store/queries';
import { askedAncestors, type SegmentLink } from './segment-tree';
import { storeFact } from './store-facts';

/**
 * Firms inside the region that make each asked segment or a descendant of it: one row per asked
 * segment a maker's capability counts for, as the ranking expects.
 *
 * Where the store's state can be kept (store-facts.ts), every regional capability is read once per
 * state into an index by segment: a common segment has ten thousand makers at 100k firms, 200 ms
 * to read for one search, while all of them take a second and serve every search until a write.
 */
export async function regionalMakers(store: GraphStore, asked: readonly string[]): Promise<SegmentMakerRow[]> {
  if (!asked.length) return [];
  if (store.committedWrites === undefined) return readMakers(store, asked);
  const index = await storeFact(store, 'regionalMakers', () => loadIndex(store));
  return [...new Set(asked)].flatMap((segment) => index.forAsked(segment));
}

async function readMakers(store: GraphStore, asked: readonly string[]): Promise<SegmentMakerRow[]> {
  const counted = askedAncestors(await store.read(listSegments()), asked);
  if (!counted.size) return [];
  const rows = await store.read(regionalMakersOf([...counted.keys()]));
  return rows.flatMap((row) => (counted.get(row.segmentCode) ?? []).map((askedSegment) => ({ ...row, askedSegment })));
}

interface MakerIndex {
  forAsked(segment: string): readonly SegmentMakerRow[];
}

async function loadIndex(store: GraphStore): Promise<MakerIndex> {
  const segments: readonly SegmentLink[] = await store.read(listSegments());
  const rows = await store.read(regionalMakersOf(segments.map((s) => s.code)));
  const bySegment = new Map<string, MakerRow[]>();
  for (const row of rows) {
    const list = bySegment.get(row.segmentCode);
    if (list) list.push(row);
    else bySegment.set(row.segmentCode, [row]);
  }
  const answered = new Map<string, SegmentMakerRow[]>();
  return {
    forAsked(segment) {
      let found = answered.get(segment);
      if (!found) {
        found = [...askedAncestors(segments, [segment]).keys()].flatMap((made) =>
          (bySegment.get(made) ?? []).map((row) => ({ ...row, askedSegment: segment })),
        );
        answered.set(segment, found);
      }
      return found;
    },
  };
}
