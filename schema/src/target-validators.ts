import { z } from 'zod';
import { TARGET_STAGES } from './enums';
import { multiLineText, nameText, oneLineText } from './text';
import { codeSchema, idSchema, yearSchema } from './validators';

/**
 * Input validators of the investment-promotion targets, shared by the API and the web forms.
 * Stage rules (which move is allowed) are not here: they depend on the target's current stage and
 * live with the server's investment code.
 */

/** An investment project of 10^12 CNY would be a national project, not a district's target: a unit slip. */
const MAX_TARGET_CNY = 1e12;
const amount = z
  .number()
  .finite()
  .min(0, { message: 'must not be negative' })
  .max(MAX_TARGET_CNY, { message: 'is larger than any plausible project' });
const positiveAmount = amount.refine((v) => v > 0, { message: 'must be more than 0' });

export const targetNameSchema = nameText(200).min(1, { message: 'must not be empty' });

/**
 * A calendar day as spreadsheets carry it (2025-03-18), read as a day in China Standard Time: the
 * dates of a target list (filed, signed, started, producing, dropped) are days, not instants.
 */
export const targetDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2025-03-18' })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, { message: 'must be a date such as 2025-03-18' })
  .refine((v) => v >= '1990-01-01', { message: 'must be 1990 or later' });

export const targetInputSchema = z
  .object({
    /** Absent: a new target. */
    id: idSchema.optional().nullable(),
    name: targetNameSchema,
    districtCode: codeSchema,
    segmentCode: codeSchema,
    firmId: idSchema.optional().nullable(),
    leaderId: idSchema.optional().nullable(),
    agreementCny: positiveAmount.optional().nullable(),
    investmentCny: amount.optional().nullable(),
    fundsInPlaceCny: amount.optional().nullable(),
    expectedOutputCny: amount.optional().nullable(),
    owner: oneLineText(100).optional().nullable(),
    contact: oneLineText(200).optional().nullable(),
    notes: multiLineText(2000).optional().nullable(),
  })
  .superRefine((t, ctx) => {
    if (t.fundsInPlaceCny != null && t.investmentCny != null && t.fundsInPlaceCny > t.investmentCny) {
      ctx.addIssue({ code: 'custom', path: ['fundsInPlaceCny'], message: 'must not exceed investmentCny' });
    }
  });
export type TargetInput = z.infer<typeof targetInputSchema>;

export const targetMoveSchema = z.object({
  id: idSchema,
  stage: z.enum(TARGET_STAGES),
  note: multiLineText(2000).optional().nullable(),
  reason: multiLineText(2000).optional().nullable(),
  /** The agreement amount, when the move is the signing and the target has none yet. */
  agreementCny: positiveAmount.optional().nullable(),
});
export type TargetMove = z.infer<typeof targetMoveSchema>;

export const targetFromGapSchema = z.object({
  leaderId: idSchema,
  segmentCode: codeSchema,
  year: yearSchema,
  name: targetNameSchema.optional().nullable(),
  firmId: idSchema.optional().nullable(),
  owner: oneLineText(100).optional().nullable(),
  note: multiLineText(2000).optional().nullable(),
});
export type TargetFromGap = z.infer<typeof targetFromGapSchema>;

export const goalInputSchema = z.object({
  districtCode: codeSchema,
  year: yearSchema,
  projects: z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(100_000, { message: 'must be at most 100000' }),
  agreementCny: amount,
  outputCny: z.number().finite().min(0, { message: 'must not be negative' }).max(1e13, { message: 'is larger than any plausible goal' }).optional().nullable(),
});
export type GoalInput = z.infer<typeof goalInputSchema>;
