import { managesTargetsOf } from '../auth/policy';
import { goalsOfDistricts, upsertGoal, type GoalRow } from '../store/queries';
import { recordAudit } from './audit';
import { readerOf, type CommandContext } from './context';
import { unchanged } from './decision';
import { districtCodes } from './lookups';
import { CommandRefused } from './refusals';

/** A district's yearly goal: how many projects and how much agreement money its investment team aims for. */
export type GoalFields = Omit<GoalRow, 'id' | 'source' | 'outputCny'> & { outputCny?: number | null; source?: string | null };

export function goalId(districtCode: string, year: number): string {
  return `goal-${districtCode}-${year}`;
}

/** Sets the goal of a district and year: for those who manage the district's targets (policy.managesTargetsOf). */
export async function setGoal(ctx: CommandContext, goal: GoalFields): Promise<GoalRow> {
  if (!managesTargetsOf(ctx.viewer, goal.districtCode)) throw new CommandRefused([{ field: 'districtCode', reason: 'manageTargets', value: goal.districtCode }]);
  if (!(await districtCodes(readerOf(ctx.tx))).has(goal.districtCode)) {
    throw new CommandRefused([{ field: 'districtCode', reason: 'unknownDistrict', value: goal.districtCode }]);
  }
  const id = goalId(goal.districtCode, goal.year);
  const before = (await ctx.tx.run(goalsOfDistricts([goal.districtCode]))).find((g) => g.year === goal.year) ?? null;
  // A goal set in the app is the district's own statement, no longer the article's sentence.
  const row: GoalRow = { ...goal, id, outputCny: goal.outputCny ?? null, source: goal.source ?? null };
  if (unchanged(before, row)) return row;
  await ctx.tx.run(upsertGoal(row));
  await recordAudit(ctx, [{ action: 'setGoal', entityType: 'Goal', entityId: id, before, after: row }]);
  ctx.tx.note({ entity: 'Goal', firmIds: [] });
  return row;
}
