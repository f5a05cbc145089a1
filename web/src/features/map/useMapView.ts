import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readMapView, writeMapView } from '../../routing/mapView';
import type { MapView } from '../../routing/mapView';

/** The map's view, kept in the URL: reading it and changing part of it (a new history entry). */
export function useMapView(): [MapView, (patch: Partial<MapView>) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const view = useMemo(() => readMapView(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (patch: Partial<MapView>) => setParams(writeMapView({ ...readMapView(new URLSearchParams(key)), ...patch })),
    [key, setParams],
  );
  return [view, update];
}
