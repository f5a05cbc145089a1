import type { FeedSeed, SegmentSeed } from '../types';

/**
 * What the generator needs to know about the article's segment tree: which segments are leaves,
 * what feeds what, and the unit and rough price each is traded in (to turn amounts into
 * quantities and capacities into plausible numbers).
 */

type Unit = 'sets' | 'pieces' | 'tonnes' | 'units';

const UNIT_OF: Readonly<Record<string, Unit>> = {
  SCRAP_AL: 'tonnes',
  RECYCLED_AL: 'tonnes',
  AL_DIE_CASTING: 'pieces',
  AL_EXTRUSION: 'tonnes',
  IRON_CASTING: 'tonnes',
  FORGING: 'tonnes',
  GEAR: 'pieces',
  BEARING: 'pieces',
  STAMPED_WELDED: 'pieces',
  SURFACE_TREATMENT: 'sets',
  INJECTION_MOULDING: 'pieces',
  LIGHTING_ELECTRONICS: 'pieces',
  BRAKE_DRUM: 'pieces',
  BATTERY_ENCLOSURE_PART: 'pieces',
  LIGHTING: 'sets',
  DRIVE_AXLE: 'units',
  BATTERY_ENCLOSURE: 'sets',
  E_DRIVE: 'units',
  TRIM: 'sets',
  VEHICLE_ASSEMBLY: 'units',
};

/** CNY per unit, order of magnitude only. */
const PRICE_OF: Readonly<Record<string, number>> = {
  SCRAP_AL: 14_000,
  RECYCLED_AL: 18_000,
  AL_DIE_CASTING: 120,
  AL_EXTRUSION: 26_000,
  IRON_CASTING: 9_000,
  FORGING: 12_000,
  GEAR: 80,
  BEARING: 40,
  STAMPED_WELDED: 60,
  SURFACE_TREATMENT: 25,
  INJECTION_MOULDING: 15,
  LIGHTING_ELECTRONICS: 90,
  BRAKE_DRUM: 300,
  BATTERY_ENCLOSURE_PART: 150,
  LIGHTING: 900,
  DRIVE_AXLE: 6_000,
  BATTERY_ENCLOSURE: 5_000,
  E_DRIVE: 9_000,
  TRIM: 3_000,
  VEHICLE_ASSEMBLY: 150_000,
};

/** Median yearly capacity per unit of measure. */
export const CAPACITY_MEDIAN: Readonly<Record<Unit, number>> = {
  sets: 300_000,
  pieces: 1_500_000,
  tonnes: 20_000,
  units: 100_000,
};

/**
 * How common makers of a part are inside the region compared with outside. Bearings and lamp
 * electronics are mostly bought in from elsewhere (the article's gaps are of this kind), castings
 * and stampings are plentiful locally.
 */
const LOCAL_WEIGHT: Readonly<Record<string, number>> = { BEARING: 0.25, LIGHTING_ELECTRONICS: 0.35, AL_EXTRUSION: 0.6 };
const OUTSIDE_WEIGHT: Readonly<Record<string, number>> = { BEARING: 3, LIGHTING_ELECTRONICS: 3, AL_EXTRUSION: 2 };

export interface SegmentFacts {
  codes: readonly string[];
  parentOf: ReadonlyMap<string, string>;
  /** Direct upstream segments (FEEDS into it). */
  inputsOf: ReadonlyMap<string, readonly string[]>;
  partLeaves: readonly string[];
  systemLeaves: readonly string[];
  localPartWeights: readonly number[];
  outsidePartWeights: readonly number[];
  unitOf(code: string): Unit;
  priceOf(code: string): number;
}

export function segmentFacts(segments: readonly SegmentSeed[], feeds: readonly FeedSeed[]): SegmentFacts {
  const parentOf = new Map<string, string>();
  const hasChildren = new Set<string>();
  for (const s of segments) {
    if (s.parent) {
      parentOf.set(s.code, s.parent);
      hasChildren.add(s.parent);
    }
  }
  const inputsOf = new Map<string, string[]>();
  for (const f of feeds) inputsOf.set(f.to, [...(inputsOf.get(f.to) ?? []), f.from]);
  const leavesUnder = (parent: string) => segments.filter((s) => s.parent === parent && !hasChildren.has(s.code)).map((s) => s.code);
  const partLeaves = leavesUnder('PARTS');
  return {
    codes: segments.map((s) => s.code),
    parentOf,
    inputsOf,
    partLeaves,
    systemLeaves: leavesUnder('SYSTEMS'),
    localPartWeights: partLeaves.map((c) => LOCAL_WEIGHT[c] ?? 1),
    outsidePartWeights: partLeaves.map((c) => OUTSIDE_WEIGHT[c] ?? 1),
    unitOf: (code) => UNIT_OF[code] ?? 'pieces',
    priceOf: (code) => PRICE_OF[code] ?? 100,
  };
}
