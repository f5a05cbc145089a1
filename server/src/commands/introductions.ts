import { randomUUID } from 'node:crypto';
import type { DeclineReason, IntroductionOrigin, IntroductionStage } from '@yulian/schema';
import { followsIntroduction } from '../auth/policy';
import { introductionsWithDetails, type IntroductionView } from '../introductions/service';
import { checkIntroductionMove, isOpen } from '../introductions/stages';
import { supplies } from '../store/queries/supplies';
import {
  findIntroductions,
  needRequirements,
  setInboxReadAt,
  supplyLinksOfSuppliers,
  updateIntroduction,
  type IntroductionFields,
  type IntroductionRow,
  type PlanStepRow,
} from '../store/queries/introductions';
import type { OrderWrite } from '../store/queries';
import { recordAudit } from './audit';
import { readerOf, type CommandContext } from './context';
import { WriteConflict } from './conflict';
import { appendEvent, writeNewIntroduction, writePlanSteps, type PlanStepInput } from './introduction-writes';
import { firmsWithDistricts, segmentCodes } from './lookups';
import { CommandRefused, type Refusal } from './refusals';

/**
 * The introduction (供需对接) commands: propose, move, keep the plan, and the move an order makes.
 * Every entry point (GraphQL, the order commands, seeding) comes through here, so who may, what
 * stage may follow which (introductions/stages.ts), the history and the audit are decided once.
 */

export interface IntroductionProposal {
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  origin: IntroductionOrigin;
  /** The year of the gap or need answered; the current year when not given. */
  year: number | null;
  note: string | null;
}

export interface IntroductionMoveInput {
  stage: IntroductionStage;
  reason: DeclineReason | null;
  note: string | null;
}

/** What the supplier must reach, and the steps it takes: the whole plan, as a form saves it. */
export interface IntroductionPlan {
  goalYieldRate: number | null;
  goalCertifications: string[];
  goalAnnualVolume: number | null;
  goalUnit: string | null;
  goalBy: string | null;
  steps: PlanStepInput[];
}

function refuse(refusal: Refusal): never {
  throw new CommandRefused([refusal]);
}

/** The introduction as the viewer may change it, or the refusal an unknown id gets (NOT_FOUND). */
async function followed(ctx: CommandContext, id: string): Promise<IntroductionView> {
  const [view] = await introductionsWithDetails(readerOf(ctx.tx), { ids: [id] });
  if (!view || !followsIntroduction(ctx.viewer, view.row)) refuse({ field: 'id', reason: 'noSuchIntroduction', value: id });
  return view;
}

/** An introduction as the audit log keeps it: its fields, and its plan's steps. */
function audited(row: IntroductionRow, steps: readonly (PlanStepInput | PlanStepRow)[]): Record<string, unknown> {
  return { ...row, steps: steps.map(({ kind, description, amountCny, dueOn, doneOn, mentorId }) => ({ kind, description, amountCny, dueOn, doneOn, mentorId })) };
}

function fieldsOf(row: IntroductionRow): IntroductionFields {
  return {
    id: row.id, stage: row.stage, note: row.note, declineReason: row.declineReason, declineNote: row.declineNote,
    goalYieldRate: row.goalYieldRate, goalCertifications: row.goalCertifications ?? [], goalAnnualVolume: row.goalAnnualVolume,
    goalUnit: row.goalUnit, goalBy: row.goalBy, updatedAt: row.updatedAt,
  };
}

async function update(ctx: CommandContext, before: IntroductionRow, fields: IntroductionFields): Promise<void> {
  const [done] = await ctx.tx.run(updateIntroduction({ ...fields, fromStage: before.stage }));
  if (!done) throw new WriteConflict(`introduction ${before.id} moved meanwhile`);
}

/**
 * Proposes an introduction: both firms and the segment exist and are two firms; the viewer follows
 * it (one of the firms, a bureau of either's district, an admin); the supplier does not already
 * supply the buyer that segment in the year, and the two have no open introduction for it. The
 * plan's goal starts as the buyer's need's requirements, when it has them. Answers the new id.
 */
export async function proposeIntroduction(ctx: CommandContext, p: IntroductionProposal): Promise<string> {
  const reader = readerOf(ctx.tx);
  const firms = await firmsWithDistricts(reader, [p.buyerId, p.supplierId]);
  const buyer = firms.get(p.buyerId);
  const supplier = firms.get(p.supplierId);
  if (!buyer) refuse({ field: 'buyerId', reason: 'unknownFirm', value: p.buyerId });
  if (!supplier) refuse({ field: 'supplierId', reason: 'unknownFirm', value: p.supplierId });
  if (!(await segmentCodes(reader)).has(p.segmentCode)) refuse({ field: 'segmentCode', reason: 'unknownSegment', value: p.segmentCode });
  if (buyer.id === supplier.id) refuse({ field: 'supplierId', reason: 'sameFirm', value: p.supplierId });
  const parties = { buyerId: buyer.id, supplierId: supplier.id, buyerDistrictCode: buyer.districtCode, supplierDistrictCode: supplier.districtCode };
  if (!followsIntroduction(ctx.viewer, parties)) refuse({ field: 'buyerId', reason: 'followIntroduction' });
  const year = p.year ?? ctx.now.getUTCFullYear();
  const pairs = await reader.read(findIntroductions({ buyerId: buyer.id, supplierId: supplier.id, segmentCodes: [p.segmentCode] }));
  const open = pairs.find((i) => isOpen(i.stage));
  if (open) refuse({ field: 'supplierId', reason: 'openIntroduction', value: open.id });
  const links = await reader.read(supplyLinksOfSuppliers([supplier.id]));
  if (links.some((l) => l.buyerId === buyer.id && l.segmentCode === p.segmentCode && l.year === year && supplies(l))) {
    refuse({ field: 'supplierId', reason: 'alreadySupplies', value: p.supplierId });
  }
  const [need] = await reader.read(needRequirements(buyer.id, p.segmentCode));
  const at = ctx.now.toISOString();
  const id = `intro-${randomUUID()}`;
  const record = {
    id, stage: 'PROPOSED' as const, note: p.note, declineReason: null, declineNote: null,
    goalYieldRate: need?.minYieldRate ?? null, goalCertifications: need?.requiredCertifications ?? [],
    goalAnnualVolume: need?.annualDemand ?? null, goalUnit: need?.unit ?? null, goalBy: need?.latestStart ?? null,
    updatedAt: at, buyerId: buyer.id, supplierId: supplier.id, segmentCode: p.segmentCode, origin: p.origin, year,
    proposedBy: ctx.viewer.username, proposedByRole: ctx.viewer.role, createdAt: at, synthetic: false, source: null,
  };
  await writeNewIntroduction(ctx.tx, record, [{ stage: 'PROPOSED', fromStage: null, at, actor: ctx.viewer.username, actorRole: ctx.viewer.role, note: p.note, reason: null, planChange: false }], []);
  await recordAudit(ctx, [{ action: 'proposeIntroduction', entityType: 'Introduction', entityId: id, before: null, after: record }]);
  ctx.tx.note({ entity: 'Introduction', firmIds: [] });
  return id;
}

/** Moves an introduction one stage on, or declines it with a reason (introductions/stages.ts). */
export async function moveIntroduction(ctx: CommandContext, id: string, move: IntroductionMoveInput): Promise<void> {
  const { row } = await followed(ctx, id);
  const check = checkIntroductionMove(row.stage, move);
  if (!check.ok) refuse({ field: check.field, reason: 'introductionRule', detail: check.message });
  const at = ctx.now.toISOString();
  const declined = move.stage === 'DECLINED';
  const fields: IntroductionFields = {
    ...fieldsOf(row), stage: move.stage, updatedAt: at,
    declineReason: declined ? move.reason : null, declineNote: declined ? move.note : null,
  };
  await update(ctx, row, fields);
  await appendEvent(ctx.tx, id, { stage: move.stage, fromStage: row.stage, at, actor: ctx.viewer.username, actorRole: ctx.viewer.role, note: move.note, reason: declined ? move.reason : null, planChange: false });
  await recordAudit(ctx, [{ action: 'moveIntroduction', entityType: 'Introduction', entityId: id, before: row, after: { ...row, ...fields } }]);
  ctx.tx.note({ entity: 'Introduction', firmIds: [] });
}

/** Saves an introduction's whole plan: the goal and the steps (a mentor must be a known firm). */
export async function setIntroductionPlan(ctx: CommandContext, id: string, plan: IntroductionPlan, note: string | null): Promise<void> {
  const { row, steps } = await followed(ctx, id);
  const mentors = plan.steps.flatMap((s) => (s.mentorId ? [s.mentorId] : []));
  const known = await firmsWithDistricts(readerOf(ctx.tx), mentors);
  const unknown = plan.steps.findIndex((s) => s.mentorId && !known.has(s.mentorId));
  if (unknown >= 0) refuse({ field: `steps.${unknown}.mentorId`, reason: 'unknownFirm', value: plan.steps[unknown]?.mentorId ?? '' });
  const at = ctx.now.toISOString();
  const { steps: newSteps, ...goal } = plan;
  const fields: IntroductionFields = { ...fieldsOf(row), ...goal, updatedAt: at };
  await update(ctx, row, fields);
  await writePlanSteps(ctx.tx, id, newSteps, true);
  await appendEvent(ctx.tx, id, { stage: row.stage, fromStage: row.stage, at, actor: ctx.viewer.username, actorRole: ctx.viewer.role, note, reason: null, planChange: true });
  await recordAudit(ctx, [{ action: 'setIntroductionPlan', entityType: 'Introduction', entityId: id, before: audited(row, steps), after: audited({ ...row, ...fields }, newSteps) }]);
  ctx.tx.note({ entity: 'Introduction', firmIds: [] });
}

/**
 * Orders just written move the open introductions of their pair and segment to SUPPLYING, in the
 * same transaction: an order that is not cancelled is the proof that supply began. Introductions
 * are few, so the open ones are read whole and matched here, however many orders an import writes.
 */
export async function advanceIntroductionsOnOrders(ctx: CommandContext, orders: readonly OrderWrite[]): Promise<void> {
  const live = orders.filter((o) => o.kind === 'SUPPLY' && o.status !== 'CANCELLED');
  if (live.length === 0) return;
  const open = (await readerOf(ctx.tx).read(findIntroductions({}))).filter((i) => isOpen(i.stage));
  if (open.length === 0) return;
  const byTriple = new Map<string, OrderWrite>();
  for (const o of live) byTriple.set(`${o.supplierId}\u0000${o.buyerId}\u0000${o.segmentCode}`, o);
  const at = ctx.now.toISOString();
  const moved: { before: IntroductionRow; after: IntroductionRow }[] = [];
  for (const row of open) {
    const order = byTriple.get(`${row.supplierId}\u0000${row.buyerId}\u0000${row.segmentCode}`);
    if (!order) continue;
    const fields: IntroductionFields = { ...fieldsOf(row), stage: 'SUPPLYING', updatedAt: at };
    await update(ctx, row, fields);
    await appendEvent(ctx.tx, row.id, { stage: 'SUPPLYING', fromStage: row.stage, at, actor: ctx.viewer.username, actorRole: ctx.viewer.role, note: `order ${order.id} (${order.year})`, reason: null, planChange: false });
    moved.push({ before: row, after: { ...row, ...fields } });
  }
  if (moved.length === 0) return;
  await recordAudit(ctx, moved.map(({ before, after }) => ({ action: 'introduction.supplying', entityType: 'Introduction', entityId: before.id, before, after })));
  ctx.tx.note({ entity: 'Introduction', firmIds: [] });
}

/** Marks the viewer's inbox read up to `at` (the newest entry the viewer saw). */
export async function markInboxRead(ctx: CommandContext, at: string): Promise<void> {
  // A reading position is the reader's own, not a change to the data anyone else sees: not audited.
  await ctx.tx.run(setInboxReadAt(ctx.viewer.userId, at));
  ctx.tx.note({ entity: 'Introduction', firmIds: [] });
}
