import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { firmText, type FirmTextKey, type FirmTextParams } from './text';

/** The firm panel's editing texts in the app's current language. */
export function useFirmText() {
  const { lang } = useI18n();
  const ft = useCallback((key: FirmTextKey, params?: FirmTextParams) => firmText(lang, key, params), [lang]);
  return { ft, lang };
}
