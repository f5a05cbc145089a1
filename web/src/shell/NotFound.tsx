import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="panel">
      <h1>{t('notFound.heading')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
