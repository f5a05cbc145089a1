import { aggregateWithheld, seesOrderAmount, type Contribution, type WithheldReason } from './policy';
import type { Viewer } from './viewer';
import { groupBy } from '../group-by';

/**
 * The small-cell rule (policy.ts `aggregateWithheld`) across every figure a viewer can ask for.
 * Checking each figure alone is not enough: a district's total less the totals of two of its three
 * chain leaders is the third's, however small. So the year's purchases are cut into blocks once, the
 * same way whatever is asked, and a figure is shown only if it is made of whole blocks that each
 * pass the rule. Any sum worked out from shown figures, of one answer or of many, is then a
 * combination of block sums, and no group smaller than the rule allows comes out of them.
 *
 * The blocks follow the figures the API gives, finest first:
 *  1. a buyer's purchases of one segment, split into its local and outside parts when both parts
 *     pass (so the local share can be shown), else whole when it passes;
 *  2. what is left of the buyer, all segments together (its small segments);
 *  3. what is left of the chain leaders of one district;
 *  4. what is left of all chain leaders.
 * Each level is only known to an answer whose scope covers it (a leader's rate does not read the
 * other leaders'), so purchases left over beyond the scope of the answer, or below a segment filter,
 * are treated as belonging to a block the answer cannot see whole: any figure holding them is
 * withheld. Withholding more than the blocks require is always safe.
 */

/** A purchase as the blocks need it: one trade link of a buyer in a segment. */
export interface BlockPurchase extends Contribution {
  segmentCode: string;
  /** The supplier lies inside the region. */
  local: boolean;
  buyerDistrict: string;
}

export interface BlockScope {
  /** One buyer, a district's chain leaders, or every chain leader. */
  level: 'buyer' | 'district' | 'region';
  /** Only one segment's purchases were read. */
  segmentFiltered: boolean;
}

/** Where a purchase ended up: a block (its id) or nowhere this answer can see whole. */
const OUT_OF_SIGHT = -1;

export class AggregateBlocks<P extends BlockPurchase> {
  private readonly blockOf = new Map<P, number>();
  private readonly sizes: number[] = [];
  /** A viewer who may see every amount inside needs no blocks. */
  private readonly seesAll: boolean;

  constructor(
    private readonly viewer: Viewer | null,
    purchases: readonly P[],
    scope: BlockScope,
  ) {
    this.seesAll = purchases.every((p) => seesOrderAmount(viewer, p));
    if (this.seesAll) return;
    const leftOfBuyer = new Map<string, P[]>();
    for (const group of groupBy(purchases, (p) => `${p.buyerId}\u0000${p.segmentCode}`).values()) {
      if (!this.passes(group)) {
        push(leftOfBuyer, group[0]?.buyerId ?? '', group);
        continue;
      }
      const local = group.filter((p) => p.local);
      const outside = group.filter((p) => !p.local);
      if (local.length && outside.length && !(this.passes(local) && this.passes(outside))) this.place(group);
      else for (const part of [local, outside]) if (part.length) this.place(part);
    }
    // Below a segment filter the buyer's other segments are unknown: its small segments are out of sight.
    if (scope.segmentFiltered) {
      for (const rows of leftOfBuyer.values()) this.hide(rows);
      return;
    }
    const leftOfDistrict = this.settle(leftOfBuyer, (rows) => rows[0]?.buyerDistrict ?? '');
    const leftOfRegion = scope.level === 'buyer' ? leftOfDistrict : this.settle(leftOfDistrict, () => 'region');
    for (const rows of leftOfRegion.values()) {
      if (scope.level === 'region' && this.passes(rows)) this.place(rows);
      else this.hide(rows);
    }
  }

  /** Why a figure summing these purchases is withheld from the viewer, or null when it is shown. */
  withheld(figure: readonly P[]): WithheldReason | null {
    if (this.seesAll || figure.length === 0) return null;
    const alone = aggregateWithheld(this.viewer, figure);
    if (alone) return alone;
    const inFigure = new Map<number, number>();
    for (const p of figure) {
      const block = this.blockOf.get(p) ?? OUT_OF_SIGHT;
      if (block === OUT_OF_SIGHT) return 'REVEALS_WITHHELD';
      inFigure.set(block, (inFigure.get(block) ?? 0) + 1);
    }
    for (const [block, count] of inFigure) if (count !== this.sizes[block]) return 'REVEALS_WITHHELD';
    return null;
  }

  private passes(rows: readonly P[]): boolean {
    return aggregateWithheld(this.viewer, rows) === null;
  }

  private place(rows: readonly P[]): void {
    const id = this.sizes.length;
    this.sizes.push(rows.length);
    for (const p of rows) this.blockOf.set(p, id);
  }

  private hide(rows: readonly P[]): void {
    for (const p of rows) this.blockOf.set(p, OUT_OF_SIGHT);
  }

  /** Places each leftover group that passes as a block; hands the rest up, grouped by `up`. */
  private settle(left: ReadonlyMap<string, P[]>, up: (rows: readonly P[]) => string): Map<string, P[]> {
    const next = new Map<string, P[]>();
    for (const rows of left.values()) {
      if (this.passes(rows)) this.place(rows);
      else push(next, up(rows), rows);
    }
    return next;
  }
}

function push<P>(groups: Map<string, P[]>, key: string, rows: readonly P[]): void {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = []));
  for (const p of rows) group.push(p);
}

/**
 * A share (numerator ÷ denominator) gives either amount away once the other is known, so it is
 * shown only when both are. Two shares say nothing about amounts and are always shown: 0 (the
 * numerator sums nothing) and 1 (it sums the same as the denominator), since who trades with whom
 * is public.
 */
export function ratioWithheld<P>(
  numerator: { figure: readonly P[]; withheld: WithheldReason | null },
  denominator: { figure: readonly P[]; withheld: WithheldReason | null },
): WithheldReason | null {
  if (numerator.figure.length === 0) return null;
  if (numerator.figure.length === denominator.figure.length) {
    const inDenominator = new Set(denominator.figure);
    if (numerator.figure.every((p) => inDenominator.has(p))) return null;
  }
  return numerator.withheld ?? denominator.withheld;
}
