import type { Reader } from '../commands/context';
import {
  findIntroductions,
  introductionEvents,
  planSteps,
  type IntroductionEventRow,
  type IntroductionRow,
  type IntroductionScope,
  type PlanStepRow,
} from '../store/queries/introductions';

/** An introduction with its history (oldest first) and its plan's steps (in order). */
export interface IntroductionView {
  row: IntroductionRow;
  events: IntroductionEventRow[];
  steps: PlanStepRow[];
}

function groupByIntroduction<T extends { introductionId: string }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const list = by.get(row.introductionId);
    if (list) list.push(row);
    else by.set(row.introductionId, [row]);
  }
  return by;
}

/** The introductions in `scope`, newest first, each with its history and plan: three reads in all. */
export async function introductionsWithDetails(reader: Reader, scope: IntroductionScope): Promise<IntroductionView[]> {
  const rows = await reader.read(findIntroductions(scope));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // One read after the other: in a write they share the transaction's single connection.
  const events = groupByIntroduction(await reader.read(introductionEvents(ids)));
  const steps = groupByIntroduction(await reader.read(planSteps(ids)));
  return rows.map((row) => ({ row, events: events.get(row.id) ?? [], steps: steps.get(row.id) ?? [] }));
}

/** When each stage was reached: the latest move into it (edits of the plan repeat the stage and are left out). */
export function reachedAt(events: readonly IntroductionEventRow[]): Partial<Record<IntroductionRow['stage'], string>> {
  const reached: Partial<Record<IntroductionRow['stage'], string>> = {};
  for (const e of events) {
    if (e.planChange) continue;
    const before = reached[e.stage];
    if (before === undefined || e.at > before) reached[e.stage] = e.at;
  }
  return reached;
}
