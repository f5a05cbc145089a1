import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor, type Principal } from '../roles';

/**
 * Investment-promotion targets over HTTP: the stage rules, who may see and change a district's
 * targets, and turning a chain gap into a target. Progress figures and the export have files of
 * their own.
 */

const PEOPLE = {
  hechuanInvestment: { role: 'INVESTMENT', districtCode: '500117' },
  hechuanBureau: { role: 'BUREAU', districtCode: '500117' },
  admin: { role: 'ADMIN' },
  bishanInvestment: { role: 'INVESTMENT', districtCode: '500120' },
  bishanBureau: { role: 'BUREAU', districtCode: '500120' },
  anrui: { role: 'FIRM', firmId: 'anrui' },
} satisfies Record<string, Principal>;
type Person = keyof typeof PEOPLE | 'anonymous';
const ALLOWED: Person[] = ['hechuanInvestment', 'hechuanBureau', 'admin'];
const REFUSED: Person[] = ['bishanInvestment', 'bishanBureau', 'anrui', 'anonymous'];

let server: TestServer;
const tokens = {} as Record<Person, string | null>;

beforeAll(async () => {
  server = await startTestServer();
  for (const [name, who] of Object.entries(PEOPLE)) tokens[name as Person] = await tokenFor(server.store, who);
  tokens.anonymous = null;
});
afterAll(() => server.close());

interface TargetView {
  id: string;
  name: string;
  stage: string;
  agreementCny: number | null;
  dropReason: string | null;
  allowedMoves: string[];
  district: { code: string };
  segment: { code: string };
  leader: { id: string } | null;
  history: { stage: string; fromStage: string | null; by: string | null; note: string | null; reason: string | null }[];
}
const TARGET_FIELDS = 'id name stage agreementCny dropReason allowedMoves district { code } segment { code } leader { id } history { stage fromStage by note reason }';

const UPSERT = `mutation U($input: TargetInput!) { upsertTarget(input: $input) { ${TARGET_FIELDS} } }`;
const MOVE = `mutation M($id: ID!, $stage: TargetStage!, $note: String, $reason: String, $agreementCny: Float) {
  moveTarget(id: $id, stage: $stage, note: $note, reason: $reason, agreementCny: $agreementCny) { ${TARGET_FIELDS} } }`;
const ONE = `query T($id: ID!) { target(id: $id) { ${TARGET_FIELDS} } }`;

async function newTarget(as: Person = 'hechuanInvestment', patch: Record<string, unknown> = {}): Promise<TargetView> {
  const data = await gqlDataAs<{ upsertTarget: TargetView }>(server.url, tokens[as], UPSERT, {
    input: { name: '示例测试目标企业', districtCode: '500117', segmentCode: 'BEARING', investmentCny: 300_000_000, ...patch },
  });
  return data.upsertTarget;
}

const read = async (id: string) => (await gqlDataAs<{ target: TargetView }>(server.url, tokens.admin, ONE, { id })).target;

function errorOf(res: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field };
}

describe('target stages', () => {
  it('creates a target at LEAD with its first history entry', async () => {
    const t = await newTarget();
    expect(t).toMatchObject({ stage: 'LEAD', district: { code: '500117' }, allowedMoves: ['CONTACTED', 'DROPPED'] });
    expect(t.history).toEqual([{ stage: 'LEAD', fromStage: null, by: expect.stringMatching(/^t-investment-/), note: null, reason: null }]);
  });

  it('moves one stage at a time and refuses skipping, changing nothing', async () => {
    const t = await newTarget();
    const skip = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'NEGOTIATING' });
    expect(errorOf(skip)).toEqual({ code: 'BAD_USER_INPUT', field: 'stage' });
    expect(skip.errors?.[0]?.message).toMatch(/one stage at a time/);
    expect((await read(t.id)).stage).toBe('LEAD');

    for (const stage of ['CONTACTED', 'NEGOTIATING']) {
      await gqlDataAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage, note: `到${stage}` });
    }
    const back = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'CONTACTED' });
    expect(errorOf(back)).toEqual({ code: 'BAD_USER_INPUT', field: 'stage' });
    expect((await read(t.id)).stage).toBe('NEGOTIATING');
  });

  it('needs an agreement amount to sign', async () => {
    const t = await newTarget();
    for (const stage of ['CONTACTED', 'NEGOTIATING']) await gqlDataAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage });
    const unsigned = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'SIGNED' });
    expect(errorOf(unsigned)).toEqual({ code: 'BAD_USER_INPUT', field: 'agreementCny' });
    const negative = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'SIGNED', agreementCny: -1 });
    expect(errorOf(negative)).toEqual({ code: 'BAD_USER_INPUT', field: 'agreementCny' });
    expect(await read(t.id)).toMatchObject({ stage: 'NEGOTIATING', agreementCny: null });

    const signed = await gqlDataAs<{ moveTarget: TargetView }>(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'SIGNED', agreementCny: 500_000_000, note: '签约仪式' });
    expect(signed.moveTarget).toMatchObject({ stage: 'SIGNED', agreementCny: 500_000_000, allowedMoves: ['STARTED', 'DROPPED'] });
    expect(signed.moveTarget.history.map((h) => [h.fromStage, h.stage])).toEqual([
      [null, 'LEAD'],
      ['LEAD', 'CONTACTED'],
      ['CONTACTED', 'NEGOTIATING'],
      ['NEGOTIATING', 'SIGNED'],
    ]);
    // Once signed, the amount can no longer be cleared by an edit.
    const cleared = await gqlAs(server.url, tokens.hechuanInvestment, UPSERT, {
      input: { id: t.id, name: t.name, districtCode: '500117', segmentCode: 'BEARING', agreementCny: null },
    });
    expect(errorOf(cleared)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.agreementCny' });
  });

  it('needs a reason to drop, and a dropped target stays dropped', async () => {
    const t = await newTarget();
    const noReason = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'DROPPED' });
    expect(errorOf(noReason)).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    const blank = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'DROPPED', reason: '   ' });
    expect(errorOf(blank)).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await read(t.id)).stage).toBe('LEAD');

    const dropped = await gqlDataAs<{ moveTarget: TargetView }>(server.url, tokens.hechuanBureau, MOVE, { id: t.id, stage: 'DROPPED', reason: '企业决定在外省建厂' });
    expect(dropped.moveTarget).toMatchObject({ stage: 'DROPPED', dropReason: '企业决定在外省建厂', allowedMoves: [] });
    expect(dropped.moveTarget.history.at(-1)).toMatchObject({ stage: 'DROPPED', fromStage: 'LEAD', reason: '企业决定在外省建厂' });
    const revive = await gqlAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'CONTACTED' });
    expect(errorOf(revive)).toEqual({ code: 'BAD_USER_INPUT', field: 'stage' });
  });

  it('records every change in the audit trail, and edits in the history', async () => {
    const t = await newTarget();
    await gqlDataAs(server.url, tokens.hechuanInvestment, MOVE, { id: t.id, stage: 'CONTACTED' });
    const edited = await gqlDataAs<{ upsertTarget: TargetView }>(server.url, tokens.hechuanInvestment, UPSERT, {
      input: { id: t.id, name: '示例测试目标企业（更名）', districtCode: '500117', segmentCode: 'BEARING', investmentCny: 300_000_000, owner: '李科长' },
    });
    expect(edited.upsertTarget.history.at(-1)).toMatchObject({ stage: 'CONTACTED', fromStage: 'CONTACTED', note: 'edited: name, owner' });
    const { auditEvents } = await gqlDataAs<{ auditEvents: { edges: { node: { action: string; before: string | null; after: string | null } }[] } }>(
      server.url,
      tokens.hechuanBureau,
      'query A($id: String!) { auditEvents(entityId: $id, first: 10) { edges { node { action before after } } } }',
      { id: t.id },
    );
    const actions = auditEvents.edges.map((e) => e.node.action).sort();
    expect(actions).toEqual(['createTarget', 'moveTarget', 'upsertTarget']);
    const move = auditEvents.edges.find((e) => e.node.action === 'moveTarget')?.node;
    expect(JSON.parse(move?.before ?? '{}')).toMatchObject({ stage: 'LEAD' });
    expect(JSON.parse(move?.after ?? '{}')).toMatchObject({ stage: 'CONTACTED' });
  });

  it('names the field of bad input and creates nothing', async () => {
    const before = (await gqlDataAs<{ targets: unknown[] }>(server.url, tokens.admin, '{ targets(districtCode: "500117") { id } }')).targets.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'input.name'],
      [{ name: '<script>' }, 'input.name'],
      [{ investmentCny: -5 }, 'input.investmentCny'],
      [{ investmentCny: 100, fundsInPlaceCny: 200 }, 'input.fundsInPlaceCny'],
      [{ segmentCode: 'NO_SUCH_SEGMENT' }, 'input.segmentCode'],
      [{ firmId: 'no-such-firm' }, 'input.firmId'],
      [{ id: 'no-such-target' }, undefined as unknown as string],
    ];
    for (const [patch, field] of cases) {
      const res = await gqlAs(server.url, tokens.hechuanInvestment, UPSERT, {
        input: { name: '示例', districtCode: '500117', segmentCode: 'BEARING', ...patch },
      });
      if (field) expect(errorOf(res), JSON.stringify(patch)).toEqual({ code: 'BAD_USER_INPUT', field });
      else expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    const after = (await gqlDataAs<{ targets: unknown[] }>(server.url, tokens.admin, '{ targets(districtCode: "500117") { id } }')).targets.length;
    expect(after).toBe(before);
  });
});

describe('who sees and changes a district’s targets', () => {
  it.each(ALLOWED)('%s sees Hechuan’s list, with a target in every stage', async (who) => {
    const { targets } = await gqlDataAs<{ targets: TargetView[] }>(server.url, tokens[who], '{ targets(districtCode: "500117") { id stage } }');
    expect(new Set(targets.map((t) => t.stage))).toEqual(new Set(['LEAD', 'CONTACTED', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING', 'DROPPED']));
    const one = await gqlDataAs<{ target: TargetView }>(server.url, tokens[who], ONE, { id: 'tgt-hc-bearing-signed' });
    expect(one.target.stage).toBe('SIGNED');
  });

  it.each(REFUSED)('%s is refused Hechuan’s list and its targets', async (who) => {
    // Another district's team or bureau gets null for one of Hechuan's targets, as for an unknown
    // id (an error would tell that it exists); those who manage no district are refused outright.
    const managesAnother = who === 'bishanInvestment' || who === 'bishanBureau';
    for (const [query, variables] of [
      ['{ targets(districtCode: "500117") { id } }', {}],
      [ONE, { id: 'tgt-hc-bearing-signed' }],
      ['{ investmentProgress(districtCode: "500117", year: 2025) { signedProjects } }', {}],
      ['{ targetSuggestions(districtCode: "500117", year: 2025) { amountCny } }', {}],
    ] as const) {
      const res = await gqlAs<Record<string, unknown>>(server.url, tokens[who], query, variables);
      const asUnknown = managesAnother && query === ONE;
      expect(res.errors?.map((e) => e.extensions?.code), query).toEqual(asUnknown ? undefined : ['FORBIDDEN']);
      expect(Object.values(res.data ?? {})).toEqual([null]);
    }
  });

  it.each(REFUSED)('%s cannot change Hechuan’s targets or goal, and nothing changes', async (who) => {
    const t = await newTarget('admin');
    const refusedCode = who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    // A change naming the id of a target another district's team or bureau may not see is refused
    // as one naming an unknown id (NOT_FOUND); those who manage no district are refused outright.
    const byIdCode = who === 'bishanInvestment' || who === 'bishanBureau' ? 'NOT_FOUND' : refusedCode;
    const attempts = [
      [MOVE, { id: t.id, stage: 'CONTACTED' }, byIdCode],
      [UPSERT, { input: { id: t.id, name: '改名', districtCode: '500117', segmentCode: 'BEARING' } }, byIdCode],
      [UPSERT, { input: { name: '新目标', districtCode: '500117', segmentCode: 'BEARING' } }, refusedCode],
      ['mutation { targetFromGap(input: {leaderId: "anrui", segmentCode: "INJECTION_MOULDING", year: 2025}) { id } }', {}, refusedCode],
      ['mutation { setGoal(districtCode: "500117", year: 2025, projects: 1, agreementCny: 1) { id } }', {}, refusedCode],
    ] as const;
    for (const [query, variables, expectedCode] of attempts) {
      const res = await gqlAs(server.url, tokens[who], query, variables);
      expect(res.errors?.map((e) => e.extensions?.code), query).toEqual([expectedCode]);
    }
    expect(await read(t.id)).toMatchObject({ stage: 'LEAD', name: t.name });
    const { district } = await gqlDataAs<{ district: { goals: { year: number; projects: number }[] } }>(server.url, null, '{ district(code: "500117") { goals { year projects } } }');
    expect(district.goals).toEqual([{ year: 2025, projects: 30 }]);
  });

  it('shows a district user only their own district when none is named, and refuses firms', async () => {
    const own = await gqlDataAs<{ targets: TargetView[] }>(server.url, tokens.hechuanInvestment, '{ targets { district { code } } }');
    expect(new Set(own.targets.map((t) => t.district.code))).toEqual(new Set(['500117']));
    const bishan = await gqlDataAs<{ targets: TargetView[] }>(server.url, tokens.bishanBureau, '{ targets { id } }');
    expect(bishan.targets).toEqual([]);
    const firm = await gqlAs(server.url, tokens.anrui, '{ targets { id } }');
    expect(firm.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('filters by stage and segment', async () => {
    const { targets } = await gqlDataAs<{ targets: TargetView[] }>(server.url, tokens.hechuanBureau, '{ targets(districtCode: "500117", stage: STARTED, segmentCode: "AL_EXTRUSION") { id } }');
    expect(targets.map((t) => t.id)).toEqual(['tgt-hc-extrusion-started']);
  });
});

describe('from gap to target', () => {
  const GAPS = `{ chainGaps(leaderId: "anrui", year: 2025) { segment { code } targets { id stage } } }`;
  const SEGMENT = `{ segment(code: "INJECTION_MOULDING") { targets { id } } }`;

  it('turns a gap into a target in one action, linked from the gap and the segment', async () => {
    const before = await gqlDataAs<{ chainGaps: { segment: { code: string }; targets: { id: string }[] }[] }>(server.url, tokens.hechuanInvestment, GAPS);
    const gap = before.chainGaps.find((g) => g.segment.code === 'INJECTION_MOULDING');
    expect(gap?.targets).toEqual([]);
    expect(before.chainGaps.find((g) => g.segment.code === 'LIGHTING_ELECTRONICS')?.targets.map((t) => t.id).sort()).toEqual(['tgt-hc-led-lead', 'tgt-hc-led-negotiating']);

    const { targetFromGap } = await gqlDataAs<{ targetFromGap: TargetView }>(
      server.url,
      tokens.hechuanInvestment,
      'mutation { targetFromGap(input: {leaderId: "anrui", segmentCode: "INJECTION_MOULDING", year: 2025, owner: "招商一科"}) { ' + TARGET_FIELDS + ' } }',
    );
    expect(targetFromGap).toMatchObject({ stage: 'LEAD', district: { code: '500117' }, segment: { code: 'INJECTION_MOULDING' }, leader: { id: 'anrui' } });
    expect(targetFromGap.name).toContain('注塑件');
    expect(targetFromGap.history[0]?.note).toContain('2025');

    const after = await gqlDataAs<{ chainGaps: { segment: { code: string }; targets: { id: string }[] }[] }>(server.url, tokens.hechuanInvestment, GAPS);
    expect(after.chainGaps.find((g) => g.segment.code === 'INJECTION_MOULDING')?.targets.map((t) => t.id)).toEqual([targetFromGap.id]);
    const segment = await gqlDataAs<{ segment: { targets: { id: string }[] } }>(server.url, tokens.hechuanBureau, SEGMENT);
    expect(segment.segment.targets.map((t) => t.id)).toContain(targetFromGap.id);
  });

  it('shows the links only to those who manage the district: empty for everyone else', async () => {
    for (const who of ['bishanBureau', 'bishanInvestment'] as const) {
      const gaps = await gqlDataAs<{ chainGaps: { targets: unknown[] }[] }>(server.url, tokens[who], GAPS);
      expect(gaps.chainGaps.every((g) => g.targets.length === 0), who).toBe(true);
    }
    for (const who of ['bishanBureau', 'anrui', 'anonymous'] as const) {
      const segment = await gqlDataAs<{ segment: { targets: unknown[] } }>(server.url, tokens[who], '{ segment(code: "LIGHTING_ELECTRONICS") { targets { id } } }');
      expect(segment.segment.targets, who).toEqual([]);
    }
  });

  it('refuses a segment that is not a gap of the leader, naming the field', async () => {
    const res = await gqlAs(server.url, tokens.hechuanInvestment, 'mutation { targetFromGap(input: {leaderId: "anrui", segmentCode: "BRAKE_DRUM", year: 2025}) { id } }');
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.segmentCode' });
    const unknown = await gqlAs(server.url, tokens.hechuanInvestment, 'mutation { targetFromGap(input: {leaderId: "nobody", segmentCode: "BEARING", year: 2025}) { id } }');
    expect(errorOf(unknown)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.leaderId' });
  });
});
