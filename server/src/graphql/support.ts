import { allSupports } from '../store/queries';
import { builder } from './builder';
import { requireFirm } from './lookups';
import { FirmRef, SupportKindEnum, SupportTieRef } from './refs';

SupportTieRef.implement({
  description: 'Mentoring (以老带新): an established firm guides a newer one with equipment, technology, orders or management.',
  fields: (t) => ({
    from: t.field({ type: FirmRef, resolve: (s, _args, ctx) => requireFirm(ctx, s.fromId) }),
    to: t.field({ type: FirmRef, resolve: (s, _args, ctx) => requireFirm(ctx, s.toId) }),
    kinds: t.field({ type: [SupportKindEnum], resolve: (s) => s.kinds }),
    since: t.exposeString('since', { nullable: true, description: 'ISO year or month the support began.' }),
    synthetic: t.boolean({ resolve: (s) => s.synthetic === true }),
    source: t.exposeString('source', { nullable: true }),
  }),
});

builder.objectFields(FirmRef, (t) => ({
  supports: t.field({
    type: [SupportTieRef],
    description: 'Firms this firm mentors.',
    resolve: async (f, _args, ctx) => (await ctx.loaders.supports.load(f.id)).filter((s) => s.fromId === f.id),
  }),
  supportedBy: t.field({
    type: [SupportTieRef],
    description: 'Firms that mentor this firm.',
    resolve: async (f, _args, ctx) => (await ctx.loaders.supports.load(f.id)).filter((s) => s.toId === f.id),
  }),
}));

builder.queryFields((t) => ({
  supportTies: t.field({ type: [SupportTieRef], resolve: (_root, _args, ctx) => ctx.store.read(allSupports()) }),
}));
