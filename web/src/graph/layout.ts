import cytoscape from 'cytoscape';
import type { Core, Layouts } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';

let registered = false;

/** Registers cytoscape-fcose with cytoscape, once per page however many graphs there are. */
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/**
 * fcose, grouped by district: districts are compound parents, so fcose keeps each district's firms
 * together and lays the groups out against each other. The model starts every firm at its district
 * seat, so the layout refines that geography (`randomize: false`, which fcose wants with `proof`
 * quality) instead of scattering at random, and the picture is the same on every load.
 */
export function clusterLayoutOptions(options: { animate: boolean }): FcoseLayoutOptions {
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate: options.animate,
    animationDuration: 450,
    fit: true,
    padding: 28,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: 9000,
    idealEdgeLength: 90,
    edgeElasticity: 0.3,
    nestingFactor: 0.12,
    gravity: 0.3,
    gravityCompound: 1.2,
    gravityRangeCompound: 1.6,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 12,
    tilingPaddingHorizontal: 12,
  };
}

/** The cluster layout over everything in `cy`, ready to `run()`; stop it if a newer one supersedes it. */
export function clusterLayout(cy: Core, options: { animate: boolean }): Layouts {
  registerLayouts();
  return cy.layout(clusterLayoutOptions(options));
}
