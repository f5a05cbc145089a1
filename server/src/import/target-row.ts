import { idSchema, TARGET_STAGES, targetDaySchema, targetInputSchema, targetMoveSchema, type TargetStage } from '@yulian/schema';
import { z } from 'zod';

/**
 * A target row of a spreadsheet: the API's target input (targetInputSchema, with its checks) plus
 * what a list kept in Excel also carries and the API sets through moves: the stage, the drop reason
 * and the days of the history. The id is required: it is what a re-import matches on, and a list
 * without ids would be created afresh every time it is imported.
 */
const day = targetDaySchema.optional().nullable();

export const targetRowSchema = targetInputSchema.safeExtend({
  id: idSchema,
  stage: z.enum(TARGET_STAGES),
  dropReason: targetMoveSchema.shape.reason,
  createdOn: day,
  signedOn: day,
  startedOn: day,
  producingOn: day,
  droppedOn: day,
});
export type TargetRowInput = z.infer<typeof targetRowSchema>;

/**
 * The stages whose day a row carries, with their columns. These are the days the progress figures
 * and the year's list are computed from (investment/progress.ts, export-rows.ts); the stages before
 * signing count for nothing there and keep only their history entries.
 */
export const MILESTONES = [
  { stage: 'SIGNED', key: 'signedOn' },
  { stage: 'STARTED', key: 'startedOn' },
  { stage: 'PRODUCING', key: 'producingOn' },
  { stage: 'DROPPED', key: 'droppedOn' },
] as const satisfies readonly { stage: TargetStage; key: keyof TargetRowInput }[];
