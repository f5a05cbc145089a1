import { codeSchema, goalInputSchema, yearSchema } from '@yulian/schema';
import type { WithheldReason } from '../auth/policy';
import { analyzeGaps } from '../analysis/supply-service';
import { setGoal } from '../commands/goals';
import { districtProgress, type DistrictProgress } from '../investment/service';
import type { MonthProgress } from '../investment/progress';
import { suggestTargets, type TargetSuggestion } from '../investment/suggestions';
import { builder } from './builder';
import { parseInput } from './errors';
import { requireFirm, requireSegment } from './lookups';
import { FirmRef, GoalRef, SegmentRef } from './refs';
import { runCommand } from './run-command';
import { requireManages, visibleTargets } from './target-access';
import { TargetRef } from './target-refs';
import { suggestionsWithheld, withheldFigure, withheldLast } from './withheld';

const MonthProgressRef = builder.objectRef<MonthProgress>('MonthProgress').implement({
  description: 'One month (China Standard Time) of the year’s signed projects: moves to SIGNED, STARTED and PRODUCING in it.',
  fields: (t) => ({
    month: t.exposeInt('month'),
    signed: t.exposeInt('signed'),
    agreementCny: t.exposeFloat('agreementCny'),
    started: t.exposeInt('started'),
    producing: t.exposeInt('producing'),
    cumulativeSigned: t.exposeInt('cumulativeSigned'),
    cumulativeAgreementCny: t.exposeFloat('cumulativeAgreementCny'),
  }),
});

const InvestmentProgressRef = builder.objectRef<DistrictProgress>('InvestmentProgress').implement({
  description: 'A district’s investment promotion in a year against its goal. Definitions in the README (Investment promotion).',
  fields: (t) => ({
    districtCode: t.exposeString('districtCode'),
    year: t.exposeInt('year'),
    goal: t.field({ type: GoalRef, nullable: true, resolve: (p) => p.goal }),
    signedProjects: t.exposeInt('signedProjects', { description: 'Targets now SIGNED, STARTED or PRODUCING whose signing was in the year.' }),
    agreementCny: t.exposeFloat('agreementCny', { description: 'Agreement amount of the signed projects (协议金额).' }),
    investmentCny: t.exposeFloat('investmentCny'),
    fundsInPlaceCny: t.exposeFloat('fundsInPlaceCny', { description: '到位资金 of the signed projects.' }),
    started: t.exposeInt('started', { description: 'Signed projects now STARTED or PRODUCING.' }),
    producing: t.exposeInt('producing'),
    startRate: t.exposeFloat('startRate', { nullable: true, description: '开工率 = started ÷ signedProjects.' }),
    fundRate: t.exposeFloat('fundRate', { nullable: true, description: '资金到位率 = funds in place ÷ investment, over signed projects with an investment amount.' }),
    projectRate: t.exposeFloat('projectRate', { nullable: true, description: 'signedProjects ÷ the goal’s projects.' }),
    agreementRate: t.exposeFloat('agreementRate', { nullable: true, description: 'agreementCny ÷ the goal’s agreement amount.' }),
    byMonth: t.field({ type: [MonthProgressRef], resolve: (p) => p.byMonth }),
    gapSegmentsWithoutTarget: t.field({
      type: [SegmentRef],
      description: 'Gap segments of the district’s chain leaders in the year that no open target pursues.',
      resolve: (p, _args, ctx) => Promise.all(p.gapSegmentsWithoutTarget.map((code) => requireSegment(ctx, code))),
    }),
  }),
});

const TargetSuggestionRef = builder.objectRef<TargetSuggestion & { withheld: WithheldReason | null }>('TargetSuggestion').implement({
  description: 'A firm outside the region already supplying the district’s chain leaders in a gap segment: a first lead.',
  fields: (t) => {
    const [amountCny, amountCnyWithheld] = withheldFigure(t, 'amountCny', (s) => s.amountCny, (s) => s.withheld, 'Value the district’s chain leaders bought from it in the segment in the year.');
    return {
      firm: t.field({ type: FirmRef, resolve: (s, _args, ctx) => requireFirm(ctx, s.firmId) }),
      segment: t.field({ type: SegmentRef, resolve: (s, _args, ctx) => requireSegment(ctx, s.segmentCode) }),
      amountCny,
      amountCnyWithheld,
      leaders: t.field({ type: [FirmRef], resolve: (s, _args, ctx) => Promise.all(s.leaderIds.map((id) => requireFirm(ctx, id))) }),
      distanceKm: t.exposeFloat('distanceKm', { description: 'To the nearest of those leaders.' }),
      targets: t.field({
        type: [TargetRef],
        description: 'The district’s targets already pursuing this firm.',
        resolve: async (s, _args, ctx) => (await visibleTargets(ctx)).filter((x) => x.firmId === s.firmId),
      }),
    };
  },
});

builder.queryFields((t) => ({
  investmentProgress: t.field({
    type: InvestmentProgressRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { districtCode: t.arg.string({ required: true }), year: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const districtCode = parseInput(codeSchema, args.districtCode, 'districtCode');
      const year = parseInput(yearSchema, args.year, 'year');
      requireManages(ctx, districtCode, 'see the investment progress');
      return districtProgress(ctx.store, districtCode, year);
    },
  }),
  targetSuggestions: t.field({
    type: [TargetSuggestionRef],
    nullable: true,
    description: 'Firms outside the region supplying the district’s chain leaders in gap segments, largest value first.',
    authScopes: { signedIn: true },
    args: { districtCode: t.arg.string({ required: true }), year: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const districtCode = parseInput(codeSchema, args.districtCode, 'districtCode');
      const year = parseInput(yearSchema, args.year, 'year');
      requireManages(ctx, districtCode, 'see the target suggestions');
      const analysis = await analyzeGaps(ctx.store, { year, districtCode });
      const suggestions = suggestTargets(analysis.gaps);
      const withheld = suggestionsWithheld(ctx.viewer, suggestions, analysis.purchaseRows);
      const shaped = suggestions.map((s, i) => ({ ...s, withheld: withheld[i] ?? null }));
      return withheldLast(shaped, (s) => s.withheld !== null, (s) => `${s.firmId}\u0000${s.segmentCode}`);
    },
  }),
}));

builder.mutationFields((t) => ({
  setGoal: t.field({
    type: GoalRef,
    description: 'Sets (creates or replaces) a district’s investment-promotion goal for a year.',
    authScopes: { signedIn: true },
    args: {
      districtCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      projects: t.arg.int({ required: true }),
      agreementCny: t.arg.float({ required: true }),
      outputCny: t.arg.float(),
    },
    resolve: async (_root, args, ctx) => {
      const goal = parseInput(goalInputSchema, args, '');
      return runCommand(ctx, '', (command) => setGoal(command, goal));
    },
  }),
}));
