import type { Target, TargetStage } from './operations';

/**
 * What the board does with a drop, decided before asking the server. The rule itself is the
 * server's (`allowedMoves` comes with each target); this only sorts a drop into "refuse with
 * words", "ask for a reason or an amount first", or "move".
 */
export type DropPlan =
  | { kind: 'none' }
  | { kind: 'refuse'; next: TargetStage | null }
  | { kind: 'askReason' }
  | { kind: 'askAmount' }
  | { kind: 'move' };

export function planDrop(target: Pick<Target, 'stage' | 'allowedMoves' | 'agreementCny'>, to: TargetStage): DropPlan {
  if (to === target.stage) return { kind: 'none' };
  if (!target.allowedMoves.includes(to)) return { kind: 'refuse', next: target.allowedMoves.find((s) => s !== 'DROPPED') ?? null };
  if (to === 'DROPPED') return { kind: 'askReason' };
  if (to === 'SIGNED') return { kind: 'askAmount' };
  return { kind: 'move' };
}

/** 万元 as typed in the dialog to CNY as the API takes it. */
export const wanToCny = (wan: number): number => Math.round(wan * 10_000);
