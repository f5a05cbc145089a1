import { capabilityInputSchema, firmInputSchema, needInputSchema, needKeySchema } from '@yulian/schema';
import { capabilityFields, needFields, removeNeed, setCapability, setNeed } from '../commands/firm-segments';
import { firmFields, upsertFirm } from '../commands/firms';
import { builder } from './builder';
import { notFound, parseInput } from './errors';
import { CapabilityInput, FirmInput } from './firm';
import { FirmRef } from './refs';
import { runCommand } from './run-command';
import type { GraphContext } from './context';

const NeedInput = builder.inputType('NeedInput', {
  fields: (t) => ({
    firmId: t.id({ required: true }),
    segmentCode: t.string({ required: true }),
    annualDemand: t.float(),
    unit: t.string(),
  }),
});

/** The firm as it is after a command changed it (the request's loaders forget what they read before). */
async function firmAfter(ctx: GraphContext, id: string) {
  ctx.loaders.firm.clear(id);
  ctx.loaders.districtOfFirm.clear(id);
  ctx.loaders.capabilities.clear(id);
  ctx.loaders.needs.clear(id);
  const firm = await ctx.loaders.firm.load(id);
  if (!firm) throw notFound('firm', id);
  return firm;
}

builder.mutationFields((t) => ({
  upsertFirm: t.field({
    type: FirmRef,
    description: "Creates a firm or updates it by id. Fields left out are cleared, as in a form's save.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FirmInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(firmInputSchema, args.input, 'input');
      await runCommand(ctx, 'input', (command) => upsertFirm(command, { fields: firmFields(input) }));
      return firmAfter(ctx, input.id);
    },
  }),
  setCapability: t.field({
    type: FirmRef,
    description: 'Sets what a firm makes, its capacity, utilisation and yield for one segment.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CapabilityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(capabilityInputSchema, { ...args.input, firmId: String(args.input.firmId) }, 'input');
      await runCommand(ctx, 'input', (command) => setCapability(command, capabilityFields(input)));
      return firmAfter(ctx, input.firmId);
    },
  }),
  setNeed: t.field({
    type: FirmRef,
    description: 'Sets a segment a firm buys and how much of it a year.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: NeedInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(needInputSchema, { ...args.input, firmId: String(args.input.firmId) }, 'input');
      await runCommand(ctx, 'input', (command) => setNeed(command, needFields(input)));
      return firmAfter(ctx, input.firmId);
    },
  }),
  removeNeed: t.field({
    type: FirmRef,
    description: 'Removes a segment from what a firm buys (the firm no longer needs it). For whoever may edit the firm.',
    authScopes: { signedIn: true },
    args: { firmId: t.arg.id({ required: true }), segmentCode: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const key = parseInput(needKeySchema, { firmId: String(args.firmId), segmentCode: args.segmentCode }, '');
      await runCommand(ctx, '', (command) => removeNeed(command, key));
      return firmAfter(ctx, key.firmId);
    },
  }),
}));
