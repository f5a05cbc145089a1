import type { Lang } from '../../i18n/lang';

/**
 * What the firm forms type versus what the API stores. Pure, so it is unit-tested directly.
 *
 * Shares are typed as people say them (80, not 0.8). Money is typed in 万元 in Chinese, as firms
 * and bureaus quote amounts, and in whole CNY in English; the API always takes CNY.
 */

/** A stored share 0–1 as a percentage with one decimal, as the panel shows it. */
export function percentOf(share: number | null | undefined): number | null {
  return share == null ? null : Math.round(share * 1000) / 10;
}

/** A typed percentage as a share, rounded so that 33.3 gives 0.333 and not 0.33299999999999996. */
export function shareOf(percent: number | null | undefined): number | null {
  return percent == null ? null : Math.round(percent * 100) / 10_000;
}

const MONEY_INPUT_SCALE: Record<Lang, number> = { zh: 10_000, en: 1 };

/** A typed amount (万元 or CNY by language) in whole CNY. Negative amounts pass through: the server says why they are refused. */
export function cnyFromInput(value: number | null | undefined, lang: Lang): number | null {
  return value == null ? null : Math.round(value * MONEY_INPUT_SCALE[lang]);
}

/** An amount in CNY as the form shows it for editing (万元 or CNY by language). */
export function inputFromCny(cny: number | null | undefined, lang: Lang): number | null {
  return cny == null ? null : cny / MONEY_INPUT_SCALE[lang];
}

/** Trimmed text, or null when nothing is left: the API clears a field given null. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
