/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Math.random cannot be seeded,
 * and a dataset that differs between runs makes benchmarks incomparable and failures unrepeatable.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (0, 1, 2, …) so neighbouring seeds do not start in similar states.
    this.state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ 0x6d2b79f5) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Standard normal (Box–Muller; the second value is dropped to keep the stream simple). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and shape, clamped to [min, max]. */
  logNormal(median: number, sigma: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, median * Math.exp(sigma * this.normal())));
  }

  /** 1, 2, 3, … with P(k) ∝ (1 − p)^(k − 1), capped. */
  geometric(p: number, cap: number): number {
    let k = 1;
    while (k < cap && !this.chance(p)) k++;
    return k;
  }

  /** Index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * Weighted draws in O(log n) for large tables (a million orders over tens of thousands of trade
 * links): cumulative weights and a binary search.
 */
export class WeightedTable {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i] as number;
      this.cumulative[i] = total;
    }
    if (weights.length === 0 || total <= 0) throw new Error('a weighted table needs a positive weight');
  }

  draw(rng: Prng): number {
    const c = this.cumulative;
    const r = rng.next() * (c[c.length - 1] as number);
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
