import cytoscape from 'cytoscape';
import type { Position } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { frameFirst, LEGIBLE_ZOOM } from './layout';

/** Headless cytoscape's viewport is 1 × 1 px, so framing is checked by the model point at its centre. */
const centre = (cy: cytoscape.Core) => ({ x: (0.5 - cy.pan().x) / cy.zoom(), y: (0.5 - cy.pan().y) / cy.zoom() });

describe('frameFirst', () => {
  const region = new Map<string, Position>([
    ['firm:a', { x: 0, y: 0 }],
    ['firm:b', { x: 2, y: 2 }],
  ]);

  it('frames everything when firms stay big enough to see', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, minZoom: 1e-6, maxZoom: 10 });
    frameFirst(cy, region, region);
    expect(cy.zoom()).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    expect(centre(cy).x).toBeCloseTo(1);
  });

  it('frames the region when everything would make firms too small', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, minZoom: 1e-6, maxZoom: 10 });
    const all = new Map([...region, ['firm:wuhan', { x: 10_000, y: 0 }] as const]);
    frameFirst(cy, all, region);
    expect(centre(cy).x).toBeCloseTo(1);
    expect(centre(cy).y).toBeCloseTo(1);
  });
});
