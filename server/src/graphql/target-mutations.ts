import { randomUUID } from 'node:crypto';
import { targetFromGapSchema, targetInputSchema, targetMoveSchema, type TargetStage } from '@yulian/schema';
import { analyzeGaps } from '../analysis/supply-service';
import type { TargetRecord } from '../commands/target-rules';
import { recordOf, saveTarget, type TargetChange } from '../commands/targets';
import { targetsWithHistory, type TargetWithHistory } from '../investment/service';
import { builder } from './builder';
import type { GraphContext } from './context';
import { badInput, notFound, parseInput } from './errors';
import { runCommand } from './run-command';
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

const optionalId = (v: string | number | null | undefined) => (v == null ? v : String(v));

async function reload(ctx: GraphContext, id: string): Promise<TargetWithHistory> {
  forgetVisibleTargets(ctx);
  const [target] = await targetsWithHistory(ctx.store, { ids: [id] });
  if (!target) throw notFound('target', id);
  return target;
}

/** A target a form creates: at LEAD, filed now, by the product's user (not an import). */
function newRecord(fields: Omit<TargetRecord, 'id' | 'stage' | 'dropReason' | 'synthetic' | 'source' | 'createdOn' | 'signedOn' | 'startedOn' | 'producingOn' | 'droppedOn'>): TargetRecord {
  return { ...fields, id: `tgt-${randomUUID()}`, stage: 'LEAD', dropReason: null, synthetic: false, source: null, createdOn: null, signedOn: null, startedOn: null, producingOn: null, droppedOn: null };
}

/** The target commands' refusals name the store's fields; moveTarget's arguments call the drop reason `reason`. */
const MOVE_ARGS = { dropReason: 'reason' };

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
      const fields = {
        name: input.name,
        districtCode: input.districtCode,
        segmentCode: input.segmentCode,
        firmId: input.firmId ?? null,
        leaderId: input.leaderId ?? null,
        agreementCny: input.agreementCny ?? null,
        investmentCny: input.investmentCny ?? null,
        fundsInPlaceCny: input.fundsInPlaceCny ?? null,
        expectedOutputCny: input.expectedOutputCny ?? null,
        owner: input.owner || null,
        contact: input.contact || null,
        notes: input.notes || null,
      };
      if (!input.id) {
        const record = newRecord(fields);
        await runCommand(ctx, 'input', (command) => saveTarget(command, { record }, 'createTarget'));
        return reload(ctx, record.id);
      }
      // The stage, drop reason and provenance stay as stored: only moveTarget changes the stage.
      const change: TargetChange = { id: input.id, expect: 'existing', edit: (stored) => ({ ...recordOf(stored), ...fields }) };
      await runCommand(ctx, 'input', (command) => saveTarget(command, change, 'upsertTarget'));
      return reload(ctx, input.id);
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
      const to: TargetStage = move.stage;
      const change: TargetChange = {
        id: move.id,
        expect: 'existing',
        note: move.note || null,
        edit: (stored) => ({
          ...recordOf(stored),
          stage: to,
          // Signing takes the amount given, or keeps the one the target already has.
          agreementCny: to === 'SIGNED' && move.agreementCny != null ? move.agreementCny : stored.agreementCny,
          dropReason: to === 'DROPPED' ? (move.reason ?? null) : null,
        }),
      };
      await runCommand(ctx, '', (command) => saveTarget(command, change, 'moveTarget'), MOVE_ARGS);
      return reload(ctx, move.id);
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
      const segment = (await ctx.loaders.segments()).byCode.get(input.segmentCode);
      if (!segment) throw badInput('input.segmentCode', `unknown segment ${JSON.stringify(input.segmentCode)}`);
      const gaps = await analyzeGaps(ctx.store, { year: input.year, leaderId: input.leaderId });
      if (!gaps.gaps.some((g) => g.segmentCode === input.segmentCode)) {
        throw badInput('input.segmentCode', `is not a chain gap of ${input.leaderId} in ${input.year}`);
      }
      const firm = input.firmId ? await ctx.loaders.firm.load(input.firmId) : null;
      const name = input.name || firm?.nameZh || `${segment.nameZh}补链目标（${leader.shortNameZh ?? leader.nameZh}）`;
      const record = newRecord({
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
      });
      const note = input.note || `${input.year}年链主缺口：${leader.shortNameZh ?? leader.nameZh} · ${segment.nameZh}`;
      await runCommand(ctx, 'input', (command) => saveTarget(command, { record, note }, 'createTarget'));
      const id = record.id;
      return reload(ctx, id);
    },
  }),
}));
