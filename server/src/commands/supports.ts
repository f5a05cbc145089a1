import type { SupportInput } from '@yulian/schema';
import { recordsSupportTie } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { supportsOfFirms, upsertSupport, type SupportRow } from '../store/queries';
import { bulkUpsertSupports } from '../store/queries/bulk';
import { recordAudit } from './audit';
import type { CommandContext, Reader } from './context';
import { accepted, refused, unchanged, type Decision, type Filled, type Provenance } from './decision';
import { firmsWithDistricts, inChunks } from './lookups';
import type { Refusal } from './refusals';

/** A support tie (one firm mentoring another) as a file row gives it. */
export type SupportFields = Filled<SupportInput>;

export interface SupportChange {
  fields: SupportFields;
  provenance?: Provenance;
}

export interface SupportPlan {
  change: SupportChange;
  before: SupportRow | null;
}

const keyOf = (from: string, to: string) => `${from}\u0000${to}`;

export async function decideSupports(reader: Reader, viewer: Viewer, changes: readonly SupportChange[]): Promise<Decision<SupportPlan>[]> {
  const firms = await firmsWithDistricts(reader, changes.flatMap((c) => [c.fields.fromFirmId, c.fields.toFirmId]));
  const current = await inChunks([...firms.keys()], (chunk) => reader.read(supportsOfFirms(chunk)));
  const before = new Map(current.map((s) => [keyOf(s.fromId, s.toId), s]));
  return changes.map((change) => {
    const { fromFirmId, toFirmId } = change.fields;
    const from = firms.get(fromFirmId);
    const to = firms.get(toFirmId);
    const refusals: Refusal[] = [];
    if (!from) refusals.push({ field: 'fromFirmId', reason: 'unknownFirm', value: fromFirmId });
    if (!to) refusals.push({ field: 'toFirmId', reason: 'unknownFirm', value: toFirmId });
    if (from && to && !recordsSupportTie(viewer, from, to)) refusals.push({ field: 'fromFirmId', reason: 'supportTie' });
    return refusals.length > 0 ? refused(refusals) : accepted({ change, before: before.get(keyOf(fromFirmId, toFirmId)) ?? null });
  });
}

/** Support ties are few (hundreds): one statement for a handful, one batched statement for a file. */
export async function writeSupports(ctx: CommandContext, accepted: readonly SupportPlan[], action = 'setSupportTie'): Promise<void> {
  const plans = accepted.filter((p) => !unchanged(p.before, { fromId: p.change.fields.fromFirmId, toId: p.change.fields.toFirmId, kinds: p.change.fields.kinds, since: p.change.fields.since }));
  if (plans.length === 0) return;
  const rows: SupportRow[] = plans.map(({ change: { fields: s, provenance } }) => ({
    fromId: s.fromFirmId, toId: s.toFirmId, kinds: s.kinds, since: s.since, synthetic: provenance?.synthetic ?? false, source: provenance?.source ?? null,
  }));
  if (rows.length === 1) {
    const [done] = await ctx.tx.run(upsertSupport(rows[0] as SupportRow));
    if (!done) throw new Error('the support tie could not be written: a firm is gone');
  } else if (rows.length > 1) {
    const [result] = await ctx.tx.run(bulkUpsertSupports(rows, 'merge'));
    if (result?.written !== rows.length) throw new Error(`wrote ${result?.written ?? 0} of ${rows.length} support ties: a firm is gone`);
  }
  await recordAudit(ctx, plans.map(({ before }, i) => ({ action, entityType: 'Support', entityId: (rows[i] as SupportRow).fromId, before, after: rows[i] })));
  ctx.tx.note({ entity: 'Support', firmIds: [...new Set(rows.flatMap((r) => [r.fromId, r.toId]))] });
}
