import type { GraphStore } from '../store/port';
import { listSegments, regionalMakerRowsOfFirm, regionalMakersOf, type MakerRow } from '../store/queries';
import { MakerIndex } from './maker-index';
import { askedAncestors, type SegmentLink } from './segment-tree';
import { storeFact, type CatchUpRound } from './store-facts';

/** Each asked segment's regional makers: firms that make it or a descendant of it. */
export type MakersBySegment = ReadonlyMap<string, readonly MakerRow[]>;

/**
 * Firms inside the region that make each asked segment or a descendant of it, per asked segment
 * (a maker of two asked segments, or of a segment and its child, is listed under each).
 *
 * Where the store's state can be kept (store-facts.ts), every regional capability is read once into
 * an index by segment: reading one common segment's makers for one search costs far more than a
 * search may, while reading all of them once serves every search after; a write re-reads only the
 * rows of the firms it touched.
 */
export async function regionalMakers(store: GraphStore, asked: readonly string[]): Promise<MakersBySegment> {
  const segments = [...new Set(asked)];
  if (!segments.length) return new Map();
  if (store.committedWrites === undefined) return readMakers(store, segments);
  const index = await keptMakerIndex(store);
  return new Map(segments.map((segment) => [segment, index.forAsked(segment)]));
}

/** Capabilities and a firm's own place, figures and certifications make its maker rows. */
export const MAKERS_DEPEND_ON = ['Firm', 'Capability'] as const;

/** Every regional capability, kept and caught up with the firms and capabilities written since. */
export function keptMakerIndex(store: GraphStore): Promise<MakerIndex> {
  return storeFact(store, 'regionalMakers', () => loadIndex(store), {
    dependsOn: MAKERS_DEPEND_ON,
    catchUp: (index, round) => catchUpIndex(store, index, round),
  });
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

async function loadIndex(store: GraphStore): Promise<MakerIndex> {
  const segments: readonly SegmentLink[] = await store.read(listSegments());
  return MakerIndex.of(segments, await store.read(regionalMakersOf(segments.map((s) => s.code))));
}

/** The touched firms' rows read again and put in place of what was kept of them. */
async function catchUpIndex(store: GraphStore, index: MakerIndex, round: CatchUpRound): Promise<MakerIndex> {
  const firms = round.changes.firmsOf(MAKERS_DEPEND_ON);
  const rows = await Promise.all([...firms].map((id) => round.shared(`makerRows:${id}`, () => store.read(regionalMakerRowsOfFirm(id)))));
  return index.withFirms(firms, rows.flat());
}
