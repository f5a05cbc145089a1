import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { LABEL_ZOOM, LabelsOnDemand } from './labels';

/** Headless cytoscape's viewport is 1 × 1 px: at zoom z it shows 1/z model units from the pan. */
function graph() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([
    { group: 'nodes', data: { id: 'firm:near' }, classes: 'firm', position: { x: 0.5, y: 0.5 } },
    { group: 'nodes', data: { id: 'firm:far' }, classes: 'firm', position: { x: 500, y: 500 } },
    { group: 'nodes', data: { id: 'district:A' }, classes: 'district', position: { x: 0.5, y: 0.5 } },
  ]);
  return cy;
}
const labelled = (cy: cytoscape.Core) => cy.nodes('.labelled').map((n) => n.id());

describe('LabelsOnDemand', () => {
  it('labels nothing while names are too small to read', () => {
    const cy = graph();
    cy.viewport({ zoom: LABEL_ZOOM / 2, pan: { x: 0, y: 0 } });
    new LabelsOnDemand(cy).refresh();
    expect(labelled(cy)).toEqual([]);
  });

  it('labels the firms in view once zoomed in, and keeps them labelled', () => {
    const cy = graph();
    const labels = new LabelsOnDemand(cy);
    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    labels.refresh();
    expect(labelled(cy)).toEqual(['firm:near']);
    cy.viewport({ zoom: 1, pan: { x: -500, y: -500 } });
    labels.refresh();
    expect(labelled(cy).sort()).toEqual(['firm:far', 'firm:near']);
    labels.destroy();
  });
});
