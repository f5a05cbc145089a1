import { useI18n } from './I18nProvider';

/** Shows the language one can switch to: "EN" while the page is in Chinese, "中文" while in English. */
export function LangToggle() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="lang-toggle"
      lang={next === 'en' ? 'en' : 'zh-CN'}
      title={t('lang.toggle.title')}
      onClick={() => setLang(next)}
    >
      {next === 'en' ? 'EN' : '中文'}
    </button>
  );
}
