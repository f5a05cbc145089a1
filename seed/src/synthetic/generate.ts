import type { SeedDataset } from '../types';
import { articleDataset } from '../article';
import { firmCounts, generateFirms } from './firms';
import { places } from './places';
import { Prng } from './prng';
import { segmentFacts } from './segments';
import { generateLinks, generateNeeds, generateOrders, generateSupports } from './trade';

export interface SyntheticOptions {
  firms: number;
  orders: number;
  seed: number;
  years?: readonly number[];
}

/**
 * A synthetic cluster of any size with the article's districts and segment tree: chain leaders in
 * every western district (Hechuan heavier), a handful of OEMs, recyclers, and suppliers inside and
 * outside the region; leaders need what feeds their products and buy it mostly locally, partly
 * from outside, sometimes not at all, so chain gaps exist. The same options give the same dataset.
 *
 * Memory stays linear: orders are drawn from trade links (O(orders) draws, O(log links) each) and
 * every order shares its firm ids, segment code and source string with the rest.
 */
export function generateDataset({ firms, orders, seed, years = [2023, 2024, 2025] }: SyntheticOptions): SeedDataset {
  if (!Number.isInteger(orders) || orders < 0) throw new RangeError('orders must be a non-negative integer');
  if (years.length === 0) throw new RangeError('years must not be empty');
  const rng = new Prng(seed);
  const source = `synthetic generator seed ${seed}`;
  const where = places();
  const segs = segmentFacts(articleDataset.segments, articleDataset.feeds);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);

  const counts = firmCounts(firms, where.western.length);
  const generated = generateFirms(counts, rng, where, segs, source, lastYear);
  const needs = generateNeeds(generated.firms, rng, segs, source);
  const links = generateLinks(generated.firms, needs, rng);
  const tradeOrders = generateOrders(generated.firms, links, orders, years, rng, segs, source);
  const supports = generateSupports(generated.firms, links, Math.max(2, Math.round(firms / 250)), firstYear, rng, source);

  return {
    districts: where.districts,
    segments: articleDataset.segments.map((s) => ({ ...s })),
    feeds: articleDataset.feeds.map((f) => ({ ...f })),
    firms: generated.firms.map((f) => f.seed),
    capabilities: generated.capabilities,
    needs,
    orders: tradeOrders,
    supports,
    goals: [],
    targets: [],
    introductions: [],
  };
}
