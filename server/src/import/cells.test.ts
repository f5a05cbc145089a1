import { describe, expect, it } from 'vitest';
import { convertCell } from './cells';

describe('convertCell', () => {
  it('reads numbers as Excel users write them', () => {
    expect(convertCell('1,250,000.5', 'number', 'amountCny')).toEqual({ ok: true, value: 1_250_000.5 });
    expect(convertCell('90%', 'number', 'yieldRate')).toEqual({ ok: true, value: 0.9 });
    expect(convertCell(42, 'number', 'year')).toEqual({ ok: true, value: 42 });
    expect(convertCell('12万', 'number', 'amountCny')).toEqual({ ok: false, problem: 'badNumber' });
    expect(convertCell('0x10', 'number', 'amountCny')).toEqual({ ok: false, problem: 'badNumber' });
  });

  it('takes off the apostrophe an export put before a formula start, and no other', () => {
    expect(convertCell("'=HYPERLINK(\"x\")", 'string', 'notes')).toEqual({ ok: true, value: '=HYPERLINK("x")' });
    expect(convertCell("''+1", 'string', 'notes')).toEqual({ ok: true, value: "'+1" });
    expect(convertCell("'=1+1;ISO 9001", 'list', 'certifications')).toEqual({ ok: true, value: ['=1+1', 'ISO 9001'] });
    expect(convertCell("'quoted'", 'string', 'notes')).toEqual({ ok: true, value: "'quoted'" });
  });

  it('treats blank cells as absent, so schema defaults apply', () => {
    expect(convertCell('  ', 'number', 'quantity')).toEqual({ ok: true, value: undefined });
    expect(convertCell(null, 'bool', 'isOem')).toEqual({ ok: true, value: undefined });
  });

  it('reads yes/no in both languages', () => {
    expect(convertCell('是', 'bool', 'isOem')).toEqual({ ok: true, value: true });
    expect(convertCell('FALSE', 'bool', 'isOem')).toEqual({ ok: true, value: false });
    expect(convertCell('maybe', 'bool', 'isOem')).toEqual({ ok: false, problem: 'badBool' });
  });

  it('maps Chinese words and any case to enum codes, and splits lists', () => {
    expect(convertCell('废料返还', 'string', 'kind')).toEqual({ ok: true, value: 'SCRAP_RETURN' });
    expect(convertCell('supply', 'string', 'kind')).toEqual({ ok: true, value: 'SUPPLY' });
    expect(convertCell('设备；technology、Orders', 'list', 'kinds')).toEqual({ ok: true, value: ['EQUIPMENT', 'TECHNOLOGY', 'ORDERS'] });
    expect(convertCell('IATF 16949; ISO 9001', 'list', 'certifications')).toEqual({ ok: true, value: ['IATF 16949', 'ISO 9001'] });
  });

  it('reads target stages in Chinese and days as Chinese Excel writes them', () => {
    expect(convertCell('已签约', 'string', 'stage')).toEqual({ ok: true, value: 'SIGNED' });
    expect(convertCell('negotiating', 'string', 'stage')).toEqual({ ok: true, value: 'NEGOTIATING' });
    expect(convertCell('2025/3/8', 'date', 'signedOn')).toEqual({ ok: true, value: '2025-03-08' });
    expect(convertCell('2025年12月1日', 'date', 'signedOn')).toEqual({ ok: true, value: '2025-12-01' });
    expect(convertCell('2025-03-18', 'date', 'signedOn')).toEqual({ ok: true, value: '2025-03-18' });
    expect(convertCell('next spring', 'date', 'signedOn')).toEqual({ ok: false, problem: 'badDate' });
    expect(convertCell(45734, 'date', 'signedOn')).toEqual({ ok: false, problem: 'badDate' });
  });
});
