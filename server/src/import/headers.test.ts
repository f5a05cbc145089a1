import { describe, expect, it } from 'vitest';
import { KIND_COLUMNS } from './columns';
import { mapHeaders, matchHeader } from './headers';

const specs = KIND_COLUMNS.needs;

describe('headers', () => {
  it('accepts the Chinese label, the English key, or both together', () => {
    for (const cell of ['年需求量', 'annualDemand', 'ANNUALDEMAND', '年需求量 annualDemand', '年需求量（annualDemand）', '年需求量\nannualDemand', 'annualDemand 年需求量']) {
      expect(matchHeader(cell, specs)?.key, cell).toBe('annualDemand');
    }
    expect(matchHeader('demand', specs)).toBeNull();
  });

  it('takes the English row under the Chinese one as a second header row, never a data row', () => {
    const two = mapHeaders([{ row: 1, cells: ['企业编号', '环节代码'] }, { row: 2, cells: ['firmId', 'segmentCode'] }], specs);
    expect(two.headerRows).toBe(2);
    expect(two.problems).toEqual([]);
    const one = mapHeaders([{ row: 1, cells: ['firmId', 'segmentCode'] }, { row: 2, cells: ['aofang', 'SURFACE_TREATMENT'] }], specs);
    expect(one.headerRows).toBe(1);
  });

  it('names missing, unknown and repeated columns', () => {
    const { problems } = mapHeaders([{ row: 1, cells: ['firmId', 'firmId', 'colour'] }], specs);
    expect(problems.map((p) => [p.kind, p.spec?.key ?? p.value])).toEqual([
      ['duplicateColumn', 'firmId'],
      ['unknownColumn', 'colour'],
      ['missingColumn', 'segmentCode'],
    ]);
  });
});
