import { neo4jDialect, renderCypher } from '@yulian/server';
import { catalogueExamples } from '@yulian/server/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, gqlDataAs, tokenFor } from '../roles';

let server: TestServer;
let aofang: string;
let bureau: string;
let hechuanBureau: string;
beforeAll(async () => {
  server = await startTestServer();
  aofang = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });
  bureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500120' });
  hechuanBureau = await tokenFor(server.store, { role: 'BUREAU', districtCode: '500117' });
});
afterAll(() => server.close());

interface AuditEvent {
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  at: string;
}

const EVENTS = `query E($id: String) { auditEvents(entityId: $id, first: 50) { totalCount edges { node {
  actorName actorRole action entityType entityId before after at } } } }`;

/** The events of an entity as a bureau reads them: Bishan's unless told (a bureau reads its own district's). */
async function eventsOf(entityId: string, reader = bureau): Promise<AuditEvent[]> {
  const data = await gqlDataAs<{ auditEvents: { edges: { node: AuditEvent }[] } }>(server.url, reader, EVENTS, { id: entityId });
  return data.auditEvents.edges.map((e) => e.node);
}

describe('audit trail', () => {
  it('records who changed a capability, when, and the values before and after', async () => {
    const started = new Date().toISOString();
    await gqlDataAs(server.url, aofang, 'mutation { setCapability(input: {firmId: "aofang", segmentCode: "SURFACE_TREATMENT", capacity: 650000, unit: "sets", utilisation: 0.75, yieldRate: 0.92}) { id } }');
    const [latest] = await eventsOf('aofang');
    expect(latest).toMatchObject({ action: 'setCapability', entityType: 'Capability', entityId: 'aofang', actorRole: 'FIRM' });
    expect(latest?.actorName).toMatch(/^t-firm-/);
    expect(latest && latest.at >= started).toBe(true);
    expect(JSON.parse(latest?.before ?? 'null')).toMatchObject({ capacity: 600000, yieldRate: 0.9 });
    expect(JSON.parse(latest?.after ?? 'null')).toMatchObject({ capacity: 650000, utilisation: 0.75, yieldRate: 0.92 });
  });

  it('records orders created and deleted, with nothing after a deletion', async () => {
    const { recordOrder } = await gqlDataAs<{ recordOrder: { id: string } }>(
      server.url,
      aofang,
      'mutation { recordOrder(input: {kind: SUPPLY, supplierId: "aofang", buyerId: "anrui", segmentCode: "SURFACE_TREATMENT", year: 2025, amountCny: 123}) { id } }',
    );
    await gqlDataAs(server.url, aofang, 'mutation D($id: ID!) { deleteOrder(id: $id) }', { id: recordOrder.id });
    const events = await eventsOf(recordOrder.id);
    expect(events.map((e) => e.action)).toEqual(['deleteOrder', 'recordOrder']);
    const [deleted, created] = events;
    expect(created?.before).toBeNull();
    expect(JSON.parse(created?.after ?? 'null')).toMatchObject({ amountCny: 123, supplierId: 'aofang', buyerId: 'anrui' });
    expect(JSON.parse(deleted?.before ?? 'null')).toMatchObject({ amountCny: 123 });
    expect(deleted?.after).toBeNull();
  });

  it('records nothing for a refused or invalid change', async () => {
    // Anrui is in Hechuan: its bureau reads its events.
    const before = (await eventsOf('anrui', hechuanBureau)).length;
    expect(before).toBeGreaterThan(0);
    const refused = await gqlAs(server.url, aofang, 'mutation { setNeed(input: {firmId: "anrui", segmentCode: "SURFACE_TREATMENT", annualDemand: 1}) { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invalid = await gqlAs(server.url, bureau, 'mutation { setNeed(input: {firmId: "anrui", segmentCode: "SURFACE_TREATMENT", annualDemand: -1}) { id } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await eventsOf('anrui', hechuanBureau)).toHaveLength(before);
  });

  it('is append-only: no catalogue query changes or removes an audit event', () => {
    for (const query of catalogueExamples()) {
      const cypher = renderCypher(query, neo4jDialect);
      if (!/AuditEvent/.test(cypher)) continue;
      expect(cypher, query.name).not.toMatch(/\b(SET|DELETE|REMOVE|MERGE)\b/i);
    }
  });
});
