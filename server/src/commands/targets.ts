import { managesTargetsOf, targetDistrictsOf } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { message, type Lang } from '../import/messages';
import type { TargetRow } from '../store/queries';
import { recordAudit } from './audit';
import { DEFAULT_BATCH_SIZE, readerOf, type CommandContext, type Reader } from './context';
import { accepted, orRefuse, refused, type Decision } from './decision';
import { districtCodes, firmsWithDistricts, segmentCodes } from './lookups';
import type { Refusal } from './refusals';
import { existingTargets } from './target-history';
import { judgeTarget, type ResolvedTarget, type TargetRecord } from './target-rules';
import { writeTargetRecords } from './target-writes';

/**
 * An investment-promotion target as a whole record: the API's forms (create at LEAD, edit, move one
 * stage, a target from a chain gap) and a spreadsheet row all become one, and target-rules.ts judges
 * it against the target as stored.
 */
export type TargetChange = (
  | {
      /** A whole record (a new target, a file row matched by id): creates or updates. */
      record: TargetRecord;
      expect?: 'either';
    }
  | {
      /**
       * A form's edit or move of the target `id` as it stands when the command runs, so a change
       * made meanwhile is judged, never overwritten; NOT_FOUND when there is no such target, or
       * none the viewer manages.
       */
      id: string;
      edit: (stored: TargetRow) => TargetRecord;
      expect: 'existing';
    }
) & {
  /** The history entry's note: a move's note, a gap's description, the file an import came from. */
  note?: string | null;
};

/** The record of a stored target as it is: what a form's edit or move starts from. */
export function recordOf(stored: TargetRow): TargetRecord {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = stored;
  return { ...fields, synthetic: stored.synthetic ?? false, createdOn: null, signedOn: null, startedOn: null, producingOn: null, droppedOn: null };
}

const idOf = (change: TargetChange) => ('record' in change ? change.record.id : change.id);

export interface TargetPlan extends ResolvedTarget {
  note: string | null;
  before: TargetRow | null;
}

/**
 * Who may write a target, and what it may do: the district, segment and firms exist; the viewer
 * manages the target's district (policy.managesTargetsOf: its investment team, its bureau, an
 * admin) as written and, for an update, as stored; then the stage and date rules of target-rules.ts.
 * Those who manage no district are refused before anything is looked up, so they learn nothing.
 * A target of a district the viewer does not manage is, to that viewer, no target at all: an edit
 * of it is refused as an edit of an unknown id is, and a record naming its id is judged as a new
 * target would be and, only if that would be accepted, refused in the same words (noSuchTarget).
 */
export async function decideTargets(reader: Reader, viewer: Viewer, changes: readonly TargetChange[], now: Date, lang: Lang): Promise<Decision<TargetPlan>[]> {
  if (targetDistrictsOf(viewer)?.length === 0) return changes.map(() => refused([{ field: 'districtCode', reason: 'manageTargets' }]));
  const found = await existingTargets(reader, changes.map(idOf));
  const existing = new Map([...found].filter(([, t]) => managesTargetsOf(viewer, t.row.districtCode)));
  const records = changes.map((change) => {
    if ('record' in change) return change.record;
    const stored = existing.get(change.id);
    return stored ? change.edit(stored.row) : null;
  });
  const districts = await districtCodes(reader);
  const segments = await segmentCodes(reader);
  const firms = await firmsWithDistricts(reader, records.flatMap((r) => (r ? [r.firmId, r.leaderId].filter((id): id is string => Boolean(id)) : [])));
  return changes.map((change, i) => {
    const t = records[i];
    if (!t) return refused([{ field: 'id', reason: 'noSuchTarget', value: idOf(change) }]);
    const before = existing.get(t.id);
    const refusals: Refusal[] = [];
    if (!districts.has(t.districtCode)) refusals.push({ field: 'districtCode', reason: 'unknownDistrict', value: t.districtCode });
    if (!segments.has(t.segmentCode)) refusals.push({ field: 'segmentCode', reason: 'unknownSegment', value: t.segmentCode });
    if (t.firmId && !firms.has(t.firmId)) refusals.push({ field: 'firmId', reason: 'unknownFirm', value: t.firmId });
    if (t.leaderId && !firms.has(t.leaderId)) refusals.push({ field: 'leaderId', reason: 'unknownFirm', value: t.leaderId });
    if (refusals.length > 0) return refused(refusals);
    if (!managesTargetsOf(viewer, t.districtCode)) return refused([{ field: 'districtCode', reason: 'manageTargets' }]);
    const judged = judgeTarget(t, before, now, lang);
    if (!judged.ok) {
      return refused(judged.problems.map((p) => ({ field: p.key, reason: 'targetRule', detail: 'message' in p ? message(p.message, lang) : p.text })));
    }
    // The id is another district's target's: it cannot be taken, and the refusal says no more.
    if (!before && found.has(t.id)) return refused([{ field: 'id', reason: 'noSuchTarget', value: t.id }]);
    return accepted({ ...judged.target, note: change.note ?? null, before: before?.row ?? null });
  });
}

/**
 * Writes decided targets: each created or changed target gets its history entries (the viewer as
 * their actor) and one audit event; a target that changes nothing writes nothing.
 */
export async function writeTargets(ctx: CommandContext, plans: readonly TargetPlan[], action = 'upsertTarget'): Promise<void> {
  const written = await writeTargetRecords(ctx.tx, plans, {
    batchSize: ctx.batchSize ?? DEFAULT_BATCH_SIZE,
    updatedAt: ctx.now.toISOString(),
    actor: ctx.viewer.username,
  });
  if (written.length === 0) return;
  await recordAudit(
    ctx,
    written.map((p) => ({ action, entityType: 'Target', entityId: p.record.id, before: p.before, after: p.record })),
  );
  ctx.tx.note({ entity: 'Target', firmIds: [] });
}

/** Decides and writes one target, or throws CommandRefused and writes nothing. */
export async function saveTarget(ctx: CommandContext, change: TargetChange, action: string, lang: Lang = 'en'): Promise<void> {
  const [decision] = await decideTargets(readerOf(ctx.tx), ctx.viewer, [change], ctx.now, lang);
  await writeTargets(ctx, [orRefuse(decision)], action);
}
