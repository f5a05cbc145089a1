import { firmsWithDistrictsByIds, type FirmWithDistrictRow } from '../store/queries';
import { importDistrictCodes, importSegmentCodes } from '../store/queries/import';
import type { Reader } from './context';

/** A firm as the rules see it: its row and its district. */
export type FirmFacts = FirmWithDistrictRow;

/** Ids per read: large enough to be few round trips, small enough for a quick list parameter. */
const CHUNK = 5_000;

export async function inChunks<T, R>(items: readonly T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await read(items.slice(i, i + CHUNK))));
  return out;
}

/** Up to this many firms are looked up one at a time (a form's write names one or two). */
const ONE_AT_A_TIME = 8;

/** The firms among `ids` that exist, with their districts. */
export async function firmsWithDistricts(reader: Reader, ids: Iterable<string>): Promise<Map<string, FirmFacts>> {
  const unique = [...new Set(ids)];
  const firms: FirmFacts[] = [];
  if (unique.length <= ONE_AT_A_TIME) {
    // One after the other: in a write they share the transaction's single connection.
    for (const id of unique) firms.push(...(await reader.read(firmsWithDistrictsByIds([id]))));
  } else {
    firms.push(...(await inChunks(unique, (chunk) => reader.read(firmsWithDistrictsByIds(chunk)))));
  }
  return new Map(firms.map((f) => [f.id, f]));
}

export async function segmentCodes(reader: Reader): Promise<Set<string>> {
  return new Set((await reader.read(importSegmentCodes())).map((r) => r.code));
}

export async function districtCodes(reader: Reader): Promise<Set<string>> {
  return new Set((await reader.read(importDistrictCodes())).map((r) => r.code));
}
