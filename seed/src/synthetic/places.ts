import type { DistrictSeed } from '../types';
import { articleDataset } from '../article';

/**
 * Where synthetic firms sit. The western region and its near neighbours come from the article;
 * three farther cities are added so that a share of the supply comes from well outside Chongqing,
 * as it does for real chain leaders. Those three are the only invented districts: their codes are
 * real GB/T 2260 prefecture codes and their coordinates the city seats.
 */
export const SYNTHETIC_DISTRICTS: readonly DistrictSeed[] = [
  { code: '510100', nameZh: '成都市', nameEn: 'Chengdu City', inRegion: false, level: 'city', province: '四川', lat: 30.66, lng: 104.07 },
  { code: '420100', nameZh: '武汉市', nameEn: 'Wuhan City', inRegion: false, level: 'city', province: '湖北', lat: 30.59, lng: 114.31 },
  { code: '430100', nameZh: '长沙市', nameEn: 'Changsha City', inRegion: false, level: 'city', province: '湖南', lat: 28.23, lng: 112.94 },
];

export const SYNTHETIC_DISTRICT_CODES: ReadonlySet<string> = new Set(SYNTHETIC_DISTRICTS.map((d) => d.code));

export const HECHUAN = '500117';

/**
 * Relative weights for where suppliers sit. Hechuan, Bishan and Yongchuan have the densest
 * auto-parts bases of the eight; Liangjiang is where the OEMs' own supplier parks are.
 */
const SUPPLIER_WEIGHT: Readonly<Record<string, number>> = {
  '500117': 2,
  '500120': 1.5,
  '500118': 1.5,
  '500116': 1.2,
  '500151': 1,
  '500111': 1,
  '500153': 0.8,
  '500152': 0.8,
  LJXQ: 3,
  '500106': 2,
  '511600': 2,
  '510100': 2,
  '420100': 1,
  '430100': 1,
};

/** Chain leaders: Hechuan builds its "leader + suppliers" ecosystem deliberately, so it has more. */
const LEADER_WEIGHT_HECHUAN = 3;

/** The OEMs' plants, in turn: Liangjiang first (Changan, Seres), then Shapingba, Yongchuan, Chengdu. */
export const OEM_DISTRICTS: readonly string[] = ['LJXQ', 'LJXQ', '500106', '500118', 'LJXQ', '510100', '500106', 'LJXQ'];

export interface Places {
  districts: DistrictSeed[];
  byCode: ReadonlyMap<string, DistrictSeed>;
  western: readonly DistrictSeed[];
  outside: readonly DistrictSeed[];
  westernSupplierWeights: readonly number[];
  outsideSupplierWeights: readonly number[];
  leaderWeights: readonly number[];
}

export function places(): Places {
  const districts = [...articleDataset.districts.map((d) => ({ ...d })), ...SYNTHETIC_DISTRICTS.map((d) => ({ ...d }))];
  const western = districts.filter((d) => d.inRegion);
  const outside = districts.filter((d) => !d.inRegion);
  return {
    districts,
    byCode: new Map(districts.map((d) => [d.code, d])),
    western,
    outside,
    westernSupplierWeights: western.map((d) => SUPPLIER_WEIGHT[d.code] ?? 1),
    outsideSupplierWeights: outside.map((d) => SUPPLIER_WEIGHT[d.code] ?? 1),
    leaderWeights: western.map((d) => (d.code === HECHUAN ? LEADER_WEIGHT_HECHUAN : 1)),
  };
}

/** "合川区" → "合川", "广安市" → "广安", "两江新区" → "两江": the short form used in firm names. */
export function shortPlaceZh(d: DistrictSeed): string {
  return d.nameZh.replace(/(新区|区|市)$/, '');
}

/** "Hechuan District" → "Hechuan". */
export function shortPlaceEn(d: DistrictSeed): string {
  return d.nameEn.replace(/ (District|City|New Area)$/, '');
}
