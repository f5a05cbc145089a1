/** A seeded PRNG (mulberry32): the same seed gives the same documents on every machine. */
export interface Random {
  readonly seed: number;
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `max` distinct items, in random order. */
  some<T>(items: readonly T[], max: number): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick,
    some<T>(items: readonly T[], max: number): T[] {
      const pool = [...items];
      const out: T[] = [];
      const n = int(1, Math.min(max, pool.length));
      while (out.length < n && pool.length > 0) out.push(...pool.splice(int(0, pool.length - 1), 1));
      return out;
    },
  };
}
