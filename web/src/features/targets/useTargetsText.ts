import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { targetsText, type TextKey, type TextParams } from './text';
import type { TargetStage } from './operations';

/** The targets pages' texts in the app's current language. */
export function useTargetsText() {
  const { lang, money, pick, orWithheld } = useI18n();
  const t = useCallback((key: TextKey, params?: TextParams) => targetsText(lang, key, params), [lang]);
  const stage = useCallback((s: TargetStage) => targetsText(lang, `stage.${s}`), [lang]);
  return { t, stage, lang, money, pick, orWithheld };
}
