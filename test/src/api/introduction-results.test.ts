import type { IntroductionSeed, IntroductionStepSeed } from '@yulian/seed';
import { articleDataset } from '@yulian/seed';
import { loadDataset } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlDataAs, tokenFor } from '../roles';

/**
 * The results figures of introductions on a constructed case (issue 16): four introductions to
 * Jianya with known days, stages and orders behind them, so every figure can be worked out by hand.
 */

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();
const step = (stage: IntroductionStepSeed['stage'], at: number, extra: Partial<IntroductionStepSeed> = {}): IntroductionStepSeed => ({
  stage, at: day(at), actor: 'test', actorRole: 'BUREAU', note: null, ...extra,
});

function intro(id: string, supplierId: string, segmentCode: string, history: IntroductionStepSeed[]): IntroductionSeed {
  return {
    id, buyerId: 'jianya', supplierId, segmentCode, origin: 'GAP', year: 2024, note: null, goalYieldRate: null, goalCertifications: [],
    goalAnnualVolume: null, goalUnit: null, goalBy: null, steps: [], history, synthetic: true, source: 'Synthetic: a constructed case of the results test.',
  };
}

// Days in PROPOSED: 10, 20, 5, 7 (median 8.5). INTRODUCED: 20, 30, and C's decline is no progress (median 25).
// INSPECTED: 10, 30 (20). TRIAL: 60, 400 (230); A's plan change is not a move.
const constructed: IntroductionSeed[] = [
  intro('r-a', 'syn-dazu-casting', 'IRON_CASTING', [
    step('PROPOSED', 0), step('INTRODUCED', 10), step('INSPECTED', 30), step('INSPECTED', 35, { planChange: true }), step('TRIAL', 40), step('SUPPLYING', 100),
  ]),
  intro('r-b', 'syn-jiangjin-forging', 'FORGING', [
    step('PROPOSED', 0), step('INTRODUCED', 20), step('INSPECTED', 50), step('TRIAL', 80), step('SUPPLYING', 480),
  ]),
  intro('r-c', 'syn-rongchang-gear', 'GEAR', [step('PROPOSED', 0), step('INTRODUCED', 5), step('DECLINED', 9, { reason: 'PRICE', note: '报价高' })]),
  intro('r-d', 'aofang', 'BEARING', [step('PROPOSED', 3), step('INTRODUCED', 10)]),
];

let server: TestServer;
let bureau: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await loadDataset(server.store, { ...articleDataset, introductions: constructed });
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
});
afterAll(() => server?.close());

interface Results {
  total: number;
  open: number;
  supplying: number;
  declined: number;
  conversionRate: number | null;
  byStage: { stage: string; count: number }[];
  stageDays: { stage: string; medianDays: number | null; introductions: number }[];
  declineReasons: { reason: string; count: number }[];
  valueWonCny: number | null;
  rateSince: { year: number; rate: number | null } | null;
  rateNow: { year: number; rate: number | null } | null;
}

const RESULTS = `query R($year: Int!, $leaderId: ID, $segmentCode: String) { introductionResults(year: $year, leaderId: $leaderId, segmentCode: $segmentCode) {
  total open supplying declined conversionRate byStage { stage count } stageDays { stage medianDays introductions }
  declineReasons { reason count } valueWonCny rateSince { year rate } rateNow { year rate } } }`;

async function results(year: number, segmentCode?: string): Promise<Results> {
  return (await gqlDataAs<{ introductionResults: Results }>(server.url, bureau, RESULTS, { year, leaderId: 'jianya', segmentCode })).introductionResults;
}

describe('introduction results for a chain leader', () => {
  it('counts by stage, the conversion and the decline reasons', async () => {
    const r = await results(2025);
    expect(r).toMatchObject({ total: 4, open: 1, supplying: 2, declined: 1, conversionRate: 0.5 });
    expect(r.byStage).toEqual([
      { stage: 'PROPOSED', count: 0 }, { stage: 'INTRODUCED', count: 1 }, { stage: 'INSPECTED', count: 0 },
      { stage: 'TRIAL', count: 0 }, { stage: 'SUPPLYING', count: 2 }, { stage: 'DECLINED', count: 1 },
    ]);
    expect(r.declineReasons.find((d) => d.reason === 'PRICE')?.count).toBe(1);
    expect(r.declineReasons.filter((d) => d.reason !== 'PRICE').every((d) => d.count === 0)).toBe(true);
  });

  it('gives the median days spent in each stage before moving on', async () => {
    expect((await results(2025)).stageDays).toEqual([
      { stage: 'PROPOSED', medianDays: 8.5, introductions: 4 },
      { stage: 'INTRODUCED', medianDays: 25, introductions: 2 },
      { stage: 'INSPECTED', medianDays: 20, introductions: 2 },
      { stage: 'TRIAL', medianDays: 230, introductions: 2 },
    ]);
  });

  it('sums the supply won in a year from the introductions that reached supplying by then, from the orders themselves', async () => {
    const orders = articleDataset.orders.filter((o) => o.buyerId === 'jianya' && o.status !== 'CANCELLED');
    const sum = (year: number, pairs: [string, string][]) =>
      orders.filter((o) => o.year === year && pairs.some(([s, seg]) => o.supplierId === s && o.segmentCode === seg)).reduce((total, o) => total + o.amountCny, 0);
    // A reached supplying in April 2024, B in April 2025.
    expect((await results(2024)).valueWonCny).toBe(sum(2024, [['syn-dazu-casting', 'IRON_CASTING']]));
    const in2025 = sum(2025, [['syn-dazu-casting', 'IRON_CASTING'], ['syn-jiangjin-forging', 'FORGING']]);
    expect(in2025).toBeGreaterThan(sum(2025, [['syn-dazu-casting', 'IRON_CASTING']]));
    expect((await results(2025)).valueWonCny).toBe(in2025);
  });

  it('shows the leader’s local supporting rate in the year of the first introduction and in the year asked, as the rate query gives it', async () => {
    const rate = async (year: number) =>
      (await gqlDataAs<{ localSupportRate: { rate: number | null } }>(server.url, bureau, `{ localSupportRate(year: ${year}, leaderId: "jianya") { rate } }`)).localSupportRate.rate;
    const r = await results(2025);
    expect(r.rateSince).toEqual({ year: 2024, rate: await rate(2024) });
    expect(r.rateNow).toEqual({ year: 2025, rate: await rate(2025) });
  });

  it('narrows to a segment', async () => {
    expect(await results(2025, 'GEAR')).toMatchObject({ total: 1, declined: 1, conversionRate: 0, valueWonCny: 0 });
  });
});
