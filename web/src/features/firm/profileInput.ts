import type { FirmProfile } from '../../api/firm';
import type { Lang } from '../../i18n/lang';
import type { FirmInputVars } from './operations';
import { cnyFromInput, inputFromCny, percentOf, shareOf, textOrNull } from './units';

/** The profile form's fields; money in the typed unit, yield in percent. */
export interface ProfileValues {
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  creditCode: string;
  districtCode: string;
  /** Role designations: only bureaus and admins are offered them (see ProfileEditor), so they may be absent. */
  isChainLeader?: boolean;
  isOem?: boolean;
  isRecycler?: boolean;
  output: number | null;
  outputYear: number | null;
  yieldPct: number | null;
  certifications: string[];
  lat: number | null;
  lng: number | null;
  notes: string;
}

export type ProfileField = keyof ProfileValues;

/** FirmInput's names → the form's, so a refusal is shown on its field. */
export const PROFILE_FIELD_OF_INPUT: Readonly<Partial<Record<string, ProfileField>>> = {
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  shortNameZh: 'shortNameZh',
  shortNameEn: 'shortNameEn',
  creditCode: 'creditCode',
  districtCode: 'districtCode',
  isChainLeader: 'isChainLeader',
  isOem: 'isOem',
  isRecycler: 'isRecycler',
  outputCny: 'output',
  outputYear: 'outputYear',
  yieldRate: 'yieldPct',
  certifications: 'certifications',
  lat: 'lat',
  lng: 'lng',
  notes: 'notes',
};

export function profileValues(firm: FirmProfile, lang: Lang): ProfileValues {
  return {
    nameZh: firm.nameZh,
    nameEn: firm.nameEn,
    shortNameZh: firm.shortNameZh ?? '',
    shortNameEn: firm.shortNameEn ?? '',
    creditCode: firm.creditCode ?? '',
    districtCode: firm.district.code,
    isChainLeader: firm.isChainLeader,
    isOem: firm.isOem,
    isRecycler: firm.isRecycler,
    output: inputFromCny(firm.outputCny, lang),
    outputYear: firm.outputYear,
    yieldPct: percentOf(firm.yieldRate),
    certifications: [...firm.certifications],
    lat: firm.lat,
    lng: firm.lng,
    notes: firm.notes ?? '',
  };
}

/**
 * The whole FirmInput for a save. upsertFirm clears what it is not given, so every field the
 * form does not offer is sent as the firm has it now.
 */
export function firmInput(firm: FirmProfile, values: ProfileValues, lang: Lang): FirmInputVars {
  return {
    id: firm.id,
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    shortNameZh: textOrNull(values.shortNameZh),
    shortNameEn: textOrNull(values.shortNameEn),
    districtCode: values.districtCode || firm.district.code,
    creditCode: textOrNull(values.creditCode),
    isChainLeader: values.isChainLeader ?? firm.isChainLeader,
    isOem: values.isOem ?? firm.isOem,
    isRecycler: values.isRecycler ?? firm.isRecycler,
    outputCny: cnyFromInput(values.output, lang),
    outputYear: values.outputYear ?? null,
    yieldRate: shareOf(values.yieldPct),
    certifications: values.certifications.map((c) => c.trim()).filter((c) => c !== ''),
    lat: values.lat ?? null,
    lng: values.lng ?? null,
    notes: textOrNull(values.notes),
  };
}
