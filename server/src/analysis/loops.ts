import type { LoopHop, MaterialLoop } from './types';

/** One yearly trade edge: supply or scrap return, summed per supplier, buyer, segment and kind. */
export interface TradeEdge {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  amountCny: number;
}

/** Longest loop searched (the walk below is unrolled for it): longer rings are no loop an officer acts on, and their number explodes. */
export const MAX_LOOP_FIRMS = 4;

/**
 * Closed material cycles of two to four firms (a recycler's metal going to a die-caster whose scrap
 * comes back; longer rings through other firms).
 *
 * Rules:
 * - A loop is a cycle of distinct firms. Parallel edges between the same two firms (different
 *   segments, or supply and scrap return) are one hop of one loop, listing all their segments and
 *   adding all their value: the question is which firms circulate material among themselves, and
 *   splitting by segment would list the same ring once per combination of segments (k₁·k₂·k₃·k₄
 *   times) and count its value that many times over.
 * - Each loop is reported once, rotated to start at its smallest firm id (ids compared as strings);
 *   direction is the direction material flows, so A→B→C→A and A→C→B→A are different loops.
 * - amountCny is the yearly value of every edge on the loop's hops.
 *
 * Search: from each start firm s, a depth-bounded walk only through firms with larger ids, which
 * finds each cycle from its smallest firm only. The last hop is a lookup among s's suppliers rather
 * than a walk, and a firm that supplies none of them is never walked into, so the work stays near
 * the number of two-step paths. Firms become integers ordered like their ids and the graph compact
 * arrays: hundreds of thousands of small Maps and Sets would cost more than the search itself.
 */
export function findMaterialLoops(edges: readonly TradeEdge[]): MaterialLoop[] {
  const graph = compactGraph(edges);
  const cycles: number[][] = [];
  const n = graph.names.length;
  // Marks stamped with s + 1, so they never need clearing between starts.
  const closer = new Int32Array(n);
  const beforeCloser = new Int32Array(n);

  for (let s = 0; s < n; s++) {
    const stamp = s + 1;
    const closers: number[] = [];
    for (const c of graph.into(s)) {
      if (c <= s) continue;
      closer[c] = stamp;
      closers.push(c);
      for (const b of graph.into(c)) if (b > s) beforeCloser[b] = stamp;
    }
    if (!closers.length) continue;
    for (const a of graph.out(s)) {
      if (a <= s) continue;
      if (closer[a] === stamp) cycles.push([s, a]);
      for (const b of graph.out(a)) {
        if (b <= s || b === a) continue;
        if (closer[b] === stamp) cycles.push([s, a, b]);
        if (beforeCloser[b] !== stamp) continue;
        // Walk whichever is smaller: b's customers, or s's suppliers looked up among them (a hub b has thousands).
        const targets = graph.out(b);
        const lasts = targets.length <= closers.length ? targets.filter((c) => closer[c] === stamp) : closers.filter((c) => contains(targets, c));
        for (const c of lasts) if (c !== a && c !== b) cycles.push([s, a, b, c]);
      }
    }
  }
  return describeLoops(cycles, graph.names, edges).sort(
    (x, y) => y.amountCny - x.amountCny || compareIds(x.firmIds.join('>'), y.firmIds.join('>')),
  );
}

/** Binary search in a sorted adjacency list. */
function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

interface CompactGraph {
  /** Firm ids, sorted: index order is id order. */
  names: string[];
  out(firm: number): Int32Array;
  into(firm: number): Int32Array;
}

/** Distinct firm-to-firm pairs (self-deliveries dropped) as adjacency arrays both ways. */
function compactGraph(edges: readonly TradeEdge[]): CompactGraph {
  // One pass hashes each id once; numbers handed out in order of appearance are re-ranked by id after.
  const seen = new Map<string, number>();
  const firstNames: string[] = [];
  const numberOf = (id: string): number => {
    let i = seen.get(id);
    if (i === undefined) {
      seen.set(id, (i = firstNames.length));
      firstNames.push(id);
    }
    return i;
  };
  const ends = new Int32Array(edges.length * 2);
  edges.forEach((e, i) => {
    ends[2 * i] = numberOf(e.supplierId);
    ends[2 * i + 1] = numberOf(e.buyerId);
  });
  const n = firstNames.length;
  const order = Array.from(firstNames.keys()).sort((a, b) => compareIds(firstNames[a] as string, firstNames[b] as string));
  const rank = new Int32Array(n);
  order.forEach((first, r) => (rank[first] = r));
  const names = order.map((first) => firstNames[first] as string);
  // One number per pair (from · n + to, exact below 2⁵³); sorted, equal pairs sit together and
  // each firm's customers follow in order: the out-adjacency is the distinct keys as they come.
  const keys = new Float64Array(edges.length);
  let k = 0;
  for (let i = 0; i < edges.length; i++) {
    const f = at(rank, at(ends, 2 * i));
    const t = at(rank, at(ends, 2 * i + 1));
    if (f !== t) keys[k++] = f * n + t;
  }
  const outKeys = distinctSorted(keys.subarray(0, k).sort());
  // The same pairs keyed the other way round give the in-adjacency.
  const inKeys = new Float64Array(outKeys.length);
  outKeys.forEach((key, i) => (inKeys[i] = (key % n) * n + Math.floor(key / n)));
  const [outStart, outAdj] = adjacency(n, outKeys);
  const [inStart, inAdj] = adjacency(n, inKeys.sort());
  return {
    names,
    out: (firm) => outAdj.subarray(at(outStart, firm), at(outStart, firm + 1)),
    into: (firm) => inAdj.subarray(at(inStart, firm), at(inStart, firm + 1)),
  };
}

function at(array: Int32Array, i: number): number {
  return array[i] as number;
}

function distinctSorted(sorted: Float64Array): Float64Array {
  let kept = 0;
  sorted.forEach((key, i) => {
    if (i === 0 || key !== sorted[kept - 1]) sorted[kept++] = key;
  });
  return sorted.subarray(0, kept);
}

/**
 * Sorted pair keys (owner · n + other) as adjacency arrays: where each owner's run begins, and the
 * others in order.
 */
function adjacency(n: number, keys: Float64Array): [start: Int32Array, others: Int32Array] {
  const start = new Int32Array(n + 1);
  const others = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    const owner = Math.floor(key / n);
    start[owner + 1] = at(start, owner + 1) + 1;
    others[i] = key - owner * n;
  });
  for (let i = 0; i < n; i++) start[i + 1] = at(start, i + 1) + at(start, i);
  return [start, others];
}

/** The order of `<` on strings (UTF-16 code units), which is what "smallest id" means here. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hops with their segments and values, read from the edges only for the pairs on some loop. */
function describeLoops(cycles: readonly number[][], names: readonly string[], edges: readonly TradeEdge[]): MaterialLoop[] {
  const hops = new Map<string, LoopHop>();
  const pairKey = (fromId: string, toId: string) => `${fromId}\u0000${toId}`;
  const loops = cycles.map((cycle) => {
    const firmIds = cycle.map((i) => names[i] as string);
    const loopHops = firmIds.map((fromId, i) => {
      const toId = firmIds[(i + 1) % firmIds.length] as string;
      const key = pairKey(fromId, toId);
      let hop = hops.get(key);
      if (!hop) hops.set(key, (hop = { fromId, toId, segmentCodes: [], amountCny: 0 }));
      return hop;
    });
    return { firmIds, hops: loopHops };
  });
  // Most edges touch no loop: one set lookup spares building their pair key.
  const onLoops = new Set(loops.flatMap((l) => l.firmIds));
  for (const e of edges) {
    if (!onLoops.has(e.supplierId)) continue;
    const hop = hops.get(pairKey(e.supplierId, e.buyerId));
    if (!hop) continue;
    if (!hop.segmentCodes.includes(e.segmentCode)) hop.segmentCodes.push(e.segmentCode);
    hop.amountCny += e.amountCny;
  }
  for (const hop of hops.values()) hop.segmentCodes.sort();
  return loops.map(({ firmIds, hops: loopHops }) => {
    // Loops sharing a hop must not share its object: a caller may change one without the other.
    const own = loopHops.map((h) => ({ ...h, segmentCodes: [...h.segmentCodes] }));
    return {
      firmIds,
      hops: own,
      segmentCodes: [...new Set(own.flatMap((h) => h.segmentCodes))],
      amountCny: own.reduce((sum, h) => sum + h.amountCny, 0),
    };
  });
}
