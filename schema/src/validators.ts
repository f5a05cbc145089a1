import { z } from 'zod';
import { ORDER_KINDS, ORDER_STATUSES, ROLES, SUPPORT_KINDS } from './enums';
import { multiLineText, nameText, oneLineText } from './text';

/**
 * Input validators shared by the API, the importer and the web forms. Limits are generous for
 * real data and tight enough that a pasted document or a script cannot pass as a name.
 */

const MAX_NAME = 200;
const MAX_TEXT = 2000;
/** Larger than any single auto-parts order the region will see (10^12 CNY), small enough to catch unit slips. */
const MAX_AMOUNT_CNY = 1e12;

const requiredName = nameText(MAX_NAME).min(1, { message: 'must not be empty' });
const optionalName = nameText(MAX_NAME).optional().nullable();

export const idSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'may contain only letters, digits, ".", "_" and "-"' });

export const codeSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(32, { message: 'must be at most 32 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'may contain only letters, digits, "_" and "-"' });

export const yearSchema = z
  .number()
  .int({ message: 'must be a whole year' })
  .min(1990, { message: 'must be 1990 or later' })
  .max(2100, { message: 'must be 2100 or earlier' });

const rate = z
  .number()
  .min(0, { message: 'must be between 0 and 1' })
  .max(1, { message: 'must be between 0 and 1' });

const nonNegative = z.number().finite().min(0, { message: 'must not be negative' });

/** 统一社会信用代码: 18 characters, digits and upper-case letters without I, O, S, V, Z. */
export const creditCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'must be an 18-character unified social credit code',
  });

export const firmInputSchema = z.object({
  id: idSchema,
  nameZh: requiredName,
  nameEn: requiredName,
  shortNameZh: optionalName,
  shortNameEn: optionalName,
  districtCode: codeSchema,
  creditCode: creditCodeSchema.optional().nullable(),
  isChainLeader: z.boolean().default(false),
  isOem: z.boolean().default(false),
  isRecycler: z.boolean().default(false),
  outputCny: nonNegative.max(MAX_AMOUNT_CNY, { message: 'is larger than any plausible output' }).optional().nullable(),
  outputYear: yearSchema.optional().nullable(),
  yieldRate: rate.optional().nullable(),
  certifications: z.array(oneLineText(64).min(1, { message: 'must not be empty' })).max(20).default([]),
  lat: z.number().min(-90).max(90).optional().nullable(),
  lng: z.number().min(-180).max(180).optional().nullable(),
  notes: multiLineText(MAX_TEXT).optional().nullable(),
});
export type FirmInput = z.infer<typeof firmInputSchema>;

export const capabilityInputSchema = z.object({
  firmId: idSchema,
  segmentCode: codeSchema,
  capacity: nonNegative.max(1e12).optional().nullable(),
  unit: oneLineText(32).optional().nullable(),
  utilisation: rate.optional().nullable(),
  yieldRate: rate.optional().nullable(),
});
export type CapabilityInput = z.infer<typeof capabilityInputSchema>;

export const needInputSchema = z.object({
  firmId: idSchema,
  segmentCode: codeSchema,
  annualDemand: nonNegative.max(1e12).optional().nullable(),
  unit: oneLineText(32).optional().nullable(),
});
export type NeedInput = z.infer<typeof needInputSchema>;

/** Which need to remove: the firm and the segment it no longer buys. */
export const needKeySchema = needInputSchema.pick({ firmId: true, segmentCode: true });

export const orderInputSchema = z
  .object({
    id: idSchema.optional().nullable(),
    kind: z.enum(ORDER_KINDS),
    supplierId: idSchema,
    buyerId: idSchema,
    segmentCode: codeSchema,
    year: yearSchema,
    amountCny: nonNegative.max(MAX_AMOUNT_CNY, { message: 'is larger than any plausible order' }),
    quantity: nonNegative.max(1e12).optional().nullable(),
    unit: oneLineText(32).optional().nullable(),
    status: z.enum(ORDER_STATUSES).default('ACTIVE'),
  })
  .refine((o) => o.supplierId !== o.buyerId, {
    message: 'a firm cannot order from itself',
    path: ['buyerId'],
  });
export type OrderInput = z.infer<typeof orderInputSchema>;

export const supportInputSchema = z.object({
  fromFirmId: idSchema,
  toFirmId: idSchema,
  kinds: z.array(z.enum(SUPPORT_KINDS)).min(1, { message: 'must name at least one kind of support' }),
  since: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'must be an ISO date such as 2024-07' }).optional().nullable(),
});
export type SupportInput = z.infer<typeof supportInputSchema>;

export const firmFilterSchema = z.object({
  search: oneLineText(MAX_NAME).optional().nullable(),
  districtCodes: z.array(codeSchema).max(50).optional().nullable(),
  segmentCodes: z.array(codeSchema).max(100).optional().nullable(),
  inRegion: z.boolean().optional().nullable(),
  chainLeader: z.boolean().optional().nullable(),
  minYieldRate: rate.optional().nullable(),
  certification: oneLineText(64).optional().nullable(),
});
export type FirmFilterInput = z.infer<typeof firmFilterSchema>;

export const paginationSchema = z.object({
  first: z.number().int().min(0, { message: 'must not be negative' }).max(500, { message: 'must be at most 500' }).optional().nullable(),
  after: z.string().max(200).optional().nullable(),
});

export const usernameSchema = z
  .string()
  .trim()
  .min(3, { message: 'must be at least 3 characters' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'may contain only lower-case letters, digits, ".", "_" and "-"' });

/** Long enough to resist guessing; no composition rules, which push people to predictable patterns. */
export const passwordSchema = z
  .string()
  .min(12, { message: 'must be at least 12 characters' })
  .max(256, { message: 'must be at most 256 characters' });

export const userInputSchema = z
  .object({
    username: usernameSchema,
    displayName: nameText(MAX_NAME).optional().nullable(),
    role: z.enum(ROLES),
    districtCode: codeSchema.optional().nullable(),
    firmId: idSchema.optional().nullable(),
    password: passwordSchema,
  })
  .superRefine((u, ctx) => {
    if ((u.role === 'BUREAU' || u.role === 'INVESTMENT') && !u.districtCode) {
      ctx.addIssue({ code: 'custom', path: ['districtCode'], message: `is required for role ${u.role}` });
    }
    if (u.role === 'FIRM' && !u.firmId) {
      ctx.addIssue({ code: 'custom', path: ['firmId'], message: 'is required for role FIRM' });
    }
  });
export type UserInput = z.infer<typeof userInputSchema>;
