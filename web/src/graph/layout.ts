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
    // Tuned on the article's cluster (34 nodes, about 25 links) in a 1180 × 690 box: compact enough
    // for labels to be legible when fitted, loose enough that districts do not overlap.
    nodeRepulsion: 3000,
    idealEdgeLength: 60,
    edgeElasticity: 0.45,
    nestingFactor: 0.05,
    gravity: 1,
    gravityCompound: 4,
    gravityRangeCompound: 0.8,
    numIter: 2500,
    // Firms without links in the year stay near their district seat instead of being tiled aside.
    tile: false,
  };
}

/** The cluster layout over everything in `cy`, ready to `run()`; stop it if a newer one supersedes it. */
export function clusterLayout(cy: Core, options: { animate: boolean }): Layouts {
  registerLayouts();
  return cy.layout(clusterLayoutOptions(options));
}
