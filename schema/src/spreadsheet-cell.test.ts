import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseText, restoreCell } from './spreadsheet-cell';

describe('neutraliseText', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ['+1+1', "'+1+1"],
    ['-5%', "'-5%"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    // Apostrophes a user typed before a formula start get one more, so the importer can take one off.
    ["'=1+1", "''=1+1"],
    ["''-2", "'''-2"],
  ])('prefixes %j with an apostrophe', (text, expected) => {
    expect(neutraliseText(text)).toBe(expected);
  });

  it.each(['重庆奥方汽车零部件有限公司', "Yi'an Auto Parts", "'quoted'", 'IATF 16949', 'a=b', 'x-1', '', ' =1'])('leaves %j alone', (text) => {
    expect(neutraliseText(text)).toBe(text);
  });
});

describe('neutraliseCell', () => {
  it('leaves numbers, booleans and empty cells alone', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(null)).toBe(null);
    expect(neutraliseCell(undefined)).toBe(undefined);
    expect(neutraliseCell('-5')).toBe("'-5");
  });
});

describe('restoreCell', () => {
  it('takes off exactly the apostrophe neutraliseText added, for any text', () => {
    const texts = ['=1+1', '+86 23 6000 0000', '-5%', '@x', '\tx', '\rx', "'=1", "''+2", "'", "''", "'plain", 'plain', '', "Yi'an", "'@"];
    for (const text of texts) expect(restoreCell(neutraliseText(text)), JSON.stringify(text)).toBe(text);
  });

  it('keeps an apostrophe that does not stand before a formula start', () => {
    expect(restoreCell("'quoted'")).toBe("'quoted'");
    expect(restoreCell("'1990")).toBe("'1990");
  });
});
