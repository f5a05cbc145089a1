import { describe, expect, it } from 'vitest';
import { chinaDay, chinaDayStart, chinaYearMonth, computeProgress, gapSegmentsWithoutTarget, type TargetFacts } from './progress';

/** A target that walked the stages at the given times (one history entry per stage). */
function target(
  id: string,
  steps: [TargetFacts['stage'], string][],
  amounts: { agreementCny?: number; investmentCny?: number; fundsInPlaceCny?: number } = {},
): TargetFacts {
  const last = steps[steps.length - 1];
  if (!last) throw new Error('a target has at least its creation');
  return {
    id,
    stage: last[0],
    agreementCny: amounts.agreementCny ?? null,
    investmentCny: amounts.investmentCny ?? null,
    fundsInPlaceCny: amounts.fundsInPlaceCny ?? null,
    history: steps.map(([stage, at]) => ({ stage, at })),
  };
}

const lead = (at: string): [TargetFacts['stage'], string] => ['LEAD', at];

const targets: TargetFacts[] = [
  // Signed in February 2025, started in April, producing in May.
  target('a', [lead('2024-11-02T02:00:00Z'), ['CONTACTED', '2024-12-01T02:00:00Z'], ['NEGOTIATING', '2025-01-10T02:00:00Z'], ['SIGNED', '2025-02-15T02:00:00Z'], ['STARTED', '2025-04-01T02:00:00Z'], ['PRODUCING', '2025-05-20T02:00:00Z']], { agreementCny: 1_000_000_000, investmentCny: 800_000_000, fundsInPlaceCny: 600_000_000 }),
  // Signed in March 2025, started in March.
  target('b', [lead('2025-01-05T02:00:00Z'), ['CONTACTED', '2025-01-20T02:00:00Z'], ['NEGOTIATING', '2025-02-01T02:00:00Z'], ['SIGNED', '2025-03-03T02:00:00Z'], ['STARTED', '2025-03-30T02:00:00Z']], { agreementCny: 500_000_000, investmentCny: 400_000_000, fundsInPlaceCny: 100_000_000 }),
  // Signed in May 2025, not started; no investment figure (left out of the fund rate).
  target('c', [lead('2025-01-05T02:00:00Z'), ['CONTACTED', '2025-02-20T02:00:00Z'], ['NEGOTIATING', '2025-03-01T02:00:00Z'], ['SIGNED', '2025-05-03T02:00:00Z']], { agreementCny: 300_000_000 }),
  // Signed in 2024: not this year's.
  target('d', [lead('2024-01-05T02:00:00Z'), ['CONTACTED', '2024-02-20T02:00:00Z'], ['NEGOTIATING', '2024-03-01T02:00:00Z'], ['SIGNED', '2024-06-03T02:00:00Z'], ['STARTED', '2025-01-03T02:00:00Z']], { agreementCny: 9_000_000_000, investmentCny: 1, fundsInPlaceCny: 1 }),
  // Signed in 2025, then dropped: no longer counts.
  target('e', [lead('2025-01-05T02:00:00Z'), ['CONTACTED', '2025-01-06T02:00:00Z'], ['NEGOTIATING', '2025-01-07T02:00:00Z'], ['SIGNED', '2025-02-03T02:00:00Z'], ['DROPPED', '2025-04-03T02:00:00Z']], { agreementCny: 7_000_000_000 }),
  // Still negotiating.
  target('f', [lead('2025-01-05T02:00:00Z'), ['CONTACTED', '2025-03-06T02:00:00Z'], ['NEGOTIATING', '2025-04-07T02:00:00Z']], { agreementCny: 2_000_000_000 }),
  // Signed at 01:00 on 1 January 2026 in China, still 2025 in UTC: 2026's.
  target('g', [lead('2025-10-05T02:00:00Z'), ['CONTACTED', '2025-11-06T02:00:00Z'], ['NEGOTIATING', '2025-12-07T02:00:00Z'], ['SIGNED', '2025-12-31T17:00:00Z']], { agreementCny: 50_000_000 }),
];

describe('investment progress', () => {
  const p = computeProgress(targets, 2025, { projects: 30, agreementCny: 11_000_000_000 });

  it('counts the signed projects of the year and their amounts', () => {
    expect(p.signedProjects).toBe(3);
    expect(p.agreementCny).toBe(1_800_000_000);
    expect(p.investmentCny).toBe(1_200_000_000);
    expect(p.fundsInPlaceCny).toBe(700_000_000);
  });

  it('computes the start rate (开工率) and fund rate (资金到位率)', () => {
    expect(p.started).toBe(2);
    expect(p.producing).toBe(1);
    expect(p.startRate).toBeCloseTo(2 / 3);
    // c has no investment amount: (600 + 100) / (800 + 400) million.
    expect(p.fundRate).toBeCloseTo(700 / 1200);
  });

  it('measures against the goal', () => {
    expect(p.projectRate).toBeCloseTo(3 / 30);
    expect(p.agreementRate).toBeCloseTo(1.8 / 11);
    expect(computeProgress(targets, 2025, null).projectRate).toBeNull();
  });

  it('splits by month from the history, with running totals', () => {
    const month = (m: number) => p.byMonth[m - 1];
    expect(p.byMonth).toHaveLength(12);
    expect(month(2)).toMatchObject({ signed: 1, agreementCny: 1_000_000_000, cumulativeSigned: 1 });
    expect(month(3)).toMatchObject({ signed: 1, started: 1, cumulativeSigned: 2, cumulativeAgreementCny: 1_500_000_000 });
    expect(month(4)).toMatchObject({ signed: 0, started: 1 });
    expect(month(5)).toMatchObject({ signed: 1, producing: 1, cumulativeSigned: 3, cumulativeAgreementCny: 1_800_000_000 });
    expect(month(12)).toMatchObject({ signed: 0, cumulativeSigned: 3 });
  });

  it('gives null rates with nothing signed', () => {
    const empty = computeProgress([], 2025, { projects: 0, agreementCny: 0 });
    expect(empty).toMatchObject({ signedProjects: 0, startRate: null, fundRate: null, projectRate: null, agreementRate: null });
  });

  it('attributes timestamps to China Standard Time', () => {
    expect(chinaYearMonth('2025-12-31T17:00:00Z')).toEqual({ year: 2026, month: 1 });
    expect(chinaYearMonth('2025-12-31T15:59:59Z')).toEqual({ year: 2025, month: 12 });
    expect(computeProgress(targets, 2026, null).signedProjects).toBe(1);
    expect(chinaDay('2025-12-31T16:00:00Z')).toBe('2026-01-01');
    expect(chinaDay('2025-12-31T15:59:59.999Z')).toBe('2025-12-31');
    expect(chinaDayStart('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('lists gap segments no open target pursues', () => {
    expect(
      gapSegmentsWithoutTarget(['BEARING', 'AL_EXTRUSION', 'LIGHTING_ELECTRONICS', 'BEARING'], [
        { segmentCode: 'BEARING', stage: 'LEAD' },
        { segmentCode: 'AL_EXTRUSION', stage: 'DROPPED' },
      ]),
    ).toEqual(['AL_EXTRUSION', 'LIGHTING_ELECTRONICS']);
  });
});
