import cytoscape from 'cytoscape';
import type { Core, EventObject, Layouts } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { LockIcon } from '../lib/LockIcon';
import { clusterLayout, registerLayouts } from './layout';
import { buildClusterElements } from './model';
import type { ClusterModelInput, FirmNodeData } from './model';
import { clusterStylesheet } from './stylesheet';
import { syncElements } from './sync';

export interface ClusterGraphProps {
  input: ClusterModelInput;
  /** The year the flows belong to; mentoring ties that began later are left out. */
  year: number;
  /** Shown over the graph (loading, error, empty). */
  overlay?: ReactNode;
}

/**
 * The one React component that touches cytoscape: it creates the instance once, syncs the model's
 * elements into it in a batch whenever the input or the language changes, runs the layout when
 * the graph's structure changed, and destroys the instance on unmount.
 */
export function ClusterGraph({ input, year, overlay }: ClusterGraphProps) {
  const { lang, t, money } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<Layouts | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const elements = useMemo(() => buildClusterElements(input, { lang, year }), [input, lang, year]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerLayouts();
    const cy = cytoscape({
      container,
      style: clusterStylesheet,
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });

    const highlight = (): void => {
      const selected = cy.$('node.firm:selected');
      cy.batch(() => {
        cy.elements().removeClass('dimmed of-selected');
        if (selected.empty()) return;
        const neighbourhood = selected.closedNeighborhood();
        cy.$('node.firm, edge').not(neighbourhood).addClass('dimmed');
        selected.connectedEdges().addClass('of-selected');
      });
    };
    cy.on('select', 'node.firm', (event: EventObject) => {
      setSelectedId(String(event.target.data('firmId')));
      highlight();
    });
    cy.on('unselect', 'node.firm', () => {
      if (cy.$('node.firm:selected').empty()) setSelectedId(null);
      highlight();
    });
    cy.on('remove', 'node.firm', () => {
      if (cy.destroyed() || cy.$('node.firm:selected').nonempty()) return;
      setSelectedId(null);
      highlight();
    });

    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);
    cyRef.current = cy;

    return () => {
      resize.disconnect();
      layoutRef.current?.stop();
      layoutRef.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const hadElements = cy.elements().nonempty();
    const { structureChanged } = syncElements(cy, elements);
    // For browser tests and anyone inspecting the page: what the graph holds, and whether it has settled.
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
    if (structureChanged && cy.nodes().nonempty()) {
      layoutRef.current?.stop();
      container.dataset.layout = 'running';
      const layout = clusterLayout(cy, { animate: hadElements });
      layoutRef.current = layout;
      layout.one('layoutstop', () => {
        if (layoutRef.current === layout) container.dataset.layout = 'done';
      });
      layout.run();
    }
  }, [elements]);

  const selected = useMemo(
    () =>
      elements.find((e): e is (typeof elements)[number] & { data: FirmNodeData } =>
        e.data.kind === 'firm' && e.data.firmId === selectedId,
      )?.data,
    [elements, selectedId],
  );
  const links = useMemo(() => elements.flatMap((e) => (e.group === 'edges' ? [e.data] : [])), [elements]);

  return (
    <div className="cluster-graph">
      <div className="cluster-graph__stage">
        <div
          ref={containerRef}
          className="cluster-graph__canvas"
          data-testid="cluster-graph"
          role="img"
          aria-label={t('cluster.heading')}
        />
        {overlay ? <div className="cluster-graph__overlay">{overlay}</div> : null}
      </div>
      <p className="cluster-graph__info" data-testid="graph-selection" aria-live="polite">
        {selected ? t('cluster.selected', { name: selected.name, district: selected.districtLabel }) : t('cluster.hint')}
      </p>
      <details className="cluster-graph__links" data-testid="graph-links">
        <summary>{t('cluster.links', { count: links.length })}</summary>
        {links.length === 0 ? (
          <p>{t('cluster.links.none')}</p>
        ) : (
          <ul>
            {links.map((link) => (
              <li key={link.id} data-link-id={link.id} data-kind={link.kind}>
                <span className={`link-kind link-kind--${link.kind}`}>
                  {t(link.kind === 'support' ? 'link.SUPPORT' : link.kind === 'scrap-return' ? 'link.SCRAP_RETURN' : 'link.SUPPLY')}
                </span>{' '}
                {link.sourceLabel} → {link.targetLabel}
                {link.kind === 'support' ? null : (
                  <>
                    {' · '}
                    {link.segmentLabel} ·{' '}
                    {link.amountCny === null ? (
                      <span className="amount-hidden" title={t('amount.hidden.title')}>
                        <LockIcon /> {t('amount.hidden')}
                      </span>
                    ) : (
                      money(link.amountCny)
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
