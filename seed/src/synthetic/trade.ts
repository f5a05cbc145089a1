import { SUPPORT_KINDS, type OrderKind, type OrderStatus, type SupportKind } from '@yulian/schema';
import type { NeedSeed, OrderSeed, SupportSeed } from '../types';
import type { SynFirm } from './firms';
import { WeightedTable, type Prng } from './prng';
import { CAPACITY_MEDIAN, type SegmentFacts } from './segments';

/**
 * Needs, trade links and orders. A trade link is one (supplier, buyer, segment, kind) that trades
 * over the years; orders are drawn from the links, so a million orders cost a million draws and
 * never a search over firms.
 */

type BuyerClass = 'leader' | 'oem' | 'supplier' | 'scrap';

interface Link {
  supplier: number;
  buyer: number;
  segmentCode: string;
  kind: OrderKind;
  cls: BuyerClass;
  weight: number;
}

/** Share of all orders that goes to each class of link: leaders buy most of the value that matters. */
const CLASS_SHARE: Readonly<Record<BuyerClass, number>> = { leader: 0.4, oem: 0.1, supplier: 0.48, scrap: 0.02 };
/** Median order value per class, CNY. Amounts are log-normal around it, clamped to 0.1–50 million. */
const CLASS_MEDIAN: Readonly<Record<BuyerClass, number>> = { leader: 2.5e6, oem: 6e6, supplier: 6e5, scrap: 4e5 };
const MIN_AMOUNT = 1e5;
const MAX_AMOUNT = 5e7;
/** A leader's needed segment that it buys from nobody (a gap with no supplier at all). */
const UNSUPPLIED_SHARE = 0.04;
/** A leader's needed segment bought only outside the region, by segment; the default otherwise. */
const OUTSIDE_ONLY_SHARE: Readonly<Record<string, number>> = { BEARING: 0.5, LIGHTING_ELECTRONICS: 0.5, AL_EXTRUSION: 0.3 };
const OUTSIDE_ONLY_DEFAULT = 0.12;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function generateNeeds(firms: readonly SynFirm[], rng: Prng, segs: SegmentFacts, source: string): NeedSeed[] {
  const needs: NeedSeed[] = [];
  for (const f of firms) {
    const wanted = new Set<string>();
    if (f.role === 'recycler') wanted.add('SCRAP_AL');
    for (const sold of f.sells) {
      const inputs = segs.inputsOf.get(sold) ?? [];
      // Leaders and OEMs buy nearly all their inputs; smaller firms make some of theirs in-house.
      const share = f.role === 'supplier' ? 0.6 : f.role === 'oem' ? 1 : 0.9;
      for (const input of inputs) if (rng.chance(share)) wanted.add(input);
      if (f.role === 'leader' && inputs.length > 0 && wanted.size === 0) wanted.add(rng.pick(inputs));
    }
    for (const segmentCode of wanted) {
      const unit = segs.unitOf(segmentCode);
      const annualDemand = Math.round(rng.logNormal(CAPACITY_MEDIAN[unit] * 0.3, 0.9, 10, CAPACITY_MEDIAN[unit] * 20));
      needs.push({ firmId: f.seed.id, segmentCode, annualDemand, unit, source });
    }
  }
  return needs;
}

/** Sellers of each leaf segment, inside the region by district and outside. */
class MakerIndex {
  private readonly local = new Map<string, number[]>();
  private readonly localByDistrict = new Map<string, number[]>();
  private readonly outside = new Map<string, number[]>();

  constructor(firms: readonly SynFirm[]) {
    firms.forEach((f, i) => {
      for (const s of f.sells) {
        const into = f.district.inRegion ? this.local : this.outside;
        push(into, s, i);
        if (f.district.inRegion) push(this.localByDistrict, `${s}@${f.district.code}`, i);
      }
    });
  }

  localMakers(segment: string): readonly number[] {
    return this.local.get(segment) ?? [];
  }

  localMakersIn(segment: string, district: string): readonly number[] {
    return this.localByDistrict.get(`${segment}@${district}`) ?? [];
  }

  outsideMakers(segment: string): readonly number[] {
    return this.outside.get(segment) ?? [];
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function generateLinks(firms: readonly SynFirm[], needs: readonly NeedSeed[], rng: Prng): Link[] {
  const makers = new MakerIndex(firms);
  const indexOf = new Map(firms.map((f, i) => [f.seed.id, i]));
  const links: Link[] = [];

  let anyUnsupplied = false;
  for (const need of needs) {
    if (need.segmentCode === 'SCRAP_AL') continue; // scrap flows back along supply links, below
    const buyer = indexOf.get(need.firmId) as number;
    const b = firms[buyer] as SynFirm;
    const s = need.segmentCode;
    let kLocal: number;
    let kOutside: number;
    if (b.role === 'leader') {
      const r = rng.next();
      // The first leader's first need always goes unsupplied, so even a tiny dataset has that gap.
      if (r < UNSUPPLIED_SHARE || !anyUnsupplied) {
        anyUnsupplied = true;
        continue;
      }
      if (r < UNSUPPLIED_SHARE + (OUTSIDE_ONLY_SHARE[s] ?? OUTSIDE_ONLY_DEFAULT)) {
        kLocal = 0;
        kOutside = rng.geometric(0.5, 3);
      } else {
        kLocal = rng.geometric(0.4, 8);
        kOutside = rng.chance(0.3) ? rng.geometric(0.6, 2) : 0;
      }
    } else if (b.role === 'oem') {
      kLocal = 3 + rng.int(6);
      kOutside = rng.int(3);
    } else {
      kLocal = rng.geometric(0.6, 4);
      kOutside = rng.chance(0.2) ? 1 : 0;
    }
    const chosen: number[] = [];
    const choose = (pool: readonly number[], k: number) => {
      // Small k against pools of thousands: retries on a repeat are cheap and keep this linear.
      for (let attempt = 0; chosen.length < k && attempt < k * 4 && pool.length > 0; attempt++) {
        const candidate = rng.pick(pool);
        if (candidate !== buyer && !chosen.includes(candidate)) chosen.push(candidate);
      }
    };
    const local = makers.localMakers(s);
    const outside = makers.outsideMakers(s);
    const sameDistrict = makers.localMakersIn(s, b.district.code);
    // Local buying favours the buyer's own district, as the article's leaders describe.
    choose(sameDistrict.length > 0 && rng.chance(0.5) ? sameDistrict : local, Math.ceil(kLocal / 2));
    choose(local, kLocal);
    choose(outside, kLocal + kOutside);
    // No maker on the preferred side: buy from the other side rather than not at all.
    if (chosen.length === 0) choose(local.length > 0 ? local : outside, 1);
    const cls: BuyerClass = b.role === 'leader' ? 'leader' : b.role === 'oem' ? 'oem' : 'supplier';
    for (const supplier of chosen) {
      links.push({ supplier, buyer, segmentCode: s, kind: 'SUPPLY', cls, weight: rng.logNormal(1, 1, 0.05, 20) });
    }
  }

  // Die-casters and extruders send their scrap back to the recycler they buy from (the Shunbo ↔
  // Ruitong loop, many times over).
  const supplyLinks = links.length;
  for (let i = 0; i < supplyLinks; i++) {
    const l = links[i] as Link;
    if (l.segmentCode === 'RECYCLED_AL' && (firms[l.supplier] as SynFirm).role === 'recycler' && rng.chance(0.6)) {
      links.push({ supplier: l.buyer, buyer: l.supplier, segmentCode: 'SCRAP_AL', kind: 'SCRAP_RETURN', cls: 'scrap', weight: rng.logNormal(1, 1, 0.05, 20) });
    }
  }
  return links;
}

/** Draws the orders from the links. Each order shares its firms' id strings and the source text. */
export function generateOrders(
  firms: readonly SynFirm[],
  links: readonly Link[],
  count: number,
  years: readonly number[],
  rng: Prng,
  segs: SegmentFacts,
  source: string,
): OrderSeed[] {
  if (count === 0) return [];
  if (links.length === 0) throw new Error('no trade links to draw orders from: too few firms');
  // Normalise per class so the class shares hold whatever the number of links in each.
  const classTotals = new Map<BuyerClass, number>();
  for (const l of links) classTotals.set(l.cls, (classTotals.get(l.cls) ?? 0) + l.weight);
  const table = new WeightedTable(links.map((l) => (CLASS_SHARE[l.cls] * l.weight) / (classTotals.get(l.cls) as number)));
  // Later years a little busier: the cluster is growing.
  const yearWeights = years.map((_, i) => 1 + 0.15 * i);
  const lastYear = Math.max(...years);
  const orders: OrderSeed[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const l = links[table.draw(rng)] as Link;
    const year = years[rng.weighted(yearWeights)] as number;
    const amountCny = round2(rng.logNormal(CLASS_MEDIAN[l.cls], 1.1, MIN_AMOUNT, MAX_AMOUNT));
    const status: OrderStatus = year < lastYear ? (rng.chance(0.02) ? 'CANCELLED' : 'COMPLETED') : rng.chance(0.2) ? 'EXPECTED' : 'ACTIVE';
    orders[i] = {
      id: orderId(i),
      kind: l.kind,
      supplierId: (firms[l.supplier] as SynFirm).seed.id,
      buyerId: (firms[l.buyer] as SynFirm).seed.id,
      segmentCode: l.segmentCode,
      year,
      amountCny,
      quantity: Math.max(1, Math.round(amountCny / segs.priceOf(l.segmentCode))),
      unit: segs.unitOf(l.segmentCode),
      status,
      synthetic: true,
      source,
    };
  }
  return orders;
}

export const orderId = (i: number): string => `syn-o-${String(i).padStart(7, '0')}`;

/** Mentoring (以老带新): chain leaders helping some of their local suppliers. */
export function generateSupports(
  firms: readonly SynFirm[],
  links: readonly Link[],
  count: number,
  firstYear: number,
  rng: Prng,
  source: string,
): SupportSeed[] {
  const candidates = links.filter((l) => l.cls === 'leader' && (firms[l.supplier] as SynFirm).district.inRegion);
  const seen = new Set<string>();
  const supports: SupportSeed[] = [];
  for (let attempt = 0; supports.length < count && attempt < count * 5 && candidates.length > 0; attempt++) {
    const l = rng.pick(candidates);
    const from = (firms[l.buyer] as SynFirm).seed.id;
    const to = (firms[l.supplier] as SynFirm).seed.id;
    if (seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    const kinds = SUPPORT_KINDS.filter(() => rng.chance(0.45));
    if (kinds.length === 0) kinds.push(rng.pick<SupportKind>(SUPPORT_KINDS));
    const year = 2010 + rng.int(firstYear - 2010 + 1);
    const since = rng.chance(0.5) ? `${year}-${String(1 + rng.int(12)).padStart(2, '0')}` : String(year);
    supports.push({ fromFirmId: from, toFirmId: to, kinds, since, synthetic: true, source });
  }
  return supports;
}
