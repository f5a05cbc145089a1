import { randomUUID } from 'node:crypto';
import { targetFromGapSchema, targetInputSchema, targetMoveSchema, type TargetStage } from '@yulian/schema';
import { recordAudit } from '../audit/record';
import { targetDistrictsOf } from '../auth/policy';
import { analyzeGaps } from '../analysis/supply-service';
import { targetsWithHistory, type TargetWithHistory } from '../investment/service';
import { checkMove, isSignedOrLater } from '../investment/stages';
import type { Transaction } from '../store/port';
import { appendTargetEvent, createTarget, findTargets, moveTargetStage, setTargetFirm, updateTarget, type TargetFields } from '../store/queries';
import { builder } from './builder';
import type { GraphContext } from './context';
import { badInput, forbidden, notFound, parseInput } from './errors';
import { forgetVisibleTargets, requireManages } from './target-access';
import { TargetRef, TargetStageEnum } from './target-refs';

const TargetInput = builder.inputType('TargetInput', {
  description: 'A target’s fields. Without id a new target is created at stage LEAD; its stage only changes through moveTarget.',
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: true }),
    districtCode: t.string({ required: true }),
    segmentCode: t.string({ required: true }),
    firmId: t.id(),
    leaderId: t.id({ description: 'The chain leader whose gap the target closes.' }),
    agreementCny: t.float(),
    investmentCny: t.float(),
    fundsInPlaceCny: t.float(),
    expectedOutputCny: t.float(),
    owner: t.string(),
    contact: t.string(),
    notes: t.string(),
  }),
});

const TargetFromGapInput = builder.inputType('TargetFromGapInput', {
  description: 'A chain gap (a leader and a segment in a year) to turn into a target of the leader’s district.',
  fields: (t) => ({
    leaderId: t.id({ required: true }),
    segmentCode: t.string({ required: true }),
    year: t.int({ required: true }),
    name: t.string({ description: 'Defaults to the firm’s name, or to the segment and leader.' }),
    firmId: t.id({ description: 'The firm to pursue, e.g. a suggested outside supplier.' }),
    owner: t.string(),
    note: t.string(),
  }),
});

const actor = (ctx: GraphContext) => ctx.viewer?.username ?? null;
const optionalId = (v: string | number | null | undefined) => (v == null ? v : String(v));

async function reload(ctx: GraphContext, id: string): Promise<TargetWithHistory> {
  forgetVisibleTargets(ctx);
  const [target] = await targetsWithHistory(ctx.store, { ids: [id] });
  if (!target) throw notFound('target', id);
  return target;
}

/** The target as the audit log records it: its row and its stage, without the history. */
async function snapshot(tx: Transaction, id: string) {
  const [row] = await tx.run(findTargets({ ids: [id] }));
  return row ?? null;
}

async function requireFirmExists(ctx: GraphContext, id: string | null | undefined, field: string): Promise<void> {
  if (id && !(await ctx.loaders.firm.load(id))) throw badInput(field, `unknown firm ${JSON.stringify(id)}`);
}

async function requireSegmentExists(ctx: GraphContext, code: string, field: string): Promise<void> {
  if (!(await ctx.loaders.segments()).byCode.has(code)) throw badInput(field, `unknown segment ${JSON.stringify(code)}`);
}

interface NewTarget extends Omit<TargetFields, 'id' | 'updatedAt'> {
  districtCode: string;
  firmId: string | null;
  leaderId: string | null;
  note: string | null;
}

/** Creates a target at LEAD with its first history entry and audit event, in one transaction. */
async function create(ctx: GraphContext, input: NewTarget): Promise<string> {
  const id = `tgt-${randomUUID()}`;
  const at = new Date().toISOString();
  await ctx.store.write(async (tx) => {
    const { firmId, leaderId, note, ...fields } = input;
    await tx.run(createTarget({ ...fields, id, stage: 'LEAD', dropReason: null, createdAt: at, updatedAt: at, synthetic: false, source: null }));
    if (firmId) await tx.run(setTargetFirm(id, 'TARGET_FIRM', firmId));
    if (leaderId) await tx.run(setTargetFirm(id, 'TARGET_LEADER', leaderId));
    await tx.run(appendTargetEvent({ id: `tev-${randomUUID()}`, targetId: id, stage: 'LEAD', fromStage: null, at, actor: actor(ctx), note, reason: null }));
    await recordAudit(tx, ctx.viewer, { action: 'createTarget', entityType: 'Target', entityId: id, before: null, after: await snapshot(tx, id) });
  });
  return id;
}

const editable = ['name', 'segmentCode', 'firmId', 'leaderId', 'agreementCny', 'investmentCny', 'fundsInPlaceCny', 'expectedOutputCny', 'owner', 'contact', 'notes'] as const;

builder.mutationFields((t) => ({
  upsertTarget: t.field({
    type: TargetRef,
    description: 'Creates a target (at LEAD) or updates its fields by id. Fields left out are cleared, as in a form’s save.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: TargetInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        targetInputSchema,
        { ...args.input, id: optionalId(args.input.id), firmId: optionalId(args.input.firmId), leaderId: optionalId(args.input.leaderId) },
        'input',
      );
      requireManages(ctx, input.districtCode, 'change the targets');
      const existing = input.id ? (await targetsWithHistory(ctx.store, { ids: [input.id] }))[0] : undefined;
      if (input.id && !existing) throw notFound('target', input.id);
      if (existing) requireManages(ctx, existing.districtCode, 'change the targets');
      if (existing && existing.districtCode !== input.districtCode) {
        throw badInput('input.districtCode', `cannot change: the target belongs to district ${existing.districtCode}; create a new target in the other district`);
      }
      if (!(await ctx.loaders.district.load(input.districtCode))) throw badInput('input.districtCode', `unknown district ${JSON.stringify(input.districtCode)}`);
      await requireSegmentExists(ctx, input.segmentCode, 'input.segmentCode');
      await requireFirmExists(ctx, input.firmId, 'input.firmId');
      await requireFirmExists(ctx, input.leaderId, 'input.leaderId');
      if (existing && isSignedOrLater(existing.stage) && input.agreementCny == null) {
        throw badInput('input.agreementCny', `is required: the target is ${existing.stage}`);
      }
      const fields = {
        name: input.name,
        segmentCode: input.segmentCode,
        agreementCny: input.agreementCny ?? null,
        investmentCny: input.investmentCny ?? null,
        fundsInPlaceCny: input.fundsInPlaceCny ?? null,
        expectedOutputCny: input.expectedOutputCny ?? null,
        owner: input.owner || null,
        contact: input.contact || null,
        notes: input.notes || null,
      };
      if (!existing) {
        const id = await create(ctx, { ...fields, districtCode: input.districtCode, firmId: input.firmId ?? null, leaderId: input.leaderId ?? null, note: null });
        return reload(ctx, id);
      }
      const next = { ...fields, firmId: input.firmId ?? null, leaderId: input.leaderId ?? null };
      const changed = editable.filter((k) => (existing[k] ?? null) !== (next[k] ?? null));
      if (changed.length === 0) return existing;
      const at = new Date().toISOString();
      await ctx.store.write(async (tx) => {
        const before = await snapshot(tx, existing.id);
        await tx.run(updateTarget({ ...fields, id: existing.id, updatedAt: at }));
        await tx.run(setTargetFirm(existing.id, 'TARGET_FIRM', next.firmId));
        await tx.run(setTargetFirm(existing.id, 'TARGET_LEADER', next.leaderId));
        // An edit is history too: same stage before and after, the changed fields in the note.
        await tx.run(
          appendTargetEvent({ id: `tev-${randomUUID()}`, targetId: existing.id, stage: existing.stage, fromStage: existing.stage, at, actor: actor(ctx), note: `edited: ${changed.join(', ')}`, reason: null }),
        );
        await recordAudit(tx, ctx.viewer, { action: 'upsertTarget', entityType: 'Target', entityId: existing.id, before, after: await snapshot(tx, existing.id) });
      });
      return reload(ctx, existing.id);
    },
  }),
  moveTarget: t.field({
    type: TargetRef,
    description: 'Moves a target one stage forward or to DROPPED (with a reason). Signing needs agreementCny unless the target already has one.',
    authScopes: { signedIn: true },
    args: {
      id: t.arg.id({ required: true }),
      stage: t.arg({ type: TargetStageEnum, required: true }),
      note: t.arg.string(),
      reason: t.arg.string({ description: 'Why the target is dropped; required for DROPPED.' }),
      agreementCny: t.arg.float({ description: 'The agreement amount (协议金额), when signing.' }),
    },
    resolve: async (_root, args, ctx) => {
      const move = parseInput(targetMoveSchema, { ...args, id: String(args.id) }, '');
      // Those who manage no district learn nothing, not even whether the id exists.
      if (targetDistrictsOf(ctx.viewer)?.length === 0) throw forbidden('change targets');
      const [target] = await targetsWithHistory(ctx.store, { ids: [move.id] });
      if (!target) throw notFound('target', move.id);
      requireManages(ctx, target.districtCode, 'change the targets');
      const check = checkMove(target, move);
      if (!check.ok) throw badInput(check.field, check.message);
      const at = new Date().toISOString();
      const to: TargetStage = move.stage;
      await ctx.store.write(async (tx) => {
        const before = await snapshot(tx, target.id);
        const moved = await tx.run(
          moveTargetStage({
            id: target.id,
            from: target.stage,
            to,
            at,
            agreementCny: to === 'SIGNED' ? (move.agreementCny ?? null) : null,
            dropReason: to === 'DROPPED' ? (move.reason ?? null) : null,
          }),
        );
        if (moved.length === 0) throw badInput('stage', `the target is no longer ${target.stage}: someone moved it meanwhile; reload and try again`);
        await tx.run(
          appendTargetEvent({ id: `tev-${randomUUID()}`, targetId: target.id, stage: to, fromStage: target.stage, at, actor: actor(ctx), note: move.note || null, reason: to === 'DROPPED' ? (move.reason ?? null) : null }),
        );
        await recordAudit(tx, ctx.viewer, { action: 'moveTarget', entityType: 'Target', entityId: target.id, before, after: await snapshot(tx, target.id) });
      });
      return reload(ctx, target.id);
    },
  }),
  targetFromGap: t.field({
    type: TargetRef,
    description: 'Creates, in one action, a LEAD target of the leader’s district for a chain gap of that leader in the year.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: TargetFromGapInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        targetFromGapSchema,
        { ...args.input, leaderId: String(args.input.leaderId), firmId: optionalId(args.input.firmId) },
        'input',
      );
      const [leader, district] = await Promise.all([ctx.loaders.firm.load(input.leaderId), ctx.loaders.districtOfFirm.load(input.leaderId)]);
      if (!leader || !district) throw badInput('input.leaderId', `unknown firm ${JSON.stringify(input.leaderId)}`);
      requireManages(ctx, district.code, 'change the targets');
      await requireSegmentExists(ctx, input.segmentCode, 'input.segmentCode');
      await requireFirmExists(ctx, input.firmId, 'input.firmId');
      const gaps = await analyzeGaps(ctx.store, { year: input.year, leaderId: input.leaderId });
      if (!gaps.gaps.some((g) => g.segmentCode === input.segmentCode)) {
        throw badInput('input.segmentCode', `is not a chain gap of ${input.leaderId} in ${input.year}`);
      }
      const segment = (await ctx.loaders.segments()).byCode.get(input.segmentCode);
      const firm = input.firmId ? await ctx.loaders.firm.load(input.firmId) : null;
      const name = input.name || firm?.nameZh || `${segment?.nameZh ?? input.segmentCode}补链目标（${leader.shortNameZh ?? leader.nameZh}）`;
      const id = await create(ctx, {
        name,
        segmentCode: input.segmentCode,
        districtCode: district.code,
        firmId: input.firmId ?? null,
        leaderId: input.leaderId,
        agreementCny: null,
        investmentCny: null,
        fundsInPlaceCny: null,
        expectedOutputCny: null,
        owner: input.owner || null,
        contact: null,
        notes: null,
        note: input.note || `${input.year}年链主缺口：${leader.shortNameZh ?? leader.nameZh} · ${segment?.nameZh ?? input.segmentCode}`,
      });
      return reload(ctx, id);
    },
  }),
}));
