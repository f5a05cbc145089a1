import { Button } from 'antd';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { CLUSTER_GRAPH_QUERY, clusterGraphRows } from '../../api/cluster';
import { REFERENCE_QUERY } from '../../api/reference';
import { useQuery } from '../../api/useQuery';
import type { ClusterMap } from '../../graph/engine';
import { BIG_GRAPH, buildClusterElements } from '../../graph/model';
import { useI18n } from '../../i18n/I18nProvider';
import { graphFilterOf } from '../../routing/mapView';
import { Legend } from '../cluster/Legend';
import { FirmList } from '../firms/FirmList';
import { downloadBlob } from '../../lib/download';
import { perfMark } from '../../lib/perfMark';
import { LinkList } from './LinkList';
import { MapFilters } from './MapFilters';
import { useMapView } from './useMapView';

// cytoscape is the bulk of the map: its chunk is fetched as soon as this module runs, in parallel
// with the map's data, and the component renders once both are there.
const graphModule = import('../../graph/ClusterGraph');
const ClusterGraph = lazy(() => graphModule.then((m) => ({ default: m.ClusterGraph })));
// The firm panel (with its antd forms and tables) loads when a firm is first opened, not with the map.
const FirmPanel = lazy(() => import('../firm/FirmPanel').then((m) => ({ default: m.FirmPanel })));

const NO_FIRMS: readonly string[] = [];
const NONE: readonly never[] = [];

/** The cluster map (home page): filters, the graph with its legend, a firm search and the firm panel. */
export default function MapPage() {
  const { t, lang } = useI18n();
  const [view, update] = useMapView();
  const [map, setMap] = useState<ClusterMap | null>(null);
  const [mapDrawn, setMapDrawn] = useState(false);
  const reference = useQuery(REFERENCE_QUERY, {});
  const filter = useMemo(() => graphFilterOf(view), [view]);
  const graph = useQuery(CLUSTER_GRAPH_QUERY, { filter });

  const columns = graph.data?.clusterGraph.columns;
  const data = useMemo(() => (columns ? clusterGraphRows(columns) : undefined), [columns]);
  const elements = useMemo(() => {
    if (!data) return [];
    perfMark('graph-data');
    const built = buildClusterElements(data, { lang, compound: data.nodes.length + data.edges.length < BIG_GRAPH });
    perfMark('elements-built');
    return built;
  }, [data, lang]);
  const links = useMemo(() => elements.flatMap((e) => (e.group === 'edges' ? [e.data] : [])), [elements]);
  const amountsHidden = data?.edges.some((e) => e.amountHidden) ?? false;
  const highlight = view.highlight.length > 0 ? view.highlight : NO_FIRMS;

  const select = useCallback((firmId: string | null) => update({ firmId }), [update]);
  const showBelowMap = useCallback(() => setMapDrawn(true), []);
  // Stable props, so that the memoised filters, list and legend skip the renders that only the map
  // needs (its data coming, the map object being ready) while the first picture is on its way.
  const leaders = useMemo(() => reference.data?.firms.edges.map((e) => e.node) ?? NONE, [reference.data]);
  const exportPng = () => {
    const blob = map?.png();
    if (blob) downloadBlob(blob, `yulian-map-${view.year}.png`);
  };

  let overlay: { role: 'alert' | 'status'; text: string } | null = null;
  if (graph.status === 'error') overlay = { role: 'alert', text: t('cluster.error', { message: graph.error.message }) };
  else if (!data) overlay = { role: 'status', text: t('cluster.loading') };
  else if (data.nodes.length === 0) overlay = { role: 'status', text: t('cluster.empty') };
  const overlayNode = overlay ? <p role={overlay.role}>{overlay.text}</p> : null;
  // The link list and the firm list (below the map) come once the map has drawn, or once there is
  // no map to draw: rendered with it, their DOM and the firm list's answer take the main thread
  // from the map's first frame, about a tenth of the way to it at 2,000 firms.
  const belowMap = mapDrawn || graph.status === 'error' || data?.nodes.length === 0;

  return (
    <div className={view.firmId ? 'map-page has-panel' : 'map-page'}>
      <div className="map-page__main">
      <section className="panel cluster-panel" aria-labelledby="cluster-heading" aria-busy={graph.status === 'loading'}>
        <div className="panel__header">
          <h1 id="cluster-heading">{t('cluster.heading')}</h1>
          <div className="panel__actions">
            <Button onClick={() => map?.fit()} disabled={!map}>
              {t('map.fit')}
            </Button>
            <Button data-testid="export-png" onClick={exportPng} disabled={!map || elements.length === 0}>
              {t('map.exportPng')}
            </Button>
          </div>
        </div>
        <MapFilters
          view={view}
          districts={reference.data?.districts ?? NONE}
          segments={reference.data?.segments ?? NONE}
          leaders={leaders}
          onChange={update}
        />
        <div className="cluster-panel__body">
          <div className="cluster-graph">
            <Suspense
              fallback={
                <div className="cluster-graph__stage">
                  <div className="cluster-graph__overlay">
                    <p role="status">{t('cluster.loading')}</p>
                  </div>
                </div>
              }
            >
              <ClusterGraph
                elements={elements}
                layout={view.layout}
                selectedFirmId={view.firmId}
                highlightFirmIds={highlight}
                onSelect={select}
                onFirstDraw={showBelowMap}
                onReady={setMap}
                overlay={overlayNode}
                label={t('cluster.heading')}
              />
            </Suspense>
            <p className="cluster-graph__info">{t('cluster.hint')}</p>
            {belowMap ? <LinkList links={links} /> : null}
          </div>
          <Legend amountsHidden={amountsHidden} />
        </div>
      </section>
      {belowMap ? <FirmList onOpen={select} /> : null}
      </div>
      {view.firmId ? (
        <Suspense fallback={null}>
          <FirmPanel firmId={view.firmId} year={view.year} onClose={() => update({ firmId: null })} onShowFirm={(firmId) => update({ firmId })} />
        </Suspense>
      ) : null}
    </div>
  );
}
