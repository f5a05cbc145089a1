/** The UI languages. Chinese is the default; English is a toggle. */
export type Lang = 'zh' | 'en';

export const DEFAULT_LANG: Lang = 'zh';
export const LANG_STORAGE_KEY = 'yulian.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The BCP 47 tag for `<html lang>`, so that browsers pick CJK glyphs and hyphenation correctly. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The stored choice, or the default. Storage may be missing or throw (private mode, sandboxed frames). */
export function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}
