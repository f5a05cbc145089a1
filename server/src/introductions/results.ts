import { DECLINE_REASONS, INTRODUCTION_PROGRESSION, INTRODUCTION_STAGES, type DeclineReason, type IntroductionStage } from '@yulian/schema';
import type { SupplierLinkRow } from '../store/queries/introductions';
import { supplies } from '../store/queries/supplies';
import { reachedAt, type IntroductionView } from './service';

/**
 * What introductions achieved, for a bureau (README, "Introductions"):
 *
 * - by stage: how many are in each stage now;
 * - conversion: the share of all introductions that reached SUPPLYING;
 * - days per stage: for each stage, the median of the days introductions spent in it before a
 *   person or an order moved them on (to the next stage or to SUPPLYING; declines are not progress
 *   and are left out), over the introductions that left it;
 * - value won: what the suppliers of introductions that reached SUPPLYING in or before the year
 *   supplied their buyers in the introduction's segment in the year (live orders only);
 * - decline reasons: how many were declined for each reason.
 */
export interface IntroductionResults {
  total: number;
  open: number;
  byStage: { stage: IntroductionStage; count: number }[];
  supplying: number;
  declined: number;
  /** supplying ÷ total; null when there are none. */
  conversionRate: number | null;
  stageDays: { stage: IntroductionStage; medianDays: number | null; introductions: number }[];
  valueWonCny: number;
  declineReasons: { reason: DeclineReason; count: number }[];
  /** The earliest year an introduction in scope answers: where "since" starts. */
  firstYear: number | null;
}

const DAY_MS = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Days spent in each stage before moving on, per stage, over the introductions given. */
function daysInStages(views: readonly IntroductionView[]): Map<IntroductionStage, number[]> {
  const days = new Map<IntroductionStage, number[]>();
  for (const { events } of views) {
    const moves = events.filter((e) => !e.planChange).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (let i = 1; i < moves.length; i += 1) {
      const from = moves[i - 1];
      const to = moves[i];
      if (!from || !to || to.stage === 'DECLINED') continue;
      const list = days.get(from.stage) ?? [];
      list.push((Date.parse(to.at) - Date.parse(from.at)) / DAY_MS);
      days.set(from.stage, list);
    }
  }
  return days;
}

const key = (supplierId: string, buyerId: string, segmentCode: string) => `${supplierId}\u0000${buyerId}\u0000${segmentCode}`;

/** The results of `views` for `year`, given the supply links of their suppliers. */
export function introductionResults(views: readonly IntroductionView[], links: readonly SupplierLinkRow[], year: number): IntroductionResults {
  const count = (stage: IntroductionStage) => views.filter((v) => v.row.stage === stage).length;
  const supplying = count('SUPPLYING');
  const declined = count('DECLINED');
  const days = daysInStages(views);

  const won = new Set<string>();
  for (const v of views) {
    const at = reachedAt(v.events).SUPPLYING;
    if (v.row.stage === 'SUPPLYING' && at !== undefined && Number(at.slice(0, 4)) <= year) won.add(key(v.row.supplierId, v.row.buyerId, v.row.segmentCode));
  }
  let valueWonCny = 0;
  for (const l of links) if (l.year === year && supplies(l) && won.has(key(l.supplierId, l.buyerId, l.segmentCode))) valueWonCny += l.amountCny;

  const years = views.map((v) => v.row.year).filter((y): y is number => y !== null);
  return {
    total: views.length,
    open: views.length - supplying - declined,
    byStage: INTRODUCTION_STAGES.map((stage) => ({ stage, count: count(stage) })),
    supplying,
    declined,
    conversionRate: views.length > 0 ? supplying / views.length : null,
    stageDays: INTRODUCTION_PROGRESSION.filter((s) => s !== 'SUPPLYING').map((stage) => {
      const list = days.get(stage) ?? [];
      return { stage, medianDays: median(list), introductions: list.length };
    }),
    valueWonCny: Math.round(valueWonCny * 100) / 100,
    declineReasons: DECLINE_REASONS.map((reason) => ({ reason, count: views.filter((v) => v.row.stage === 'DECLINED' && v.row.declineReason === reason).length })),
    firstYear: years.length > 0 ? Math.min(...years) : null,
  };
}
