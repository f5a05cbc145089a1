import type { CapabilitySeed, DistrictSeed, FirmSeed } from '../types';
import { OEM_DISTRICTS, shortPlaceEn, shortPlaceZh, type Places } from './places';
import type { Prng } from './prng';
import { CAPACITY_MEDIAN, type SegmentFacts } from './segments';

export type Role = 'leader' | 'oem' | 'recycler' | 'supplier';

/** A generated firm with what the trade generator needs to know about it. */
export interface SynFirm {
  seed: FirmSeed;
  role: Role;
  district: DistrictSeed;
  /** Leaf segments it sells (capabilities on parent segments are not traded). */
  sells: string[];
}

export interface FirmCounts {
  leaders: number;
  oems: number;
  recyclers: number;
  suppliers: number;
}

export const MIN_FIRMS = 40;

/**
 * About one chain leader per 300 firms (a few hundred at 100k), never fewer than one per western
 * district; a handful of OEMs; about one recycler per thousand firms; the rest are suppliers.
 */
export function firmCounts(firms: number, westernDistricts: number): FirmCounts {
  if (!Number.isInteger(firms) || firms < MIN_FIRMS) throw new RangeError(`firms must be an integer of at least ${MIN_FIRMS}`);
  const leaders = Math.max(westernDistricts, Math.round(firms / 300));
  const oems = Math.min(OEM_DISTRICTS.length, 2 + Math.round(firms / 20_000));
  const recyclers = Math.max(2, Math.round(firms / 1000));
  return { leaders, oems, recyclers, suppliers: firms - leaders - oems - recyclers };
}

export const firmId = (i: number): string => `syn-f-${String(i).padStart(6, '0')}`;

const IATF = 'IATF 16949';
const ISO9001 = 'ISO 9001';
const ISO14001 = 'ISO 14001';
/** Share of suppliers sitting outside the western region. */
const OUTSIDE_SUPPLIER_SHARE = 0.18;
const OUTSIDE_RECYCLER_SHARE = 0.2;
/** Share of capabilities whose utilisation is 1: no spare capacity at all. */
const FULLY_BOOKED_SHARE = 0.12;
/** Share of capabilities whose capacity nobody reported. */
const UNKNOWN_CAPACITY_SHARE = 0.04;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Two significant digits: reported capacities are round numbers. */
const roundSignificant = (x: number) => {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / magnitude) * magnitude;
};

export function generateFirms(
  counts: FirmCounts,
  rng: Prng,
  where: Places,
  segs: SegmentFacts,
  source: string,
  lastYear: number,
): { firms: SynFirm[]; capabilities: CapabilitySeed[] } {
  const firms: SynFirm[] = [];
  const capabilities: CapabilitySeed[] = [];

  const capability = (firm: FirmSeed, segmentCode: string): CapabilitySeed => {
    const unit = segs.unitOf(segmentCode);
    const known = !rng.chance(UNKNOWN_CAPACITY_SHARE);
    const capacity = known ? roundSignificant(rng.logNormal(CAPACITY_MEDIAN[unit], 0.9, CAPACITY_MEDIAN[unit] / 50, CAPACITY_MEDIAN[unit] * 50)) : null;
    const utilisation = !known ? null : rng.chance(FULLY_BOOKED_SHARE) ? 1 : round(rng.uniform(0.3, 1), 2);
    // Skewed towards good yields: most automotive suppliers run above 90%, a tail runs far below.
    const yieldRate = round(0.99 - 0.34 * rng.next() ** 2.2, 3);
    return { firmId: firm.id, segmentCode, capacity, unit, utilisation, yieldRate, source };
  };

  const certificationsFor = (iatfShare: number): string[] => {
    const iatf = rng.chance(iatfShare);
    const certs: string[] = [];
    if (iatf) certs.push(IATF);
    if (rng.chance(iatf ? 0.5 : 0.55)) certs.push(ISO9001);
    if (rng.chance(0.2)) certs.push(ISO14001);
    return certs;
  };

  const add = (role: Role, district: DistrictSeed, sells: string[], extraMakes: string[], iatfShare: number) => {
    const i = firms.length;
    const id = firmId(i);
    const n = String(i);
    const main = sells[0] as string;
    const segZh = SEGMENT_WORD_ZH[main] ?? main;
    const segEn = SEGMENT_WORD_EN[main] ?? main;
    const roleZh = role === 'oem' ? '汽车' : role === 'recycler' ? '再生资源' : role === 'leader' ? '汽车系统' : segZh;
    const roleEn = role === 'oem' ? 'Automobile' : role === 'recycler' ? 'Resource Recycling' : role === 'leader' ? 'Automotive Systems' : segEn;
    const placeZh = shortPlaceZh(district);
    const placeEn = shortPlaceEn(district);
    // The outside jitter is wider: a prefecture city spreads further than a district.
    const spread = district.level === 'district' ? 0.05 : 0.09;
    const seed: FirmSeed = {
      id,
      nameZh: `${PROVINCE_PREFIX[district.province] ?? ''}${placeZh}示例${roleZh}${n}号有限公司`,
      nameEn: `${placeEn} Example ${roleEn} No. ${n} Co., Ltd.`,
      shortNameZh: `${placeZh}示例${roleZh}${n}`,
      shortNameEn: `${placeEn} ${roleEn} ${n} (example)`,
      districtCode: district.code,
      isChainLeader: role === 'leader',
      isOem: role === 'oem',
      isRecycler: role === 'recycler',
      outputCny: null,
      outputYear: null,
      yieldRate: null,
      certifications: certificationsFor(iatfShare),
      lat: round(district.lat + spread * rng.normal(), 5),
      lng: round(district.lng + spread * rng.normal(), 5),
      synthetic: true,
      source,
      notes: null,
    };
    const made = [...sells, ...extraMakes].map((code) => capability(seed, code));
    capabilities.push(...made);
    const yields = made.map((c) => c.yieldRate).filter((y): y is number => y != null);
    seed.yieldRate = yields.length > 0 ? round(yields.reduce((a, b) => a + b, 0) / yields.length, 3) : null;
    if (role !== 'supplier' || rng.chance(0.6)) {
      const median = role === 'oem' ? 5e10 : role === 'leader' ? 2e9 : role === 'recycler' ? 8e8 : 6e7;
      seed.outputCny = Math.round(rng.logNormal(median, 0.8, median / 30, median * 30) / 1e4) * 1e4;
      seed.outputYear = lastYear - rng.int(2);
    }
    firms.push({ seed, role, district, sells });
  };

  // Leaders: one in each western district first, so every district has a chain to analyse.
  for (let i = 0; i < counts.leaders; i++) {
    const district = i < where.western.length ? (where.western[i] as DistrictSeed) : (where.western[rng.weighted(where.leaderWeights)] as DistrictSeed);
    const sells = [rng.pick(segs.systemLeaves)];
    if (rng.chance(0.3)) {
      const second = rng.pick(segs.systemLeaves);
      if (second !== sells[0]) sells.push(second);
    }
    add('leader', district, sells, [], 0.9);
  }
  for (let i = 0; i < counts.oems; i++) {
    add('oem', where.byCode.get(OEM_DISTRICTS[i] as string) as DistrictSeed, ['VEHICLE_ASSEMBLY'], [], 0.5);
  }
  for (let i = 0; i < counts.recyclers; i++) {
    const outside = rng.chance(OUTSIDE_RECYCLER_SHARE);
    const district = outside
      ? (where.outside[rng.weighted(where.outsideSupplierWeights)] as DistrictSeed)
      : (where.western[rng.weighted(where.westernSupplierWeights)] as DistrictSeed);
    add('recycler', district, ['RECYCLED_AL'], [], 0.1);
  }
  for (let i = 0; i < counts.suppliers; i++) {
    const outside = rng.chance(OUTSIDE_SUPPLIER_SHARE);
    const district = outside
      ? (where.outside[rng.weighted(where.outsideSupplierWeights)] as DistrictSeed)
      : (where.western[rng.weighted(where.westernSupplierWeights)] as DistrictSeed);
    const sells: string[] = [];
    if (rng.chance(0.05)) {
      // A tier-1 system maker that is no chain leader (an e-drive or trim newcomer).
      sells.push(rng.pick(segs.systemLeaves));
    } else {
      const weights = outside ? segs.outsidePartWeights : segs.localPartWeights;
      const howMany = rng.chance(0.55) ? 1 : rng.chance(0.67) ? 2 : 3;
      for (let k = 0; k < howMany; k++) {
        const code = segs.partLeaves[rng.weighted(weights)] as string;
        if (!sells.includes(code)) sells.push(code);
      }
    }
    // A few declare the broad parent segment as well ("we make parts"), which ranking must accept.
    const extra = rng.chance(0.03) ? [segs.parentOf.get(sells[0] as string) as string] : [];
    add('supplier', district, sells, extra, 0.4);
  }
  return { firms, capabilities };
}

const PROVINCE_PREFIX: Readonly<Record<string, string>> = { 重庆: '重庆', 四川: '四川', 湖北: '湖北', 湖南: '湖南' };

const SEGMENT_WORD_ZH: Readonly<Record<string, string>> = {
  AL_DIE_CASTING: '压铸',
  AL_EXTRUSION: '铝型材',
  IRON_CASTING: '铸造',
  FORGING: '锻造',
  GEAR: '齿轮',
  BEARING: '轴承',
  STAMPED_WELDED: '冲焊',
  SURFACE_TREATMENT: '表面处理',
  INJECTION_MOULDING: '注塑',
  LIGHTING_ELECTRONICS: '车灯电子',
  BRAKE_DRUM: '制动鼓',
  BATTERY_ENCLOSURE_PART: '箱体结构件',
  LIGHTING: '车灯',
  DRIVE_AXLE: '车桥',
  BATTERY_ENCLOSURE: '电池箱体',
  E_DRIVE: '电驱动',
  TRIM: '内外饰',
};

const SEGMENT_WORD_EN: Readonly<Record<string, string>> = {
  AL_DIE_CASTING: 'Die Casting',
  AL_EXTRUSION: 'Aluminium Extrusion',
  IRON_CASTING: 'Foundry',
  FORGING: 'Forging',
  GEAR: 'Gear',
  BEARING: 'Bearing',
  STAMPED_WELDED: 'Stamping',
  SURFACE_TREATMENT: 'Surface Treatment',
  INJECTION_MOULDING: 'Injection Moulding',
  LIGHTING_ELECTRONICS: 'Lamp Electronics',
  BRAKE_DRUM: 'Brake Drum',
  BATTERY_ENCLOSURE_PART: 'Enclosure Parts',
  LIGHTING: 'Lighting',
  DRIVE_AXLE: 'Axle',
  BATTERY_ENCLOSURE: 'Battery Enclosure',
  E_DRIVE: 'E-Drive',
  TRIM: 'Trim',
};
