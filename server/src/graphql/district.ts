import { codeSchema } from '@yulian/schema';
import { goalsOfDistricts, listDistricts } from '../store/queries';
import { builder } from './builder';
import { parseInput } from './errors';
import { DistrictRef, GoalRef } from './refs';

DistrictRef.implement({
  description: 'A district or other place firms are located in. The eight western districts are "in the region".',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'GB/T 2260 administrative code, or a short code for functional zones.' }),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
    inRegion: t.exposeBoolean('inRegion', { description: 'One of the eight western districts (渝西八区).' }),
    level: t.exposeString('level', { description: 'district, city or zone.' }),
    province: t.exposeString('province'),
    lat: t.exposeFloat('lat', { description: 'Latitude of the district seat (WGS84).' }),
    lng: t.exposeFloat('lng', { description: 'Longitude of the district seat (WGS84).' }),
    goals: t.field({
      type: [GoalRef],
      description: 'Investment-promotion goals the district set itself, by year.',
      resolve: (d, _args, ctx) => ctx.store.read(goalsOfDistricts([d.code])),
    }),
  }),
});

GoalRef.implement({
  description: "A district's yearly investment-promotion goal.",
  fields: (t) => ({
    id: t.exposeID('id'),
    year: t.exposeInt('year'),
    projects: t.exposeInt('projects', { description: 'Projects to attract.' }),
    agreementCny: t.exposeFloat('agreementCny', { description: 'Agreement amount to sign, CNY.' }),
    outputCny: t.exposeFloat('outputCny', { nullable: true, description: 'Output the chain should reach, CNY.' }),
    source: t.exposeString('source', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  districts: t.field({
    type: [DistrictRef],
    args: { inRegion: t.arg.boolean({ description: 'Only districts inside (true) or outside (false) the region.' }) },
    resolve: async (_root, args, ctx) => {
      const all = await ctx.store.read(listDistricts());
      return args.inRegion == null ? all : all.filter((d) => d.inRegion === args.inRegion);
    },
  }),
  district: t.field({
    type: DistrictRef,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.district.load(parseInput(codeSchema, args.code, 'code')),
  }),
}));
