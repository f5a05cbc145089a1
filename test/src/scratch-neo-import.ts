import { articleDataset } from '@yulian/seed';
import { loadDataset, type Viewer } from '@yulian/server';
import { Neo4jStore } from '@yulian/server/neo4j';
import { commitPlan } from '../../server/src/import/commit';
import type { OrderPlan } from '../../server/src/commands/orders';
import type { Plan } from '../../server/src/import/plan';

const rows = Number(process.argv[2] ?? 200_000);
const store = await Neo4jStore.open({ uri: process.env.NEO4J_URI!, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 30_000 });
await store.write((tx) => tx.run({ name: 'wipe', cypher: 'MATCH (n) DETACH DELETE n', params: {} }));
await store.ensureSchema();
await loadDataset(store, articleDataset, new Date('2025-05-14T00:00:00Z'));
const admin: Viewer = { userId: 'x', username: 'x', displayName: null, role: 'ADMIN', districtCode: null, firmId: null, sessionId: 'x' };
const buyers = ['anrui', 'changan', 'pingwei'];
const order = (id: string, i: number): OrderPlan => ({
  change: { fields: { id, kind: 'SUPPLY', supplierId: 'aofang', buyerId: buyers[i % 3]!, segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1 + i, quantity: null, unit: null, status: 'ACTIVE' }, provenance: { synthetic: false, source: null } },
  before: null,
});
const plan: Plan<'orders'> = { kind: 'orders', errors: [], rows: Array.from({ length: rows }, (_, i) => ({ row: i + 2, action: 'create' as const, record: order(`big-${i}`, i) })) };
const t = Date.now();
try {
  await commitPlan(store, plan, { viewer: admin, batchSize: 1_000, fileName: 'big.csv' });
  console.log('committed', rows, (Date.now() - t) / 1000, 's');
} catch (e) { console.log('failed after', (Date.now() - t) / 1000, 's', String(e).slice(0, 500)); }
const [r] = await store.read<{ n: number }>({ name: 'c', cypher: "MATCH (o:TradeOrder) WHERE o.id STARTS WITH 'big-' RETURN count(o) AS n", params: {} });
console.log('orders', r);
await store.close();
