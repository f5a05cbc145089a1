import { useMemo, useState } from 'react';
import { Alert, Button, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useAuth } from '../../auth/context';
import { ProgressDashboard } from './ProgressDashboard';
import { StageBoard } from './StageBoard';
import { SuggestionsPanel } from './SuggestionsPanel';
import { TargetDrawer } from './TargetDrawer';
import { TargetForm } from './TargetForm';
import { TargetTable } from './TargetTable';
import { DISTRICTS_QUERY, PROGRESS_QUERY, TARGETS_QUERY } from './operations';
import { useReloadableQuery } from './useReloadableQuery';
import { useTargetsText } from './useTargetsText';

/** The year in China, where the targets are worked. */
const currentYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/**
 * Investment promotion for one district: the target list, the board by stage, a target's drawer
 * and the progress against the year's goal. District users see their own district; admins pick.
 * Self-contained: mount it at /targets inside the app's I18nProvider and AuthProvider.
 */
export function TargetsPage() {
  const { status, user } = useAuth();
  const { t, pick } = useTargetsText();
  const [chosenDistrict, setChosenDistrict] = useState<string | null>(null);
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  /** The form's subject: 'new', a target's id, or closed. */
  const [editing, setEditing] = useState<string | null>(null);

  const allowed = user !== null && (user.role === 'ADMIN' || ((user.role === 'INVESTMENT' || user.role === 'BUREAU') && user.districtCode !== null));
  const districts = useReloadableQuery(DISTRICTS_QUERY, allowed ? {} : null, 0);
  const districtList = districts.data?.districts ?? [];
  const districtCode = user?.role === 'ADMIN' ? (chosenDistrict ?? districtList.find((d) => d.goals.length > 0)?.code ?? districtList[0]?.code ?? null) : (user?.districtCode ?? null);
  const district = districtList.find((d) => d.code === districtCode);
  // The latest year the district set a goal for is the year it is working on; else this year.
  const goalYears = useMemo(() => (district?.goals ?? []).map((g) => g.year), [district]);
  const year = chosenYear ?? (goalYears.length ? Math.max(...goalYears) : currentYear());
  const years = [...new Set([...goalYears, currentYear(), currentYear() - 1, year])].sort();

  const targets = useReloadableQuery(TARGETS_QUERY, allowed && districtCode ? { districtCode } : null, revision);
  const progress = useReloadableQuery(PROGRESS_QUERY, allowed && districtCode ? { districtCode, year } : null, revision);
  const list = targets.data?.targets ?? [];
  const open = list.find((x) => x.id === openId) ?? null;

  if (status === 'checking') return <Spin />;
  if (!user || !allowed) {
    return <Alert type="info" showIcon data-testid="targets-sign-in" title={user ? t('page.noDistrict') : t('page.signInFirst')} />;
  }
  const failed = [targets, progress].find((q) => q.status === 'error');

  return (
    <section className="targets-page" data-testid="targets-page" aria-busy={targets.status === 'loading' || progress.status === 'loading'}>
      <Space wrap align="center" style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('page.title')}
          {district ? ` · ${pick(district.nameZh, district.nameEn)}` : ''}
        </Typography.Title>
        <Space wrap>
          {user.role === 'ADMIN' && (
            <Select
              aria-label={t('page.district')}
              style={{ minWidth: 140 }}
              value={districtCode}
              onChange={(code: string) => setChosenDistrict(code)}
              options={districtList.map((d) => ({ value: d.code, label: pick(d.nameZh, d.nameEn) }))}
            />
          )}
          <Select
            aria-label={t('page.year')}
            data-testid="targets-year"
            style={{ minWidth: 100 }}
            value={year}
            onChange={(y: number) => setChosenYear(y)}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          {districtCode && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="targets-new">
              {t('form.new')}
            </Button>
          )}
          {districtCode && (
            <Button href={`/api/targets/export?districtCode=${encodeURIComponent(districtCode)}&year=${year}`} data-testid="targets-export">
              {t('page.export')}
            </Button>
          )}
        </Space>
      </Space>
      {failed?.status === 'error' && <Alert type="error" role="alert" showIcon title={`${t('page.loadFailed')}${failed.error.message}`} style={{ marginBottom: 12 }} />}
      <Tabs
        defaultActiveKey="board"
        items={[
          { key: 'board', label: t('tab.board'), children: <StageBoard targets={list} onOpen={(x) => setOpenId(x.id)} onMoved={() => setRevision((r) => r + 1)} /> },
          { key: 'table', label: t('tab.table'), children: <TargetTable targets={list} onOpen={(x) => setOpenId(x.id)} /> },
          {
            key: 'progress',
            label: <span data-testid="tab-progress">{t('tab.progress')}</span>,
            children: progress.data?.investmentProgress && districtCode ? <ProgressDashboard progress={progress.data.investmentProgress} districtCode={districtCode} onGoalSet={() => setRevision((r) => r + 1)} /> : <Spin />,
          },
          ...(districtCode
            ? [{ key: 'suggestions', label: t('tab.suggestions'), children: <SuggestionsPanel districtCode={districtCode} year={year} revision={revision} onAdded={() => setRevision((r) => r + 1)} /> }]
            : []),
        ]}
      />
      <TargetDrawer target={open} onClose={() => setOpenId(null)} onEdit={(x) => setEditing(x.id)} />
      {editing !== null && districtCode && (
        <TargetForm
          districtCode={districtCode}
          target={editing === 'new' ? null : (list.find((x) => x.id === editing) ?? null)}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setRevision((r) => r + 1);
          }}
        />
      )}
    </section>
  );
}
