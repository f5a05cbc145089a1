import type { I18n } from '../i18n/I18nProvider';

interface Named {
  nameZh: string;
  nameEn: string;
  shortNameZh?: string | null;
  shortNameEn?: string | null;
}

/** A firm's short name in the UI language, else its full name. */
export function shortName(firm: Named, pick: I18n['pick']): string {
  return pick(firm.shortNameZh ?? firm.nameZh, firm.shortNameEn ?? firm.nameEn);
}
