import { describe, expect, it } from 'vitest';
import { cnyFromInput, inputFromCny, percentOf, shareOf, textOrNull } from './units';

describe('percentages typed as people say them', () => {
  it('turns a share into a percentage with one decimal', () => {
    expect(percentOf(0.8)).toBe(80);
    expect(percentOf(0.9)).toBe(90);
    expect(percentOf(0.2857)).toBe(28.6);
    expect(percentOf(null)).toBeNull();
    expect(percentOf(undefined)).toBeNull();
  });

  it('turns a typed percentage into a share without float noise', () => {
    expect(shareOf(80)).toBe(0.8);
    expect(shareOf(33.3)).toBe(0.333);
    expect(shareOf(0)).toBe(0);
    expect(shareOf(null)).toBeNull();
  });
});

describe('money typed in 万元 (Chinese) or CNY (English)', () => {
  it('scales 万元 to whole CNY', () => {
    expect(cnyFromInput(300, 'zh')).toBe(3_000_000);
    expect(cnyFromInput(0.55, 'zh')).toBe(5_500);
    expect(cnyFromInput(1234.5678, 'zh')).toBe(12_345_678);
  });

  it('takes English amounts as CNY, rounded to whole yuan', () => {
    expect(cnyFromInput(3_000_000, 'en')).toBe(3_000_000);
    expect(cnyFromInput(10.4, 'en')).toBe(10);
  });

  it('lets a negative amount through for the server to refuse', () => {
    expect(cnyFromInput(-5, 'zh')).toBe(-50_000);
  });

  it('shows stored CNY in the typed unit and round-trips', () => {
    expect(inputFromCny(10_000_000, 'zh')).toBe(1000);
    expect(inputFromCny(10_000_000, 'en')).toBe(10_000_000);
    expect(cnyFromInput(inputFromCny(12_345_678, 'zh'), 'zh')).toBe(12_345_678);
    expect(inputFromCny(null, 'zh')).toBeNull();
    expect(cnyFromInput(undefined, 'en')).toBeNull();
  });
});

describe('text fields', () => {
  it('trims, and sends null for nothing', () => {
    expect(textOrNull('  IATF 16949 ')).toBe('IATF 16949');
    expect(textOrNull('   ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
  });
});
