import type { TargetStage } from '@yulian/schema';
import { isSignedOrLater, isStartedOrLater } from './stages';

/**
 * Investment progress of a district for a year, computed from its targets and their histories.
 * Definitions (also in the README):
 *
 * - The year's signed projects are the targets whose current stage is SIGNED, STARTED or PRODUCING
 *   and whose move to SIGNED happened in the year. A signed target dropped later no longer counts.
 * - agreementCny, investmentCny and fundsInPlaceCny are sums over those projects.
 * - started counts the signed projects now STARTED or PRODUCING; producing those now PRODUCING.
 * - startRate (开工率) = started ÷ signed projects; null with no signed project.
 * - fundRate (资金到位率) = Σ fundsInPlaceCny ÷ Σ investmentCny over the signed projects that have an
 *   investment amount; null when none has one.
 * - byMonth counts, for those projects, the moves to SIGNED, STARTED and PRODUCING that happened in
 *   each month of the year, with running totals of signings and agreement amounts.
 *
 * Months and years are China Standard Time (UTC+8, no daylight saving): a signing at 01:00 on
 * 1 January in Hechuan belongs to the new year even though it is still 31 December in UTC.
 */

export interface TargetEventFacts {
  stage: TargetStage;
  /** ISO timestamp. */
  at: string;
}

export interface TargetFacts {
  id: string;
  stage: TargetStage;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  history: readonly TargetEventFacts[];
}

export interface GoalFacts {
  projects: number;
  agreementCny: number;
}

export interface MonthProgress {
  /** 1–12. */
  month: number;
  signed: number;
  agreementCny: number;
  started: number;
  producing: number;
  cumulativeSigned: number;
  cumulativeAgreementCny: number;
}

export interface ProgressFigures {
  year: number;
  signedProjects: number;
  agreementCny: number;
  investmentCny: number;
  fundsInPlaceCny: number;
  started: number;
  producing: number;
  startRate: number | null;
  fundRate: number | null;
  /** signedProjects ÷ the goal's projects; null without a goal (or a goal of 0). */
  projectRate: number | null;
  /** agreementCny ÷ the goal's agreement amount; null without a goal (or a goal of 0). */
  agreementRate: number | null;
  byMonth: MonthProgress[];
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Year and month (1–12) of a timestamp in China Standard Time. */
export function chinaYearMonth(iso: string): { year: number; month: number } {
  const shifted = new Date(Date.parse(iso) + CST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
}

/** The day (YYYY-MM-DD) of a timestamp in China Standard Time, as a target list dates things. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a day (YYYY-MM-DD) in China Standard Time, as an ISO timestamp. */
export function chinaDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS).toISOString();
}

/** When the target last entered `stage`, or null. The last entry: the history is append-only. */
export function enteredAt(target: TargetFacts, stage: TargetStage): string | null {
  let at: string | null = null;
  for (const e of target.history) if (e.stage === stage && (at === null || e.at > at)) at = e.at;
  return at;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const sum = (values: readonly (number | null)[]): number => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** The targets that count as the year's signed projects. */
export function signedInYear(targets: readonly TargetFacts[], year: number): TargetFacts[] {
  return targets.filter((t) => {
    if (!isSignedOrLater(t.stage)) return false;
    const signed = enteredAt(t, 'SIGNED');
    return signed !== null && chinaYearMonth(signed).year === year;
  });
}

export function computeProgress(targets: readonly TargetFacts[], year: number, goal: GoalFacts | null): ProgressFigures {
  const signed = signedInYear(targets, year);
  const started = signed.filter((t) => isStartedOrLater(t.stage));
  const producing = signed.filter((t) => t.stage === 'PRODUCING');
  const agreementCny = sum(signed.map((t) => t.agreementCny));
  const withInvestment = signed.filter((t) => (t.investmentCny ?? 0) > 0);

  const byMonth: MonthProgress[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    signed: 0,
    agreementCny: 0,
    started: 0,
    producing: 0,
    cumulativeSigned: 0,
    cumulativeAgreementCny: 0,
  }));
  const monthOf = (at: string | null): MonthProgress | null => {
    if (at === null) return null;
    const ym = chinaYearMonth(at);
    return ym.year === year ? (byMonth[ym.month - 1] ?? null) : null;
  };
  for (const t of signed) {
    const signedMonth = monthOf(enteredAt(t, 'SIGNED'));
    if (signedMonth) {
      signedMonth.signed += 1;
      signedMonth.agreementCny += t.agreementCny ?? 0;
    }
    if (isStartedOrLater(t.stage)) {
      const m = monthOf(enteredAt(t, 'STARTED'));
      if (m) m.started += 1;
    }
    if (t.stage === 'PRODUCING') {
      const m = monthOf(enteredAt(t, 'PRODUCING'));
      if (m) m.producing += 1;
    }
  }
  let runningSigned = 0;
  let runningAgreement = 0;
  for (const m of byMonth) {
    runningSigned += m.signed;
    runningAgreement += m.agreementCny;
    m.cumulativeSigned = runningSigned;
    m.cumulativeAgreementCny = runningAgreement;
  }

  return {
    year,
    signedProjects: signed.length,
    agreementCny,
    investmentCny: sum(signed.map((t) => t.investmentCny)),
    fundsInPlaceCny: sum(signed.map((t) => t.fundsInPlaceCny)),
    started: started.length,
    producing: producing.length,
    startRate: ratio(started.length, signed.length),
    fundRate: ratio(sum(withInvestment.map((t) => t.fundsInPlaceCny)), sum(withInvestment.map((t) => t.investmentCny))),
    projectRate: goal ? ratio(signed.length, goal.projects) : null,
    agreementRate: goal ? ratio(agreementCny, goal.agreementCny) : null,
    byMonth,
  };
}

/** Gap segments no open target pursues: DROPPED targets do not count as someone working on it. */
export function gapSegmentsWithoutTarget(
  gapSegmentCodes: readonly string[],
  targets: readonly { segmentCode: string; stage: TargetStage }[],
): string[] {
  const pursued = new Set(targets.filter((t) => t.stage !== 'DROPPED').map((t) => t.segmentCode));
  return [...new Set(gapSegmentCodes)].filter((code) => !pursued.has(code)).sort();
}
