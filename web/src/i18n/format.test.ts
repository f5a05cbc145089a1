import { describe, expect, it } from 'vitest';
import { formatKm, formatMoney, formatMoneyOrDash, formatNumber, formatPercent } from './format';

describe('formatMoney in Chinese', () => {
  it('gives amounts from 1万 in 万元', () => {
    expect(formatMoney(3_000_000, 'zh')).toBe('300万元');
    expect(formatMoney(10_000, 'zh')).toBe('1万元');
    expect(formatMoney(25_000_000, 'zh')).toBe('2500万元');
    expect(formatMoney(12_345_678, 'zh')).toBe('1234.57万元');
    expect(formatMoney(9_000_000 + 5_000, 'zh')).toBe('900.5万元');
  });

  it('gives amounts from 1亿 in 亿元', () => {
    expect(formatMoney(180_000_000, 'zh')).toBe('1.8亿元');
    expect(formatMoney(100_000_000, 'zh')).toBe('1亿元');
    expect(formatMoney(11_000_000_000, 'zh')).toBe('110亿元');
    expect(formatMoney(22_000_000_000, 'zh')).toBe('220亿元');
    expect(formatMoney(123_456_789_000, 'zh')).toBe('1,234.57亿元');
  });

  it('switches unit after rounding, never showing 10000万元', () => {
    expect(formatMoney(99_999_999, 'zh')).toBe('1亿元');
    expect(formatMoney(9_999.6, 'zh')).toBe('1万元');
  });

  it('keeps small amounts in 元', () => {
    expect(formatMoney(0, 'zh')).toBe('0元');
    expect(formatMoney(5_000, 'zh')).toBe('5000元');
    expect(formatMoney(0.4, 'zh')).toBe('0元');
  });

  it('signs negative amounts', () => {
    expect(formatMoney(-3_000_000, 'zh')).toBe('-300万元');
    expect(formatMoney(-250_000_000, 'zh')).toBe('-2.5亿元');
  });
});

describe('formatMoney in English', () => {
  it('gives whole CNY with thousands separators', () => {
    expect(formatMoney(3_000_000, 'en')).toBe('CNY 3,000,000');
    expect(formatMoney(180_000_000, 'en')).toBe('CNY 180,000,000');
    expect(formatMoney(999, 'en')).toBe('CNY 999');
    expect(formatMoney(0, 'en')).toBe('CNY 0');
    expect(formatMoney(1_234.56, 'en')).toBe('CNY 1,235');
    expect(formatMoney(-17_000_000, 'en')).toBe('CNY -17,000,000');
  });
});

describe('non-amounts', () => {
  it('shows a dash for unknown or non-finite values', () => {
    expect(formatMoney(Number.NaN, 'zh')).toBe('—');
    expect(formatMoney(Number.POSITIVE_INFINITY, 'en')).toBe('—');
    expect(formatMoneyOrDash(null, 'zh')).toBe('—');
    expect(formatMoneyOrDash(undefined, 'en')).toBe('—');
    expect(formatMoneyOrDash(3_000_000, 'en')).toBe('CNY 3,000,000');
  });
});

describe('percentages, quantities and distances', () => {
  it('formats shares as percentages in both languages', () => {
    expect(formatPercent(0.9, 'zh')).toBe('90%');
    expect(formatPercent(0.2857, 'en')).toBe('28.6%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('groups quantities by thousands', () => {
    expect(formatNumber(120_000, 'zh')).toBe('120,000');
    expect(formatNumber(120_000, 'en')).toBe('120,000');
    expect(formatNumber(undefined, 'zh')).toBe('—');
  });

  it('gives distances in 公里 or km', () => {
    expect(formatKm(42.46, 'zh')).toBe('42.5公里');
    expect(formatKm(42.46, 'en')).toBe('42.5 km');
    expect(formatKm(null, 'zh')).toBe('—');
  });
});
