import type { TargetSeed } from '@yulian/seed';
import type { Transaction } from '../store/port';
import { appendTargetEvent, createTarget, existingTargetIds, setTargetFirm } from '../store/queries';

/**
 * Writes the dataset's targets that the store does not hold yet. Existing targets are left alone:
 * a team may have moved a seeded target since, and loading the seed again must not undo that.
 */
export async function loadTargets(tx: Transaction, targets: readonly TargetSeed[]): Promise<number> {
  if (targets.length === 0) return 0;
  const existing = new Set((await tx.run(existingTargetIds(targets.map((t) => t.id)))).map((r) => r.id));
  let written = 0;
  for (const t of targets) {
    if (existing.has(t.id)) continue;
    const first = t.history[0];
    const last = t.history[t.history.length - 1];
    if (!first || !last) throw new Error(`seed target ${t.id} has no history`);
    const created = await tx.run(
      createTarget({
        id: t.id,
        name: t.name,
        districtCode: t.districtCode,
        segmentCode: t.segmentCode,
        stage: last.stage,
        agreementCny: t.agreementCny,
        investmentCny: t.investmentCny,
        fundsInPlaceCny: t.fundsInPlaceCny,
        expectedOutputCny: t.expectedOutputCny,
        owner: t.owner,
        contact: t.contact,
        notes: t.notes,
        dropReason: last.stage === 'DROPPED' ? (last.reason ?? null) : null,
        createdAt: first.at,
        updatedAt: last.at,
        synthetic: t.synthetic,
        source: t.source,
      }),
    );
    if (created.length !== 1) throw new Error(`seed target ${t.id}: district ${t.districtCode} or segment ${t.segmentCode} is missing`);
    if (t.firmId) await tx.run(setTargetFirm(t.id, 'TARGET_FIRM', t.firmId));
    if (t.leaderId) await tx.run(setTargetFirm(t.id, 'TARGET_LEADER', t.leaderId));
    let fromStage: TargetSeed['history'][number]['stage'] | null = null;
    for (const [i, s] of t.history.entries()) {
      await tx.run(
        appendTargetEvent({
          id: `${t.id}-${i}`,
          targetId: t.id,
          stage: s.stage,
          fromStage,
          at: s.at,
          actor: 'seed',
          note: s.note,
          reason: s.reason ?? null,
        }),
      );
      fromStage = s.stage;
    }
    written += 1;
  }
  return written;
}
