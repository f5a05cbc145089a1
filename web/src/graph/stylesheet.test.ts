import { describe, expect, it } from 'vitest';
import { clusterStylesheet, stylesheetFor } from './stylesheet';

const selectorsWithLabel = (sheet: ReturnType<typeof stylesheetFor>) =>
  sheet.flatMap((rule) => ('style' in rule && 'label' in rule.style ? [rule.selector] : []));

describe('stylesheetFor', () => {
  it('styles every firm’s name on small graphs', () => {
    expect(stylesheetFor({ labelsOnDemand: false })).toBe(clusterStylesheet);
    expect(selectorsWithLabel(clusterStylesheet)).toContain('node.firm');
  });

  it('styles the names of labelled firms only on big graphs, and nothing else differently', () => {
    const sheet = stylesheetFor({ labelsOnDemand: true });
    expect(selectorsWithLabel(sheet)).toContain('node.firm.labelled');
    expect(selectorsWithLabel(sheet)).not.toContain('node.firm');
    expect(sheet).toHaveLength(clusterStylesheet.length);
    expect(sheet.filter((rule, i) => rule !== clusterStylesheet[i])).toHaveLength(1);
  });
});
