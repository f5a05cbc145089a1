import {
  capabilityInputSchema,
  firmInputSchema,
  idSchema,
  multiLineText,
  needInputSchema,
  orderInputSchema,
  supportInputSchema,
  type CapabilityInput,
  type FirmInput,
  type NeedInput,
  type OrderInput,
  type SupportInput,
} from '@yulian/schema';
import { z } from 'zod';
import type { ImportKind } from './columns';
import { targetRowSchema, type TargetRowInput } from './target-row';

/**
 * The shared zod schema each kind's rows must pass, plus the two provenance columns every
 * template carries (synthetic, source) so that seed data and exports survive a round trip.
 */

export const provenanceSchema = z.object({
  synthetic: z.boolean().default(false),
  source: multiLineText(2000).optional().nullable(),
});
export type Provenance = { synthetic: boolean; source: string | null };

/** A firm row may omit its id when its credit code or exact Chinese name finds the firm. */
const firmRowSchema = firmInputSchema.extend({ id: idSchema.optional().nullable() });
export type FirmRowInput = Omit<FirmInput, 'id'> & { id?: string | null };

/** Optional fields as the store holds them: present, null when the file left them blank. */
export type Filled<T> = { [P in keyof T]-?: undefined extends T[P] ? Exclude<T[P], undefined> | null : T[P] };

export interface KindRecords {
  firms: Filled<FirmRowInput> & Provenance;
  capabilities: Filled<CapabilityInput> & Provenance;
  needs: Filled<NeedInput> & Provenance;
  orders: Filled<Omit<OrderInput, 'id'>> & Provenance & { id: string };
  supports: Filled<SupportInput> & Provenance;
  targets: Filled<TargetRowInput> & Provenance;
}

export const KIND_SCHEMAS: Readonly<Record<ImportKind, z.ZodType>> = {
  firms: firmRowSchema,
  capabilities: capabilityInputSchema,
  needs: needInputSchema,
  orders: orderInputSchema,
  supports: supportInputSchema,
  targets: targetRowSchema,
};
