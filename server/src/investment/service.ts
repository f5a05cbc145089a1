import type { TargetStage } from '@yulian/schema';
import { analyzeGaps } from '../analysis/supply-service';
import type { GraphStore } from '../store/port';
import { findTargets, goalsOfDistricts, targetEvents, type GoalRow, type TargetEventRow, type TargetRow, type TargetScope } from '../store/queries';
import { computeProgress, gapSegmentsWithoutTarget, type ProgressFigures, type TargetFacts } from './progress';

/** Fetches what the pure investment computations need; no rule lives here. */

export type TargetWithHistory = TargetRow & { history: TargetEventRow[] };

export async function targetsWithHistory(store: GraphStore, scope: TargetScope): Promise<TargetWithHistory[]> {
  const targets = await store.read(findTargets(scope));
  if (targets.length === 0) return [];
  const events = await store.read(targetEvents(targets.map((t) => t.id)));
  const byTarget = new Map<string, TargetEventRow[]>();
  for (const e of events) byTarget.set(e.targetId, [...(byTarget.get(e.targetId) ?? []), e]);
  return targets.map((t) => ({ ...t, history: byTarget.get(t.id) ?? [] }));
}

/** An entry whose stage equals the one before records an edit, not a move (see graphql/target-mutations.ts). */
export function isStageChange(e: { stage: TargetStage; fromStage: TargetStage | null }): boolean {
  return e.stage !== e.fromStage;
}

export function progressFacts(t: TargetWithHistory): TargetFacts {
  return {
    id: t.id,
    stage: t.stage,
    agreementCny: t.agreementCny,
    investmentCny: t.investmentCny,
    fundsInPlaceCny: t.fundsInPlaceCny,
    history: t.history.filter(isStageChange).map((e) => ({ stage: e.stage, at: e.at })),
  };
}

export interface DistrictProgress extends ProgressFigures {
  districtCode: string;
  goal: GoalRow | null;
  gapSegmentsWithoutTarget: string[];
}

export async function districtProgress(store: GraphStore, districtCode: string, year: number): Promise<DistrictProgress> {
  const [targets, goals, gaps] = await Promise.all([
    targetsWithHistory(store, { districtCodes: [districtCode] }),
    store.read(goalsOfDistricts([districtCode])),
    analyzeGaps(store, { year, districtCode }),
  ]);
  const goal = goals.find((g) => g.year === year) ?? null;
  return {
    districtCode,
    goal,
    ...computeProgress(targets.map(progressFacts), year, goal),
    gapSegmentsWithoutTarget: gapSegmentsWithoutTarget(gaps.gaps.map((g) => g.segmentCode), targets),
  };
}
