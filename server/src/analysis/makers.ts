import type { GraphStore } from '../store/port';
import { listSegments, regionalMakersOf, type MakerRow } from '../store/queries';
import { askedAncestors, type SegmentLink } from './segment-tree';
import { storeFact } from './store-facts';

/** Each asked segment's regional makers: firms that make it or a descendant of it. */
export type MakersBySegment = ReadonlyMap<string, readonly MakerRow[]>;

/**
 * Firms inside the region that make each asked segment or a descendant of it, per asked segment
 * (a maker of two asked segments, or of a segment and its child, is listed under each).
 *
 * Where the store's state can be kept (store-facts.ts), every regional capability is read once per
 * state into an index by segment: a common segment has ten thousand makers at 100k firms, 200 ms
 * to read for one search, while all of them take two seconds and serve every search until a write.
 */
export async function regionalMakers(store: GraphStore, asked: readonly string[]): Promise<MakersBySegment> {
  const segments = [...new Set(asked)];
  if (!segments.length) return new Map();
  if (store.committedWrites === undefined) return readMakers(store, segments);
  const index = await storeFact(store, 'regionalMakers', () => loadIndex(store));
  return new Map(segments.map((segment) => [segment, index.forAsked(segment)]));
}

async function readMakers(store: GraphStore, asked: readonly string[]): Promise<MakersBySegment> {
  const counted = askedAncestors(await store.read(listSegments()), asked);
  const found = new Map<string, MakerRow[]>(asked.map((segment) => [segment, []]));
  if (!counted.size) return found;
  for (const row of await store.read(regionalMakersOf([...counted.keys()]))) {
    for (const segment of counted.get(row.segmentCode) ?? []) found.get(segment)?.push(row);
  }
  return found;
}

interface MakerIndex {
  forAsked(segment: string): readonly MakerRow[];
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
  const answered = new Map<string, readonly MakerRow[]>();
  return {
    forAsked(segment) {
      let found = answered.get(segment);
      if (!found) {
        const made = [...askedAncestors(segments, [segment]).keys()];
        // A segment without children (most of them) shares its list; only parents get a new one.
        found = made.length === 1 ? (bySegment.get(made[0] ?? '') ?? []) : made.flatMap((code) => bySegment.get(code) ?? []);
        answered.set(segment, found);
      }
      return found;
    },
  };
}
