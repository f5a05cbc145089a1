import { describe, expect, it } from 'vitest';
import { clusterStylesheet, stylesheetFor } from './stylesheet';

type Sheet = ReturnType<typeof stylesheetFor>;
const selectorsWith = (sheet: Sheet, property: string) => sheet.flatMap((rule) => ('style' in rule && property in rule.style ? [rule.selector] : []));

describe('stylesheetFor', () => {
  it('styles every firm’s name and curves every link on small graphs', () => {
    expect(stylesheetFor({ detailOnDemand: false })).toBe(clusterStylesheet);
    expect(selectorsWith(clusterStylesheet, 'label')).toContain('node.firm');
    expect(selectorsWith(clusterStylesheet, 'curve-style')).toEqual(['edge']);
  });

  it('styles names, curves and arrowheads of detailed elements only on big graphs, the rest as on small ones', () => {
    const sheet = stylesheetFor({ detailOnDemand: true });
    expect(selectorsWith(sheet, 'label')).toContain('node.firm.detailed');
    expect(selectorsWith(sheet, 'label')).not.toContain('node.firm');
    // The base links' rule is overridden at the end: straight, no arrowhead, unless detailed.
    expect(selectorsWith(sheet, 'curve-style').slice(1)).toEqual(['edge', 'edge.detailed']);
    expect(sheet.slice(0, clusterStylesheet.length).filter((rule, i) => rule !== clusterStylesheet[i])).toHaveLength(1);
  });
});
