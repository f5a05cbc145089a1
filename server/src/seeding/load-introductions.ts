import type { IntroductionSeed } from '@yulian/seed';
import { writeNewIntroduction } from '../commands/introduction-writes';
import type { Transaction } from '../store/port';
import { existingIntroductionIds } from '../store/queries/introductions';

/**
 * Writes the dataset's introductions that the store does not hold yet, each with its whole story.
 * Existing ones are left alone: the firms may have moved a seeded introduction since, and loading
 * the seed again must not undo that.
 */
export async function loadIntroductions(tx: Transaction, introductions: readonly IntroductionSeed[]): Promise<number> {
  if (introductions.length === 0) return 0;
  const existing = new Set((await tx.run(existingIntroductionIds(introductions.map((i) => i.id)))).map((r) => r.id));
  let written = 0;
  for (const i of introductions) {
    if (existing.has(i.id)) continue;
    const first = i.history[0];
    const moves = i.history.filter((h) => !h.planChange);
    const last = moves[moves.length - 1];
    if (!first || !last) throw new Error(`seed introduction ${i.id} has no history`);
    const proposer = { proposedBy: first.actor, proposedByRole: first.actorRole };
    let stage: IntroductionSeed['history'][number]['stage'] | null = null;
    const events = i.history.map((h) => {
      const fromStage = stage;
      if (!h.planChange) stage = h.stage;
      return { stage: h.stage, fromStage, at: h.at, actor: h.actor, actorRole: h.actorRole, note: h.note, reason: h.reason ?? null, planChange: h.planChange === true };
    });
    await writeNewIntroduction(
      tx,
      {
        id: i.id, buyerId: i.buyerId, supplierId: i.supplierId, segmentCode: i.segmentCode, origin: i.origin, year: i.year, ...proposer,
        stage: last.stage, note: i.note, declineReason: last.stage === 'DECLINED' ? (last.reason ?? null) : null,
        declineNote: last.stage === 'DECLINED' ? last.note : null, goalYieldRate: i.goalYieldRate, goalCertifications: i.goalCertifications,
        goalAnnualVolume: i.goalAnnualVolume, goalUnit: i.goalUnit, goalBy: i.goalBy, createdAt: first.at, updatedAt: i.history[i.history.length - 1]?.at ?? first.at,
        synthetic: i.synthetic, source: i.source,
      },
      events,
      i.steps,
    );
    written += 1;
  }
  return written;
}
