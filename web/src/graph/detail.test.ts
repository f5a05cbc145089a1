import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { DETAIL_ZOOM, DetailOnDemand } from './detail';

/** Headless cytoscape's viewport is 1 × 1 px: at zoom z it shows 1/z model units from the pan. */
function graph() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([
    { group: 'nodes', data: { id: 'firm:near' }, classes: 'firm', position: { x: 0.5, y: 0.5 } },
    { group: 'nodes', data: { id: 'firm:far' }, classes: 'firm', position: { x: 500, y: 500 } },
    { group: 'nodes', data: { id: 'firm:farther' }, classes: 'firm', position: { x: 900, y: 900 } },
    { group: 'nodes', data: { id: 'district:A' }, classes: 'district', position: { x: 0.5, y: 0.5 } },
    { group: 'edges', data: { id: 'flow:near>far', source: 'firm:near', target: 'firm:far' } },
    { group: 'edges', data: { id: 'flow:far>farther', source: 'firm:far', target: 'firm:farther' } },
  ]);
  return cy;
}
const detailed = (cy: cytoscape.Core) => cy.$('.detailed').map((e) => e.id()).sort();

describe('DetailOnDemand', () => {
  it('details nothing while names are too small to read', () => {
    const cy = graph();
    cy.viewport({ zoom: DETAIL_ZOOM / 2, pan: { x: 0, y: 0 } });
    new DetailOnDemand(cy).refresh();
    expect(detailed(cy)).toEqual([]);
  });

  it('details the firms in view and their links once zoomed in, and keeps them detailed', () => {
    const cy = graph();
    const detail = new DetailOnDemand(cy);
    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    detail.refresh();
    expect(detailed(cy)).toEqual(['firm:near', 'flow:near>far']);
    cy.viewport({ zoom: 1, pan: { x: -500, y: -500 } });
    detail.refresh();
    expect(detailed(cy)).toEqual(['firm:far', 'firm:near', 'flow:far>farther', 'flow:near>far']);
    detail.destroy();
  });
});
