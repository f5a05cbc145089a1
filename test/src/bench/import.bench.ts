import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { OrderSeed } from '@yulian/seed';
import { EmbeddedStore, type Viewer } from '@yulian/server';
import { bench, describe } from 'vitest';
import { generateDataset } from '../../../seed/src/synthetic';
import { KIND_COLUMNS } from '../../../server/src/import/columns';
import { runImport, type ImportMode, type ImportPhase } from '../../../server/src/import/run';
import { bulkLoadDataset } from '../../../server/src/seeding/bulk-load';

/**
 * The issue's yardstick: 1,000,000 order rows imported in at most 60 s on the embedded store.
 * A synthetic cluster (2,000 firms) is bulk-loaded without orders; its million orders are written
 * as a filled orders template (CSV, both header rows) and imported through runImport, the
 * function behind POST /api/import/orders: once as a dry run, once as a commit into a fresh store.
 * Each phase's time is printed; reading and validation run the shared zod schema on every row.
 */

const ORDERS = Number(process.env.IMPORT_BENCH_ORDERS ?? 1_000_000);
const data = generateDataset({ firms: 2_000, orders: ORDERS, seed: 7 });
const admin: Viewer = { userId: 'bench', username: 'bench', displayName: null, role: 'ADMIN', districtCode: null, firmId: null, sessionId: 'bench' };

function ordersCsv(orders: readonly OrderSeed[]): Buffer {
  const specs = KIND_COLUMNS.orders;
  const lines = [specs.map((s) => s.zh).join(','), specs.map((s) => s.key).join(',')];
  for (const o of orders) {
    lines.push([o.id, o.kind, o.supplierId, o.buyerId, o.segmentCode, o.year, o.amountCny, o.quantity ?? '', o.unit ?? '', o.status, o.synthetic, `"${o.source.replaceAll('"', '""')}"`].join(','));
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

const file = ordersCsv(data.orders);

async function storeWithoutOrders(): Promise<{ store: EmbeddedStore; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-import-bench-'));
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 36, queryTimeoutMs: 120_000 });
  await store.ensureSchema();
  await bulkLoadDataset(store, { ...data, orders: [] }, { mode: 'fresh' });
  return { store, close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function timed(mode: ImportMode): Promise<void> {
  const { store, close } = await storeWithoutOrders();
  try {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const phases: Partial<Record<ImportPhase, number>> = {};
    const result = await runImport(store, {
      kind: 'orders', file, fileName: 'orders.csv', mode, viewer: admin, lang: 'en', batchSize: 10_000,
      onProgress: ({ phase }) => (phases[phase] ??= performance.now() - started),
    });
    const total = performance.now() - started;
    const cpu = process.cpuUsage(cpuStart);
    if (!result.ok || result.created !== ORDERS || result.committed !== (mode === 'commit')) {
      throw new Error(`import failed: ${JSON.stringify({ ...result, actions: undefined, errors: result.errors.slice(0, 5) })}`);
    }
    const s = (ms = 0) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `${mode} of ${ORDERS} order rows (${(file.length / 1e6).toFixed(0)} MB CSV): ${s(total)} ` +
        `(read+validate ${s(phases.checking)}, store checks ${s((phases.writing ?? phases.done ?? 0) - (phases.checking ?? 0))}` +
        `${mode === 'commit' ? `, write ${s((phases.done ?? 0) - (phases.writing ?? 0))}` : ''}); ` +
        // The machine is shared: CPU time tells what wall time would be on two idle cores.
        `process CPU ${s((cpu.user + cpu.system) / 1000)}, load average ${loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    await close();
  }
}

/**
 * tinybench calls a task more than once even when asked for one iteration; a million-row import
 * is measured once and the printed figures are the result, so later calls reuse the first run.
 */
const once = new Map<ImportMode, Promise<void>>();
const measure = (mode: ImportMode) => () => {
  if (!once.has(mode)) once.set(mode, timed(mode));
  return once.get(mode) as Promise<void>;
};

describe(`import ${ORDERS} order rows (embedded store)`, () => {
  bench('dry run', measure('dry-run'), { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
  bench('commit', measure('commit'), { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
});
