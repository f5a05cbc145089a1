import { codeSchema, idSchema, yearSchema } from '@yulian/schema';
import { readsIntroductionResults, seesIntroductionValue, type WithheldReason } from '../auth/policy';
import { localSupportRateWithPurchases } from '../analysis/supply-service';
import { introductionResults, type IntroductionResults } from '../introductions/results';
import { introductionsWithDetails } from '../introductions/service';
import { supplyLinksOfSuppliers } from '../store/queries/introductions';
import { builder } from './builder';
import { forbidden, parseInput } from './errors';
import { DeclineReasonEnum, IntroductionStageEnum } from './introduction-refs';
import { rateWithheld, scopeLevel, WithheldReasonEnum } from './withheld';

interface RateAt {
  year: number;
  rate: number | null;
  withheld: WithheldReason | null;
}

type ResultsParent = IntroductionResults & { year: number; valueShown: boolean; rateFrom: RateAt | null; rateTo: RateAt | null };

const StageCountRef = builder.objectRef<IntroductionResults['byStage'][number]>('IntroductionStageCount').implement({
  fields: (t) => ({ stage: t.field({ type: IntroductionStageEnum, resolve: (s) => s.stage }), count: t.exposeInt('count') }),
});
const StageDaysRef = builder.objectRef<IntroductionResults['stageDays'][number]>('IntroductionStageDays').implement({
  description: 'The median days introductions spent in a stage before moving on, over those that left it.',
  fields: (t) => ({
    stage: t.field({ type: IntroductionStageEnum, resolve: (s) => s.stage }),
    medianDays: t.exposeFloat('medianDays', { nullable: true }),
    introductions: t.exposeInt('introductions', { description: 'How many left the stage: what the median is over.' }),
  }),
});
const DeclineCountRef = builder.objectRef<IntroductionResults['declineReasons'][number]>('DeclineReasonCount').implement({
  fields: (t) => ({ reason: t.field({ type: DeclineReasonEnum, resolve: (d) => d.reason }), count: t.exposeInt('count') }),
});
const RateAtRef = builder.objectRef<RateAt>('RateAtYear').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    rate: t.exposeFloat('rate', { nullable: true, description: '本地配套率; null when nothing was bought, or withheld (rateWithheld says why).' }),
    rateWithheld: t.field({ type: WithheldReasonEnum, nullable: true, resolve: (r) => r.withheld }),
  }),
});

const ResultsRef = builder.objectRef<ResultsParent>('IntroductionResults').implement({
  description: 'What introductions achieved in a scope (README, Introductions): counts for analysts, the value won for bureaus and admins.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    total: t.exposeInt('total'),
    open: t.exposeInt('open'),
    supplying: t.exposeInt('supplying'),
    declined: t.exposeInt('declined'),
    conversionRate: t.exposeFloat('conversionRate', { nullable: true, description: 'supplying ÷ total.' }),
    byStage: t.field({ type: [StageCountRef], resolve: (r) => r.byStage }),
    stageDays: t.field({ type: [StageDaysRef], resolve: (r) => r.stageDays }),
    declineReasons: t.field({ type: [DeclineCountRef], resolve: (r) => r.declineReasons }),
    valueWonCny: t.float({
      nullable: true,
      description: 'Supply in the year, by live orders, from the suppliers of introductions that reached SUPPLYING by then, to their buyers in the segment. Null for investment teams, who see counts, not amounts.',
      resolve: (r) => (r.valueShown ? r.valueWonCny : null),
    }),
    rateSince: t.field({
      type: RateAtRef,
      nullable: true,
      description: 'The local supporting rate of the scope’s chain leaders in the year of its first introduction; null without introductions.',
      resolve: (r) => r.rateFrom,
    }),
    rateNow: t.field({ type: RateAtRef, nullable: true, description: 'The same rate in the year asked for.', resolve: (r) => r.rateTo }),
  }),
});

builder.queryFields((t) => ({
  introductionResults: t.field({
    type: ResultsRef,
    description: 'Introductions by stage, conversion, days per stage, value won and decline reasons, for a district (either firm in it), a chain leader (the buyer) and a segment.',
    authScopes: { signedIn: true },
    args: {
      year: t.arg.int({ required: true }),
      districtCode: t.arg.string(),
      leaderId: t.arg.id(),
      segmentCode: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      if (!readsIntroductionResults(ctx.viewer)) throw forbidden('see the results of introductions: for bureaus, investment teams and admins');
      const year = parseInput(yearSchema, args.year, 'year');
      const districtCode = args.districtCode == null ? null : parseInput(codeSchema, args.districtCode, 'districtCode');
      const leaderId = args.leaderId == null ? null : parseInput(idSchema, String(args.leaderId), 'leaderId');
      const segmentCode = args.segmentCode == null ? null : parseInput(codeSchema, args.segmentCode, 'segmentCode');
      const views = await introductionsWithDetails(ctx.store, {
        districtCodes: districtCode ? [districtCode] : null,
        buyerId: leaderId,
        segmentCodes: segmentCode ? [segmentCode] : null,
      });
      const links = views.length > 0 ? await ctx.store.read(supplyLinksOfSuppliers(views.map((v) => v.row.supplierId))) : [];
      const results = introductionResults(views, links, year);
      const rateAt = async (y: number): Promise<RateAt> => {
        const scope = { year: y, leaderId, districtCode, segmentCode };
        const { rate, purchases } = await localSupportRateWithPurchases(ctx.store, scope);
        const withheld = rateWithheld(ctx.viewer, purchases, { level: scopeLevel(scope), segmentFiltered: segmentCode !== null }).rate;
        return { year: y, rate: withheld ? null : rate.rate, withheld };
      };
      const first = results.firstYear;
      return {
        ...results,
        year,
        valueShown: seesIntroductionValue(ctx.viewer),
        rateFrom: first === null ? null : await rateAt(first),
        rateTo: first === null ? null : await rateAt(year),
      };
    },
  }),
}));
