import { codeSchema, idSchema } from '@yulian/schema';
import { followsIntroduction, introductionScopeOf } from '../auth/policy';
import { introductionsWithDetails } from '../introductions/service';
import type { IntroductionRow } from '../store/queries/introductions';
import { allowedIntroductionMoves, isOpen } from '../introductions/stages';
import { ChainGapRef } from './analysis';
import { builder } from './builder';
import { forbidden, parseInput } from './errors';
import { followedScope, visibleIntroductions } from './introduction-access';
import {
  DeclineReasonEnum,
  IntroductionEventRef,
  IntroductionOriginEnum,
  IntroductionRef,
  IntroductionStageEnum,
  PlanStepKindEnum,
  PlanStepRef,
} from './introduction-refs';
import { requireFirm, requireSegment } from './lookups';
import { FirmRef, SegmentRef } from './refs';

IntroductionEventRef.implement({
  description: 'One entry of an introduction’s history: a move to a stage, or (planChange) a change of its plan.',
  fields: (t) => ({
    id: t.exposeID('id'),
    stage: t.field({ type: IntroductionStageEnum, resolve: (e) => e.stage }),
    fromStage: t.field({ type: IntroductionStageEnum, nullable: true, description: 'Null for the proposal.', resolve: (e) => e.fromStage }),
    at: t.exposeString('at', { description: 'ISO timestamp.' }),
    by: t.exposeString('actor', { nullable: true, description: 'Username of who made the change ("seed" for the seed data).' }),
    byRole: t.exposeString('actorRole', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    reason: t.field({ type: DeclineReasonEnum, nullable: true, description: 'Why it was declined.', resolve: (e) => (e.stage === 'DECLINED' && e.reason ? (e.reason as never) : null) }),
    planChange: t.boolean({ resolve: (e) => e.planChange === true }),
  }),
});

PlanStepRef.implement({
  description: 'A step of the supplier’s improvement plan: an investment, equipment, mentoring by a chain leader, a certification.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: PlanStepKindEnum, resolve: (s) => s.kind }),
    description: t.exposeString('description', { nullable: true }),
    amountCny: t.exposeFloat('amountCny', { nullable: true }),
    dueOn: t.exposeString('dueOn', { nullable: true, description: 'A day, 2023-09-30.' }),
    doneOn: t.exposeString('doneOn', { nullable: true }),
    mentor: t.field({ type: FirmRef, nullable: true, resolve: (s, _args, ctx) => (s.mentorId ? requireFirm(ctx, s.mentorId) : null) }),
  }),
});

const IntroductionGoalRef = builder.objectRef<IntroductionRow>('IntroductionGoal').implement({
  description: 'What the supplier must reach: copied from the buyer’s need’s requirements when proposed, then kept by those who follow it.',
  fields: (t) => ({
    yieldRate: t.exposeFloat('goalYieldRate', { nullable: true, description: 'Minimum yield, 0–1.' }),
    certifications: t.stringList({ resolve: (r) => r.goalCertifications ?? [] }),
    annualVolume: t.exposeFloat('goalAnnualVolume', { nullable: true }),
    unit: t.exposeString('goalUnit', { nullable: true }),
    by: t.exposeString('goalBy', { nullable: true, description: 'The day supply must start by.' }),
  }),
});

IntroductionRef.implement({
  description:
    'An introduction (供需对接) of a would-be supplier to a buyer for a segment, followed to supply. Seen by the two firms, their districts’ bureaus and admins.',
  fields: (t) => ({
    id: t.id({ resolve: (v) => v.row.id }),
    stage: t.field({ type: IntroductionStageEnum, resolve: (v) => v.row.stage }),
    allowedMoves: t.field({ type: [IntroductionStageEnum], description: 'Stages a person may move it to now.', resolve: (v) => allowedIntroductionMoves(v.row.stage) }),
    open: t.boolean({ description: 'Neither supplying nor declined.', resolve: (v) => isOpen(v.row.stage) }),
    origin: t.field({ type: IntroductionOriginEnum, resolve: (v) => v.row.origin }),
    year: t.int({ nullable: true, description: 'The year of the gap or need it answers.', resolve: (v) => v.row.year }),
    buyer: t.field({ type: FirmRef, resolve: (v, _args, ctx) => requireFirm(ctx, v.row.buyerId) }),
    supplier: t.field({ type: FirmRef, resolve: (v, _args, ctx) => requireFirm(ctx, v.row.supplierId) }),
    segment: t.field({ type: SegmentRef, resolve: (v, _args, ctx) => requireSegment(ctx, v.row.segmentCode) }),
    note: t.string({ nullable: true, resolve: (v) => v.row.note }),
    declineReason: t.field({ type: DeclineReasonEnum, nullable: true, resolve: (v) => v.row.declineReason }),
    declineNote: t.string({ nullable: true, resolve: (v) => v.row.declineNote }),
    proposedBy: t.string({ nullable: true, description: 'Username of who proposed it.', resolve: (v) => v.row.proposedBy }),
    proposedByRole: t.string({ nullable: true, resolve: (v) => v.row.proposedByRole }),
    goal: t.field({ type: IntroductionGoalRef, resolve: (v) => ({ ...v.row }) }),
    steps: t.field({ type: [PlanStepRef], description: 'The improvement plan, in order.', resolve: (v) => v.steps }),
    history: t.field({ type: [IntroductionEventRef], description: 'Oldest first.', resolve: (v) => v.events }),
    createdAt: t.string({ resolve: (v) => v.row.createdAt }),
    updatedAt: t.string({ resolve: (v) => v.row.updatedAt }),
    synthetic: t.boolean({ resolve: (v) => v.row.synthetic === true }),
    source: t.string({ nullable: true, resolve: (v) => v.row.source }),
  }),
});

builder.objectField(ChainGapRef, 'introductions', (t) =>
  t.field({
    type: [IntroductionRef],
    description: 'Introductions of suppliers to the leader for this gap’s segment that the viewer follows (the two firms, their bureaus, admins); empty for everyone else.',
    resolve: async (g, _args, ctx) => (await visibleIntroductions(ctx)).filter((v) => v.row.buyerId === g.leaderId && v.row.segmentCode === g.segmentCode),
  }),
);

builder.objectField(ChainGapRef, 'closing', (t) =>
  t.boolean({
    description: 'An introduction the viewer follows has brought a supplier of this segment to the leader (SUPPLYING): the gap is closing.',
    resolve: async (g, _args, ctx) =>
      (await visibleIntroductions(ctx)).some((v) => v.row.buyerId === g.leaderId && v.row.segmentCode === g.segmentCode && v.row.stage === 'SUPPLYING'),
  }),
);

builder.queryFields((t) => ({
  introductions: t.field({
    type: [IntroductionRef],
    description: 'The introductions the viewer follows (its firm’s; its district’s for a bureau; all for admins), newest first, filtered as asked.',
    authScopes: { signedIn: true },
    args: {
      stage: t.arg({ type: IntroductionStageEnum }),
      buyerId: t.arg.id(),
      supplierId: t.arg.id(),
      segmentCode: t.arg.string(),
      districtCode: t.arg.string({ description: 'Either firm in this district.' }),
    },
    resolve: async (_root, args, ctx) => {
      if (introductionScopeOf(ctx.viewer) === 'none') throw forbidden('see introductions: only the two firms, their districts’ bureaus and admins may; investment teams see the results');
      const districtCode = args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode');
      const scope = followedScope(ctx, {
        stage: args.stage ?? null,
        buyerId: args.buyerId == null ? null : parseInput(idSchema, String(args.buyerId), 'buyerId'),
        supplierId: args.supplierId == null ? null : parseInput(idSchema, String(args.supplierId), 'supplierId'),
        segmentCodes: args.segmentCode == null ? null : [parseInput(codeSchema, args.segmentCode, 'segmentCode')],
      });
      if (scope === null) return [];
      const list = await introductionsWithDetails(ctx.store, scope);
      return districtCode === null ? list : list.filter((v) => v.row.buyerDistrictCode === districtCode || v.row.supplierDistrictCode === districtCode);
    },
  }),
  introduction: t.field({
    type: IntroductionRef,
    nullable: true,
    description: 'The introduction with this id; null when there is none or the viewer does not follow it (the two are not told apart).',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = parseInput(idSchema, String(args.id), 'id');
      const [view] = await introductionsWithDetails(ctx.store, { ids: [id] });
      return view && followsIntroduction(ctx.viewer, view.row) ? view : null;
    },
  }),
}));
