import { Suspense, lazy, useMemo, useState } from 'react';
import { CLUSTER_QUERY, MAX_PAGE_SIZE, TRADE_FLOWS_QUERY } from '../../api/queries';
import { useQuery } from '../../api/useQuery';
import type { ClusterModelInput } from '../../graph/model';
import { useI18n } from '../../i18n/I18nProvider';
import { Legend } from './Legend';

// cytoscape is the bulk of the bundle: load it after the page has painted.
const ClusterGraph = lazy(() => import('../../graph/ClusterGraph').then((module) => ({ default: module.ClusterGraph })));

export const YEARS = [2023, 2024, 2025] as const;
export const DEFAULT_YEAR = 2024;

const EMPTY: ClusterModelInput = { districts: [], firms: [], flows: [], ties: [] };
const CLUSTER_VARIABLES = { first: MAX_PAGE_SIZE };

/** The cluster map: a year selector, the graph and its legend. */
export function ClusterPanel() {
  const { t } = useI18n();
  const [year, setYear] = useState<number>(DEFAULT_YEAR);
  const cluster = useQuery(CLUSTER_QUERY, CLUSTER_VARIABLES);
  const flows = useQuery(TRADE_FLOWS_QUERY, { year });

  // Draw only complete data; while a new year loads, the previous year stays drawn.
  const base = cluster.data;
  const flowData = flows.data;
  const input = useMemo<ClusterModelInput>(
    () =>
      base && flowData
        ? {
            districts: base.districts,
            firms: base.firms.edges.map((edge) => edge.node),
            flows: flowData.tradeFlows,
            ties: base.supportTies,
          }
        : EMPTY,
    [base, flowData],
  );
  const drawnYear = flows.dataVariables?.year ?? year;
  const amountsHidden = flowData?.tradeFlows.some((flow) => flow.amountCny === null) ?? false;

  let overlay: { role: 'alert' | 'status'; text: string } | null = null;
  const error = cluster.status === 'error' ? cluster.error : flows.status === 'error' ? flows.error : null;
  if (error) {
    overlay = { role: 'alert', text: t('cluster.error', { message: error.message }) };
  } else if (!base || !flowData) {
    overlay = { role: 'status', text: t('cluster.loading') };
  } else if (input.firms.length === 0 && input.flows.length === 0) {
    overlay = { role: 'status', text: t('cluster.empty') };
  }
  const busy = cluster.status === 'loading' || flows.status === 'loading';
  const truncated = base && base.firms.totalCount > base.firms.edges.length;

  return (
    <section className="panel cluster-panel" aria-labelledby="cluster-heading" aria-busy={busy}>
      <div className="panel__header">
        <h2 id="cluster-heading">{t('cluster.heading')}</h2>
        <label className="year-select">
          <span>{t('cluster.year')}</span>
          <select data-testid="year-select" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      {truncated ? (
        <p className="panel__note">{t('cluster.truncated', { shown: base.firms.edges.length, total: base.firms.totalCount })}</p>
      ) : null}
      <div className="cluster-panel__body">
        <Suspense
          fallback={
            <div className="cluster-graph">
              <div className="cluster-graph__stage">
                <div className="cluster-graph__overlay">
                  <p role="status">{t('cluster.loading')}</p>
                </div>
              </div>
            </div>
          }
        >
          <ClusterGraph
            input={input}
            year={drawnYear}
            overlay={overlay ? <p role={overlay.role}>{overlay.text}</p> : null}
          />
        </Suspense>
        <Legend amountsHidden={amountsHidden} />
      </div>
    </section>
  );
}
