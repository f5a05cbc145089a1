import type { SeedDataset } from '@yulian/seed';
import type { GraphStore, Transaction } from '../store/port';
import { refreshTradeLinks } from '../store/trade-links';
import {
  countNodes,
  linkSegmentFeeds,
  linkSegmentParents,
  setCapability,
  setNeed,
  upsertDistricts,
  upsertFirm,
  upsertGoal,
  upsertOrder,
  upsertSegments,
  upsertSupport,
} from '../store/queries';
import { loadTargets } from './load-targets';

export interface LoadSummary {
  districts: number;
  segments: number;
  firms: number;
  orders: number;
}

/**
 * Writes a dataset in one transaction: either all of it is in, or nothing changed. Every write is
 * a MERGE by key, so loading the same dataset twice leaves the store as it was.
 */
export async function loadDataset(store: GraphStore, data: SeedDataset, now = new Date()): Promise<LoadSummary> {
  const updatedAt = now.toISOString();
  await store.write(async (tx) => {
    await runIfAny(tx, data.districts, upsertDistricts);
    await runIfAny(tx, data.segments, upsertSegments);
    await runIfAny(
      tx,
      data.segments.flatMap((s) => (s.parent ? [{ from: s.code, to: s.parent }] : [])),
      linkSegmentParents,
    );
    await runIfAny(tx, data.feeds, linkSegmentFeeds);
    // Firms one by one: a firm's certification list may be empty, which the embedded engine
    // cannot type inside an UNWIND row.
    for (const f of data.firms) {
      await tx.run(
        upsertFirm({
          id: f.id,
          nameZh: f.nameZh,
          nameEn: f.nameEn,
          shortNameZh: f.shortNameZh,
          shortNameEn: f.shortNameEn,
          districtCode: f.districtCode,
          creditCode: null,
          isChainLeader: f.isChainLeader,
          isOem: f.isOem,
          isRecycler: f.isRecycler,
          outputCny: f.outputCny,
          outputYear: f.outputYear,
          yieldRate: f.yieldRate,
          certifications: f.certifications,
          lat: f.lat,
          lng: f.lng,
          notes: f.notes,
          synthetic: f.synthetic,
          source: f.source,
          updatedAt,
        }),
      );
    }
    for (const c of data.capabilities) await tx.run(setCapability({ ...c }));
    for (const n of data.needs) await tx.run(setNeed({ ...n }));
    for (const o of data.orders) await tx.run(upsertOrder({ ...o, updatedAt }));
    await refreshTradeLinks(tx, data.orders.map((o) => o.supplierId));
    for (const s of data.supports) {
      await tx.run(upsertSupport({ fromId: s.fromFirmId, toId: s.toFirmId, kinds: s.kinds, since: s.since, synthetic: s.synthetic, source: s.source }));
    }
    for (const g of data.goals) await tx.run(upsertGoal({ ...g }));
    await loadTargets(tx, data.targets);
  });
  return {
    districts: data.districts.length,
    segments: data.segments.length,
    firms: data.firms.length,
    orders: data.orders.length,
  };
}

async function runIfAny<T>(
  tx: Transaction,
  rows: T[],
  build: (rows: T[]) => Parameters<Transaction['run']>[0],
): Promise<void> {
  // The embedded engine rejects UNWIND over an empty list.
  if (rows.length > 0) await tx.run(build(rows));
}

/** True when the store holds no firms, districts or segments yet. */
export async function isEmpty(store: GraphStore): Promise<boolean> {
  const counts = await store.read(countNodes());
  return counts.every((c) => c.total === 0);
}
