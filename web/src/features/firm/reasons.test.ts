import { describe, expect, it } from 'vitest';
import { explainReason } from './reasons';

describe('a refusal in the words of the form', () => {
  it('puts the validators’ reasons into Chinese', () => {
    expect(explainReason('must not be negative', 'zh')).toBe('不能为负数');
    expect(explainReason('must be at most 32 characters', 'zh')).toBe('最多 32 个字符');
    expect(explainReason('must be 1990 or later', 'zh')).toBe('不能早于 1990 年');
    expect(explainReason('a firm cannot order from itself', 'zh')).toBe('不能选择本企业作为对方企业');
  });

  it('names the hidden character a name or note was refused for', () => {
    expect(explainReason('must not contain invisible characters (U+200B at character 5)', 'zh')).toBe('不能包含不可见字符（第 5 个字符 U+200B）');
    expect(explainReason('must not contain text direction controls (U+202E at character 7)', 'zh')).toBe('不能包含文字方向控制符（第 7 个字符 U+202E）');
    expect(explainReason('must not contain control characters (U+0000 at character 3)', 'zh')).toBe('不能包含控制字符（第 3 个字符 U+0000）');
    expect(explainReason('must be a single line (a line break at character 4)', 'zh')).toBe('只能填写一行（第 4 个字符是换行）');
    expect(explainReason('must be a single line (a line break at character 4)', 'en')).toBe('must be a single line (a line break at character 4)');
  });

  it('keeps English as the server wrote it', () => {
    expect(explainReason('must not be negative', 'en')).toBe('must not be negative');
    expect(explainReason('must be an 18-character unified social credit code', 'en')).toBe('must be an 18-character unified social credit code');
  });

  it('speaks of 0–100 on a percentage field, since the API checks a share', () => {
    expect(explainReason('must be between 0 and 1', 'zh', true)).toBe('须在 0 到 100 之间');
    expect(explainReason('must be between 0 and 1', 'en', true)).toBe('must be between 0 and 100');
    expect(explainReason('must be between 0 and 1', 'en')).toBe('must be between 0 and 1');
  });

  it('shows a reason it does not know as the server wrote it', () => {
    expect(explainReason('unknown firm "nobody"', 'zh')).toBe('unknown firm "nobody"');
    expect(explainReason('not allowed to edit firm aofang', 'zh')).toBe('not allowed to edit firm aofang');
  });
});
