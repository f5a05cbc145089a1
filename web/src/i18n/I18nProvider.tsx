import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { formatKm, formatMoneyOrDash, formatNumber, formatPercent } from './format';
import { htmlLang, readStoredLang, storeLang } from './lang';
import type { Lang } from './lang';
import { translate } from './messages';
import type { MessageKey, MessageParams } from './messages';
import type { WithheldReason } from '../api/withheld';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: MessageParams): string;
  /** Money in the UI language; a dash when unknown. */
  money(amountCny: number | null | undefined): string;
  /** Picks the Chinese or English variant of a bilingual field. */
  pick(zh: string, en: string): string;
  percent(share: number | null | undefined): string;
  num(value: number | null | undefined): string;
  km(value: number | null | undefined): string;
  /** A formatted figure, or why the server withheld it (the small-cell rule, README Security). */
  orWithheld(text: string, reason: WithheldReason | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLang(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      money: (amountCny) => formatMoneyOrDash(amountCny, lang),
      pick: (zh, en) => (lang === 'zh' ? zh : en),
      percent: (share) => formatPercent(share, lang),
      num: (value) => formatNumber(value, lang),
      km: (value) => formatKm(value, lang),
      orWithheld: (text, reason) => (reason ? translate(lang, `withheld.${reason}`) : text),
    }),
    [lang, setLang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
