import type { Dependence, SupplierCandidate } from '../analysis/types';
import { AggregateBlocks, ratioWithheld, type BlockPurchase, type BlockScope } from '../auth/aggregate-blocks';
import { aggregateWithheld, MIN_AGGREGATE, type Contribution, type WithheldReason } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { TargetSuggestion } from '../investment/suggestions';
import type { PurchaseRow, TradeLinkRow } from '../store/queries';
import { builder } from './builder';
import { groupBy } from '../group-by';

/**
 * Which figures of an answer a viewer sees under the small-cell rule (auth/policy.ts
 * `aggregateWithheld`, auth/aggregate-blocks.ts), worked out from the purchases the figures sum. A
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

/** A purchase row with what the blocks need; the figures of an answer are lists of these. */
type Bought = BlockPurchase & { row: PurchaseRow };

function blocksOf(viewer: Viewer | null, rows: readonly PurchaseRow[], scope: BlockScope): { bought: Bought[]; blocks: AggregateBlocks<Bought> } {
  const bought = rows.map((row) => ({
    supplierId: row.supplierId,
    buyerId: row.buyerId,
    orders: row.liveOrders,
    segmentCode: row.segmentCode,
    local: row.supplierInRegion,
    buyerDistrict: row.buyerDistrict,
    row,
  }));
  return { bought, blocks: new AggregateBlocks(viewer, bought, scope) };
}

/** The level of blocks an answer's scope covers: one buyer, one district's chain leaders, or all. */
export function scopeLevel(scope: { leaderId?: string | null; districtCode?: string | null }): BlockScope['level'] {
  return scope.leaderId ? 'buyer' : scope.districtCode ? 'district' : 'region';
}

export interface RateWithheld {
  rate: WithheldReason | null;
  inDistrictRate: WithheldReason | null;
  localCny: WithheldReason | null;
  inDistrictCny: WithheldReason | null;
  totalCny: WithheldReason | null;
  byDistrict: Map<string, WithheldReason | null>;
}

/** A supporting rate's figures: the total, the local part, the in-district part, each supplier district. */
export function rateWithheld(viewer: Viewer | null, purchases: readonly PurchaseRow[], scope: BlockScope): RateWithheld {
  const { bought, blocks } = blocksOf(viewer, purchases, scope);
  const local = bought.filter((p) => p.local);
  const inDistrict = bought.filter((p) => p.row.supplierDistrict === p.buyerDistrict);
  const total = { figure: bought, withheld: blocks.withheld(bought) };
  const localCny = blocks.withheld(local);
  const inDistrictCny = blocks.withheld(inDistrict);
  const byDistrict = groupBy(bought, (p) => p.row.supplierDistrict);
  return {
    totalCny: total.withheld,
    localCny,
    inDistrictCny,
    rate: ratioWithheld({ figure: local, withheld: localCny }, total),
    inDistrictRate: ratioWithheld({ figure: inDistrict, withheld: inDistrictCny }, total),
    byDistrict: new Map([...byDistrict].map(([code, figure]) => [code, blocks.withheld(figure)])),
  };
}

export interface GapWithheld {
  purchasedCny: WithheldReason | null;
  localCny: WithheldReason | null;
  localShare: WithheldReason | null;
  /** By outside supplier id. */
  outsideSuppliers: Map<string, WithheldReason | null>;
}

/** Each gap's figures (what was bought, the local part, each outside supplier), keyed `leader|segment`. */
export function gapsWithheld(viewer: Viewer | null, purchases: readonly PurchaseRow[], level: BlockScope['level']): (gap: { leaderId: string; segmentCode: string }) => GapWithheld {
  const { bought, blocks } = blocksOf(viewer, purchases, { level, segmentFiltered: false });
  const byGap = groupBy(bought, (p) => gapKey(p.buyerId, p.segmentCode));
  return (gap) => {
    const all = byGap.get(gapKey(gap.leaderId, gap.segmentCode)) ?? [];
    const local = all.filter((p) => p.local);
    const purchased = { figure: all, withheld: blocks.withheld(all) };
    const localCny = blocks.withheld(local);
    const suppliers = groupBy(all.filter((p) => !p.local), (p) => p.supplierId);
    return {
      purchasedCny: purchased.withheld,
      localCny,
      localShare: ratioWithheld({ figure: local, withheld: localCny }, purchased),
      outsideSuppliers: new Map([...suppliers].map(([id, figure]) => [id, blocks.withheld(figure)])),
    };
  };
}

const gapKey = (firmId: string, segmentCode: string) => `${firmId}\u0000${segmentCode}`;


/** A suggestion's amount sums its firm's sales to the listed leaders of the district in the segment. */
export function suggestionsWithheld(viewer: Viewer | null, suggestions: readonly TargetSuggestion[], purchases: readonly PurchaseRow[]): (WithheldReason | null)[] {
  const { bought, blocks } = blocksOf(viewer, purchases, { level: 'district', segmentFiltered: false });
  const bySupplier = groupBy(bought, (p) => gapKey(p.supplierId, p.segmentCode));
  return suggestions.map((s) => blocks.withheld((bySupplier.get(gapKey(s.firmId, s.segmentCode)) ?? []).filter((p) => s.leaderIds.includes(p.buyerId))));
}

/**
 * A customer's share of a firm's sales is its sales to that customer (one pair) over all its sales:
 * shown to whoever may see that pair's amount, and when it is 1 (the firm's only customer).
 */
export function sharesWithheld(viewer: Viewer | null, firmId: string, links: readonly TradeLinkRow[], dependence: readonly Dependence[]): Map<string, WithheldReason | null> {
  const sales: Contribution[] = links
    .filter((l) => l.supplierId === firmId && l.kind === 'SUPPLY' && l.buyerId !== firmId)
    .map((l) => ({ supplierId: l.supplierId, buyerId: l.buyerId, orders: l.orderCount }));
  const total = { figure: sales, withheld: aggregateWithheld(viewer, sales) };
  const byCustomer = groupBy(sales, (c) => c.buyerId);
  return new Map(
    dependence.map((d) => {
      const figure = byCustomer.get(d.customerId) ?? [];
      return [d.customerId, ratioWithheld({ figure, withheld: aggregateWithheld(viewer, figure) }, total)];
    }),
  );
}

/** A freight saving is worked out from one outside supplier's sales to the buyer: one pair. */
export function savingWithheld(viewer: Viewer | null, candidate: SupplierCandidate): WithheldReason | null {
  return candidate.savingFrom ? aggregateWithheld(viewer, [candidate.savingFrom]) : null;
}

/**
 * Lists ranked by an amount (gaps by value bought outside, suggestions by value, suppliers and
 * districts by amount) would place a withheld amount between two shown ones, which bounds it. So
 * items whose ranking amount is withheld follow the others, in an order that says nothing of it.
 */
export function withheldLast<T>(items: readonly T[], withheld: (item: T) => boolean, neutral: (item: T) => string): T[] {
  const shown = items.filter((item) => !withheld(item));
  if (shown.length === items.length) return [...items];
  const hidden = items.filter(withheld).sort((a, b) => neutral(a).localeCompare(neutral(b)));
  return [...shown, ...hidden];
}
