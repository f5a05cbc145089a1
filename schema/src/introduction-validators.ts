import { z } from 'zod';
import { DECLINE_REASONS, INTRODUCTION_ORIGINS, INTRODUCTION_STAGES, PLAN_STEP_KINDS } from './enums';
import { targetDaySchema } from './target-validators';
import { multiLineText, oneLineText } from './text';
import { codeSchema, idSchema, yearSchema } from './validators';

/**
 * Input validators of introductions (供需对接), shared by the API and the web forms. Which move is
 * allowed depends on the introduction's stage and lives with the server (introductions/stages.ts).
 */

export const introductionProposalSchema = z.object({
  buyerId: idSchema,
  supplierId: idSchema,
  segmentCode: codeSchema,
  origin: z.enum(INTRODUCTION_ORIGINS),
  year: yearSchema.optional().nullable(),
  note: multiLineText(2000).optional().nullable(),
});
export type IntroductionProposalInput = z.infer<typeof introductionProposalSchema>;

export const introductionMoveSchema = z.object({
  id: idSchema,
  stage: z.enum(INTRODUCTION_STAGES),
  reason: z.enum(DECLINE_REASONS).optional().nullable(),
  note: multiLineText(2000).optional().nullable(),
});

/** A step of 10^11 CNY is no supplier's upgrade: a unit slip. */
const MAX_STEP_CNY = 1e11;

export const planStepSchema = z.object({
  kind: z.enum(PLAN_STEP_KINDS),
  description: oneLineText(500).optional().nullable(),
  amountCny: z.number().finite().min(0, { message: 'must not be negative' }).max(MAX_STEP_CNY, { message: 'is larger than any plausible step' }).optional().nullable(),
  dueOn: targetDaySchema.optional().nullable(),
  doneOn: targetDaySchema.optional().nullable(),
  mentorId: idSchema.optional().nullable(),
});

export const introductionPlanSchema = z.object({
  id: idSchema,
  goalYieldRate: z.number().finite().min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' }).optional().nullable(),
  goalCertifications: z.array(oneLineText(100).min(1, { message: 'must not be empty' })).max(20, { message: 'must list at most 20' }).optional().nullable(),
  goalAnnualVolume: z.number().finite().min(0, { message: 'must not be negative' }).optional().nullable(),
  goalUnit: oneLineText(20).optional().nullable(),
  goalBy: targetDaySchema.optional().nullable(),
  steps: z.array(planStepSchema).max(50, { message: 'must list at most 50 steps' }),
  note: multiLineText(2000).optional().nullable(),
});
export type IntroductionPlanInput = z.infer<typeof introductionPlanSchema>;
