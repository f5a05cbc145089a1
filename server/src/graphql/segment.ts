import { codeSchema } from '@yulian/schema';
import { builder } from './builder';
import { parseInput } from './errors';
import { SegmentRef } from './refs';

SegmentRef.implement({
  description: 'A product category in the chain. Segments form a tree (parent/children) and feed each other upstream→downstream.',
  fields: (t) => ({
    code: t.exposeString('code'),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
    parent: t.field({
      type: SegmentRef,
      nullable: true,
      resolve: async (s, _args, ctx) => (s.parentCode ? ((await ctx.loaders.segments()).byCode.get(s.parentCode) ?? null) : null),
    }),
    children: t.field({
      type: [SegmentRef],
      resolve: async (s, _args, ctx) => (await ctx.loaders.segments()).all.filter((c) => c.parentCode === s.code),
    }),
    feeds: t.field({
      type: [SegmentRef],
      description: 'Segments downstream of this one.',
      resolve: async (s, _args, ctx) => {
        const { feeds, byCode } = await ctx.loaders.segments();
        return feeds.filter((f) => f.fromCode === s.code).flatMap((f) => byCode.get(f.toCode) ?? []);
      },
    }),
    fedBy: t.field({
      type: [SegmentRef],
      description: 'Segments upstream of this one.',
      resolve: async (s, _args, ctx) => {
        const { feeds, byCode } = await ctx.loaders.segments();
        return feeds.filter((f) => f.toCode === s.code).flatMap((f) => byCode.get(f.fromCode) ?? []);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  segments: t.field({
    type: [SegmentRef],
    resolve: async (_root, _args, ctx) => (await ctx.loaders.segments()).all,
  }),
  segment: t.field({
    type: SegmentRef,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) =>
      (await ctx.loaders.segments()).byCode.get(parseInput(codeSchema, args.code, 'code')) ?? null,
  }),
}));
