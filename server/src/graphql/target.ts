import { codeSchema, idSchema } from '@yulian/schema';
import { managesTargetsOf, targetDistrictsOf } from '../auth/policy';
import { targetsWithHistory } from '../investment/service';
import { allowedMoves } from '../investment/stages';
import { ChainGapRef } from './analysis';
import { builder } from './builder';
import { forbidden, parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { DistrictRef, FirmRef, SegmentRef } from './refs';
import { TargetEventRef, TargetRef, TargetStageEnum } from './target-refs';
import { requireManages, visibleTargets } from './target-access';

TargetEventRef.implement({
  description: 'One entry of a target’s history: a move to a stage, or (stage = fromStage) an edit of its fields.',
  fields: (t) => ({
    id: t.exposeID('id'),
    stage: t.field({ type: TargetStageEnum, resolve: (e) => e.stage }),
    fromStage: t.field({ type: TargetStageEnum, nullable: true, description: 'Null for the entry that created the target.', resolve: (e) => e.fromStage }),
    at: t.exposeString('at', { description: 'ISO timestamp.' }),
    by: t.exposeString('actor', { nullable: true, description: 'Username of who made the change ("seed" for the seed data).' }),
    note: t.exposeString('note', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why the target was dropped.' }),
  }),
});

TargetRef.implement({
  description:
    'An investment-promotion target (招商目标) of a district, for a segment. Seen only by the district’s investment team and bureau, and admins.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    stage: t.field({ type: TargetStageEnum, resolve: (x) => x.stage }),
    allowedMoves: t.field({ type: [TargetStageEnum], description: 'Stages the target may move to now.', resolve: (x) => allowedMoves(x.stage) }),
    district: t.field({
      type: DistrictRef,
      resolve: async (x, _args, ctx) => {
        const district = await ctx.loaders.district.load(x.districtCode);
        if (!district) throw new Error(`district ${x.districtCode} is referenced but missing`);
        return district;
      },
    }),
    segment: t.field({ type: SegmentRef, resolve: (x, _args, ctx) => requireSegment(ctx, x.segmentCode) }),
    firm: t.field({ type: FirmRef, nullable: true, description: 'The firm pursued, when it is a known firm.', resolve: (x, _args, ctx) => (x.firmId ? requireFirm(ctx, x.firmId) : null) }),
    leader: t.field({ type: FirmRef, nullable: true, description: 'The chain leader whose gap it closes.', resolve: (x, _args, ctx) => (x.leaderId ? requireFirm(ctx, x.leaderId) : null) }),
    agreementCny: t.exposeFloat('agreementCny', { nullable: true, description: '协议金额, CNY.' }),
    investmentCny: t.exposeFloat('investmentCny', { nullable: true, description: '投资额, CNY.' }),
    fundsInPlaceCny: t.exposeFloat('fundsInPlaceCny', { nullable: true, description: '到位资金, CNY.' }),
    expectedOutputCny: t.exposeFloat('expectedOutputCny', { nullable: true, description: '预计年产值, CNY.' }),
    owner: t.exposeString('owner', { nullable: true, description: '责任人.' }),
    contact: t.exposeString('contact', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    dropReason: t.exposeString('dropReason', { nullable: true }),
    createdAt: t.exposeString('createdAt'),
    updatedAt: t.exposeString('updatedAt'),
    synthetic: t.boolean({ resolve: (x) => x.synthetic === true }),
    source: t.exposeString('source', { nullable: true }),
    history: t.field({ type: [TargetEventRef], description: 'Oldest first.', resolve: (x) => x.history }),
  }),
});

builder.objectField(SegmentRef, 'targets', (t) =>
  t.field({
    type: [TargetRef],
    description: 'Targets pursuing this segment in the districts the viewer manages; empty for everyone else.',
    resolve: async (s, _args, ctx) => (await visibleTargets(ctx)).filter((x) => x.segmentCode === s.code),
  }),
);

builder.objectField(ChainGapRef, 'targets', (t) =>
  t.field({
    type: [TargetRef],
    description: 'Targets of the leader’s district pursuing this gap’s segment, for those who manage that district; empty for everyone else.',
    resolve: async (g, _args, ctx) => {
      const district = await ctx.loaders.districtOfFirm.load(g.leaderId);
      if (!district || !managesTargetsOf(ctx.viewer, district.code)) return [];
      return (await visibleTargets(ctx)).filter((x) => x.districtCode === district.code && x.segmentCode === g.segmentCode);
    },
  }),
);

builder.queryFields((t) => ({
  targets: t.field({
    type: [TargetRef],
    nullable: true,
    description: 'A district’s target list (the viewer’s own district when left out; every district for admins), oldest first.',
    authScopes: { signedIn: true },
    args: {
      districtCode: t.arg.string(),
      stage: t.arg({ type: TargetStageEnum }),
      segmentCode: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      let districts = targetDistrictsOf(ctx.viewer);
      if (args.districtCode != null) {
        const code = parseInput(codeSchema, args.districtCode, 'districtCode');
        requireManages(ctx, code, 'see the targets');
        districts = [code];
      } else if (districts !== null && districts.length === 0) {
        throw forbidden('see targets: only a district’s investment team and bureau, and admins, may');
      }
      return targetsWithHistory(ctx.store, {
        districtCodes: districts,
        stage: args.stage ?? null,
        segmentCodes: args.segmentCode == null ? null : [parseInput(codeSchema, args.segmentCode, 'segmentCode')],
      });
    },
  }),
  target: t.field({
    type: TargetRef,
    nullable: true,
    description: 'The target with this id; null when there is none, or none of a district the viewer manages (the two are not told apart).',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = parseInput(idSchema, String(args.id), 'id');
      // Those who manage no district are refused whatever the id; the rest get null for another
      // district's target as for an unknown id, so neither answer tells that a target exists.
      if (targetDistrictsOf(ctx.viewer)?.length === 0) throw forbidden('see targets');
      const [target] = await targetsWithHistory(ctx.store, { ids: [id] });
      return target && managesTargetsOf(ctx.viewer, target.districtCode) ? target : null;
    },
  }),
}));
