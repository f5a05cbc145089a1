import type { Dependence, LocalSupportRate, SupplierCandidate } from '../analysis/types';
import { aggregateWithheld, MIN_AGGREGATE, type Contribution, type WithheldReason } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { ratioWithheld, withholdCells, type Cell } from '../auth/withheld-cells';
import type { TargetSuggestion } from '../investment/suggestions';
import type { PurchaseRow, TradeLinkRow } from '../store/queries';
import { builder } from './builder';

/**
 * Which figures of an answer a viewer sees under the small-cell rule (auth/policy.ts
 * `aggregateWithheld`, auth/withheld-cells.ts), worked out from the purchases the figures sum. A
 * withheld figure is null with a `…Withheld` reason beside it, never an error: the rest of the
 * answer stands. The analyses compute as before; this only decides what leaves the API.
 */

export const WithheldReasonEnum = builder.enumType('WithheldReason', {
  description: `Why a figure is null for this viewer: sums of order amounts shown to someone who may not see the single amounts must rest on at least ${MIN_AGGREGATE} orders and ${MIN_AGGREGATE} supplier–buyer pairs (README, Security).`,
  values: {
    TOO_FEW_ORDERS: { description: `It sums fewer than ${MIN_AGGREGATE} orders.` },
    TOO_FEW_COUNTERPARTIES: { description: `It sums the orders of fewer than ${MIN_AGGREGATE} supplier–buyer pairs.` },
    REVEALS_WITHHELD: { description: 'With the figures shown beside it, it would give a withheld one away (a total less a shown part).' },
  } as const,
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Fields<P> = PothosSchemaTypes.ObjectFieldBuilder<Types, P>;

/** A figure and its reason field, `[localCny, localCnyWithheld]` for name `localCny`. */
export function withheldFigure<P>(t: Fields<P>, name: string, value: (p: P) => number | null, withheld: (p: P) => WithheldReason | null, description: string) {
  return [
    t.float({ nullable: true, description: `${description} Null when withheld from this viewer (${name}Withheld says why).`, resolve: (p) => (withheld(p) ? null : value(p)) }),
    t.field({ type: WithheldReasonEnum, nullable: true, description: `Why ${name} is withheld from this viewer; null when it is shown.`, resolve: (p) => withheld(p) }),
  ] as const;
}

/** The same purchase object in every cell it counts in: the cells' overlaps are what the rule checks. */
function contributionsOf(rows: readonly PurchaseRow[]): Contribution[] {
  return rows.map((p) => ({ supplierId: p.supplierId, buyerId: p.buyerId, orders: p.liveOrders }));
}

function cellsBy<K>(rows: readonly PurchaseRow[], contributions: readonly Contribution[], key: (p: PurchaseRow) => K): Map<K, Contribution[]> {
  const cells = new Map<K, Contribution[]>();
  rows.forEach((p, i) => {
    const c = contributions[i];
    if (!c) return;
    const k = key(p);
    const cell = cells.get(k);
    if (cell) cell.push(c);
    else cells.set(k, [c]);
  });
  return cells;
}

export interface RateWithheld {
  rate: WithheldReason | null;
  inDistrictRate: WithheldReason | null;
  localCny: WithheldReason | null;
  inDistrictCny: WithheldReason | null;
  totalCny: WithheldReason | null;
  byDistrict: Map<string, WithheldReason | null>;
}

/** A supporting rate's figures, most telling first: the total, the local part, the in-district part, each supplier district. */
export function rateWithheld(viewer: Viewer | null, rate: LocalSupportRate, purchases: readonly PurchaseRow[]): RateWithheld {
  const all = contributionsOf(purchases);
  const local = all.filter((_, i) => purchases[i]?.supplierInRegion);
  const inDistrict = all.filter((_, i) => purchases[i]?.supplierDistrict === purchases[i]?.buyerDistrict);
  const districts = cellsBy(purchases, all, (p) => p.supplierDistrict);
  const districtCells = rate.byDistrict.map((d) => districts.get(d.districtCode) ?? []);
  const [total, localW, inDistrictW, ...byDistrict] = withholdCells(viewer, [all, local, inDistrict, ...districtCells]);
  const totalW = total ?? null;
  return {
    totalCny: totalW,
    localCny: localW ?? null,
    inDistrictCny: inDistrictW ?? null,
    rate: ratioWithheld({ cell: local, withheld: localW ?? null }, { cell: all, withheld: totalW }),
    inDistrictRate: ratioWithheld({ cell: inDistrict, withheld: inDistrictW ?? null }, { cell: all, withheld: totalW }),
    byDistrict: new Map(rate.byDistrict.map((d, i) => [d.districtCode, byDistrict[i] ?? null])),
  };
}

export interface GapWithheld {
  purchasedCny: WithheldReason | null;
  localCny: WithheldReason | null;
  localShare: WithheldReason | null;
  /** By outside supplier id. */
  outsideSuppliers: Map<string, WithheldReason | null>;
}

/** A gap's figures from the leader's purchases in the segment: what was bought, the local part, each outside supplier. */
export function gapWithheld(viewer: Viewer | null, gap: { outsideSuppliers: readonly { firmId: string }[] }, purchases: readonly PurchaseRow[]): GapWithheld {
  const all = contributionsOf(purchases);
  const local = all.filter((_, i) => purchases[i]?.supplierInRegion);
  const bySupplier = cellsBy(purchases, all, (p) => p.supplierId);
  const outside = gap.outsideSuppliers.map((o) => bySupplier.get(o.firmId) ?? []);
  const [purchased, localW, ...outsideW] = withholdCells(viewer, [all, local, ...outside]);
  return {
    purchasedCny: purchased ?? null,
    localCny: localW ?? null,
    localShare: ratioWithheld({ cell: local, withheld: localW ?? null }, { cell: all, withheld: purchased ?? null }),
    outsideSuppliers: new Map(gap.outsideSuppliers.map((o, i) => [o.firmId, outsideW[i] ?? null])),
  };
}

/** The purchases of each gap, keyed `leader|segment`. */
export function purchasesByGap(purchases: readonly PurchaseRow[]): Map<string, PurchaseRow[]> {
  const groups = new Map<string, PurchaseRow[]>();
  for (const p of purchases) {
    const key = gapKey(p.buyerId, p.segmentCode);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return groups;
}

export const gapKey = (leaderId: string, segmentCode: string) => `${leaderId}\u0000${segmentCode}`;

/** A suggestion's amount sums its firm's sales to the listed leaders in the segment. */
export function suggestionsWithheld(viewer: Viewer | null, suggestions: readonly TargetSuggestion[], purchases: readonly PurchaseRow[]): (WithheldReason | null)[] {
  const byPair = purchasesByGap(purchases);
  const cells: Cell[] = suggestions.map((s) =>
    contributionsOf(s.leaderIds.flatMap((leaderId) => (byPair.get(gapKey(leaderId, s.segmentCode)) ?? []).filter((p) => p.supplierId === s.firmId))),
  );
  return withholdCells(viewer, cells);
}

/** A customer's share of a firm's sales is its sales to that customer over all its sales. */
export function sharesWithheld(viewer: Viewer | null, firmId: string, links: readonly TradeLinkRow[], dependence: readonly Dependence[]): Map<string, WithheldReason | null> {
  const sales = links.filter((l) => l.supplierId === firmId && l.kind === 'SUPPLY' && l.buyerId !== firmId);
  const all: Contribution[] = sales.map((l) => ({ supplierId: l.supplierId, buyerId: l.buyerId, orders: l.orderCount }));
  const byCustomer = new Map<string, Contribution[]>();
  for (const c of all) byCustomer.set(c.buyerId, [...(byCustomer.get(c.buyerId) ?? []), c]);
  const customers = dependence.map((d) => byCustomer.get(d.customerId) ?? []);
  const [total, ...each] = withholdCells(viewer, [all, ...customers]);
  return new Map(
    dependence.map((d, i) => [d.customerId, ratioWithheld({ cell: customers[i] ?? [], withheld: each[i] ?? null }, { cell: all, withheld: total ?? null })]),
  );
}

/** A freight saving is worked out from one outside supplier's sales to the buyer: one pair. */
export function savingWithheld(viewer: Viewer | null, candidate: SupplierCandidate): WithheldReason | null {
  return candidate.savingFrom ? aggregateWithheld(viewer, [candidate.savingFrom]) : null;
}
