import type { FirmInput } from '@yulian/schema';
import { classifiesFirm, editsFirm } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { upsertFirm as upsertFirmQuery, type FirmWrite } from '../store/queries';
import { recordAudit, type AuditEntry } from './audit';
import { readerOf, type CommandContext, type Reader } from './context';
import { accepted, orRefuse, refused, unchanged, type Decision, type Filled, type Provenance } from './decision';
import { districtCodes, firmsWithDistricts, type FirmFacts } from './lookups';

/** A firm's profile as a form or a file row gives it: every field, absent ones null. */
export type FirmFields = Filled<FirmInput>;

export interface FirmChange {
  fields: FirmFields;
  /** Kept from the file for a new firm; an existing firm keeps its own. */
  provenance?: Provenance;
}

export interface FirmWritePlan {
  change: FirmChange;
  before: FirmFacts | null;
}

const ROLE_FIELDS = ['isChainLeader', 'isOem', 'isRecycler'] as const;

/** The form's input with every optional field present, as the store holds it. */
export function firmFields(input: FirmInput): FirmFields {
  return {
    id: input.id, nameZh: input.nameZh, nameEn: input.nameEn, shortNameZh: input.shortNameZh ?? null,
    shortNameEn: input.shortNameEn ?? null, districtCode: input.districtCode, creditCode: input.creditCode ?? null,
    isChainLeader: input.isChainLeader, isOem: input.isOem, isRecycler: input.isRecycler, outputCny: input.outputCny ?? null,
    outputYear: input.outputYear ?? null, yieldRate: input.yieldRate ?? null, certifications: input.certifications,
    lat: input.lat ?? null, lng: input.lng ?? null, notes: input.notes ?? null,
  };
}

/**
 * Who may create or change a firm, and how: the district must exist; the viewer must edit the firm
 * both where it is and where it goes (a bureau in its district, a firm's staff their own firm, an
 * admin anywhere); and a firm's roles and district are its bureau's to set (policy.classifiesFirm),
 * so a firm's staff may change neither, and may not create a firm that claims a role.
 */
export function decideFirm(viewer: Viewer, change: FirmChange, existing: FirmFacts | null, districts: ReadonlySet<string>): Decision<FirmWritePlan> {
  const f = change.fields;
  if (!districts.has(f.districtCode)) return refused([{ field: 'districtCode', reason: 'unknownDistrict', value: f.districtCode }]);
  const allowed =
    editsFirm(viewer, { id: f.id, districtCode: f.districtCode }) &&
    (!existing || editsFirm(viewer, { id: f.id, districtCode: existing.districtCode }));
  if (!allowed) return refused([existing ? { field: 'id', reason: 'editFirm', value: f.id } : { field: 'districtCode', reason: 'createFirmHere', value: f.districtCode }]);
  const classifier = classifiesFirm(viewer, { id: f.id, districtCode: existing?.districtCode ?? f.districtCode });
  if (!classifier) {
    const changed: string[] = ROLE_FIELDS.filter((key) => f[key] !== (existing?.[key] ?? false));
    if (existing && f.districtCode !== existing.districtCode) changed.push('districtCode');
    const [first] = changed;
    if (first) return refused([{ field: first, reason: 'classifyFirm', fields: changed }]);
  }
  return accepted({ change, before: existing });
}

/** Decides every change against the store as `reader` sees it (the write transaction, or the store for a dry run). */
export async function decideFirms(reader: Reader, viewer: Viewer, changes: readonly FirmChange[]): Promise<Decision<FirmWritePlan>[]> {
  const existing = await firmsWithDistricts(reader, changes.map((c) => c.fields.id));
  const districts = await districtCodes(reader);
  return changes.map((change) => decideFirm(viewer, change, existing.get(change.fields.id) ?? null, districts));
}

/**
 * Writes accepted firm changes: the firm and its district in one statement each (firms are few),
 * one audit event per firm with its state before and after, and the change noted for kept facts.
 */
export async function writeFirms(ctx: CommandContext, accepted: readonly FirmWritePlan[], action = 'upsertFirm'): Promise<void> {
  const plans = accepted.filter((p) => !unchanged(p.before, p.change.fields));
  if (plans.length === 0) return;
  const updatedAt = ctx.now.toISOString();
  const audit: AuditEntry[] = [];
  for (const { change, before } of plans) {
    const provenance = before ? { synthetic: before.synthetic, source: before.source } : (change.provenance ?? { synthetic: false, source: null });
    const written: FirmWrite = { ...change.fields, ...provenance, updatedAt };
    const [row] = await ctx.tx.run(upsertFirmQuery(written));
    // The district was checked in this transaction, so a missing row is a broken store, not bad input.
    if (!row) throw new Error(`firm ${change.fields.id} could not be written: its district ${written.districtCode} is gone`);
    audit.push({ action, entityType: 'Firm', entityId: change.fields.id, before, after: written });
  }
  await recordAudit(ctx, audit);
  ctx.tx.note({ entity: 'Firm', firmIds: plans.map((p) => p.change.fields.id) });
}

/** Creates or updates one firm, or throws CommandRefused naming the field and writes nothing. */
export async function upsertFirm(ctx: CommandContext, change: FirmChange): Promise<void> {
  const [decision] = await decideFirms(readerOf(ctx.tx), ctx.viewer, [change]);
  await writeFirms(ctx, [orRefuse(decision)]);
}
