import { DECLINE_REASONS, INTRODUCTION_PROGRESSION, type DeclineReason, type IntroductionStage } from '@yulian/schema';

/**
 * The stage rules of an introduction (供需对接), as a pure function so the API, the board and the
 * tests agree on one definition:
 *
 * - by hand, an introduction moves forward one stage at a time (PROPOSED → INTRODUCED → INSPECTED →
 *   TRIAL → SUPPLYING), so every stage has a day and the bureau's median days per stage are real;
 * - an order recorded between the two firms for the segment moves an open introduction straight to
 *   SUPPLYING, whatever stage it was in: the order is the proof that supply began;
 * - any open stage may move to DECLINED with a reason (quality, price, capacity, distance, other;
 *   "other" needs a note to say what);
 * - SUPPLYING and DECLINED are final: a new attempt between the same firms is a new introduction.
 */

export interface IntroductionMove {
  stage: IntroductionStage;
  reason?: DeclineReason | null;
  note?: string | null;
  /** The move is made by an order recorded for the pair and segment, not by a person. */
  byOrder?: boolean;
}

export type IntroductionMoveCheck = { ok: true } | { ok: false; field: 'stage' | 'reason' | 'note'; message: string };

export function isOpen(stage: IntroductionStage): boolean {
  return stage !== 'SUPPLYING' && stage !== 'DECLINED';
}

export function nextIntroductionStage(stage: IntroductionStage): IntroductionStage | null {
  const i = (INTRODUCTION_PROGRESSION as readonly IntroductionStage[]).indexOf(stage);
  return i >= 0 && i < INTRODUCTION_PROGRESSION.length - 1 ? (INTRODUCTION_PROGRESSION[i + 1] ?? null) : null;
}

/** Stages a person may move an introduction to from `stage`. */
export function allowedIntroductionMoves(stage: IntroductionStage): IntroductionStage[] {
  if (!isOpen(stage)) return [];
  const next = nextIntroductionStage(stage);
  return next ? [next, 'DECLINED'] : ['DECLINED'];
}

export function checkIntroductionMove(from: IntroductionStage, move: IntroductionMove): IntroductionMoveCheck {
  if (move.stage === from) return { ok: false, field: 'stage', message: `the introduction is already ${from}` };
  if (from === 'DECLINED') return { ok: false, field: 'stage', message: 'a declined introduction cannot move; propose a new one instead' };
  if (from === 'SUPPLYING') return { ok: false, field: 'stage', message: 'the supplier already supplies: the introduction is done' };
  if (move.stage === 'DECLINED') {
    if (!move.reason || !(DECLINE_REASONS as readonly string[]).includes(move.reason)) {
      return { ok: false, field: 'reason', message: `is required to decline: one of ${DECLINE_REASONS.join(', ')}` };
    }
    if (move.reason === 'OTHER' && !move.note?.trim()) return { ok: false, field: 'note', message: 'is required when the reason is OTHER: say why' };
    return { ok: true };
  }
  if (move.stage === 'PROPOSED') return { ok: false, field: 'stage', message: 'an introduction cannot move back to PROPOSED' };
  if (move.byOrder && move.stage === 'SUPPLYING') return { ok: true };
  const next = nextIntroductionStage(from);
  if (move.stage !== next) {
    return { ok: false, field: 'stage', message: `must be ${next ?? 'DECLINED'} or DECLINED: an introduction moves one stage at a time from ${from}` };
  }
  return { ok: true };
}
