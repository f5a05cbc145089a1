import { preloadHomeMap } from './features/map/preload';
import { hardwareWebgl2 } from './graph/webgl';
import { perfMark } from './lib/perfMark';
import './styles.css';

/**
 * The entry module, kept tiny so that it runs as soon as the page has parsed. It starts loading
 * the app (boot.tsx) and, on the map, the map's drawing code, then sends the map's data request:
 * the data travels while the code loads and React renders, instead of after them. The code is
 * asked for first: the chunks are sent in milliseconds, while building the graph keeps the API
 * server's one thread busy for a while, and the browser has only a few connections per host.
 */
perfMark('entry');
void import('./boot');
if (location.pathname === '/') {
  void import('./graph/ClusterGraph');
  preloadHomeMap();
  // The map asks once whether WebGL runs on a GPU (making a context to ask takes tens of ms); ask
  // now, while the page waits for its code, rather than when the data is there to draw.
  requestIdleCallback(() => hardwareWebgl2());
}
