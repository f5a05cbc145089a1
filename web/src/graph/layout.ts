import cytoscape from 'cytoscape';
import type { Core, Layouts, Position } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';

/** `fcose`: grouped by district (force-directed); `geo`: firms around their district seats. */
export type LayoutMode = 'fcose' | 'geo';

let registered: Promise<void> | null = null;

/**
 * Loads cytoscape-fcose and registers it with cytoscape, once per page however many graphs there
 * are. Loaded on first use: the first picture is geographic and big graphs never run it, so its
 * code stays off the way to the first drawn map.
 */
export function loadClusterLayout(): Promise<void> {
  registered ??= import('cytoscape-fcose').then(
    ({ default: fcose }) => {
      cytoscape.use(fcose);
    },
    (error: unknown) => {
      registered = null; // a later layout tries again
      throw error;
    },
  );
  return registered;
}

/**
 * fcose, grouped by district: districts are compound parents, so fcose keeps each district's firms
 * together and lays the groups out against each other. It starts from the geographic picture
 * (`randomize: false`), so the result keeps north up and is the same on every load. Larger graphs
 * get the draft quality and fewer iterations.
 */
export function clusterLayoutOptions(options: { animate: boolean; firms: number }): FcoseLayoutOptions {
  const large = options.firms > 300;
  return {
    name: 'fcose',
    quality: large ? 'draft' : 'proof',
    randomize: false,
    animate: options.animate,
    animationDuration: 450,
    fit: true,
    padding: 28,
    nodeDimensionsIncludeLabels: !large,
    nodeRepulsion: 3000,
    idealEdgeLength: 60,
    edgeElasticity: 0.45,
    nestingFactor: 0.05,
    gravity: 1,
    gravityCompound: 4,
    gravityRangeCompound: 0.8,
    numIter: large ? 600 : 2500,
    tile: false,
  };
}

/** Needs `loadClusterLayout()` to have resolved. */
export function clusterLayout(cy: Core, options: { animate: boolean; firms: number }): Layouts {
  return cy.layout(clusterLayoutOptions(options));
}

/**
 * Puts firms back at the positions the model computed (around their district seats) in one batch,
 * and fits the view. Not a cytoscape layout: the preset layout moves nodes one by one, and each move
 * inside a compound parent updates the parent's bounds, which costs seconds at thousands of firms.
 */
export function placeAt(cy: Core, positions: ReadonlyMap<string, Position>, region: ReadonlyMap<string, Position> | null = null): void {
  cy.batch(() => {
    cy.nodes('.firm').forEach((node) => {
      const position = positions.get(node.id());
      if (position) node.position(position);
    });
  });
  if (region) frameFirst(cy, positions, region);
  else cy.fit(undefined, 28);
}

/**
 * Below this zoom the smallest firm (NODE_SIZE.min, 26 model units) would be under about 1.5 px:
 * dots no one can see or point at.
 */
export const LEGIBLE_ZOOM = 0.06;

/**
 * Frames the first picture: every firm, unless that would make firms too small to see (thousands of
 * firms, or partners as far away as Wuhan stretch the geographic picture); then the firms of the
 * region, which the map is about. "Fit" still shows everything.
 */
export function frameFirst(cy: Core, all: ReadonlyMap<string, Position>, region: ReadonlyMap<string, Position>): void {
  fitPositions(cy, all);
  if (cy.zoom() < LEGIBLE_ZOOM && region.size > 0) fitPositions(cy, region);
}

/**
 * Fits the view to the given positions without asking cytoscape for the graph's bounding box (which
 * measures every label first): the first picture of a big graph is framed from the model's numbers.
 */
export function fitPositions(cy: Core, positions: ReadonlyMap<string, Position>, padding = 40): void {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return;
  const width = Math.max(1, cy.width() - 2 * padding);
  const height = Math.max(1, cy.height() - 2 * padding);
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(width / Math.max(1, maxX - minX), height / Math.max(1, maxY - minY))));
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * ((minX + maxX) / 2), y: cy.height() / 2 - zoom * ((minY + maxY) / 2) } });
}
