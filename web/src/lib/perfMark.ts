/**
 * Named points on the page's clock (`performance.mark('yulian:…')`) along the way to the first
 * drawn map, so the web bench and a browser profile can say where the time went.
 */
export type PerfMark = 'entry' | 'graph-data' | 'elements-built' | 'cy-created' | 'elements-added' | 'first-draw' | 'links-drawn';

export function perfMark(name: PerfMark): void {
  performance.mark(`yulian:${name}`);
}
