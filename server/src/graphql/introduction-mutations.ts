import { introductionMoveSchema, introductionPlanSchema, introductionProposalSchema } from '@yulian/schema';
import { markInboxRead, moveIntroduction, proposeIntroduction, setIntroductionPlan } from '../commands/introductions';
import { introductionsWithDetails, type IntroductionView } from '../introductions/service';
import { builder } from './builder';
import type { GraphContext } from './context';
import { badInput, notFound, parseInput } from './errors';
import { forgetVisibleIntroductions } from './introduction-access';
import { DeclineReasonEnum, IntroductionOriginEnum, IntroductionRef, IntroductionStageEnum, PlanStepKindEnum } from './introduction-refs';
import { runCommand } from './run-command';

const optionalId = (v: string | number | null | undefined) => (v == null ? v : String(v));

const IntroductionInput = builder.inputType('IntroductionInput', {
  description: 'A would-be supplier to introduce to a buyer for a segment. A bureau proposes from a gap’s candidates; a firm requests one from its supplier search.',
  fields: (t) => ({
    buyerId: t.id({ required: true }),
    supplierId: t.id({ required: true }),
    segmentCode: t.string({ required: true }),
    origin: t.field({ type: IntroductionOriginEnum, required: true }),
    year: t.int({ description: 'The year of the gap or need answered; this year when left out.' }),
    note: t.string(),
  }),
});

const PlanStepInput = builder.inputType('PlanStepInput', {
  fields: (t) => ({
    kind: t.field({ type: PlanStepKindEnum, required: true }),
    description: t.string(),
    amountCny: t.float(),
    dueOn: t.string({ description: 'A day, 2023-09-30.' }),
    doneOn: t.string(),
    mentorId: t.id({ description: 'The firm (often a chain leader) that mentors the supplier in this step.' }),
  }),
});

const IntroductionPlanInput = builder.inputType('IntroductionPlanInput', {
  description: 'An introduction’s whole plan, as a form saves it: fields left out are cleared, and the steps replace the old ones.',
  fields: (t) => ({
    id: t.id({ required: true }),
    goalYieldRate: t.float({ description: '0–1.' }),
    goalCertifications: t.stringList(),
    goalAnnualVolume: t.float(),
    goalUnit: t.string(),
    goalBy: t.string({ description: 'The day supply must start by, 2024-01-31.' }),
    steps: t.field({ type: [PlanStepInput], required: true }),
    note: t.string({ description: 'Kept in the history with the change.' }),
  }),
});

async function reload(ctx: GraphContext, id: string): Promise<IntroductionView> {
  forgetVisibleIntroductions(ctx);
  const [view] = await introductionsWithDetails(ctx.store, { ids: [id] });
  if (!view) throw notFound('introduction', id);
  return view;
}

builder.mutationFields((t) => ({
  proposeIntroduction: t.field({
    type: IntroductionRef,
    description: 'Proposes an introduction (at PROPOSED). Its goal starts as the buyer’s need’s requirements.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: IntroductionInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        introductionProposalSchema,
        { ...args.input, buyerId: String(args.input.buyerId), supplierId: String(args.input.supplierId) },
        'input',
      );
      const id = await runCommand(ctx, 'input', (command) =>
        proposeIntroduction(command, { ...input, year: input.year ?? null, note: input.note || null }),
      );
      return reload(ctx, id);
    },
  }),
  moveIntroduction: t.field({
    type: IntroductionRef,
    description: 'Moves an introduction one stage on, or to DECLINED with a reason (and a note for OTHER). An order moves it to SUPPLYING by itself.',
    authScopes: { signedIn: true },
    args: {
      id: t.arg.id({ required: true }),
      stage: t.arg({ type: IntroductionStageEnum, required: true }),
      reason: t.arg({ type: DeclineReasonEnum }),
      note: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const move = parseInput(introductionMoveSchema, { ...args, id: String(args.id) }, '');
      await runCommand(ctx, '', (command) => moveIntroduction(command, move.id, { stage: move.stage, reason: move.reason ?? null, note: move.note || null }));
      return reload(ctx, move.id);
    },
  }),
  setIntroductionPlan: t.field({
    type: IntroductionRef,
    description: 'Saves what the supplier must reach and the steps it takes (investment, equipment, mentoring by a chain leader).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: IntroductionPlanInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        introductionPlanSchema,
        { ...args.input, id: String(args.input.id), steps: args.input.steps.map((s) => ({ ...s, mentorId: optionalId(s.mentorId) })) },
        'input',
      );
      const plan = {
        goalYieldRate: input.goalYieldRate ?? null,
        goalCertifications: [...new Set(input.goalCertifications ?? [])],
        goalAnnualVolume: input.goalAnnualVolume ?? null,
        goalUnit: input.goalUnit || null,
        goalBy: input.goalBy ?? null,
        steps: input.steps.map((s) => ({
          kind: s.kind, description: s.description || null, amountCny: s.amountCny ?? null, dueOn: s.dueOn ?? null, doneOn: s.doneOn ?? null, mentorId: s.mentorId ?? null,
        })),
      };
      await runCommand(ctx, 'input', (command) => setIntroductionPlan(command, input.id, plan, input.note || null));
      return reload(ctx, input.id);
    },
  }),
  markInboxRead: t.field({
    type: 'Boolean',
    description: 'Marks the inbox read up to `upTo` (the time of the newest entry seen): entries after it stay unread.',
    authScopes: { signedIn: true },
    args: { upTo: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (Number.isNaN(Date.parse(args.upTo))) throw badInput('upTo', 'must be an ISO timestamp such as 2025-05-13T08:00:00.000Z');
      const upTo = new Date(args.upTo).toISOString();
      await runCommand(ctx, '', (command) => markInboxRead(command, upTo));
      return true;
    },
  }),
}));
