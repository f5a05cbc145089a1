import { describe, expect, it } from 'vitest';
import { targetDaySchema } from './target-validators';
import { firmInputSchema, orderInputSchema } from './validators';

const firm = { id: 'aofang', nameZh: '重庆奥方汽车零部件有限公司', nameEn: 'Chongqing Aofang Auto Parts Co., Ltd.', districtCode: '500120' };
const order = { kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2024, amountCny: 3_000_000 };

const problems = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.path.join('.')) ?? []);

describe('firmInputSchema', () => {
  it('accepts a real firm and fills defaults', () => {
    const parsed = firmInputSchema.parse(firm);
    expect(parsed).toMatchObject({ ...firm, isChainLeader: false, certifications: [] });
  });

  it('keeps apostrophes, brackets and ampersands, and trims', () => {
    expect(firmInputSchema.parse({ ...firm, nameEn: "  Yi'an Auto Parts (Tongliang) & Co.  " }).nameEn).toBe("Yi'an Auto Parts (Tongliang) & Co.");
  });

  it.each([
    ['nameZh', { nameZh: '' }],
    ['nameEn', { nameEn: 'x'.repeat(201) }],
    ['nameEn', { nameEn: 'a"b' }],
    ['nameEn', { nameEn: 'tab\there' }],
    ['id', { id: 'has space' }],
    ['yieldRate', { yieldRate: -0.1 }],
    ['creditCode', { creditCode: '12345' }],
    ['districtCode', { districtCode: '5001 17' }],
  ])('names %s when it is bad', (field, patch) => {
    expect(problems(firmInputSchema.safeParse({ ...firm, ...patch }))).toEqual([field]);
  });

  it('accepts a well-formed unified social credit code', () => {
    expect(firmInputSchema.safeParse({ ...firm, creditCode: '91500000MA5U7AAA1X' }).success).toBe(true);
  });
});

describe('orderInputSchema', () => {
  it('accepts an order and defaults its status', () => {
    expect(orderInputSchema.parse(order).status).toBe('ACTIVE');
  });

  it.each([
    ['amountCny', { amountCny: -1 }],
    ['amountCny', { amountCny: Number.POSITIVE_INFINITY }],
    ['year', { year: 2024.5 }],
    ['kind', { kind: 'GIFT' }],
    ['buyerId', { buyerId: 'aofang', supplierId: 'aofang' }],
  ])('names %s when it is bad', (field, patch) => {
    expect(problems(orderInputSchema.safeParse({ ...order, ...patch }))).toEqual([field]);
  });
});

describe('targetDaySchema', () => {
  it('takes calendar days only', () => {
    expect(targetDaySchema.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-3-18', '18.03.2025', '1989-12-31']) {
      expect(targetDaySchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
