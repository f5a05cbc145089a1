import { useI18n } from '../../i18n/I18nProvider';

/** Placeholder: the target list page is built as a self-contained component by its own issue. */
export default function TargetsPage() {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="targets-heading">
      <h1 id="targets-heading">{t('nav.targets')}</h1>
      <p>{t('placeholder.coming')}</p>
    </section>
  );
}
