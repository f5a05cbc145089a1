import type { TargetStage } from '@yulian/schema';
import { chinaYearMonth, enteredAt, type TargetFacts } from './progress';

/**
 * Which targets a year's list holds: those created by the end of the year that were not already
 * closed (PRODUCING or DROPPED) before it began. A lead from last year still being worked belongs to
 * this year's list; a plant producing since last year does not.
 */
export function onYearList(target: TargetFacts & { createdAt: string }, year: number): boolean {
  if (chinaYearMonth(target.createdAt).year > year) return false;
  if (target.stage !== 'PRODUCING' && target.stage !== 'DROPPED') return true;
  const closedAt = enteredAt(target, target.stage);
  return closedAt === null || chinaYearMonth(closedAt).year >= year;
}

export const STAGE_ZH: Record<TargetStage, string> = {
  LEAD: '线索',
  CONTACTED: '接洽',
  NEGOTIATING: '洽谈',
  SIGNED: '签约',
  STARTED: '开工',
  PRODUCING: '投产',
  DROPPED: '放弃',
};

/** CNY to 万元 (ten thousand yuan), the unit of bureau reports, two decimals; blank when unknown. */
export function toWan(cny: number | null): number | null {
  return cny === null ? null : Math.round(cny / 100) / 100;
}
