import type { Lang } from '../analysis/types';

/** English when the client's first preference is English; Chinese, the product's language, otherwise. */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
