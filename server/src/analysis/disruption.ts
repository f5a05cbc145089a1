import type { DisruptionLoss } from './types';

/** A yearly supply flow (supply orders, not cancelled) from one firm to another for one segment. */
export interface SupplyFlow {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  amountCny: number;
}

/** A FEEDS link between segments, upstream → downstream. */
export interface SegmentFeed {
  fromCode: string;
  toCode: string;
}

export type TierLoss = Omit<DisruptionLoss, 'alternatives'>;

/** Every segment of a stopped firm is lost; a buyer further down loses only some. */
type Lost = 'everything' | ReadonlySet<string>;

/**
 * Where a disruption stands after some tiers: the firms already reached (never reached twice) and
 * those reached at the last tier, with what each of them lost.
 */
export interface DisruptionState {
  tier: number;
  visited: ReadonlySet<string>;
  frontier: ReadonlyMap<string, Lost>;
}

export function startDisruption(stoppedFirmId: string): DisruptionState {
  return { tier: 0, visited: new Set([stoppedFirmId]), frontier: new Map([[stoppedFirmId, 'everything']]) };
}

/**
 * Whether a firm that lost `lost` segments can no longer fully deliver segment `onward`, by the
 * FEEDS links (upstream → downstream, followed transitively):
 *
 * - it resells or passes on a lost segment itself (onward is one of them);
 * - a lost segment feeds `onward`, directly or through other segments (BRAKE_DRUM → DRIVE_AXLE →
 *   VEHICLE_ASSEMBLY);
 * - a lost segment feeds nothing that is recorded: with no knowledge of where it goes, every
 *   onward supply of the firm is taken to be at risk. Over-warning an officer costs a phone call;
 *   a silently missed knock-on effect costs the chain.
 *
 * Otherwise the onward supply is taken to be safe: FEEDS knows where the lost segment goes, and
 * it is not there (Tianchiyu losing its battery-enclosure inputs still delivers stamped parts).
 */
export function feedsRule(feeds: readonly SegmentFeed[]): (lost: ReadonlySet<string>, onward: string) => boolean {
  const downstream = new Map<string, string[]>();
  for (const f of feeds) {
    const next = downstream.get(f.fromCode);
    if (next) next.push(f.toCode);
    else downstream.set(f.fromCode, [f.toCode]);
  }
  const reach = new Map<string, ReadonlySet<string>>();
  const reachOf = (code: string): ReadonlySet<string> => {
    let seen = reach.get(code);
    if (seen) return seen;
    const found = new Set<string>();
    const stack = [...(downstream.get(code) ?? [])];
    while (stack.length) {
      const next = stack.pop() as string;
      if (found.has(next)) continue;
      found.add(next);
      stack.push(...(downstream.get(next) ?? []));
    }
    reach.set(code, (seen = found));
    return seen;
  };
  return (lost, onward) => {
    for (const code of lost) {
      if (code === onward || !downstream.has(code) || reachOf(code).has(onward)) return true;
    }
    return false;
  };
}

/**
 * One tier further: `flows` are the supply flows out of the firms of the current frontier (others
 * are ignored). Tier 1 loses every flow of the stopped firm; tier k + 1 loses the flows of tier-k
 * buyers that `affects` says their losses reach. Each affected (buyer, supplier, segment) is one
 * loss worth the whole yearly flow: how much of a buyer's output a lost input really stops is not
 * in the data, so the value at risk is stated, not guessed at. A firm is reached at its first tier
 * only (several losses there if several suppliers fail it); loops and diamonds never bring it back.
 */
export function stepDisruption(
  state: DisruptionState,
  flows: readonly SupplyFlow[],
  affects: (lost: ReadonlySet<string>, onward: string) => boolean,
): { losses: TierLoss[]; next: DisruptionState } {
  const tier = state.tier + 1;
  const amounts = new Map<string, TierLoss>();
  for (const f of flows) {
    const lost = state.frontier.get(f.supplierId);
    if (!lost || state.visited.has(f.buyerId)) continue;
    if (lost !== 'everything' && !affects(lost, f.segmentCode)) continue;
    const key = `${f.buyerId}\u0000${f.supplierId}\u0000${f.segmentCode}`;
    const loss = amounts.get(key);
    if (loss) loss.amountCny += f.amountCny;
    else amounts.set(key, { tier, buyerId: f.buyerId, lostSupplierId: f.supplierId, segmentCode: f.segmentCode, amountCny: f.amountCny });
  }
  const losses = [...amounts.values()].sort(
    (a, b) =>
      b.amountCny - a.amountCny ||
      a.buyerId.localeCompare(b.buyerId) ||
      a.lostSupplierId.localeCompare(b.lostSupplierId) ||
      a.segmentCode.localeCompare(b.segmentCode),
  );
  const frontier = new Map<string, Set<string>>();
  for (const l of losses) {
    const segments = frontier.get(l.buyerId);
    if (segments) segments.add(l.segmentCode);
    else frontier.set(l.buyerId, new Set([l.segmentCode]));
  }
  return { losses, next: { tier, visited: new Set([...state.visited, ...frontier.keys()]), frontier } };
}

/** The whole cascade over flows already in memory, up to `tiers` tiers or until nobody more is reached. */
export function disruptionLosses(
  stoppedFirmId: string,
  tiers: number,
  flows: readonly SupplyFlow[],
  feeds: readonly SegmentFeed[],
): TierLoss[] {
  const affects = feedsRule(feeds);
  const losses: TierLoss[] = [];
  let state = startDisruption(stoppedFirmId);
  while (state.tier < tiers && state.frontier.size) {
    const step = stepDisruption(state, flows, affects);
    losses.push(...step.losses);
    state = step.next;
  }
  return losses;
}
