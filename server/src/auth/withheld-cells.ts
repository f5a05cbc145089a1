import { aggregateWithheld, seesOrderAmount, type Contribution, type WithheldReason } from './policy';
import type { Viewer } from './viewer';

/**
 * The small-cell rule (policy.ts `aggregateWithheld`) applied to all the figures of one answer at
 * once. A figure on its own may pass the rule and still give a withheld one away: a total less a
 * shown part is the other part. So the figures are taken in order of importance and each is shown
 * only if, together with those already shown, it isolates no small group: the contributions are
 * split into regions by which shown figures they count in, and every region must pass the rule.
 * Any sum an attacker can work out from the shown figures is a combination of region sums, so no
 * pair with fewer than MIN_AGGREGATE companions comes out of one answer.
 *
 * A cell is the list of contributions one figure sums; the same contribution object may sit in
 * several cells (a purchase counts in the total, the local part and its district's part).
 */
export type Cell = readonly Contribution[];

export function withholdCells(viewer: Viewer | null, cells: readonly Cell[]): (WithheldReason | null)[] {
  // A viewer who may see every amount inside (a bureau; a firm its own) gets every figure at once.
  if (cells.every((cell) => cell.every((c) => seesOrderAmount(viewer, c)))) return cells.map(() => null);
  const reasons: (WithheldReason | null)[] = cells.map((cell) => aggregateWithheld(viewer, cell));
  /** For each contribution, the indexes of the shown cells it counts in, as a key. */
  const signature = new Map<Contribution, string>();
  cells.forEach((cell, i) => {
    if (reasons[i] !== null || cell.length === 0) return;
    const tried = new Map(signature);
    for (const c of cell) tried.set(c, `${tried.get(c) ?? ''}${i},`);
    if (regionsPass(viewer, tried)) for (const [c, key] of tried) signature.set(c, key);
    else reasons[i] = 'REVEALS_WITHHELD';
  });
  return reasons;
}

function regionsPass(viewer: Viewer | null, signature: ReadonlyMap<Contribution, string>): boolean {
  const regions = new Map<string, Contribution[]>();
  for (const [c, key] of signature) {
    const region = regions.get(key);
    if (region) region.push(c);
    else regions.set(key, [c]);
  }
  for (const region of regions.values()) if (aggregateWithheld(viewer, region) !== null) return false;
  return true;
}

/**
 * A share (numerator ÷ denominator) gives either amount away once the other is known, so it is
 * shown only when both are. Two shares say nothing about amounts and are always shown: 0 (the
 * numerator sums nothing) and 1 (it sums the same as the denominator), since who trades with whom
 * is public.
 */
export function ratioWithheld(
  numerator: { cell: Cell; withheld: WithheldReason | null },
  denominator: { cell: Cell; withheld: WithheldReason | null },
): WithheldReason | null {
  if (numerator.cell.length === 0) return null;
  if (numerator.cell.length === denominator.cell.length) {
    const inDenominator = new Set(denominator.cell);
    if (numerator.cell.every((c) => inDenominator.has(c))) return null;
  }
  return numerator.withheld ?? denominator.withheld;
}
