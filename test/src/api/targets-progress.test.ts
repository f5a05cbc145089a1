import { queries } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

/**
 * Progress against the goal, target suggestions and goals over HTTP. Bishan starts with no target,
 * so its figures come from a list constructed here with fixed timestamps; Hechuan's from the seed.
 */

let server: TestServer;
let bishan: string;
let hechuan: string;

const PROGRESS = `query P($d: String!, $y: Int!) { investmentProgress(districtCode: $d, year: $y) {
  goal { projects agreementCny } signedProjects agreementCny investmentCny fundsInPlaceCny started producing
  startRate fundRate projectRate agreementRate
  byMonth { month signed agreementCny started producing cumulativeSigned cumulativeAgreementCny }
  gapSegmentsWithoutTarget { code } } }`;

interface Progress {
  goal: { projects: number; agreementCny: number } | null;
  signedProjects: number;
  agreementCny: number;
  investmentCny: number;
  fundsInPlaceCny: number;
  started: number;
  producing: number;
  startRate: number | null;
  fundRate: number | null;
  projectRate: number | null;
  agreementRate: number | null;
  byMonth: { month: number; signed: number; agreementCny: number; started: number; producing: number; cumulativeSigned: number; cumulativeAgreementCny: number }[];
  gapSegmentsWithoutTarget: { code: string }[];
}

const progress = async (token: string, d: string, y: number) =>
  (await gqlDataAs<{ investmentProgress: Progress }>(server.url, token, PROGRESS, { d, y })).investmentProgress;

type Stage = Parameters<typeof queries.appendTargetEvent>[0]['stage'];

/** Writes a Bishan target with the given history straight to the store, timestamps and all. */
async function constructed(id: string, steps: [Stage, string][], amounts: { agreementCny?: number; investmentCny?: number; fundsInPlaceCny?: number }): Promise<void> {
  const last = steps[steps.length - 1];
  const first = steps[0];
  if (!last || !first) throw new Error('steps needed');
  await server.store.write(async (tx) => {
    await tx.run(
      queries.createTarget({
        id, name: `比山测试目标 ${id}`, districtCode: '500120', segmentCode: 'GEAR', stage: last[0], dropReason: last[0] === 'DROPPED' ? '测试' : null,
        agreementCny: amounts.agreementCny ?? null, investmentCny: amounts.investmentCny ?? null, fundsInPlaceCny: amounts.fundsInPlaceCny ?? null,
        expectedOutputCny: null, owner: null, contact: null, notes: null, createdAt: first[1], updatedAt: last[1], synthetic: false, source: null,
      }),
    );
    let from: Stage | null = null;
    for (const [i, [stage, at]] of steps.entries()) {
      await tx.run(queries.appendTargetEvent({ id: `${id}-${i}`, targetId: id, stage, fromStage: from, at, actor: 'test', note: null, reason: null }));
      from = stage;
    }
  });
}

const walk = (stages: Stage[], ats: string[]): [Stage, string][] => stages.map((s, i) => [s, ats[i] ?? '']);
const UP_TO_SIGNED: Stage[] = ['LEAD', 'CONTACTED', 'NEGOTIATING', 'SIGNED'];

beforeAll(async () => {
  server = await startTestServer();
  bishan = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500120' });
  hechuan = await tokenFor(server.store, { role: 'INVESTMENT', districtCode: '500117' });
  const early = ['2024-12-01T00:00:00Z', '2024-12-10T00:00:00Z', '2025-01-05T00:00:00Z'];
  await constructed('bs-1', walk([...UP_TO_SIGNED, 'STARTED', 'PRODUCING'], [...early, '2025-02-10T00:00:00Z', '2025-03-01T00:00:00Z', '2025-06-01T00:00:00Z']), { agreementCny: 400e6, investmentCny: 300e6, fundsInPlaceCny: 300e6 });
  await constructed('bs-2', walk([...UP_TO_SIGNED, 'STARTED'], [...early, '2025-02-20T00:00:00Z', '2025-04-01T00:00:00Z']), { agreementCny: 200e6, investmentCny: 100e6, fundsInPlaceCny: 20e6 });
  await constructed('bs-3', walk(UP_TO_SIGNED, [...early, '2025-04-15T00:00:00Z']), { agreementCny: 100e6 });
  await constructed('bs-4', walk([...UP_TO_SIGNED, 'DROPPED'], [...early, '2025-02-01T00:00:00Z', '2025-05-01T00:00:00Z']), { agreementCny: 900e6 });
  await constructed('bs-5', walk(UP_TO_SIGNED, ['2024-06-01T00:00:00Z', '2024-07-01T00:00:00Z', '2024-08-01T00:00:00Z', '2024-11-30T00:00:00Z']), { agreementCny: 50e6 });
  await constructed('bs-6', walk(['LEAD', 'CONTACTED'], early), {});
});
afterAll(() => server.close());

describe('investment progress', () => {
  it('computes the figures from a constructed target list', async () => {
    // A goal set through the API, by the district's own team.
    await gqlDataAs(server.url, bishan, 'mutation { setGoal(districtCode: "500120", year: 2025, projects: 10, agreementCny: 1000000000) { id } }');
    const p = await progress(bishan, '500120', 2025);
    // bs-1, bs-2, bs-3 signed in 2025; bs-4 dropped after signing; bs-5 signed in 2024; bs-6 not signed.
    expect(p).toMatchObject({
      goal: { projects: 10, agreementCny: 1e9 },
      signedProjects: 3,
      agreementCny: 700e6,
      investmentCny: 400e6,
      fundsInPlaceCny: 320e6,
      started: 2,
      producing: 1,
    });
    expect(p.startRate).toBeCloseTo(2 / 3);
    expect(p.fundRate).toBeCloseTo(320 / 400);
    expect(p.projectRate).toBeCloseTo(0.3);
    expect(p.agreementRate).toBeCloseTo(0.7);
    const month = (m: number) => p.byMonth[m - 1];
    expect(month(2)).toMatchObject({ signed: 2, agreementCny: 600e6, cumulativeSigned: 2 });
    expect(month(3)).toMatchObject({ signed: 0, started: 1, cumulativeSigned: 2 });
    expect(month(4)).toMatchObject({ signed: 1, started: 1, cumulativeSigned: 3, cumulativeAgreementCny: 700e6 });
    expect(month(6)).toMatchObject({ producing: 1 });
  });

  it('measures Hechuan’s seed list against “30 projects, 11 billion”', async () => {
    const p = await progress(hechuan, '500117', 2025);
    expect(p).toMatchObject({ goal: { projects: 30, agreementCny: 11e9 }, signedProjects: 4, agreementCny: 2.8e9, started: 2, producing: 1, startRate: 0.5 });
    expect(p.fundRate).toBeCloseTo(650 / 2250);
    // Anrui’s injection-moulded parts gap has nobody working on it.
    expect(p.gapSegmentsWithoutTarget.map((s) => s.code)).toEqual(['INJECTION_MOULDING']);
  });

  it('updates when a target is signed through the API', async () => {
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const before = await progress(hechuan, '500117', year);
    const MOVE = 'mutation M($s: TargetStage!, $a: Float) { moveTarget(id: "tgt-hc-led-negotiating", stage: $s, agreementCny: $a) { stage } }';
    await gqlDataAs(server.url, hechuan, MOVE, { s: 'SIGNED', a: 250e6 });
    const after = await progress(hechuan, '500117', year);
    expect(after.signedProjects).toBe(before.signedProjects + 1);
    expect(after.agreementCny).toBe(before.agreementCny + 250e6);
  });
});

describe('target suggestions', () => {
  it('ranks outside suppliers of Hechuan’s gap segments by value, with the targets already on them', async () => {
    const { targetSuggestions } = await gqlDataAs<{
      targetSuggestions: { firm: { id: string }; segment: { code: string }; amountCny: number | null; amountCnyWithheld: string | null; leaders: { id: string }[]; targets: { id: string }[] }[];
    }>(server.url, hechuan, '{ targetSuggestions(districtCode: "500117", year: 2025) { firm { id } segment { code } amountCny amountCnyWithheld leaders { id } targets { id } } }');
    // Each value is one supplier's single order to one leader: withheld from the team (README, Security), and the
    // list in name order, since ranking by a withheld value would bound it.
    expect(targetSuggestions.map((s) => [s.firm.id, s.segment.code, s.amountCny, s.amountCnyWithheld])).toEqual([
      ['syn-guangan-extrusion', 'AL_EXTRUSION', null, 'TOO_FEW_ORDERS'],
      ['syn-liangjiang-bearing', 'BEARING', null, 'TOO_FEW_ORDERS'],
      ['syn-shapingba-led', 'LIGHTING_ELECTRONICS', null, 'TOO_FEW_ORDERS'],
    ]);
    expect(targetSuggestions[0]?.leaders).toEqual([{ id: 'pingwei' }]);
    expect(targetSuggestions[0]?.targets).toEqual([{ id: 'tgt-hc-extrusion-started' }]);
  });
});

describe('goals', () => {
  it('sets a goal, replacing the year’s, and names bad fields', async () => {
    const set = await gqlDataAs<{ setGoal: { year: number; projects: number; agreementCny: number } }>(
      server.url,
      hechuan,
      'mutation { setGoal(districtCode: "500117", year: 2026, projects: 35, agreementCny: 12000000000) { year projects agreementCny } }',
    );
    expect(set.setGoal).toEqual({ year: 2026, projects: 35, agreementCny: 12e9 });
    const again = await gqlDataAs<{ setGoal: { projects: number } }>(server.url, hechuan, 'mutation { setGoal(districtCode: "500117", year: 2026, projects: 36, agreementCny: 12000000000) { projects } }');
    expect(again.setGoal.projects).toBe(36);
    for (const [args, field] of [
      ['projects: -1, agreementCny: 1', 'projects'],
      ['projects: 1, agreementCny: -1', 'agreementCny'],
    ] as const) {
      const res = await gqlAs(server.url, hechuan, `mutation { setGoal(districtCode: "500117", year: 2026, ${args}) { id } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const { district } = await gqlDataAs<{ district: { goals: { year: number; projects: number }[] } }>(server.url, hechuan, '{ district(code: "500117") { goals { year projects } } }');
    expect(district.goals).toEqual([{ year: 2025, projects: 30 }, { year: 2026, projects: 36 }]);
  });
});
