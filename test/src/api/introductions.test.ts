import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * The matchmaking loop (供需对接, issue 16) over HTTP: a bureau proposes a gap's candidate, the two
 * firms move it stage by stage, an order moves it to supplying by itself, every move is kept as
 * history and audited, the right people see it and hear of it in their inbox, and the rules of the
 * stages refuse what they should, naming the field.
 */

let server: TestServer;
const token: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const who = {
    admin: { role: 'ADMIN' },
    hechuan: { role: 'BUREAU', districtCode: '500117' },
    bishan: { role: 'BUREAU', districtCode: '500120' },
    yongchuan: { role: 'BUREAU', districtCode: '500118' },
    investment: { role: 'INVESTMENT', districtCode: '500117' },
    anrui: { role: 'FIRM', firmId: 'anrui' },
    aofang: { role: 'FIRM', firmId: 'aofang' },
    tianchiyu: { role: 'FIRM', firmId: 'tianchiyu' },
  } as const;
  for (const [name, principal] of Object.entries(who)) token[name] = await tokenFor(server.store, principal);
});
afterAll(() => server?.close());

interface Intro {
  id: string;
  stage: string;
  allowedMoves: string[];
  origin: string;
  buyer: { id: string };
  supplier: { id: string };
  segment: { code: string };
  declineReason: string | null;
  goal: { yieldRate: number | null; annualVolume: number | null };
  steps: { kind: string; amountCny: number | null; mentor: { id: string } | null }[];
  history: { stage: string; fromStage: string | null; by: string | null; note: string | null; planChange: boolean; reason: string | null }[];
}

const INTRO = `id stage allowedMoves origin buyer { id } supplier { id } segment { code } declineReason
  goal { yieldRate annualVolume } steps { kind amountCny mentor { id } }
  history { stage fromStage by note planChange reason }`;

const PROPOSE = `mutation P($input: IntroductionInput!) { proposeIntroduction(input: $input) { ${INTRO} } }`;
const MOVE = `mutation M($id: ID!, $stage: IntroductionStage!, $reason: DeclineReason, $note: String) {
  moveIntroduction(id: $id, stage: $stage, reason: $reason, note: $note) { ${INTRO} } }`;

async function propose(as: string, input: Record<string, unknown>): Promise<Intro> {
  return (await gqlDataAs<{ proposeIntroduction: Intro }>(server.url, token[as] ?? null, PROPOSE, { input })).proposeIntroduction;
}

async function move(as: string, id: string, stage: string, extra: Record<string, unknown> = {}): Promise<Intro> {
  return (await gqlDataAs<{ moveIntroduction: Intro }>(server.url, token[as] ?? null, MOVE, { id, stage, ...extra })).moveIntroduction;
}

async function errorOf(as: string, query: string, variables: Record<string, unknown>): Promise<{ code: unknown; field: unknown; message: string }> {
  const res = await gqlAs(server.url, token[as] ?? null, query, variables);
  const error = res.errors?.[0];
  expect(error, JSON.stringify(res.data)).toBeDefined();
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message ?? '' };
}

async function introductionAs(as: string, id: string): Promise<Intro | null> {
  return (await gqlDataAs<{ introduction: Intro | null }>(server.url, token[as] ?? null, `query I($id: ID!) { introduction(id: $id) { ${INTRO} } }`, { id })).introduction;
}

describe('the article’s story, seeded', () => {
  it('follows Aofang from Anrui’s 2023 gap to supply, with the inspection, the plan and its 9 million of equipment', async () => {
    const intro = await introductionAs('hechuan', 'intro-aofang-anrui-st');
    expect(intro).toMatchObject({ stage: 'SUPPLYING', origin: 'GAP', buyer: { id: 'anrui' }, supplier: { id: 'aofang' }, segment: { code: 'SURFACE_TREATMENT' } });
    expect(intro?.history.filter((h) => !h.planChange).map((h) => h.stage)).toEqual(['PROPOSED', 'INTRODUCED', 'INSPECTED', 'TRIAL', 'SUPPLYING']);
    expect(intro?.goal.yieldRate).toBe(0.9);
    expect(intro?.steps).toContainEqual({ kind: 'EQUIPMENT', amountCny: 9_000_000, mentor: null });
    expect(intro?.allowedMoves).toEqual([]);
  });

  it('shows on Anrui’s 2023 surface-treatment gap as closing, for the bureau that follows it', async () => {
    const q = `query { chainGaps(year: 2023, leaderId: "anrui") { segment { code } closing introductions { id stage } } }`;
    const gaps = (await gqlDataAs<{ chainGaps: { segment: { code: string }; closing: boolean; introductions: { id: string }[] }[] }>(server.url, token.hechuan ?? null, q)).chainGaps;
    const st = gaps.find((g) => g.segment.code === 'SURFACE_TREATMENT');
    expect(st?.introductions.map((i) => i.id)).toContain('intro-aofang-anrui-st');
    expect(st?.closing).toBe(true);
    const asInvestment = (await gqlDataAs<{ chainGaps: { segment: { code: string }; introductions: unknown[] }[] }>(server.url, token.investment ?? null, q)).chainGaps;
    expect(asInvestment.find((g) => g.segment.code === 'SURFACE_TREATMENT')?.introductions).toEqual([]);
  });
});

describe('a gap taken to supply', () => {
  it('is proposed by the bureau, moved by both firms, and moved to supplying by the order, each move kept and audited', async () => {
    const proposed = await propose('hechuan', { buyerId: 'anrui', supplierId: 'aofang', segmentCode: 'INJECTION_MOULDING', origin: 'GAP', year: 2024, note: '注塑件缺口' });
    expect(proposed).toMatchObject({ stage: 'PROPOSED', allowedMoves: ['INTRODUCED', 'DECLINED'] });
    expect(proposed.history).toEqual([{ stage: 'PROPOSED', fromStage: null, by: expect.stringMatching(/^t-bureau-/), note: '注塑件缺口', planChange: false, reason: null }]);

    await move('hechuan', proposed.id, 'INTRODUCED');
    await move('aofang', proposed.id, 'INSPECTED', { note: '安瑞来厂考察' });
    const trial = await move('anrui', proposed.id, 'TRIAL');
    expect(trial.allowedMoves).toEqual(['SUPPLYING', 'DECLINED']);

    const order = `mutation { recordOrder(input: { kind: SUPPLY, supplierId: "aofang", buyerId: "anrui", segmentCode: "INJECTION_MOULDING",
      year: 2025, amountCny: 1200000, status: ACTIVE }) { id } }`;
    const { recordOrder } = await gqlDataAs<{ recordOrder: { id: string } }>(server.url, token.anrui ?? null, order);
    const supplying = await introductionAs('anrui', proposed.id);
    expect(supplying?.stage).toBe('SUPPLYING');
    expect(supplying?.history.at(-1)).toMatchObject({ stage: 'SUPPLYING', fromStage: 'TRIAL', note: expect.stringContaining(recordOrder.id) });
    expect(supplying?.history.map((h) => h.stage)).toEqual(['PROPOSED', 'INTRODUCED', 'INSPECTED', 'TRIAL', 'SUPPLYING']);

    const audit = await gqlDataAs<{ auditEvents: { edges: { node: { action: string } }[] } }>(
      server.url, token.admin ?? null, `query A($id: String) { auditEvents(entityId: $id, first: 20) { edges { node { action } } } }`, { id: proposed.id },
    );
    expect(audit.auditEvents.edges.map((e) => e.node.action).sort()).toEqual(['introduction.supplying', 'moveIntroduction', 'moveIntroduction', 'moveIntroduction', 'proposeIntroduction']);
  });

  it('moves an introduction at any open stage to supplying when the order comes first, and leaves a cancelled order’s alone', async () => {
    const intro = await propose('admin', { buyerId: 'jianya', supplierId: 'syn-rongchang-gear', segmentCode: 'BEARING', origin: 'MANUAL' });
    const record = (status: string) => gqlDataAs(server.url, token.admin ?? null, `mutation { recordOrder(input: { kind: SUPPLY, supplierId: "syn-rongchang-gear", buyerId: "jianya",
      segmentCode: "BEARING", year: 2025, amountCny: 500000, status: ${status} }) { id } }`);
    await record('CANCELLED');
    expect((await introductionAs('admin', intro.id))?.stage).toBe('PROPOSED');
    await record('EXPECTED');
    expect((await introductionAs('admin', intro.id))?.stage).toBe('SUPPLYING');
  });
});

describe('the stage rules', () => {
  let id: string;
  beforeAll(async () => {
    id = (await propose('anrui', { buyerId: 'anrui', supplierId: 'syn-yongchuan-st', segmentCode: 'LIGHTING_ELECTRONICS', origin: 'SEARCH' })).id;
  });

  it('refuses skipping a stage, naming the stage', async () => {
    expect(await errorOf('anrui', MOVE, { id, stage: 'TRIAL' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stage', message: expect.stringContaining('one stage at a time') });
    expect((await introductionAs('anrui', id))?.stage).toBe('PROPOSED');
  });

  it('declines only with a reason, and with a note when the reason is OTHER', async () => {
    expect(await errorOf('anrui', MOVE, { id, stage: 'DECLINED' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await errorOf('anrui', MOVE, { id, stage: 'DECLINED', reason: 'OTHER' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const declined = await move('anrui', id, 'DECLINED', { reason: 'DISTANCE', note: '运距过远' });
    expect(declined).toMatchObject({ stage: 'DECLINED', declineReason: 'DISTANCE', allowedMoves: [] });
    expect(declined.history.at(-1)).toMatchObject({ stage: 'DECLINED', reason: 'DISTANCE', note: '运距过远' });
    expect(await errorOf('anrui', MOVE, { id, stage: 'INTRODUCED' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stage' });
  });

  it('refuses a second open introduction of the same firms and segment, a supplier that already supplies it, one firm twice, and unknown firms', async () => {
    const first = await propose('anrui', { buyerId: 'anrui', supplierId: 'syn-tongliang-st', segmentCode: 'LIGHTING_ELECTRONICS', origin: 'SEARCH' });
    expect(await errorOf('anrui', PROPOSE, { input: { buyerId: 'anrui', supplierId: 'syn-tongliang-st', segmentCode: 'LIGHTING_ELECTRONICS', origin: 'SEARCH' } }))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supplierId', message: expect.stringContaining(first.id) });
    expect(await errorOf('hechuan', PROPOSE, { input: { buyerId: 'anrui', supplierId: 'aofang', segmentCode: 'SURFACE_TREATMENT', origin: 'GAP', year: 2024 } }))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supplierId', message: expect.stringContaining('already supplies') });
    expect(await errorOf('admin', PROPOSE, { input: { buyerId: 'anrui', supplierId: 'anrui', segmentCode: 'SURFACE_TREATMENT', origin: 'MANUAL' } }))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supplierId' });
    expect(await errorOf('admin', PROPOSE, { input: { buyerId: 'no-such-firm', supplierId: 'aofang', segmentCode: 'SURFACE_TREATMENT', origin: 'MANUAL' } }))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.buyerId' });
  });
});

describe('who follows an introduction', () => {
  let id: string;
  beforeAll(async () => {
    id = (await propose('bishan', { buyerId: 'anrui', supplierId: 'aofang', segmentCode: 'LIGHTING_ELECTRONICS', origin: 'GAP', year: 2025 })).id;
  });

  it('is the two firms, both districts’ bureaus and admins; another firm or district neither sees nor moves it', async () => {
    for (const who of ['anrui', 'aofang', 'hechuan', 'bishan', 'admin']) expect((await introductionAs(who, id))?.id, who).toBe(id);
    for (const who of ['tianchiyu', 'yongchuan']) {
      expect(await introductionAs(who, id), who).toBeNull();
      const list = (await gqlDataAs<{ introductions: { id: string }[] }>(server.url, token[who] ?? null, '{ introductions { id } }')).introductions;
      expect(list.map((i) => i.id), who).not.toContain(id);
      expect(await errorOf(who, MOVE, { id, stage: 'INTRODUCED' }), who).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('refuses a proposal from a firm or bureau that is neither party nor their district’s', async () => {
    const input = { buyerId: 'anrui', supplierId: 'syn-dazu-st', segmentCode: 'TRIM', origin: 'GAP' };
    expect(await errorOf('tianchiyu', PROPOSE, { input })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf('yongchuan', PROPOSE, { input })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf('investment', PROPOSE, { input })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows investment teams the counts, not the introductions or the value won', async () => {
    expect(await errorOf('investment', '{ introductions { id } }', {})).toMatchObject({ code: 'FORBIDDEN' });
    const q = '{ introductionResults(year: 2025, districtCode: "500117") { total valueWonCny } }';
    const asInvestment = (await gqlDataAs<{ introductionResults: { total: number; valueWonCny: number | null } }>(server.url, token.investment ?? null, q)).introductionResults;
    const asBureau = (await gqlDataAs<{ introductionResults: { total: number; valueWonCny: number | null } }>(server.url, token.hechuan ?? null, q)).introductionResults;
    expect(asInvestment.total).toBe(asBureau.total);
    expect(asInvestment.total).toBeGreaterThan(0);
    expect(asInvestment.valueWonCny).toBeNull();
    expect(asBureau.valueWonCny).toBeGreaterThan(0);
    expect(await errorOf('anrui', q, {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the inbox', () => {
  const INBOX = '{ inbox(first: 50) { unread items { at unread text(lang: zh) introduction { id } event { stage by } } } }';
  type Inbox = { unread: number; items: { at: string; unread: boolean; text: string; introduction: { id: string }; event: { stage: string; by: string } }[] };
  const inbox = async (who: string) => (await gqlDataAs<{ inbox: Inbox }>(server.url, token[who] ?? null, INBOX)).inbox;

  it('tells both firms and the bureaus of a proposal and each move by someone else, unread until marked read', async () => {
    const intro = await propose('hechuan', { buyerId: 'anrui', supplierId: 'syn-dazu-st', segmentCode: 'AL_DIE_CASTING', origin: 'GAP' });
    const before = await inbox('anrui');
    const news = before.items.find((i) => i.introduction.id === intro.id);
    expect(news).toMatchObject({ unread: true, event: { stage: 'PROPOSED' }, text: expect.stringContaining('推荐了对接') });
    expect((await inbox('hechuan')).items.some((i) => i.introduction.id === intro.id), 'one’s own move is no news').toBe(false);
    expect((await inbox('tianchiyu')).items.some((i) => i.introduction.id === intro.id)).toBe(false);

    const newest = before.items[0]?.at ?? '';
    await gqlDataAs(server.url, token.anrui ?? null, 'mutation R($upTo: String!) { markInboxRead(upTo: $upTo) }', { upTo: newest });
    expect((await inbox('anrui')).unread).toBe(0);

    await move('hechuan', intro.id, 'INTRODUCED');
    const after = await inbox('anrui');
    expect(after.unread).toBe(1);
    expect(after.items[0]).toMatchObject({ unread: true, introduction: { id: intro.id }, text: expect.stringContaining('已对接') });
  });
});

describe('the plan', () => {
  const PLAN = `mutation S($input: IntroductionPlanInput!) { setIntroductionPlan(input: $input) { ${INTRO} } }`;

  it('keeps what the supplier must reach and its steps, mentoring by a chain leader included, and records the change', async () => {
    const intro = await propose('bishan', { buyerId: 'jianya', supplierId: 'aofang', segmentCode: 'STAMPED_WELDED', origin: 'MANUAL' });
    const input = {
      id: intro.id, goalYieldRate: 0.95, goalCertifications: ['IATF 16949'], goalAnnualVolume: 100000, goalUnit: 'pieces', goalBy: '2026-06-30',
      steps: [
        { kind: 'INVESTMENT', description: '冲压线改造', amountCny: 3000000, dueOn: '2026-03-31' },
        { kind: 'MENTORING', description: '建雅派驻工艺人员', mentorId: 'jianya' },
      ],
      note: '按建雅要求整改',
    };
    const { setIntroductionPlan: saved } = await gqlDataAs<{ setIntroductionPlan: Intro }>(server.url, token.aofang ?? null, PLAN, { input });
    expect(saved.goal).toEqual({ yieldRate: 0.95, annualVolume: 100000 });
    expect(saved.steps).toEqual([{ kind: 'INVESTMENT', amountCny: 3000000, mentor: null }, { kind: 'MENTORING', amountCny: null, mentor: { id: 'jianya' } }]);
    expect(saved.history.at(-1)).toMatchObject({ stage: 'PROPOSED', planChange: true, note: '按建雅要求整改' });
    expect(saved.stage).toBe('PROPOSED');

    const bad = { ...input, steps: [{ kind: 'MENTORING', mentorId: 'no-such-firm' }] };
    expect(await errorOf('aofang', PLAN, { input: bad })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.steps.0.mentorId' });
    expect(await errorOf('aofang', PLAN, { input: { ...input, goalYieldRate: 1.5 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.goalYieldRate' });
    expect((await introductionAs('aofang', intro.id))?.steps).toHaveLength(2);
  });
});
