import { Alert } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CLUSTER_GRAPH_QUERY, clusterGraphRows } from '../../api/cluster';
import { gql } from '../../api/client';
import type { WithheldReason } from '../../api/withheld';
import { useQuery } from '../../api/useQuery';
import { useAuth } from '../../auth/context';
import { EChart } from '../../charts/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { DEFAULT_YEAR, YEARS } from '../../routing/mapView';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { districtStats } from './districtStats';
import type { DistrictStats } from './districtStats';

/** The eight western districts; the supporting rate is asked per district in one request (aliases). */
const REGION = ['500117', '500118', '500116', '500120', '500151', '500152', '500153', '500111'] as const;

const RATES_QUERY = gql<Record<string, { rate: number | null; rateWithheld: WithheldReason | null } | null>, { year: number }>(/* GraphQL */ `
  query DistrictRates($year: Int!) {
    ${REGION.map((code) => `d${code}: localSupportRate(year: $year, districtCode: "${code}") { rate rateWithheld }`).join('\n    ')}
  }
`);

/** Per district and year: firms, chain leaders, local supporting rate, flows between districts, segments bought outside. */
export default function DashboardPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('y'));
  const year = YEARS.some((y) => y === yearParam) ? yearParam : DEFAULT_YEAR;
  const filter = useMemo(() => ({ year, includeSupport: false, includeScrap: false }), [year]);
  const graph = useQuery(CLUSTER_GRAPH_QUERY, { filter });
  const stats = useMemo(() => (graph.data ? districtStats(clusterGraphRows(graph.data.clusterGraph.columns)) : null), [graph.data]);
  const analyst = user?.role === 'ADMIN' || user?.role === 'BUREAU' || user?.role === 'INVESTMENT';

  return (
    <section className="panel" aria-labelledby="dashboard-heading">
      <div className="panel__header">
        <h1 id="dashboard-heading">{t('dashboard.heading')}</h1>
        <div className="filters__field">
          <label htmlFor={`${id}-year`}>{t('filter.year')}</label>
          <select id={`${id}-year`} data-testid="dashboard-year" value={year} onChange={(e) => setParams(e.target.value === String(DEFAULT_YEAR) ? {} : { y: e.target.value })}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {graph.status === 'error' ? <ErrorState error={graph.error} what={t('dashboard.heading')} /> : null}
      {!stats && graph.status !== 'error' ? <Loading /> : null}
      {stats && stats.districts.length === 0 ? <EmptyState text={t('cluster.empty')} /> : null}
      {stats && stats.districts.length > 0 ? (
        <div className="dashboard-grid">
          <Counts stats={stats} />
          {analyst ? <Rates year={year} /> : <Alert type="info" showIcon message={t('dashboard.ratesSignIn')} />}
          <Matrix stats={stats} />
          <OutsideSegments stats={stats} />
        </div>
      ) : null}
    </section>
  );
}

function Counts({ stats }: { stats: DistrictStats }) {
  const { t, pick } = useI18n();
  const region = stats.districts.filter((d) => d.inRegion);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 40, top: 36 },
      xAxis: { type: 'category', data: region.map((d) => pick(d.labelZh, d.labelEn)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dashboard.firms'), type: 'bar', data: region.map((d) => d.firms), itemStyle: { color: '#1971c2' } },
        { name: t('dashboard.leaders'), type: 'bar', data: region.map((d) => d.chainLeaders), itemStyle: { color: '#c92a2a' } },
      ],
    }),
    [region, pick, t],
  );
  return (
    <figure className="chart-card">
      <figcaption>{t('dashboard.counts')}</figcaption>
      <EChart option={option} label={t('dashboard.counts')} testId="chart-counts" />
    </figure>
  );
}

function Rates({ year }: { year: number }) {
  const { t, pick, percent, orWithheld } = useI18n();
  const rates = useQuery(RATES_QUERY, { year });
  // A withheld rate is a missing bar: say which and why rather than leave it blank.
  const withheld = REGION.flatMap((c) => {
    const reason = rates.data?.[`d${c}`]?.rateWithheld;
    return reason ? [t('dashboard.ratesWithheld', { districts: districtName(c, pick), reason: orWithheld('', reason) })] : [];
  });
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!rates.data) return null;
    const data = rates.data;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => percent(typeof v === 'number' ? v / 100 : null) },
      grid: { left: 40, right: 16, bottom: 40, top: 16 },
      xAxis: { type: 'category', data: REGION.map((c) => districtName(c, pick)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: REGION.map((c) => (data[`d${c}`]?.rate == null ? null : Math.round((data[`d${c}`]?.rate ?? 0) * 1000) / 10)), itemStyle: { color: '#2b8a3e' } }],
    };
  }, [rates.data, pick, percent]);
  return (
    <figure className="chart-card">
      <figcaption>{t('dashboard.rates')}</figcaption>
      {rates.status === 'error' ? <ErrorState error={rates.error} what={t('dashboard.rates')} /> : option ? <EChart option={option} label={t('dashboard.rates')} testId="chart-rates" /> : <Loading />}
      {withheld.length ? (
        <p className="muted" data-testid="rates-withheld">
          {withheld.join('；')}
        </p>
      ) : null}
    </figure>
  );
}

function Matrix({ stats }: { stats: DistrictStats }) {
  const { t, pick, money } = useI18n();
  const names = stats.districts.map((d) => pick(d.labelZh, d.labelEn));
  const max = Math.max(1, ...stats.matrix.cells.map((c) => c[2]));
  const amount = stats.measure === 'amount';
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        formatter: (p: { value?: [number, number, number] }) =>
          p.value ? `${names[p.value[1]] ?? ''} → ${names[p.value[0]] ?? ''}: ${amount ? money(p.value[2]) : p.value[2]}` : '',
      },
      grid: { left: 90, right: 16, bottom: 70, top: 16 },
      xAxis: { type: 'category', data: names, name: t('dashboard.buyers'), nameLocation: 'middle', nameGap: 55, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'category', data: names, name: t('dashboard.sellers'), axisLabel: { interval: 0 } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', right: 0, bottom: 0, show: false, inRange: { color: ['#e7f5ff', '#1864ab'] } },
      series: [{ type: 'heatmap', data: stats.matrix.cells, label: { show: true, formatter: (p: { value: [number, number, number] }) => (amount ? money(p.value[2]) : String(p.value[2])), fontSize: 10 } }],
    }),
    [names, max, amount, money, stats.matrix.cells, t],
  );
  return (
    <figure className="chart-card chart-card--wide">
      <figcaption>{t(amount ? 'dashboard.matrixAmount' : 'dashboard.matrixCount')}</figcaption>
      <EChart option={option} label={t('dashboard.matrixCount')} height={420} testId="chart-matrix" />
    </figure>
  );
}

function OutsideSegments({ stats }: { stats: DistrictStats }) {
  const { t, pick, money } = useI18n();
  const amount = stats.measure === 'amount';
  const segs = [...stats.outsideSegments].reverse();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (amount && typeof v === 'number' ? money(v) : String(v)) },
      grid: { left: 140, right: 24, bottom: 24, top: 16 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => (amount ? money(v) : String(v)) } },
      yAxis: { type: 'category', data: segs.map((s) => pick(s.nameZh, s.nameEn)) },
      series: [{ type: 'bar', data: segs.map((s) => s.value), itemStyle: { color: '#e8590c' } }],
    }),
    [segs, amount, money, pick],
  );
  return (
    <figure className="chart-card">
      <figcaption>{t(amount ? 'dashboard.outsideAmount' : 'dashboard.outsideCount')}</figcaption>
      {segs.length === 0 ? <EmptyState text={t('dashboard.outsideNone')} /> : <EChart option={option} label={t('dashboard.outsideCount')} testId="chart-outside" />}
    </figure>
  );
}

const DISTRICT_NAMES: Record<string, [string, string]> = {
  '500117': ['合川区', 'Hechuan'], '500118': ['永川区', 'Yongchuan'], '500116': ['江津区', 'Jiangjin'], '500120': ['璧山区', 'Bishan'],
  '500151': ['铜梁区', 'Tongliang'], '500152': ['潼南区', 'Tongnan'], '500153': ['荣昌区', 'Rongchang'], '500111': ['大足区', 'Dazu'],
};

function districtName(code: string, pick: (zh: string, en: string) => string): string {
  const names = DISTRICT_NAMES[code];
  return names ? pick(names[0], names[1]) : code;
}
