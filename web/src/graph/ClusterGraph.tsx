import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ClusterMap } from './engine';
import type { HoverInfo } from './engine';
import type { LayoutMode } from './layout';
import type { ClusterElement } from './model';
import { GraphTooltip } from './GraphTooltip';

declare global {
  interface Window {
    /** The map's cytoscape instance, for browser tests and benchmarks (see `debugHookEnabled`). */
    __yulianCy?: Core | null;
  }
}

/** Development builds, or any build once `localStorage['yulian.debug'] = '1'` (tests set it). */
function debugHookEnabled(): boolean {
  if (!import.meta.env.PROD) return true;
  try {
    return localStorage.getItem('yulian.debug') === '1';
  } catch {
    return false;
  }
}

export interface ClusterGraphProps {
  elements: readonly ClusterElement[];
  layout: LayoutMode;
  selectedFirmId: string | null;
  highlightFirmIds: readonly string[];
  onSelect(firmId: string | null): void;
  /** Called once the first frame showing the data has been painted. */
  onFirstDraw?(): void;
  /** Receives the map once created (for PNG export, fit), and null when it goes. */
  onReady?(map: ClusterMap | null): void;
  overlay?: ReactNode;
  label: string;
}

/**
 * The one React component that touches the cytoscape map: it creates a `ClusterMap` on mount,
 * passes it elements, layout, selection and highlights as they change, shows the hover tooltip,
 * and destroys the map on unmount.
 */
export function ClusterGraph({ elements, layout, selectedFirmId, highlightFirmIds, onSelect, onFirstDraw, onReady, overlay, label }: ClusterGraphProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ClusterMap | null>(null);
  const onSelectRef = useRef(onSelect);
  const onFirstDrawRef = useRef(onFirstDraw);
  const [hover, setHover] = useState<HoverInfo | null>(null);

  useEffect(() => {
    onSelectRef.current = onSelect;
    onFirstDrawRef.current = onFirstDraw;
  }, [onSelect, onFirstDraw]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new ClusterMap(container, {
      onSelect: (id) => onSelectRef.current(id),
      onHover: setHover,
      onFirstDraw: () => onFirstDrawRef.current?.(),
    });
    mapRef.current = map;
    onReady?.(map);
    return () => {
      onReady?.(null);
      map.destroy();
      mapRef.current = null;
      if (window.__yulianCy) window.__yulianCy = null;
    };
    // Created once per mount; onReady is read at creation only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.setLayout(layout);
    map.setElements(elements);
    if (debugHookEnabled()) window.__yulianCy = map.core;
  }, [elements, layout]);

  useEffect(() => {
    mapRef.current?.select(selectedFirmId);
  }, [selectedFirmId, elements]);

  useEffect(() => {
    mapRef.current?.highlight(highlightFirmIds);
  }, [highlightFirmIds, elements]);

  return (
    <div className="cluster-graph__stage">
      <div ref={containerRef} className="cluster-graph__canvas" data-testid="cluster-graph" role="img" aria-label={label} />
      {hover ? <GraphTooltip hover={hover} /> : null}
      {overlay ? <div className="cluster-graph__overlay">{overlay}</div> : null}
      <p className="visually-hidden">{t('cluster.hint')}</p>
    </div>
  );
}
