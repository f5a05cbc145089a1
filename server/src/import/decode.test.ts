import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, ImportFileError, sniffFormat } from './decode';

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ImportFileError ? error.problem : 'other';
  }
  return null;
};

describe('decoding', () => {
  const text = '企业名称,区县代码\n重庆奥方汽车零部件有限公司,500120\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });

  it('falls back to GBK when the bytes are not UTF-8', () => {
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text);
  });

  it('refuses binary content and blank files', () => {
    expect(problemOf(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])))).toBe('notSpreadsheet');
    expect(problemOf(() => decodeText(Buffer.from('  \r\n')))).toBe('empty');
  });

  it('tells XLSX, legacy XLS and empty files apart by content', () => {
    expect(sniffFormat(Buffer.from('504b030414', 'hex'))).toBe('xlsx');
    expect(sniffFormat(Buffer.from('id,name'))).toBe('csv');
    expect(problemOf(() => sniffFormat(Buffer.from('d0cf11e0a1b1', 'hex')))).toBe('legacyXls');
    expect(problemOf(() => sniffFormat(Buffer.alloc(0)))).toBe('empty');
  });
});
