import cytoscape from 'cytoscape';
import type { Core, Layouts, Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';

/** `fcose`: grouped by district (force-directed); `geo`: firms around their district seats. */
export type LayoutMode = 'fcose' | 'geo';

let registered = false;

/** Registers cytoscape-fcose with cytoscape, once per page however many graphs there are. */
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
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

export function clusterLayout(cy: Core, options: { animate: boolean; firms: number }): Layouts {
  registerLayouts();
  return cy.layout(clusterLayoutOptions(options));
}

/** The positions the model computed (firms around their district seat), fitted to the view. */
export function presetLayout(cy: Core, positions: ReadonlyMap<string, Position>): Layouts {
  return cy.layout({
    name: 'preset',
    fit: true,
    padding: 28,
    animate: false,
    positions: Object.fromEntries(positions),
  });
}
