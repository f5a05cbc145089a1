import type { CapabilityInput, NeedInput } from '@yulian/schema';
import { editsFirm } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import {
  capabilitiesOfFirms,
  needsOfFirms,
  removeNeed as removeNeedQuery,
  setCapability as setCapabilityQuery,
  setNeed as setNeedQuery,
  type CapabilityRow,
  type NeedRow,
} from '../store/queries';
import { bulkUpsertCapabilities, bulkUpsertNeeds } from '../store/queries/bulk';
import type { Written } from '../store/queries/bulk-params';
import type { Query } from '../store/port';
import { recordAudit } from './audit';
import { DEFAULT_BATCH_SIZE, readerOf, type CommandContext, type Reader } from './context';
import { accepted, orRefuse, refused, unchanged, type Decision, type Filled, type Provenance } from './decision';
import { firmsWithDistricts, inChunks, segmentCodes, type FirmFacts } from './lookups';
import { CommandRefused, type Refusal } from './refusals';

/**
 * What a firm makes (capabilities) and buys (needs): one relationship per firm and segment, changed
 * by whoever may edit the firm. Both kinds share their rules and their shape of write.
 */

export type CapabilityFields = Filled<CapabilityInput>;
export type NeedFields = Filled<NeedInput>;

interface FirmSegmentKind<F extends { firmId: string; segmentCode: string }, R extends { firmId: string; segmentCode: string }> {
  entity: 'Capability' | 'Need';
  action: string;
  current: (firmIds: readonly string[]) => Query<R>;
  one: (fields: F, source: string | null) => Query<{ firmId: string }>;
  many: (rows: readonly (F & Provenance)[]) => Query<Written>;
}

const capability: FirmSegmentKind<CapabilityFields, CapabilityRow> = {
  entity: 'Capability',
  action: 'setCapability',
  current: capabilitiesOfFirms,
  one: (c, source) => setCapabilityQuery({ ...c, source }),
  many: (rows) => bulkUpsertCapabilities(rows, 'merge'),
};

const need: FirmSegmentKind<NeedFields, NeedRow> = {
  entity: 'Need',
  action: 'setNeed',
  current: needsOfFirms,
  one: (n, source) => setNeedQuery({ ...n, source }),
  many: (rows) => bulkUpsertNeeds(rows, 'merge'),
};

export interface FirmSegmentChange<F> {
  fields: F;
  provenance?: Provenance;
}

export interface FirmSegmentPlan<F, R> {
  change: FirmSegmentChange<F>;
  before: R | null;
}

const keyOf = (r: { firmId: string; segmentCode: string }) => `${r.firmId}\u0000${r.segmentCode}`;

/** The firm and the segment must exist, and the viewer must be one who edits the firm. */
export function decideFirmSegment(viewer: Viewer, key: { firmId: string; segmentCode: string }, firm: FirmFacts | undefined, segments: ReadonlySet<string>): Refusal[] {
  const refusals: Refusal[] = [];
  if (!firm) refusals.push({ field: 'firmId', reason: 'unknownFirm', value: key.firmId });
  if (!segments.has(key.segmentCode)) refusals.push({ field: 'segmentCode', reason: 'unknownSegment', value: key.segmentCode });
  if (firm && !editsFirm(viewer, { id: firm.id, districtCode: firm.districtCode })) refusals.push({ field: 'firmId', reason: 'editFirm', value: firm.id });
  return refusals;
}

async function decide<F extends { firmId: string; segmentCode: string }, R extends { firmId: string; segmentCode: string }>(
  kind: FirmSegmentKind<F, R>,
  reader: Reader,
  viewer: Viewer,
  changes: readonly FirmSegmentChange<F>[],
): Promise<Decision<FirmSegmentPlan<F, R>>[]> {
  const firmIds = changes.map((c) => c.fields.firmId);
  const firms = await firmsWithDistricts(reader, firmIds);
  const segments = await segmentCodes(reader);
  const current = await inChunks([...firms.keys()], (chunk) => reader.read(kind.current(chunk)));
  const before = new Map(current.map((r) => [keyOf(r), r]));
  return changes.map((change) => {
    const refusals = decideFirmSegment(viewer, change.fields, firms.get(change.fields.firmId), segments);
    return refusals.length > 0 ? refused(refusals) : accepted({ change, before: before.get(keyOf(change.fields)) ?? null });
  });
}

/** Up to this many records are written one statement each; more go through the batched statements. */
const ONE_BY_ONE = 20;

async function write<F extends { firmId: string; segmentCode: string }, R extends { firmId: string; segmentCode: string }>(
  kind: FirmSegmentKind<F, R>,
  ctx: CommandContext,
  accepted: readonly FirmSegmentPlan<F, R>[],
  action: string,
): Promise<void> {
  const plans = accepted.filter((p) => !unchanged(p.before, p.change.fields));
  if (plans.length === 0) return;
  const rows = plans.map(({ change }) => ({ ...change.fields, synthetic: change.provenance?.synthetic ?? false, source: change.provenance?.source ?? null }));
  if (rows.length <= ONE_BY_ONE) {
    for (const { change } of plans) {
      const [done] = await ctx.tx.run(kind.one(change.fields, change.provenance?.source ?? null));
      if (!done) throw new Error(`${kind.entity} of ${change.fields.firmId} could not be written: the firm or segment is gone`);
    }
  } else {
    const size = ctx.batchSize ?? DEFAULT_BATCH_SIZE;
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      const [result] = await ctx.tx.run(kind.many(batch));
      if (result?.written !== batch.length) throw new Error(`wrote ${result?.written ?? 0} of ${batch.length} ${kind.entity} records: a firm or segment is gone`);
    }
  }
  await recordAudit(ctx, plans.map(({ change, before }) => ({ action, entityType: kind.entity, entityId: change.fields.firmId, before, after: change.fields })));
  ctx.tx.note({ entity: kind.entity, firmIds: [...new Set(plans.map((p) => p.change.fields.firmId))] });
}

export type CapabilityPlan = FirmSegmentPlan<CapabilityFields, CapabilityRow>;
export type NeedPlan = FirmSegmentPlan<NeedFields, NeedRow>;

export const decideCapabilities = (reader: Reader, viewer: Viewer, changes: readonly FirmSegmentChange<CapabilityFields>[]) => decide(capability, reader, viewer, changes);
export const writeCapabilities = (ctx: CommandContext, plans: readonly CapabilityPlan[], action = capability.action) => write(capability, ctx, plans, action);
export const decideNeeds = (reader: Reader, viewer: Viewer, changes: readonly FirmSegmentChange<NeedFields>[]) => decide(need, reader, viewer, changes);
export const writeNeeds = (ctx: CommandContext, plans: readonly NeedPlan[], action = need.action) => write(need, ctx, plans, action);

export function capabilityFields(input: CapabilityInput): CapabilityFields {
  return { firmId: input.firmId, segmentCode: input.segmentCode, capacity: input.capacity ?? null, unit: input.unit ?? null, utilisation: input.utilisation ?? null, yieldRate: input.yieldRate ?? null };
}

export function needFields(input: NeedInput): NeedFields {
  return { firmId: input.firmId, segmentCode: input.segmentCode, annualDemand: input.annualDemand ?? null, unit: input.unit ?? null };
}

/** Sets one capability, or throws CommandRefused and writes nothing. */
export async function setCapability(ctx: CommandContext, fields: CapabilityFields): Promise<void> {
  const [decision] = await decideCapabilities(readerOf(ctx.tx), ctx.viewer, [{ fields }]);
  await writeCapabilities(ctx, [orRefuse(decision)]);
}

/** Sets one need, or throws CommandRefused and writes nothing. */
export async function setNeed(ctx: CommandContext, fields: NeedFields): Promise<void> {
  const [decision] = await decideNeeds(readerOf(ctx.tx), ctx.viewer, [{ fields }]);
  await writeNeeds(ctx, [orRefuse(decision)]);
}

/** Removes one need: the same rules as setting it, and NOT_FOUND when the firm has no such need. */
export async function removeNeed(ctx: CommandContext, key: { firmId: string; segmentCode: string }): Promise<void> {
  const [decision] = await decideNeeds(readerOf(ctx.tx), ctx.viewer, [{ fields: { ...key, annualDemand: null, unit: null } }]);
  const { before } = orRefuse(decision);
  if (!before) throw new CommandRefused([{ field: 'segmentCode', reason: 'noSuchNeed', value: `${key.firmId}/${key.segmentCode}` }]);
  await ctx.tx.run(removeNeedQuery(key.firmId, key.segmentCode));
  await recordAudit(ctx, [{ action: 'removeNeed', entityType: 'Need', entityId: key.firmId, before, after: null }]);
  ctx.tx.note({ entity: 'Need', firmIds: [key.firmId] });
}
