import type { Query, Row } from '../store/port';

/**
 * What the store checks read through: the store itself for a dry run, or the commit's own write
 * transaction, so that nothing can change between a commit's checks and its writes.
 */
export interface Reader {
  read<R extends Row>(query: Query<R>): Promise<R[]>;
}
import { importFirmMatches, importSegmentCodes } from '../store/queries/import';

/** Ids per read: large enough to be few round trips, small enough for a quick list parameter. */
const CHUNK = 50_000;

export async function inChunks<T, R>(items: readonly T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await read(items.slice(i, i + CHUNK))));
  return out;
}

/** The district of every firm among `ids` that exists. */
export async function firmDistricts(store: Reader, ids: Iterable<string>): Promise<Map<string, string | null>> {
  const rows = await inChunks([...new Set(ids)], (chunk) => store.read(importFirmMatches(chunk, [], [])));
  return new Map(rows.map((r) => [r.id, r.districtCode]));
}

export async function segmentCodes(store: Reader): Promise<Set<string>> {
  return new Set((await store.read(importSegmentCodes())).map((r) => r.code));
}
