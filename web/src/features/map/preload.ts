import { CLUSTER_GRAPH_QUERY } from '../../api/cluster';
import { preloadQuery } from '../../api/preload';
import { graphFilterOf, readMapView } from '../../routing/mapView';

/**
 * Called by the entry module on the map (the home page) before the app's code has loaded: asks for
 * the cluster graph at once, with the filter in the URL, exactly as `MapPage` will ask for it, so
 * that `useQuery` finds the request already under way.
 */
export function preloadHomeMap(): void {
  const filter = graphFilterOf(readMapView(new URLSearchParams(location.search)));
  preloadQuery(CLUSTER_GRAPH_QUERY, { filter });
}
