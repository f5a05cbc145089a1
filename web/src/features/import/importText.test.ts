import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, importText } from './importText';

describe('import page texts', () => {
  it('names every kind in both languages', () => {
    for (const kind of IMPORT_KINDS) {
      expect(importText('zh', `kind.${kind}`)).toMatch(/[\u4e00-\u9fff]/);
      expect(importText('en', `kind.${kind}`)).toMatch(/^[A-Z]/);
    }
  });

  it('explains the target rules in both languages', () => {
    expect(IMPORT_KINDS).toContain('targets');
    expect(importText('zh', 'hint.targets')).toContain('放弃');
    expect(importText('en', 'hint.targets')).toContain('DROPPED');
  });

  it('fills parameters', () => {
    expect(importText('en', 'moreErrors', { shown: 1000, total: 5000 })).toBe('Showing the first 1000 of 5000 errors.');
    expect(importText('zh', 'actions', { from: 3, to: 9, action: '新增' })).toBe('第 3–9 行：新增');
  });
});
