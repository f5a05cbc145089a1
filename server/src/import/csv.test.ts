import { describe, expect, it } from 'vitest';
import { countLines, parseCsv } from './csv';

const rows = (text: string) => [...parseCsv(text)];

describe('parseCsv', () => {
  it('splits plain lines and numbers rows as Excel does', () => {
    expect(rows('a,b\r\n1,2\n\n3,')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['3', ''] },
    ]);
  });

  it('honours quotes, doubled quotes and line breaks inside quotes (one row in Excel)', () => {
    expect(rows('"a,1","say ""hi"""\n"two\nlines",x\nlast,row')).toEqual([
      { row: 1, cells: ['a,1', 'say "hi"'] },
      { row: 2, cells: ['two\nlines', 'x'] },
      { row: 3, cells: ['last', 'row'] },
    ]);
  });

  it('drops a byte-order mark', () => {
    expect(rows('\uFEFFid\nx')[0]).toEqual({ row: 1, cells: ['id'] });
  });

  it('counts lines for progress', () => {
    expect(countLines('a\nb\n')).toBe(2);
    expect(countLines('a\nb')).toBe(2);
  });
});
