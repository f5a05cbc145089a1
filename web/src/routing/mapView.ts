import type { GraphFilter } from '../api/cluster';
import type { LayoutMode } from '../graph/layout';

/**
 * The map's view as URL search parameters, so that a view can be shared: filters, layout, the
 * selected firm and highlighted firms. Defaults are left out of the URL.
 *
 *   /?d=500117,500120&s=SURFACE_TREATMENT&y=2023&leader=anrui&tiers=2&scrap=0&support=0&layout=geo&firm=aofang&hl=aofang
 */

export const YEARS = [2023, 2024, 2025] as const;
export const DEFAULT_YEAR = 2024;

export interface MapView {
  districtCodes: string[];
  segmentCodes: string[];
  year: number;
  leaderId: string | null;
  tiers: number;
  includeScrap: boolean;
  includeSupport: boolean;
  layout: LayoutMode;
  firmId: string | null;
  highlight: string[];
}

export const DEFAULT_VIEW: MapView = {
  districtCodes: [],
  segmentCodes: [],
  year: DEFAULT_YEAR,
  leaderId: null,
  tiers: 1,
  includeScrap: true,
  includeSupport: true,
  layout: 'fcose',
  firmId: null,
  highlight: [],
};

const list = (value: string | null): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

function intIn(value: string | null, min: number, max: number, fallback: number): number {
  const n = value === null ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function readMapView(params: URLSearchParams): MapView {
  return {
    districtCodes: list(params.get('d')),
    segmentCodes: list(params.get('s')),
    year: intIn(params.get('y'), 2000, 2100, DEFAULT_YEAR),
    leaderId: params.get('leader') || null,
    tiers: intIn(params.get('tiers'), 1, 5, 1),
    includeScrap: params.get('scrap') !== '0',
    includeSupport: params.get('support') !== '0',
    layout: params.get('layout') === 'geo' ? 'geo' : 'fcose',
    firmId: params.get('firm') || null,
    highlight: list(params.get('hl')),
  };
}

/** The parameters of `view`, defaults left out, in a fixed order. */
export function writeMapView(view: MapView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.districtCodes.length > 0) params.set('d', view.districtCodes.join(','));
  if (view.segmentCodes.length > 0) params.set('s', view.segmentCodes.join(','));
  if (view.year !== DEFAULT_YEAR) params.set('y', String(view.year));
  if (view.leaderId) params.set('leader', view.leaderId);
  if (view.leaderId && view.tiers !== 1) params.set('tiers', String(view.tiers));
  if (!view.includeScrap) params.set('scrap', '0');
  if (!view.includeSupport) params.set('support', '0');
  if (view.layout !== 'fcose') params.set('layout', view.layout);
  if (view.firmId) params.set('firm', view.firmId);
  if (view.highlight.length > 0) params.set('hl', view.highlight.join(','));
  return params;
}

/** The API filter the view asks for. */
export function graphFilterOf(view: MapView): GraphFilter {
  return {
    districtCodes: view.leaderId ? null : view.districtCodes,
    segmentCodes: view.segmentCodes,
    year: view.year,
    leaderId: view.leaderId,
    tiers: view.leaderId ? view.tiers : null,
    includeScrap: view.includeScrap,
    includeSupport: view.includeSupport,
  };
}

/** A link to the map showing (and ringing) these firms, e.g. from the gap finder. */
export function mapHref(firmIds: readonly string[], year: number): string {
  const params = writeMapView({ ...DEFAULT_VIEW, year, firmId: firmIds[0] ?? null, highlight: [...firmIds] });
  return `/?${params.toString()}`;
}
