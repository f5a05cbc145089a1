import { describe, expect, it } from 'vitest';
import { targetInputSchema, targetMoveSchema } from './target-validators';
import { multiLineText, nameText, oneLineText, trimText } from './text';
import { firmInputSchema, needInputSchema, userInputSchema } from './validators';

const firm = { id: 'aofang', nameZh: '重庆奥方汽车零部件有限公司', nameEn: 'Chongqing Aofang Auto Parts Co., Ltd.', districtCode: '500120' };

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []);

describe('one-line text and names', () => {
  it.each([
    ['a zero-width space', '重庆奥方\u200b汽车零部件有限公司', 'must not contain invisible characters (U+200B at character 5)'],
    ['a zero-width joiner', 'Ao\u200dfang', 'must not contain invisible characters (U+200D at character 3)'],
    ['a word joiner', 'Ao\u2060fang', 'must not contain invisible characters (U+2060 at character 3)'],
    ['a trailing byte-order mark, which trim would drop', 'Aofang\ufeff', 'must not contain invisible characters (U+FEFF at character 7)'],
    ['a right-to-left override', 'Aofang\u202egnp.exe', 'must not contain text direction controls (U+202E at character 7)'],
    ['a left-to-right mark', '\u200eAofang', 'must not contain text direction controls (U+200E at character 1)'],
    ['an isolate', 'A\u2066b\u2069', 'must not contain text direction controls (U+2066 at character 2)'],
    ['an Arabic letter mark', 'A\u061cb', 'must not contain text direction controls (U+061C at character 2)'],
    ['a NUL', 'Ao\u0000fang', 'must not contain control characters (U+0000 at character 3)'],
    ['an escape', 'Ao\u001bfang', 'must not contain control characters (U+001B at character 3)'],
    ['a DEL', 'Aofang\u007f', 'must not contain control characters (U+007F at character 7)'],
    ['a C1 control', 'Ao\u0085fang', 'must not contain control characters (U+0085 at character 3)'],
    ['a tab', 'Ao\tfang', 'must not contain control characters (U+0009 at character 3)'],
    ['a line feed', 'Ao\nfang', 'must be a single line (a line break at character 3)'],
    ['a carriage return', 'Ao\rfang', 'must be a single line (a line break at character 3)'],
    ['a line separator', 'Ao\u2028fang', 'must be a single line (a line break at character 3)'],
  ])('refuses %s in a name', (_what, text, message) => {
    expect(issues(nameText(200).safeParse(text))).toEqual([`: ${message}`]);
    expect(issues(oneLineText(200).safeParse(text))).toEqual([`: ${message}`]);
  });

  it('counts a character beyond the Basic Multilingual Plane as one', () => {
    expect(issues(oneLineText(200).safeParse('𠀀𠀀\u200b'))).toEqual([': must not contain invisible characters (U+200B at character 3)']);
  });

  it('stores names in NFC and trims whitespace, line breaks included, but not U+FEFF', () => {
    expect(nameText(200).parse(' Cafe\u0301 Parts ')).toBe('Caf\u00e9 Parts');
    expect(nameText(200).parse('\u3000Aofang\r\n\t')).toBe('Aofang');
    expect(trimText(' \ufeffAofang\ufeff\u00a0')).toBe('\ufeffAofang\ufeff');
    expect(trimText('Aofang')).toBe('Aofang');
    expect(trimText('  ')).toBe('');
    expect(oneLineText(200).parse('Ha\u0308rtel')).toBe('H\u00e4rtel');
  });

  it('keeps ordinary Chinese and Latin names, full-width punctuation and ideographic spaces inside', () => {
    for (const text of ['重庆奥方汽车零部件有限公司', "Yi'an Auto Parts (Tongliang) & Co.", '广安示例（合川）基地', '奥方\u3000汽车', 'Ñandú S.A.']) {
      expect(nameText(200).safeParse(text).success, text).toBe(true);
    }
  });

  it('still refuses the punctuation of markup and queries in names', () => {
    expect(issues(nameText(200).safeParse('a<b'))).toEqual([': must not contain quotes, braces, brackets, semicolons, angle brackets or backslashes']);
  });
});

describe('multi-line text', () => {
  it('keeps line feeds and tabs, and makes other line ends line feeds', () => {
    expect(multiLineText(2000).parse('line one\r\nline two\rline three\u2028four\n\tindented')).toBe('line one\nline two\nline three\nfour\n\tindented');
  });

  it.each([
    ['a NUL', 'a\u0000b', 'must not contain control characters (U+0000 at character 2)'],
    ['a vertical tab', 'a\u000bb', 'must not contain control characters (U+000B at character 2)'],
    ['a DEL', 'a\u007f', 'must not contain control characters (U+007F at character 2)'],
    ['a C1 control', 'a\u009bb', 'must not contain control characters (U+009B at character 2)'],
    ['a zero-width space', 'a\u200bb', 'must not contain invisible characters (U+200B at character 2)'],
    ['a right-to-left override', '\u202eb', 'must not contain text direction controls (U+202E at character 1)'],
  ])('refuses %s', (_what, text, message) => {
    expect(issues(multiLineText(2000).safeParse(text))).toEqual([`: ${message}`]);
  });

  it('counts the length after normalising', () => {
    expect(multiLineText(3).safeParse('e\u0301e\u0301e\u0301').success).toBe(true);
  });
});

describe('the shared schemas use these rules', () => {
  it.each([
    ['nameZh', { nameZh: '重庆奥方\u200b汽车零部件有限公司' }],
    ['nameEn', { nameEn: 'Aofang\ufeff' }],
    ['shortNameEn', { shortNameEn: 'Aofang\u202e' }],
    ['notes', { notes: 'a\u0000b' }],
    ['certifications.0', { certifications: ['IATF\u200b16949'] }],
  ])('firmInputSchema names %s', (field, patch) => {
    const found = issues(firmInputSchema.safeParse({ ...firm, ...patch }));
    expect(found).toHaveLength(1);
    expect(found[0]?.startsWith(`${field}: `)).toBe(true);
  });

  it('firmInputSchema keeps a firm note of several lines, and stores NFC', () => {
    const parsed = firmInputSchema.parse({ ...firm, nameEn: 'Aofang Cafe\u0301', notes: '第一行\r\n第二行' });
    expect(parsed.nameEn).toBe('Aofang Caf\u00e9');
    expect(parsed.notes).toBe('第一行\n第二行');
  });

  it('units, target texts and display names follow them too', () => {
    expect(issues(needInputSchema.safeParse({ firmId: 'aofang', segmentCode: 'X', unit: '套\u200b' }))[0]).toMatch(/^unit: must not contain invisible/);
    const target = { name: '某铝型材企业', districtCode: '500117', segmentCode: 'AL_EXTRUSION' };
    expect(issues(targetInputSchema.safeParse({ ...target, contact: '138\n0000' }))[0]).toMatch(/^contact: must be a single line/);
    expect(issues(targetInputSchema.safeParse({ ...target, name: '某\u202e企业' }))[0]).toMatch(/^name: must not contain text direction/);
    expect(targetInputSchema.parse({ ...target, notes: 'a\nb' }).notes).toBe('a\nb');
    expect(issues(targetMoveSchema.safeParse({ id: 't1', stage: 'DROPPED', reason: 'x\u0007' }))[0]).toMatch(/^reason: must not contain control/);
    const user = { username: 'someone', role: 'ADMIN', password: 'a long enough password' };
    expect(issues(userInputSchema.safeParse({ ...user, displayName: 'Ad\u200bmin' }))[0]).toMatch(/^displayName: must not contain invisible/);
  });
});
