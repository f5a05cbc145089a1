import { describe, expect, it } from 'vitest';
import { allowedIntroductionMoves, checkIntroductionMove } from './stages';

describe('introduction stages', () => {
  it('moves forward one stage at a time by hand', () => {
    expect(checkIntroductionMove('PROPOSED', { stage: 'INTRODUCED' })).toEqual({ ok: true });
    expect(checkIntroductionMove('TRIAL', { stage: 'SUPPLYING' })).toEqual({ ok: true });
    expect(checkIntroductionMove('PROPOSED', { stage: 'INSPECTED' })).toMatchObject({ ok: false, field: 'stage' });
    expect(checkIntroductionMove('INSPECTED', { stage: 'INTRODUCED' })).toMatchObject({ ok: false, field: 'stage' });
  });

  it('lets an order move any open stage straight to supplying, and nothing else', () => {
    expect(checkIntroductionMove('PROPOSED', { stage: 'SUPPLYING', byOrder: true })).toEqual({ ok: true });
    expect(checkIntroductionMove('PROPOSED', { stage: 'TRIAL', byOrder: true })).toMatchObject({ ok: false });
    expect(checkIntroductionMove('DECLINED', { stage: 'SUPPLYING', byOrder: true })).toMatchObject({ ok: false });
  });

  it('declines from any open stage with a reason; OTHER needs a note', () => {
    expect(checkIntroductionMove('TRIAL', { stage: 'DECLINED', reason: 'QUALITY' })).toEqual({ ok: true });
    expect(checkIntroductionMove('TRIAL', { stage: 'DECLINED' })).toMatchObject({ ok: false, field: 'reason' });
    expect(checkIntroductionMove('TRIAL', { stage: 'DECLINED', reason: 'OTHER', note: ' ' })).toMatchObject({ ok: false, field: 'note' });
    expect(checkIntroductionMove('TRIAL', { stage: 'DECLINED', reason: 'OTHER', note: '客户停产' })).toEqual({ ok: true });
  });

  it('keeps SUPPLYING and DECLINED final', () => {
    expect(allowedIntroductionMoves('SUPPLYING')).toEqual([]);
    expect(allowedIntroductionMoves('DECLINED')).toEqual([]);
    expect(allowedIntroductionMoves('PROPOSED')).toEqual(['INTRODUCED', 'DECLINED']);
    expect(checkIntroductionMove('SUPPLYING', { stage: 'DECLINED', reason: 'PRICE' })).toMatchObject({ ok: false, field: 'stage' });
  });
});
