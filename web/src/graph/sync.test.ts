import cytoscape from 'cytoscape';
import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { syncElements } from './sync';

const district = (code: string): ElementDefinition => ({ group: 'nodes', data: { id: `district:${code}`, label: code }, classes: 'district' });
const firm = (id: string, parent: string, label = id): ElementDefinition => ({
  group: 'nodes',
  data: { id: `firm:${id}`, parent: `district:${parent}`, label },
  classes: 'firm role-supplier',
  position: { x: 0, y: 0 },
});
const flow = (from: string, to: string, amountCny: number): ElementDefinition => ({
  group: 'edges',
  data: { id: `flow:${from}>${to}`, source: `firm:${from}`, target: `firm:${to}`, amountCny },
  classes: 'flow supply',
});

const headless = () => cytoscape({ headless: true, styleEnabled: false });
const ids = (cy: cytoscape.Core): string[] => cy.elements().map((e) => e.id()).sort();

describe('syncElements', () => {
  it('adds everything into an empty graph', () => {
    const cy = headless();
    const result = syncElements(cy, [district('A'), firm('a', 'A'), firm('b', 'A'), flow('a', 'b', 1)]);
    expect(result).toEqual({ added: 4, removed: 0, updated: 0, structureChanged: true });
    expect(cy.getElementById('firm:a').parent().first().id()).toBe('district:A');
    expect(cy.edges()).toHaveLength(1);
  });

  it('updates data and classes in place without touching positions or structure', () => {
    const cy = headless();
    syncElements(cy, [district('A'), firm('a', 'A'), firm('b', 'A'), flow('a', 'b', 1)]);
    cy.getElementById('firm:a').position({ x: 40, y: 50 });
    const relabelled = { ...firm('a', 'A', '奥方'), classes: 'firm role-chain-leader' };
    const result = syncElements(cy, [district('A'), relabelled, firm('b', 'A'), flow('a', 'b', 2)]);
    expect(result).toEqual({ added: 0, removed: 0, updated: 2, structureChanged: false });
    expect(cy.getElementById('firm:a').data('label')).toBe('奥方');
    expect(cy.getElementById('firm:a').hasClass('role-chain-leader')).toBe(true);
    expect(cy.getElementById('firm:a').position()).toEqual({ x: 40, y: 50 });
    expect(cy.getElementById('flow:a>b').data('amountCny')).toBe(2);
  });

  it('removes what is gone and adds what is new, edges after their ends', () => {
    const cy = headless();
    syncElements(cy, [district('A'), firm('a', 'A'), firm('b', 'A'), flow('a', 'b', 1)]);
    const result = syncElements(cy, [district('A'), district('B'), firm('a', 'A'), firm('c', 'B'), flow('c', 'a', 5)]);
    expect(result).toMatchObject({ added: 3, removed: 2, structureChanged: true });
    expect(ids(cy)).toEqual(['district:A', 'district:B', 'firm:a', 'firm:c', 'flow:c>a']);
  });

  it('moves a firm to its new district before the old district goes', () => {
    const cy = headless();
    syncElements(cy, [district('A'), firm('a', 'A'), firm('b', 'A'), flow('a', 'b', 1)]);
    const result = syncElements(cy, [district('B'), firm('a', 'B'), firm('b', 'B'), flow('a', 'b', 1)]);
    expect(result.structureChanged).toBe(true);
    expect(ids(cy)).toEqual(['district:B', 'firm:a', 'firm:b', 'flow:a>b']);
    expect(cy.getElementById('firm:a').parent().first().id()).toBe('district:B');
  });

  it('does nothing when nothing changed', () => {
    const cy = headless();
    const elements = [district('A'), firm('a', 'A'), firm('b', 'A'), flow('a', 'b', 1)];
    syncElements(cy, elements);
    expect(syncElements(cy, elements)).toEqual({ added: 0, removed: 0, updated: 0, structureChanged: false });
  });
});
