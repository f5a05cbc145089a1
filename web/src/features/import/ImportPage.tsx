import { useI18n } from '../../i18n/I18nProvider';

/** Placeholder: the import page is built as a self-contained component by its own issue. */
export default function ImportPage() {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="import-heading">
      <h1 id="import-heading">{t('nav.import')}</h1>
      <p>{t('placeholder.coming')}</p>
    </section>
  );
}
