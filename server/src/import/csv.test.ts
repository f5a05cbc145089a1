import { describe, expect, it } from 'vitest';
import { countLines, parseCsv } from './csv';
import { defaultReadLimits, ImportLimitError, ReadBudget, type ReadLimits } from './read-limits';

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

  it('stops at the read limits as it reads, naming the row', () => {
    const limit = (text: string, limits: Partial<ReadLimits>) => {
      try {
        for (const _ of parseCsv(text, new ReadBudget({ ...defaultReadLimits, ...limits })));
        return null;
      } catch (error) {
        return error instanceof ImportLimitError ? [error.limit, error.row] : String(error);
      }
    };
    expect(limit('a\nb\nc\nd', { maxRows: 3 })).toEqual(['maxRows', 4]);
    expect(limit('a,b\n1,2,3,4,5', { maxColumns: 4 })).toEqual(['maxColumns', 2]);
    expect(limit('a,b\n"1,2",",",3,",",5', { maxColumns: 4 })).toEqual(['maxColumns', 2]);
    expect(limit(`a\nok,${'x'.repeat(30)}`, { maxCellChars: 20 })).toEqual(['maxCellChars', 2]);
    // An unclosed quote runs to the end of the file: it stops at the cell limit, not there.
    expect(limit(`a\n"${'x'.repeat(30)}\n${'y'.repeat(30)}`, { maxCellChars: 20 })).toEqual(['maxCellChars', 2]);
    expect(limit('a,b\n1,2', { maxColumns: 2, maxCellChars: 1, maxRows: 2 })).toBeNull();
  });
});
