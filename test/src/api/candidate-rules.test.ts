import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlDataAs, tokenFor } from '../roles';

/**
 * Who is a candidate for a buyer, and how unknowns score, as a buyer would agree (issue 16): a firm
 * is left out only of the segments it already supplies that buyer; "supplies" means an order that
 * is not cancelled, the same in gaps, searches and references; and what a firm has not reported
 * scores no better than the poorest known value.
 */

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(() => server?.close());

interface Candidate {
  firm: { id: string };
  score: number;
  chainLeaderCustomers: number;
  reasons: string[];
}

const CANDIDATE = 'firm { id } score chainLeaderCustomers reasons';
const GAPS = `query G($year: Int!, $leaderId: ID) { chainGaps(year: $year, leaderId: $leaderId) {
  segment { code } candidates(first: 50, lang: zh) { ${CANDIDATE} } } }`;
const SEARCH = `query S($segmentCode: String!, $nearFirmId: ID, $year: Int) {
  findSuppliers(segmentCode: $segmentCode, nearFirmId: $nearFirmId, year: $year, first: 50, lang: zh) { ${CANDIDATE} } }`;

async function gapCandidates(year: number, leaderId: string, segmentCode: string): Promise<Candidate[] | undefined> {
  const { chainGaps } = await gqlDataAs<{ chainGaps: { segment: { code: string }; candidates: Candidate[] }[] }>(server.url, admin, GAPS, { year, leaderId });
  return chainGaps.find((g) => g.segment.code === segmentCode)?.candidates;
}

async function search(segmentCode: string, nearFirmId: string | null, year: number | null): Promise<Candidate[]> {
  return (await gqlDataAs<{ findSuppliers: Candidate[] }>(server.url, admin, SEARCH, { segmentCode, nearFirmId, year })).findSuppliers;
}

const byId = (list: readonly Candidate[] | undefined, id: string) => list?.find((c) => c.firm.id === id);

describe('a supplier of one segment stays a candidate for the buyer’s other segments', () => {
  it('puts Aofang, which supplies Anrui surface treatment in 2024, among the candidates for Anrui’s injection-moulding gap, saying why', async () => {
    const candidates = await gapCandidates(2024, 'anrui', 'INJECTION_MOULDING');
    expect(candidates, 'Anrui has an injection-moulding gap in 2024').toBeDefined();
    const aofang = byId(candidates, 'aofang');
    expect(aofang).toBeDefined();
    expect(aofang?.reasons).toContainEqual(expect.stringMatching(/^已向.+供应其他环节产品，双方已有合作。$/));
  });

  it('finds Aofang in Anrui’s own injection-moulding search, and still leaves it out of surface treatment, which it supplies', async () => {
    expect(byId(await search('INJECTION_MOULDING', 'anrui', 2024), 'aofang')).toBeDefined();
    expect(byId(await search('SURFACE_TREATMENT', 'anrui', 2024), 'aofang')).toBeUndefined();
  });
});

describe('“supplies” means an order that is not cancelled, everywhere', () => {
  it('treats a firm whose only order to the buyer was cancelled as a candidate in the gap and the search alike, and as no chain-leader reference', async () => {
    const year = 2031;
    await gqlDataAs(server.url, admin, 'mutation R($input: OrderInput!) { recordOrder(input: $input) { id } }', {
      input: { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year, amountCny: 500_000, status: 'CANCELLED' },
    });
    const inGap = byId(await gapCandidates(year, 'anrui', 'SURFACE_TREATMENT'), 'aofang');
    const inSearch = byId(await search('SURFACE_TREATMENT', 'anrui', year), 'aofang');
    expect(inGap).toBeDefined();
    expect(inSearch).toBeDefined();
    expect(inSearch?.score).toBe(inGap?.score);
    // The cancelled order to Anrui (a chain leader) is Aofang's only order of the year.
    expect(inSearch?.chainLeaderCustomers).toBe(0);
    expect(byId(await search('SURFACE_TREATMENT', null, year), 'aofang')?.chainLeaderCustomers).toBe(0);
  });
});

describe('what a firm has not reported scores as the poorest known value', () => {
  const SET = 'mutation C($input: CapabilityInput!) { setCapability(input: $input) { id } }';
  // A maker of its own, with no yield reported for the firm either (a capability's blank yield
  // falls back to the firm's).
  const maker = { firmId: 'rules-unreported', segmentCode: 'SURFACE_TREATMENT', capacity: 400_000, unit: 'sets', utilisation: 0.7 };

  beforeAll(async () => {
    await gqlDataAs(server.url, admin, 'mutation F($input: FirmInput!) { upsertFirm(input: $input) { id } }', {
      input: { id: maker.firmId, nameZh: '规则测试表面处理厂', nameEn: 'Rules test surface works', districtCode: '500120', lat: 29.59, lng: 106.22 },
    });
  });

  async function scoreWith(fields: { yieldRate: number | null; capacity?: number | null; utilisation?: number | null }): Promise<Candidate> {
    await gqlDataAs(server.url, admin, SET, { input: { ...maker, ...fields } });
    const found = byId(await search('SURFACE_TREATMENT', 'anrui', 2024), maker.firmId);
    if (!found) throw new Error(`${maker.firmId} is no candidate for Anrui’s surface treatment`);
    return found;
  }

  it('gives an unreported yield no more than a yield of 60%, and says it is not reported', async () => {
    const poor = await scoreWith({ yieldRate: 0.6 });
    const unknown = await scoreWith({ yieldRate: null });
    expect(unknown.score).toBeLessThanOrEqual(poor.score);
    expect(unknown.reasons).toContain('未填报良品率。');
  });

  it('gives unreported capacity no more than a line with none to spare, and says it is not reported', async () => {
    const fullyUsed = await scoreWith({ yieldRate: 0.9, utilisation: 1 });
    const unknown = await scoreWith({ yieldRate: 0.9, capacity: null, utilisation: null });
    expect(unknown.score).toBeLessThanOrEqual(fullyUsed.score);
    expect(unknown.reasons).toContain('未填报闲置产能。');
  });
});
