import { TARGET_PROGRESSION, type TargetStage } from '@yulian/schema';

/**
 * The stage rules of an investment-promotion target, as a pure function so the API, the web board
 * and the tests agree on one definition:
 *
 * - a target moves forward one stage at a time (LEAD → CONTACTED → NEGOTIATING → SIGNED → STARTED →
 *   PRODUCING); skipping a stage or going back is refused, because every stage is a KPI the
 *   bureau reports and a skipped one would be missing from the history;
 * - any stage before PRODUCING may move to DROPPED, with a reason; a plant in production is a
 *   result, not a prospect, and a dropped target stays dropped (a revived one is a new target);
 * - moving to SIGNED needs an agreement amount (协议金额), given with the move or already recorded.
 */

export interface MoveRequest {
  stage: TargetStage;
  reason?: string | null;
  agreementCny?: number | null;
}

export interface MoveFacts {
  stage: TargetStage;
  agreementCny: number | null;
}

/** A refusal names the argument at fault, so the API can answer BAD_USER_INPUT naming that field. */
export type MoveCheck = { ok: true } | { ok: false; field: 'stage' | 'reason' | 'agreementCny'; message: string };

export function nextStage(stage: TargetStage): TargetStage | null {
  const i = (TARGET_PROGRESSION as readonly TargetStage[]).indexOf(stage);
  return i >= 0 && i < TARGET_PROGRESSION.length - 1 ? (TARGET_PROGRESSION[i + 1] ?? null) : null;
}

/** Stages a target may move to from `stage`. */
export function allowedMoves(stage: TargetStage): TargetStage[] {
  if (stage === 'DROPPED' || stage === 'PRODUCING') return [];
  const next = nextStage(stage);
  return next ? [next, 'DROPPED'] : ['DROPPED'];
}

export function checkMove(target: MoveFacts, move: MoveRequest): MoveCheck {
  const from = target.stage;
  if (move.stage === from) return { ok: false, field: 'stage', message: `the target is already ${from}` };
  if (from === 'DROPPED') return { ok: false, field: 'stage', message: 'a dropped target cannot move; create a new target instead' };
  if (from === 'PRODUCING') return { ok: false, field: 'stage', message: 'a target in production is done and cannot move' };
  if (move.stage === 'DROPPED') {
    return move.reason?.trim() ? { ok: true } : { ok: false, field: 'reason', message: 'is required to drop a target' };
  }
  const next = nextStage(from);
  if (move.stage !== next) {
    return { ok: false, field: 'stage', message: `must be ${next ?? 'DROPPED'} or DROPPED: a target moves one stage at a time from ${from}` };
  }
  if (move.stage === 'SIGNED' && !((move.agreementCny ?? target.agreementCny ?? 0) > 0)) {
    return { ok: false, field: 'agreementCny', message: 'is required to sign: give the agreement amount (协议金额) in CNY' };
  }
  return { ok: true };
}

/** Stages at or after signing, DROPPED excluded: what counts as a signed project. */
export function isSignedOrLater(stage: TargetStage): boolean {
  return stage === 'SIGNED' || stage === 'STARTED' || stage === 'PRODUCING';
}

export function isStartedOrLater(stage: TargetStage): boolean {
  return stage === 'STARTED' || stage === 'PRODUCING';
}
