import { describe, expect, it } from 'vitest';
import { ALL_ENTITIES, summarizeChanges } from './change-summary';

describe('summarizeChanges', () => {
  const summary = summarizeChanges([
    { entity: 'Order', firmIds: ['a', 'b'] },
    { entity: 'Capability', firmIds: ['c'] },
    { entity: 'Order', firmIds: ['b', 'd'] },
    { entity: 'Target', firmIds: [] },
  ]);

  it('tells which kinds of change happened, those without firms included', () => {
    expect(summary.touches(['Order'])).toBe(true);
    expect(summary.touches(['Target'])).toBe(true);
    expect(summary.touches(['Firm', 'Need'])).toBe(false);
    expect(summary.touches([])).toBe(false);
  });

  it('gathers the firms of the asked kinds over every change', () => {
    expect([...summary.firmsOf(['Order'])].sort()).toEqual(['a', 'b', 'd']);
    expect([...summary.firmsOf(['Order', 'Capability'])].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(summary.firmsOf(['Firm']).size).toBe(0);
  });

  it('counts each touched firm once', () => {
    expect(summary.firmCount).toBe(4);
    expect(summarizeChanges([]).firmCount).toBe(0);
  });

  it('knows every kind of change the port names', () => {
    expect(summarizeChanges(ALL_ENTITIES.map((entity) => ({ entity, firmIds: [] }))).touches(ALL_ENTITIES)).toBe(true);
  });
});
