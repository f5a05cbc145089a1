import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGISTICS } from './logistics';
import { rankCandidates, spliceFacts, type CandidateFacts, type RankingRequest } from './ranking';

/** A deterministic spread of makers: ties on score are common, as in real segments (scores are rounded). */
function maker(i: number, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  // Firm k makes CHILD_A (i = k) and CHILD_B (i = k + 40) with the same figures but its capacity.
  const k = i % 40;
  return {
    firmId: `f${String(k).padStart(2, '0')}`,
    segmentCode: i < 40 ? 'CHILD_A' : 'CHILD_B',
    inRegion: true,
    lat: 29.5 + (k % 7) * 0.05,
    lng: 106.3,
    capacity: k % 5 === 0 ? null : i < 40 ? 500_000 : 800_000,
    unit: 'sets',
    utilisation: k % 6 === 0 ? 1 : 0.5,
    yieldRate: k % 4 === 0 ? null : 0.9,
    certifications: k % 2 === 0 ? ['IATF 16949'] : [],
    chainLeaderCustomers: k % 3,
    ...overrides,
  };
}

const request = (first: number): RankingRequest => ({
  buyer: { firmId: 'buyer', lat: 29.9, lng: 106.3, nameZh: '买方', nameEn: 'Buyer' },
  demand: 60_000,
  excludeFirmIds: new Set(['f03']),
  logistics: DEFAULT_LOGISTICS,
  lang: 'en',
  first,
});

describe('spliceFacts', () => {
  // Forty firms, each making two child segments of the one asked: a firm often ties with itself.
  const facts = Array.from({ length: 80 }, (_, i) => maker(i));

  it('ranks the spliced list exactly as a list made afresh, with the prepared numbers carried over', () => {
    for (const first of [1, 5, 10, 100]) rankCandidates(facts, request(first));
    const touched = new Set(['f01', 'f07', 'f22']);
    const added = [maker(1, { capacity: 900_000, utilisation: 0.1 }), maker(47, { firmId: 'f07', yieldRate: 0.99 }), maker(5, { firmId: 'new' })];
    const spliced = spliceFacts(facts, (c) => touched.has(c.firmId), added);
    const fresh = [...added, ...facts.filter((c) => !touched.has(c.firmId))].map((c) => ({ ...c }));
    expect(spliced).toHaveLength(fresh.length);
    for (const first of [1, 5, 10, 100]) expect(rankCandidates(spliced, request(first))).toEqual(rankCandidates(fresh, request(first)));
  });

  it('leaves the list it was given as it was', () => {
    const copy = [...facts];
    spliceFacts(facts, (c) => c.firmId === 'f02', []);
    expect(facts).toEqual(copy);
  });
});

describe('rankCandidates and the order of its facts', () => {
  it('answers the same for any order, a firm tied with itself across two segments included', () => {
    const facts = Array.from({ length: 80 }, (_, i) => maker(i));
    const reversed = [...facts].reverse();
    const interleaved = facts.map((_, i) => facts[(i * 37) % facts.length] as CandidateFacts);
    for (const first of [1, 3, 10, 40]) {
      const expected = rankCandidates(facts, request(first));
      expect(rankCandidates(reversed, request(first))).toEqual(expected);
      expect(rankCandidates(interleaved, request(first))).toEqual(expected);
    }
  });
});
