import { capabilityInputSchema, firmInputSchema, needInputSchema, needKeySchema } from '@yulian/schema';
import { recordAudit } from '../audit/record';
import { classifiesFirm, editsFirm } from '../auth/policy';
import type { Transaction } from '../store/port';
import { capabilitiesOfFirms, districtsOfFirms, firmsByIds, needsOfFirms, removeNeed, setCapability, setNeed, upsertFirm } from '../store/queries';
import { builder } from './builder';
import type { GraphContext } from './context';
import { badInput, forbidden, notFound, parseInput } from './errors';
import { CapabilityInput, FirmInput } from './firm';
import { FirmRef } from './refs';

/** A firm as the audit log records it: its row and its district. */
async function firmSnapshot(tx: Transaction, id: string) {
  // One statement at a time: a transaction lives on one connection.
  const [firm] = await tx.run(firmsByIds([id]));
  const [district] = await tx.run(districtsOfFirms([id]));
  return firm ? { ...firm, districtCode: district?.code ?? null } : null;
}

/** The firm must exist and the viewer must be allowed to edit it (a bureau: in its district). */
async function requireEditableFirm(ctx: GraphContext, firmId: string, field: string) {
  const [firm, district] = await Promise.all([ctx.loaders.firm.load(firmId), ctx.loaders.districtOfFirm.load(firmId)]);
  if (!firm || !district) throw badInput(field, `unknown firm ${JSON.stringify(firmId)}`);
  if (!editsFirm(ctx.viewer, { id: firm.id, districtCode: district.code })) throw forbidden(`edit firm ${firm.id}`);
  return firm;
}

const NeedInput = builder.inputType('NeedInput', {
  fields: (t) => ({
    firmId: t.id({ required: true }),
    segmentCode: t.string({ required: true }),
    annualDemand: t.float(),
    unit: t.string(),
  }),
});

builder.mutationFields((t) => ({
  upsertFirm: t.field({
    type: FirmRef,
    description: "Creates a firm or updates it by id. Fields left out are cleared, as in a form's save.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FirmInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(firmInputSchema, args.input, 'input');
      if (!(await ctx.loaders.district.load(input.districtCode))) {
        throw badInput('input.districtCode', `unknown district ${JSON.stringify(input.districtCode)}`);
      }
      const [existing, currentDistrict] = await Promise.all([
        ctx.loaders.firm.load(input.id),
        ctx.loaders.districtOfFirm.load(input.id),
      ]);
      // Both where the firm is and where it goes must be the viewer's to edit.
      const allowed =
        editsFirm(ctx.viewer, { id: input.id, districtCode: input.districtCode }) &&
        (!currentDistrict || editsFirm(ctx.viewer, { id: input.id, districtCode: currentDistrict.code }));
      if (!allowed) throw forbidden(existing ? `edit firm ${input.id}` : `create a firm in district ${input.districtCode}`);
      if (existing && currentDistrict && !classifiesFirm(ctx.viewer, { id: input.id, districtCode: currentDistrict.code })) {
        const changed = [
          input.isChainLeader !== existing.isChainLeader ? 'isChainLeader' : null,
          input.isOem !== existing.isOem ? 'isOem' : null,
          input.isRecycler !== existing.isRecycler ? 'isRecycler' : null,
          input.districtCode !== currentDistrict.code ? 'districtCode' : null,
        ].filter((field) => field !== null);
        if (changed.length > 0) throw forbidden(`change input.${changed.join(', input.')} of firm ${input.id}: the district bureau sets a firm's roles and district`);
      }
      await ctx.store.write(async (tx) => {
        const before = await firmSnapshot(tx, input.id);
        await tx.run(
          upsertFirm({
            id: input.id,
            nameZh: input.nameZh,
            nameEn: input.nameEn,
            shortNameZh: input.shortNameZh ?? null,
            shortNameEn: input.shortNameEn ?? null,
            districtCode: input.districtCode,
            creditCode: input.creditCode ?? null,
            isChainLeader: input.isChainLeader,
            isOem: input.isOem,
            isRecycler: input.isRecycler,
            outputCny: input.outputCny ?? null,
            outputYear: input.outputYear ?? null,
            yieldRate: input.yieldRate ?? null,
            certifications: input.certifications,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            notes: input.notes ?? null,
            synthetic: existing?.synthetic ?? false,
            source: existing?.source ?? null,
            updatedAt: new Date().toISOString(),
          }),
        );
        const after = await firmSnapshot(tx, input.id);
        await recordAudit(tx, ctx.viewer, { action: 'upsertFirm', entityType: 'Firm', entityId: input.id, before, after });
      });
      ctx.loaders.firm.clear(input.id);
      ctx.loaders.districtOfFirm.clear(input.id);
      const firm = await ctx.loaders.firm.load(input.id);
      if (!firm) throw notFound('firm', input.id);
      return firm;
    },
  }),
  setCapability: t.field({
    type: FirmRef,
    description: 'Sets what a firm makes, its capacity, utilisation and yield for one segment.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CapabilityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(capabilityInputSchema, { ...args.input, firmId: String(args.input.firmId) }, 'input');
      const firm = await requireEditableFirm(ctx, input.firmId, 'input.firmId');
      if (!(await ctx.loaders.segments()).byCode.has(input.segmentCode)) {
        throw badInput('input.segmentCode', `unknown segment ${JSON.stringify(input.segmentCode)}`);
      }
      await ctx.store.write(async (tx) => {
        const find = async () =>
          (await tx.run(capabilitiesOfFirms([input.firmId]))).find((c) => c.segmentCode === input.segmentCode) ?? null;
        const before = await find();
        await tx.run(
          setCapability({
            firmId: input.firmId,
            segmentCode: input.segmentCode,
            capacity: input.capacity ?? null,
            unit: input.unit ?? null,
            utilisation: input.utilisation ?? null,
            yieldRate: input.yieldRate ?? null,
            source: null,
          }),
        );
        await recordAudit(tx, ctx.viewer, {
          action: 'setCapability',
          entityType: 'Capability',
          entityId: input.firmId,
          before,
          after: await find(),
        });
      });
      ctx.loaders.capabilities.clear(input.firmId);
      return firm;
    },
  }),
  setNeed: t.field({
    type: FirmRef,
    description: 'Sets a segment a firm buys and how much of it a year.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: NeedInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(needInputSchema, { ...args.input, firmId: String(args.input.firmId) }, 'input');
      const firm = await requireEditableFirm(ctx, input.firmId, 'input.firmId');
      if (!(await ctx.loaders.segments()).byCode.has(input.segmentCode)) {
        throw badInput('input.segmentCode', `unknown segment ${JSON.stringify(input.segmentCode)}`);
      }
      await ctx.store.write(async (tx) => {
        const find = async () =>
          (await tx.run(needsOfFirms([input.firmId]))).find((n) => n.segmentCode === input.segmentCode) ?? null;
        const before = await find();
        await tx.run(
          setNeed({
            firmId: input.firmId,
            segmentCode: input.segmentCode,
            annualDemand: input.annualDemand ?? null,
            unit: input.unit ?? null,
            source: null,
          }),
        );
        await recordAudit(tx, ctx.viewer, { action: 'setNeed', entityType: 'Need', entityId: input.firmId, before, after: await find() });
      });
      ctx.loaders.needs.clear(input.firmId);
      return firm;
    },
  }),
  removeNeed: t.field({
    type: FirmRef,
    description: 'Removes a segment from what a firm buys (the firm no longer needs it). For whoever may edit the firm.',
    authScopes: { signedIn: true },
    args: { firmId: t.arg.id({ required: true }), segmentCode: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const key = parseInput(needKeySchema, { firmId: String(args.firmId), segmentCode: args.segmentCode }, '');
      const firm = await requireEditableFirm(ctx, key.firmId, 'firmId');
      const removed = await ctx.store.write(async (tx) => {
        const before = (await tx.run(needsOfFirms([key.firmId]))).find((n) => n.segmentCode === key.segmentCode) ?? null;
        if (!before) return false;
        await tx.run(removeNeed(key.firmId, key.segmentCode));
        await recordAudit(tx, ctx.viewer, { action: 'removeNeed', entityType: 'Need', entityId: key.firmId, before, after: null });
        return true;
      });
      // Nothing to remove is told apart from success, as deleteOrder does for an unknown order.
      if (!removed) throw notFound('need', `${key.firmId}/${key.segmentCode}`);
      ctx.loaders.needs.clear(key.firmId);
      return firm;
    },
  }),
}));
