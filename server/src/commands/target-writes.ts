import type { Query, Transaction } from '../store/port';
import {
  bulkAppendTargetEvents,
  bulkCreateTargets,
  bulkLinkTargets,
  bulkUnlinkTargetFirms,
  bulkUpdateTargets,
  type BulkTargetEvent,
  type BulkTargetFields,
} from '../store/queries/bulk-targets';
import { WriteConflict } from './conflict';
import type { EditableKey, TargetRecord } from './target-rules';
import type { TargetPlan } from './targets';

export interface TargetWriteOptions {
  batchSize: number;
  updatedAt: string;
  /** Username of the acting user, the history entries' actor. */
  actor: string;
}

/**
 * Writes decided targets inside the caller's transaction: new targets with their edges, changed
 * ones (a target that changes nothing is not written, so its updatedAt and history stay as they
 * were), then every history entry the changes call for, the acting user as their actor. Answers the
 * targets written.
 */
export async function writeTargetRecords(tx: Transaction, plans: readonly TargetPlan[], o: TargetWriteOptions): Promise<TargetPlan[]> {
  const creates = plans.filter((p) => p.fromStage === null);
  const updates = plans.filter((p) => p.fromStage !== null && (p.changed.length > 0 || p.events.length > 0));
  for (const batch of batches(creates, o.batchSize)) {
    await expectAll(tx, bulkCreateTargets(batch.map((t) => ({ ...fields(t.record, o.updatedAt), districtCode: t.record.districtCode, segmentCode: t.record.segmentCode, createdAt: t.createdAt ?? o.updatedAt }))), batch.length);
    await linkFirms(tx, batch.map((t) => t.record), 'firmId', 'TARGET_FIRM', false);
    await linkFirms(tx, batch.map((t) => t.record), 'leaderId', 'TARGET_LEADER', false);
  }
  for (const batch of batches(updates, o.batchSize)) {
    await expectAll(tx, bulkUpdateTargets(batch.map((t) => ({ ...fields(t.record, o.updatedAt), fromStage: t.fromStage ?? t.record.stage }))), batch.length);
    const moved = (key: EditableKey) => batch.filter((t) => t.changed.includes(key)).map((t) => t.record);
    const segments = moved('segmentCode');
    if (segments.length > 0) await expectAll(tx, bulkLinkTargets(segments.map((t) => ({ id: t.id, end: t.segmentCode })), 'TARGET_FOR', true), segments.length);
    await linkFirms(tx, moved('firmId'), 'firmId', 'TARGET_FIRM', true);
    await linkFirms(tx, moved('leaderId'), 'leaderId', 'TARGET_LEADER', true);
  }
  const events: BulkTargetEvent[] = [...creates, ...updates].flatMap((t) =>
    t.events.map((e) => ({
      id: `tev-${tx.newId()}`, targetId: t.record.id, stage: e.stage, fromStage: e.fromStage, at: e.at, actor: o.actor,
      note: [t.note, e.detail].filter(Boolean).join('; ') || null, reason: e.reason,
    })),
  );
  for (const batch of batches(events, o.batchSize)) await expectAll(tx, bulkAppendTargetEvents(batch), batch.length);
  return [...creates, ...updates];
}

/** Draws the firm or leader edges of the targets; with `redraw`, old edges go first, and a cleared cell leaves none. */
async function linkFirms(tx: Transaction, targets: readonly TargetRecord[], key: 'firmId' | 'leaderId', edge: 'TARGET_FIRM' | 'TARGET_LEADER', redraw: boolean): Promise<void> {
  if (redraw && targets.length > 0) await expectAll(tx, bulkUnlinkTargetFirms(targets.map((t) => t.id), edge), targets.length);
  const links = targets.flatMap((t) => (t[key] ? [{ id: t.id, end: t[key] }] : []));
  if (links.length > 0) await expectAll(tx, bulkLinkTargets(links, edge, false), links.length);
}

function fields(r: TargetRecord, updatedAt: string): BulkTargetFields {
  return {
    id: r.id, name: r.name, stage: r.stage, agreementCny: r.agreementCny, investmentCny: r.investmentCny,
    fundsInPlaceCny: r.fundsInPlaceCny, expectedOutputCny: r.expectedOutputCny, owner: r.owner, contact: r.contact,
    notes: r.notes, dropReason: r.dropReason, synthetic: r.synthetic, source: r.source, updatedAt,
  };
}

/** Slices of at most `size`; none for an empty list (the embedded engine rejects UNWIND over an empty one). */
function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

async function expectAll(tx: Transaction, query: Query<{ written: number }>, expected: number): Promise<void> {
  const [result] = await tx.run(query);
  if ((result?.written ?? 0) !== expected) {
    throw new WriteConflict(`${query.name} wrote ${result?.written ?? 0} of ${expected} targets: a district, segment or firm was removed, or a stage changed meanwhile`);
  }
}
