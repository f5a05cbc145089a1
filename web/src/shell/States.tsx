import { Alert, Empty, Spin } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** Loading, empty and error states in words, the same on every page. */

export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" role="status">
      <Spin size="small" /> <span>{text ?? t('state.loading')}</span>
    </div>
  );
}

export function EmptyState({ text }: { text: string }) {
  return (
    <div className="state" role="status">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />
    </div>
  );
}

export function ErrorState({ error, what }: { error: Error; what: string }) {
  const { t } = useI18n();
  return <Alert type="error" showIcon role="alert" message={t('state.error', { what })} description={error.message} />;
}
