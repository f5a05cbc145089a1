import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv([['企业', '距离'], ['奥方', 42.5]])).toBe('\uFEFF企业,距离\r\n奥方,42.5\r\n');
  });

  it('quotes commas, quotes and line breaks; leaves nulls empty', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null]])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', -5]])).toBe('\uFEFF"\'=HYPERLINK(""x"")",\'+1,-5\r\n');
  });

  it('defuses text starting with a tab or carriage return too, as the server\'s exports do', () => {
    expect(toCsv([['\t=1+1', '\r=1+1', '-5%']])).toBe('\uFEFF\'\t=1+1,"\'\r=1+1",\'-5%\r\n');
  });
});
