import type { BuyerFacts } from './ranking';
import type { Lang } from './types';

/** Why a candidate ranks where it does, in words a bureau officer uses, in Chinese or English. */

export interface ReasonFacts {
  buyer: BuyerFacts | null;
  distanceKm: number | null;
  spare: number | null;
  unit: string | null;
  demand: number | null;
  yieldRate: number | null;
  certifications: readonly string[];
  leaders: number;
  /** It already supplies the buyer another segment. */
  suppliesBuyer?: boolean;
}

const UNIT_ZH: Record<string, string> = { sets: '套', pieces: '件', tonnes: '吨', units: '台' };

function quantityZh(value: number, unit: string | null): string {
  const u = unit ? (UNIT_ZH[unit] ?? unit) : '';
  if (value >= 10_000) return `约${(Math.round(value / 1000) / 10).toLocaleString('zh-CN')}万${u}`;
  return `约${Math.round(value).toLocaleString('zh-CN')}${u}`;
}

function quantityEn(value: number, unit: string | null): string {
  return `about ${Math.round(value).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export function explainCandidate(f: ReasonFacts, lang: Lang): string[] {
  const km = f.distanceKm === null ? null : Math.round(f.distanceKm);
  const hasIatf = f.certifications.includes('IATF 16949');
  if (lang === 'en') {
    const reasons = f.buyer && km !== null ? [`About ${km} km from ${f.buyer.nameEn}.`] : [];
    if (f.buyer && f.suppliesBuyer) reasons.push(`Already supplies ${f.buyer.nameEn} in another segment: the two work together already.`);
    if (f.spare === null) reasons.push('Spare capacity not reported.');
    else if (f.spare === 0) reasons.push('No spare capacity: its line is fully used, so it is listed after firms that have some.');
    else if (f.demand && f.demand > 0) {
      reasons.push(
        f.spare >= f.demand
          ? `Spare capacity ${quantityEn(f.spare, f.unit)} a year covers the whole demand.`
          : `Spare capacity ${quantityEn(f.spare, f.unit)} a year covers ${percent(f.spare / f.demand)} of the demand.`,
      );
    } else reasons.push(`Spare capacity ${quantityEn(f.spare, f.unit)} a year.`);
    reasons.push(f.yieldRate == null ? 'Yield rate not reported.' : `Yield rate ${percent(f.yieldRate)}.`);
    reasons.push(hasIatf ? 'Holds IATF 16949.' : 'No IATF 16949 certificate on record.');
    if (f.leaders > 0) reasons.push(`Already supplies ${f.leaders} chain leader${f.leaders === 1 ? '' : 's'}.`);
    return reasons;
  }
  const reasons = f.buyer && km !== null ? [`距${f.buyer.nameZh}约${km}公里。`] : [];
  if (f.buyer && f.suppliesBuyer) reasons.push(`已向${f.buyer.nameZh}供应其他环节产品，双方已有合作。`);
  if (f.spare === null) reasons.push('未填报闲置产能。');
  else if (f.spare === 0) reasons.push('产线已满负荷、暂无闲置产能，排在有闲置产能的企业之后。');
  else if (f.demand && f.demand > 0) {
    reasons.push(
      f.spare >= f.demand
        ? `每年闲置产能${quantityZh(f.spare, f.unit)}，可满足全部需求。`
        : `每年闲置产能${quantityZh(f.spare, f.unit)}，可满足需求的${percent(f.spare / f.demand)}。`,
    );
  } else reasons.push(`每年闲置产能${quantityZh(f.spare, f.unit)}。`);
  reasons.push(f.yieldRate == null ? '未填报良品率。' : `良品率${percent(f.yieldRate)}。`);
  reasons.push(hasIatf ? '持有IATF 16949认证。' : '暂无IATF 16949认证记录。');
  if (f.leaders > 0) reasons.push(`已为${f.leaders}家链主企业配套。`);
  return reasons;
}
