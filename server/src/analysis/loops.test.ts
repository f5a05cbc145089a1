import { describe, expect, it } from 'vitest';
import { findMaterialLoops, MAX_LOOP_FIRMS, type TradeEdge } from './loops';
import { layeredTradeGraph } from './loops-workload';

const edge = (supplierId: string, buyerId: string, amountCny = 1, segmentCode = 'SEG'): TradeEdge => ({
  supplierId,
  buyerId,
  segmentCode,
  amountCny,
});

/** A directed ring through the firms in order, the last shipping back to the first. */
const ring = (ids: string[], amountCny = 1): TradeEdge[] => ids.map((id, i) => edge(id, ids[(i + 1) % ids.length] as string, amountCny));

describe('material loops', () => {
  it('finds a recycler ↔ customer 2-cycle once, with both segments and the total value', () => {
    const loops = findMaterialLoops([
      edge('shunbo', 'ruitong', 83, 'RECYCLED_AL'),
      edge('ruitong', 'shunbo', 17, 'SCRAP_AL'),
      edge('ruitong', 'pingwei', 30, 'AL_DIE_CASTING'),
    ]);
    expect(loops).toEqual([
      {
        firmIds: ['ruitong', 'shunbo'],
        hops: [
          { fromId: 'ruitong', toId: 'shunbo', segmentCodes: ['SCRAP_AL'], amountCny: 17 },
          { fromId: 'shunbo', toId: 'ruitong', segmentCodes: ['RECYCLED_AL'], amountCny: 83 },
        ],
        segmentCodes: ['SCRAP_AL', 'RECYCLED_AL'],
        amountCny: 100,
      },
    ]);
  });

  it('finds a 3-cycle and a 4-cycle once each, rotated to start at the smallest id', () => {
    const three = findMaterialLoops(ring(['c', 'a', 'b']));
    expect(three.map((l) => l.firmIds)).toEqual([['a', 'b', 'c']]);
    const four = findMaterialLoops(ring(['d', 'b', 'a', 'c'], 5));
    expect(four.map((l) => l.firmIds)).toEqual([['a', 'c', 'd', 'b']]);
    expect(four[0]?.amountCny).toBe(20);
  });

  it('does not report cycles of five firms or more', () => {
    expect(MAX_LOOP_FIRMS).toBe(4);
    expect(findMaterialLoops(ring(['a', 'b', 'c', 'd', 'e']))).toEqual([]);
    expect(findMaterialLoops(ring(['a', 'b', 'c', 'd', 'e', 'f']))).toEqual([]);
  });

  it('treats the two directions around the same firms as two loops', () => {
    const loops = findMaterialLoops([...ring(['a', 'b', 'c'], 1), ...ring(['a', 'c', 'b'], 2)]);
    // The opposite rings also make three 2-cycles (a↔b, b↔c, a↔c).
    expect(loops.map((l) => l.firmIds.join('>')).sort()).toEqual(['a>b', 'a>b>c', 'a>c', 'a>c>b', 'b>c']);
  });

  it('merges parallel edges (other segments, scrap returns) into one hop of one loop', () => {
    const loops = findMaterialLoops([
      edge('a', 'b', 10, 'RECYCLED_AL'),
      edge('a', 'b', 5, 'AL_EXTRUSION'),
      edge('a', 'b', 1, 'RECYCLED_AL'),
      edge('b', 'a', 3, 'SCRAP_AL'),
    ]);
    expect(loops).toHaveLength(1);
    expect(loops[0]?.hops[0]).toEqual({ fromId: 'a', toId: 'b', segmentCodes: ['AL_EXTRUSION', 'RECYCLED_AL'], amountCny: 16 });
    expect(loops[0]?.segmentCodes).toEqual(['AL_EXTRUSION', 'RECYCLED_AL', 'SCRAP_AL']);
    expect(loops[0]?.amountCny).toBe(19);
  });

  it('ignores self-loops and open chains, and lists the largest loop first', () => {
    const loops = findMaterialLoops([edge('a', 'a'), edge('a', 'b'), edge('b', 'c'), ...ring(['x', 'y'], 50), ...ring(['p', 'q', 'r'], 1)]);
    expect(loops.map((l) => l.firmIds)).toEqual([['x', 'y'], ['p', 'q', 'r']]);
  });

  it('agrees with a brute-force search on random graphs', () => {
    const random = seeded(7);
    for (let round = 0; round < 30; round++) {
      const ids = Array.from({ length: 7 }, (_, i) => `f${i}`);
      const edges: TradeEdge[] = [];
      for (let i = 0; i < 16; i++) {
        const from = ids[Math.floor(random() * ids.length)] as string;
        const to = ids[Math.floor(random() * ids.length)] as string;
        edges.push(edge(from, to, 1 + Math.floor(random() * 9), random() < 0.5 ? 'S1' : 'S2'));
      }
      const found = findMaterialLoops(edges).map((l) => l.firmIds.join('>'));
      expect(new Set(found).size).toBe(found.length);
      expect(found.sort()).toEqual(bruteForceCycles(edges).sort());
    }
  });

  it('finds only real cycles of 2–4 distinct firms in a region-sized graph (speed is in pnpm bench)', () => {
    const edges = layeredTradeGraph(seeded(42));
    const has = new Set(edges.map((e) => `${e.supplierId}>${e.buyerId}`));
    const loops = findMaterialLoops(edges);
    expect(loops.length).toBeGreaterThan(0);
    for (const loop of loops) {
      expect(new Set(loop.firmIds).size).toBe(loop.firmIds.length);
      expect(loop.firmIds.length).toBeGreaterThanOrEqual(2);
      expect(loop.firmIds.length).toBeLessThanOrEqual(MAX_LOOP_FIRMS);
      for (const hop of loop.hops) expect(has.has(`${hop.fromId}>${hop.toId}`)).toBe(true);
    }
  });
});

/** Every simple cycle of 2–4 distinct firms, by trying every sequence: the definition, slowly. */
function bruteForceCycles(edges: readonly TradeEdge[]): string[] {
  const has = new Set(edges.filter((e) => e.supplierId !== e.buyerId).map((e) => `${e.supplierId}>${e.buyerId}`));
  const ids = [...new Set(edges.flatMap((e) => [e.supplierId, e.buyerId]))].sort();
  const cycles = new Set<string>();
  const extend = (path: string[]) => {
    const last = path[path.length - 1] as string;
    if (path.length >= 2 && has.has(`${last}>${path[0]}`)) cycles.add(path.join('>'));
    if (path.length === 4) return;
    for (const next of ids) if (!path.includes(next) && next > (path[0] as string) && has.has(`${last}>${next}`)) extend([...path, next]);
  };
  for (const start of ids) extend([start]);
  return [...cycles];
}

/** A small deterministic PRNG (mulberry32), so the random cases are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
