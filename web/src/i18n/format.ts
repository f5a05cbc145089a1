import type { Lang } from './lang';

/**
 * Money formatting. Pure: no React, no DOM, so it is unit-tested directly.
 *
 * Chinese follows the usage of bureaus and the press: amounts from 1万 are given in 万元, amounts
 * from 1亿 in 亿元, with up to two decimals ("300万元", "1.8亿元", "110亿元"). English gives the whole
 * amount with thousands separators ("CNY 3,000,000").
 */

const WAN = 1e4;
const YI = 1e8;

const zhPlain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });
const zhGrouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const enWhole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function formatMoney(amountCny: number, lang: Lang): string {
  if (!Number.isFinite(amountCny)) return '—';
  const sign = amountCny < 0 ? '-' : '';
  const abs = Math.abs(amountCny);
  const whole = Math.round(abs);

  if (lang === 'en') return `CNY ${whole === 0 ? '' : sign}${enWhole.format(whole)}`;

  if (whole < WAN) return `${whole === 0 ? '' : sign}${zhPlain.format(whole)}元`;
  // Round in the unit that will be shown, so that 99,999,999 reads 1亿元 rather than 10000万元.
  const wan = round2(abs / WAN);
  if (wan < WAN) return `${sign}${zhPlain.format(wan)}万元`;
  return `${sign}${zhGrouped.format(round2(abs / YI))}亿元`;
}

/** Money or a dash when the amount is unknown. */
export function formatMoneyOrDash(amountCny: number | null | undefined, lang: Lang): string {
  return amountCny == null ? '—' : formatMoney(amountCny, lang);
}

/** A share 0–1 as a percentage: "90%", "28.6%". */
export function formatPercent(share: number | null | undefined, lang: Lang): string {
  if (share == null || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A plain count or quantity with the language's grouping: "120,000" (both languages group by three). */
export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 }).format(value);
}

/** A distance: "42.5公里" / "42.5 km". */
export function formatKm(km: number | null | undefined, lang: Lang): string {
  if (km == null || !Number.isFinite(km)) return '—';
  const n = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 }).format(km);
  return lang === 'zh' ? `${n}公里` : `${n} km`;
}
