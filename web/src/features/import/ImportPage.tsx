import { useState } from 'react';
import { Alert, Button, Card, Progress, Select, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { exportUrl, sendImport, templateUrl, type ImportAnswer, type ImportProgress, type RowError } from './importApi';
import { IMPORT_KINDS, importText, type ImportKind, type ImportTextKey } from './importText';

/**
 * Spreadsheet import and export: pick a kind, fetch its template, upload a file for a dry run,
 * read the row-by-row problems, and commit once there are none. Self-contained: the app shell
 * mounts it at /import.
 */
export function ImportPage() {
  const { lang } = useI18n();
  const t = (key: ImportTextKey, params?: Record<string, string | number>) => importText(lang, key, params);
  const [kind, setKind] = useState<ImportKind>('orders');
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setAnswer(null);
    setCheckedFile(null);
    setFailure(null);
    setProgress(null);
  };

  const run = async (mode: 'dry-run' | 'commit') => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const result = await sendImport(kind, file, mode, lang, setProgress);
      setAnswer(result);
      setCheckedFile(mode === 'dry-run' && result.ok ? file : null);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  // Only the very file that passed a dry run, for the kind it was checked as, may be committed.
  const canCommit = !busy && answer?.ok === true && !answer.committed && checkedFile === file && file !== null;
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('kind')}</span>
          <Select<ImportKind>
            value={kind}
            style={{ minWidth: 240 }}
            onChange={(next) => {
              setKind(next);
              reset();
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            aria-label={t('kind')}
          />
          <span>{t('template')}:</span>
          <a href={templateUrl(kind, 'csv')} download>CSV</a>
          <a href={templateUrl(kind, 'xlsx')} download>XLSX</a>
          <span>{t('export')}:</span>
          <a href={exportUrl(kind, 'csv')} download>CSV</a>
          <a href={exportUrl(kind, 'xlsx')} download>XLSX</a>
        </Space>
        {kind === 'targets' && <Alert type="info" showIcon title={t('hint.targets')} />}
        <Space wrap>
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              reset();
            }}
          >
            <Button disabled={busy}>{t('chooseFile')}</Button>
          </Upload>
          <Button type="default" disabled={!file || busy} loading={busy && !canCommit} onClick={() => void run('dry-run')}>
            {t('dryRun')}
          </Button>
          <Button type="primary" disabled={!canCommit} title={canCommit ? undefined : t('commitDisabled')} onClick={() => void run('commit')}>
            {t('commit')}
          </Button>
        </Space>
        {progress && (
          <div role="status">
            <Typography.Text>{t(`phase.${progress.phase}`)}{progress.total > 0 ? ` ${progress.done} / ${progress.total}` : ''}</Typography.Text>
            <Progress percent={percent} status="active" />
          </div>
        )}
        {failure && <Alert type="error" message={t('failed') + failure} />}
        {answer && <ImportResult answer={answer} t={t} />}
      </Space>
    </Card>
  );
}

function ImportResult({ answer, t }: { answer: ImportAnswer; t: (key: ImportTextKey, params?: Record<string, string | number>) => string }) {
  const errorCount = answer.errorCount ?? answer.errors.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="large">
        <Statistic title={t('rows')} value={answer.rows} />
        <Statistic title={t('created')} value={answer.created} />
        <Statistic title={t('updated')} value={answer.updated} />
        <Statistic title={t('errors')} value={errorCount} />
      </Space>
      {answer.committed && <Alert type="success" message={t('committed')} />}
      {!answer.committed && answer.ok && <Alert type="info" message={t('noErrors')} />}
      {answer.ok && answer.actions && answer.actions.length > 0 && answer.actions.length <= 50 && (
        <Typography.Text type="secondary">
          {answer.actions.map((a) => t('actions', { from: a.from, to: a.to, action: t(a.action === 'create' ? 'created' : 'updated') })).join('; ')}
        </Typography.Text>
      )}
      {errorCount > answer.errors.length && <Alert type="warning" message={t('moreErrors', { shown: answer.errors.length, total: errorCount })} />}
      {answer.errors.length > 0 && (
        <Table<RowError & { key: number }>
          size="small"
          dataSource={answer.errors.map((e, key) => ({ ...e, key }))}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('col.row'), dataIndex: 'row', width: 80 },
            { title: t('col.column'), dataIndex: 'column', width: 180 },
            { title: t('col.value'), dataIndex: 'value', width: 200 },
            { title: t('col.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}
