import type { Viewer } from '../auth/viewer';
import { supportsOfFirms } from '../store/queries';
import { importExistingFirmSegments, importExistingOrders } from '../store/queries/import';
import type { Lang } from './messages';
import { firmDistricts, inChunks, segmentCodes, type Reader } from './lookups';
import { mayEditFirm, mayRecordOrder } from './permissions';
import { RowChecker, type Plan, type ResolvedRecords } from './plan';
import type { Validated } from './validate';

/** Capabilities and needs: the firm and segment must exist; one row per firm and segment. */
export async function checkFirmSegments<K extends 'capabilities' | 'needs'>(
  store: Reader,
  kind: K,
  input: Validated<K>,
  viewer: Viewer,
  lang: Lang,
): Promise<Plan<K>> {
  const firmIds = input.rows.map((r) => r.record.firmId);
  // One read after the other: in a commit they share the transaction's single connection.
  const firms = await firmDistricts(store, firmIds);
  const segments = await segmentCodes(store);
  const rel = kind === 'capabilities' ? 'MAKES' : 'NEEDS';
  const existing = await inChunks([...firms.keys()], (chunk) => store.read(importExistingFirmSegments(rel, chunk)));
  const present = new Set(existing.map((e) => `${e.firmId}\u0000${e.segmentCode}`));

  const check = new RowChecker(kind, viewer, lang);
  for (const row of input.rows) {
    const { firmId, segmentCode } = row.record;
    const district = firms.get(firmId);
    if (district === undefined) check.fail(row, 'firmId', 'unknownFirm');
    if (!segments.has(segmentCode)) check.fail(row, 'segmentCode', 'unknownSegment');
    if (district === undefined || !segments.has(segmentCode)) continue;
    const key = `${firmId}\u0000${segmentCode}`;
    if (!check.firstOccurrence(row, key, 'segmentCode')) continue;
    if (!mayEditFirm(viewer, { id: firmId, districtCode: district ?? '' })) {
      check.fail(row, 'firmId', 'forbidden');
      continue;
    }
    check.plan(row, row.record as ResolvedRecords[K], present.has(key));
  }
  return check.result();
}

/** Support ties: both firms must exist; one row per pair; changed by whoever may edit both firms. */
export async function checkSupports(store: Reader, input: Validated<'supports'>, viewer: Viewer, lang: Lang): Promise<Plan<'supports'>> {
  const firms = await firmDistricts(store, input.rows.flatMap((r) => [r.record.fromFirmId, r.record.toFirmId]));
  const existing = await inChunks([...firms.keys()], (chunk) => store.read(supportsOfFirms(chunk)));
  const present = new Set(existing.map((s) => `${s.fromId}\u0000${s.toId}`));

  const check = new RowChecker('supports', viewer, lang);
  for (const row of input.rows) {
    const { fromFirmId, toFirmId } = row.record;
    const from = firms.get(fromFirmId);
    const to = firms.get(toFirmId);
    if (from === undefined) check.fail(row, 'fromFirmId', 'unknownFirm');
    if (to === undefined) check.fail(row, 'toFirmId', 'unknownFirm');
    if (from === undefined || to === undefined) continue;
    const key = `${fromFirmId}\u0000${toFirmId}`;
    if (!check.firstOccurrence(row, key, 'toFirmId')) continue;
    if (!mayEditFirm(viewer, { id: fromFirmId, districtCode: from ?? '' }) || !mayEditFirm(viewer, { id: toFirmId, districtCode: to ?? '' })) {
      check.fail(row, 'fromFirmId', 'forbidden');
      continue;
    }
    check.plan(row, row.record, present.has(key));
  }
  return check.result();
}

/**
 * Orders: both firms and the segment must exist, ids are unique in the file, and the viewer must
 * be allowed to record the order as written and, for an update, as it stands in the store.
 */
export async function checkOrders(store: Reader, input: Validated<'orders'>, viewer: Viewer, lang: Lang): Promise<Plan<'orders'>> {
  const firms = await firmDistricts(store, input.rows.flatMap((r) => [r.record.supplierId, r.record.buyerId]));
  const segments = await segmentCodes(store);
  const existingRows = await inChunks(input.rows.map((r) => r.record.id), (chunk) => store.read(importExistingOrders(chunk)));
  const existing = new Map(existingRows.map((o) => [o.id, o]));

  const check = new RowChecker('orders', viewer, lang);
  for (const row of input.rows) {
    const o = row.record;
    let bad = false;
    if (!firms.has(o.supplierId)) bad = (check.fail(row, 'supplierId', 'unknownFirm'), true);
    if (!firms.has(o.buyerId)) bad = (check.fail(row, 'buyerId', 'unknownFirm'), true);
    if (!segments.has(o.segmentCode)) bad = (check.fail(row, 'segmentCode', 'unknownSegment'), true);
    if (!check.firstOccurrence(row, o.id, 'id') || bad) continue;
    const before = existing.get(o.id);
    if (!mayRecordOrder(viewer, o)) {
      check.fail(row, 'supplierId', 'forbidden');
      continue;
    }
    if (before && !mayRecordOrder(viewer, { supplierId: before.supplierId ?? '', buyerId: before.buyerId ?? '' })) {
      check.fail(row, 'id', 'orderMoved');
      continue;
    }
    check.plan(row, o, before !== undefined);
  }
  return check.result();
}
