import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleDataset } from '@yulian/seed';
import { loadDataset, queries } from '@yulian/server';
import { Neo4jStore } from '@yulian/server/neo4j';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateCsv, upload } from '../import/helpers';
import { tokenFor } from '../roles';
import { listen, type Listening } from '../security/listen';
import { startNeo4jTestServer, type Neo4jTestServer } from './test-server';

/**
 * An import is one transaction on Neo4j too, so it stays all-or-nothing, and Neo4j holds the whole
 * of it in memory until it commits: about 16 KB per order row with its audit event. The README
 * ("Switching to Neo4j") gives the settings for 200,000 rows; this is that import, on a Neo4j of
 * its own started with exactly those settings, through the HTTP API a bureau uses.
 */

/** The README's heap for an import of 200,000 rows (transactions may take 70% of it, Neo4j's default). */
const HEAP_MB = 6144;
const ROWS = 200_000;

let neo4j: Neo4jTestServer;
let dataDir: string;
let store: Neo4jStore;
let server: Listening;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'yulian-large-import-'));
  neo4j = await startNeo4jTestServer({ dataDir, heapMb: HEAP_MB, pageCacheMb: 256 });
  store = await Neo4jStore.open({ uri: neo4j.uris[0] as string, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 60_000 });
  await store.ensureSchema();
  await loadDataset(store, articleDataset, new Date('2025-05-14T00:00:00Z'));
  server = await listen({ store, development: false, imports: { ratePerMinute: 100 } });
}, 300_000);
afterAll(async () => {
  await server?.close();
  await store?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`an import of ${ROWS.toLocaleString('en')} orders on Neo4j`, () => {
  it('commits whole with the README’s memory settings: every order, its audit event and the summed trade links', async () => {
    const admin = await tokenFor(store, { role: 'ADMIN' });
    const buyers = ['anrui', 'changan', 'pingwei'];
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      id: `large-${i}`, kind: 'SUPPLY', supplierId: 'aofang', buyerId: buyers[i % buyers.length], segmentCode: 'SURFACE_TREATMENT',
      year: 2030, amountCny: 1_000 + (i % 1_000),
    }));
    const { status, answer } = await upload(server.url, 'orders', templateCsv('orders', rows), { token: admin, mode: 'commit' });
    expect(status, JSON.stringify(answer).slice(0, 500)).toBe(200);
    expect(answer).toMatchObject({ ok: true, created: ROWS, committed: true });

    const links = await store.read(queries.allTradeLinks({ year: 2030 }));
    expect(links).toHaveLength(buyers.length);
    expect(links.reduce((n, l) => n + l.orderCount, 0)).toBe(ROWS);
    expect(links.reduce((sum, l) => sum + l.amountCny, 0)).toBe(rows.reduce((sum, r) => sum + r.amountCny, 0));
    const [audited] = await store.read<{ n: number }>({
      name: 'importedOrderEvents', cypher: "MATCH (e:AuditEvent {action: 'import.orders', entityType: 'Order'}) RETURN count(e) AS n", params: {},
    });
    expect(Number(audited?.n)).toBe(ROWS);
  }, 900_000);
});
