import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record';
import type { Viewer } from '../auth/viewer';
import type { GraphStore, Query, StoreKind, Transaction } from '../store/port';
import { upsertFirm } from '../store/queries';
import { importExistingOrders, importFirmMatches, importSegmentCodes } from '../store/queries/import';
import {
  bulkLinkOrders,
  bulkUpsertCapabilities,
  bulkUpsertNeeds,
  bulkUpsertOrders,
  bulkUpsertSupports,
  type BulkMode,
  type BulkOrder,
  type OrderEdge,
} from '../store/queries/bulk';
import type { ImportKind } from './columns';
import { writeTargets } from './commit-targets';
import { REBUILD_ABOVE_SUPPLIERS, refreshTradeLinks } from '../store/trade-links';
import { ImportConflictError } from './import-conflict';
import type { Plan, PlannedRow, ResolvedRecords } from './plan';

export { ImportConflictError };

export interface CommitOptions {
  viewer: Viewer;
  /**
   * The plan was checked inside the transaction it is written in (runImport's commit), so nothing
   * can have changed since and the re-check of new orders is skipped; a plan checked earlier is re-checked.
   */
  checkedInTransaction?: boolean;
  batchSize: number;
  fileName: string | null;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a checked plan in one transaction, with one audit event for the whole import (a
 * million per-row events would dwarf the data). Each batch statement reports how many records it
 * wrote; a shortfall means the store changed since the check (a firm deleted meanwhile), and the
 * transaction is rolled back whole.
 */
export async function commitPlan<K extends ImportKind>(store: GraphStore, plan: Plan<K>, options: CommitOptions): Promise<void> {
  await store.write((tx) => writePlan(store.kind, tx, plan, options));
}

/** Writes the plan and its audit event inside the caller's write transaction. */
export async function writePlan<K extends ImportKind>(kind: StoreKind, tx: Transaction, plan: Plan<K>, options: CommitOptions): Promise<void> {
  const { viewer, batchSize, now = new Date(), onProgress = () => undefined } = options;
  const updatedAt = now.toISOString();
  const total = plan.rows.length;
  {
    const written = await writeKind(kind, tx, plan, {
      batchSize, updatedAt, progress: (done) => onProgress(done, total), recheck: !options.checkedInTransaction,
      actor: viewer.username, fileName: options.fileName,
    });
    const created = plan.rows.filter((r) => r.action === 'create').length;
    await recordAudit(
      tx,
      viewer,
      {
        action: `import.${plan.kind}`,
        entityType: 'Import',
        entityId: randomUUID(),
        before: null,
        after: { kind: plan.kind, file: options.fileName, rows: written, created, updated: total - created },
      },
      now,
    );
  }
}

interface WriteOptions {
  recheck: boolean;
  /** Who imports and from which file: target history entries name both. */
  actor: string;
  fileName: string | null;
  batchSize: number;
  updatedAt: string;
  progress: (done: number) => void;
}

async function writeKind<K extends ImportKind>(kind: StoreKind, tx: Transaction, plan: Plan<K>, o: WriteOptions): Promise<number> {
  const rows = plan.rows as PlannedRow<ResolvedRecords[ImportKind]>[];
  switch (plan.kind) {
    case 'firms':
      return writeFirms(tx, rows as PlannedRow<ResolvedRecords['firms']>[], o);
    case 'capabilities':
      return inBatches(tx, rows as PlannedRow<ResolvedRecords['capabilities']>[], o, (b) => bulkUpsertCapabilities(b.map((r) => r.record), 'merge'));
    case 'needs':
      return inBatches(tx, rows as PlannedRow<ResolvedRecords['needs']>[], o, (b) => bulkUpsertNeeds(b.map((r) => r.record), 'merge'));
    case 'supports':
      return inBatches(tx, rows as PlannedRow<ResolvedRecords['supports']>[], o, (b) =>
        bulkUpsertSupports(b.map(({ record: s }) => ({ fromId: s.fromFirmId, toId: s.toFirmId, kinds: s.kinds, since: s.since ?? null, synthetic: s.synthetic, source: s.source })), 'merge'),
      );
    case 'orders':
      return writeOrders(kind, tx, rows as PlannedRow<ResolvedRecords['orders']>[], o);
    case 'targets':
      return writeTargets(tx, rows as PlannedRow<ResolvedRecords['targets']>[], o);
  }
  throw new Error(`unknown import kind ${String(plan.kind)}`);
}

/** Firms are few (thousands): upsertFirm per row sets the credit code and moves the district in one statement. */
async function writeFirms(tx: Transaction, rows: PlannedRow<ResolvedRecords['firms']>[], o: WriteOptions): Promise<number> {
  for (const [i, { record: f }] of rows.entries()) {
    const done = await tx.run(
      upsertFirm({
        id: f.id, nameZh: f.nameZh, nameEn: f.nameEn, shortNameZh: f.shortNameZh ?? null, shortNameEn: f.shortNameEn ?? null,
        districtCode: f.districtCode, creditCode: f.creditCode ?? null, isChainLeader: f.isChainLeader, isOem: f.isOem,
        isRecycler: f.isRecycler, outputCny: f.outputCny ?? null, outputYear: f.outputYear ?? null, yieldRate: f.yieldRate ?? null,
        certifications: f.certifications, lat: f.lat ?? null, lng: f.lng ?? null, notes: f.notes ?? null,
        synthetic: f.synthetic, source: f.source, updatedAt: o.updatedAt,
      }),
    );
    if (done.length !== 1) throw new ImportConflictError(`firm ${f.id}: its district is gone`);
    if (i % 500 === 0) o.progress(i);
  }
  o.progress(rows.length);
  return rows.length;
}

/**
 * The suppliers updated orders had before this import: a corrected supplier must lose the links
 * of the order. Not read when the import is large enough for every link to be rebuilt anyway.
 */
async function suppliersBeforeUpdate(tx: Transaction, rows: readonly PlannedRow<ResolvedRecords['orders']>[]): Promise<string[]> {
  if (new Set(rows.map((r) => r.record.supplierId)).size > REBUILD_ABOVE_SUPPLIERS) return [];
  const updated = rows.filter((r) => r.action === 'update').map((r) => r.record.id);
  const suppliers: string[] = [];
  for (let i = 0; i < updated.length; i += CHECK_CHUNK) {
    for (const order of await tx.run(importExistingOrders(updated.slice(i, i + CHECK_CHUNK)))) suppliers.push(order.supplierId);
  }
  return suppliers;
}

async function inBatches<T>(
  tx: Transaction,
  rows: readonly T[],
  o: WriteOptions,
  build: (batch: T[]) => Query<{ written: number }>,
  offset = 0,
): Promise<number> {
  // Empty batches are skipped: the embedded engine rejects UNWIND over an empty list.
  for (let start = 0; start < rows.length; start += o.batchSize) {
    const batch = rows.slice(start, start + o.batchSize);
    const [result] = await tx.run(build(batch));
    if ((result?.written ?? 0) !== batch.length) {
      throw new ImportConflictError(`wrote ${result?.written ?? 0} of ${batch.length} records: a firm or segment was removed meanwhile`);
    }
    o.progress(offset + Math.min(start + o.batchSize, rows.length));
  }
  return rows.length;
}

const toBulk = (o: ResolvedRecords['orders'], updatedAt: string): BulkOrder => ({
  id: o.id, kind: o.kind, supplierId: o.supplierId, buyerId: o.buyerId, segmentCode: o.segmentCode, year: o.year,
  amountCny: o.amountCny, quantity: o.quantity ?? null, unit: o.unit ?? null, status: o.status, synthetic: o.synthetic,
  source: o.source, updatedAt,
});

const EDGES: OrderEdge[] = ['SHIPS', 'TO', 'OF'];

/**
 * Updates go through the batched merge statements (they redraw the three edges); new orders on
 * the embedded engine through the batched create statements the bulk loader uses, which skip the
 * lookups a merge makes; on Neo4j every row merges.
 *
 * Never the engine's `COPY … FROM` here: on @ladybugdb/core 0.19.1 rows a COPY writes inside a
 * transaction are not in the write-ahead log, so a kill before the next checkpoint loses an
 * answered import while the writes logged after it (its trade links, its audit event) replay
 * (docs/EMBEDDED_STORE.md, "Durability").
 */
async function writeOrders(kind: StoreKind, tx: Transaction, rows: PlannedRow<ResolvedRecords['orders']>[], o: WriteOptions): Promise<number> {
  const created = kind === 'embedded' ? rows.filter((r) => r.action === 'create') : [];
  const merged = kind === 'embedded' ? rows.filter((r) => r.action === 'update') : rows;
  const formerSuppliers = await suppliersBeforeUpdate(tx, rows);
  if (created.length > 0 && o.recheck) await assertStillNew(tx, created.map((r) => r.record));
  let done = 0;
  const write = async (planned: PlannedRow<ResolvedRecords['orders']>[], mode: BulkMode, edges: readonly OrderEdge[]) => {
    const bulk = planned.map((r) => toBulk(r.record, o.updatedAt));
    for (let start = 0; start < bulk.length; start += o.batchSize) {
      const batch = bulk.slice(start, start + o.batchSize);
      await expectAll(tx, bulkUpsertOrders(batch, mode), batch.length);
      for (const edge of edges) await expectAll(tx, bulkLinkOrders(batch, edge, mode), batch.length);
      done += batch.length;
      o.progress(done);
    }
  };
  await write(merged, 'merge', EDGES);
  // A fresh create draws OF with the node.
  await write(created, 'fresh', ['SHIPS', 'TO']);
  await refreshTradeLinks(tx, [...formerSuppliers, ...rows.map((r) => r.record.supplierId)]);
  o.progress(rows.length);
  return rows.length;
}

/**
 * Re-checks, inside the write transaction, that every firm and segment of the new orders exists and
 * no new order id is taken, so that a plan checked before the transaction fails with a message naming
 * the record rather than a shortfall count or the engine's primary-key error. Writes are serialised,
 * so nothing changes between this check and the writes.
 */
async function assertStillNew(tx: Transaction, orders: readonly ResolvedRecords['orders'][]): Promise<void> {
  const firmIds = [...new Set(orders.flatMap((o) => [o.supplierId, o.buyerId]))];
  const found = new Set<string>();
  for (let i = 0; i < firmIds.length; i += CHECK_CHUNK) {
    for (const f of await tx.run(importFirmMatches(firmIds.slice(i, i + CHECK_CHUNK), [], []))) found.add(f.id);
  }
  const missingFirm = firmIds.find((id) => !found.has(id));
  if (missingFirm) throw new ImportConflictError(`firm ${missingFirm} was removed after the check`);
  const segments = new Set((await tx.run(importSegmentCodes())).map((s) => s.code));
  const missingSegment = orders.find((o) => !segments.has(o.segmentCode));
  if (missingSegment) throw new ImportConflictError(`segment ${missingSegment.segmentCode} was removed after the check`);
  for (let i = 0; i < orders.length; i += CHECK_CHUNK) {
    const [taken] = await tx.run(importExistingOrders(orders.slice(i, i + CHECK_CHUNK).map((o) => o.id)));
    if (taken) throw new ImportConflictError(`order ${taken.id} was created after the check`);
  }
}

const CHECK_CHUNK = 50_000;

async function expectAll(tx: Transaction, query: Query<{ written: number }>, expected: number): Promise<void> {
  const [result] = await tx.run(query);
  if ((result?.written ?? 0) !== expected) {
    throw new ImportConflictError(`wrote ${result?.written ?? 0} of ${expected} orders: a firm or segment was removed meanwhile`);
  }
}
