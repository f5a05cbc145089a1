import { describe, expect, it } from 'vitest';
import { allowedMoves, checkMove, nextStage } from './stages';

describe('target stage rules', () => {
  it('moves forward one stage at a time', () => {
    expect(checkMove({ stage: 'LEAD', agreementCny: null }, { stage: 'CONTACTED' })).toEqual({ ok: true });
    expect(checkMove({ stage: 'CONTACTED', agreementCny: null }, { stage: 'NEGOTIATING' })).toEqual({ ok: true });
    expect(checkMove({ stage: 'SIGNED', agreementCny: 5e8 }, { stage: 'STARTED' })).toEqual({ ok: true });
    expect(checkMove({ stage: 'STARTED', agreementCny: 5e8 }, { stage: 'PRODUCING' })).toEqual({ ok: true });
  });

  it('refuses skipping and going back, naming the stage', () => {
    expect(checkMove({ stage: 'LEAD', agreementCny: 1 }, { stage: 'NEGOTIATING' })).toMatchObject({ ok: false, field: 'stage' });
    expect(checkMove({ stage: 'LEAD', agreementCny: 1 }, { stage: 'SIGNED', agreementCny: 1 })).toMatchObject({ ok: false, field: 'stage' });
    expect(checkMove({ stage: 'SIGNED', agreementCny: 1 }, { stage: 'NEGOTIATING' })).toMatchObject({ ok: false, field: 'stage' });
    expect(checkMove({ stage: 'LEAD', agreementCny: null }, { stage: 'LEAD' })).toMatchObject({ ok: false, field: 'stage' });
  });

  it('signing needs an agreement amount, given with the move or already recorded', () => {
    expect(checkMove({ stage: 'NEGOTIATING', agreementCny: null }, { stage: 'SIGNED' })).toMatchObject({ ok: false, field: 'agreementCny' });
    expect(checkMove({ stage: 'NEGOTIATING', agreementCny: 0 }, { stage: 'SIGNED' })).toMatchObject({ ok: false, field: 'agreementCny' });
    expect(checkMove({ stage: 'NEGOTIATING', agreementCny: null }, { stage: 'SIGNED', agreementCny: 8e8 })).toEqual({ ok: true });
    expect(checkMove({ stage: 'NEGOTIATING', agreementCny: 8e8 }, { stage: 'SIGNED' })).toEqual({ ok: true });
  });

  it('drops from any open stage with a reason, never without', () => {
    for (const stage of ['LEAD', 'CONTACTED', 'NEGOTIATING', 'SIGNED', 'STARTED'] as const) {
      expect(checkMove({ stage, agreementCny: null }, { stage: 'DROPPED', reason: '投资方战略调整' })).toEqual({ ok: true });
      expect(checkMove({ stage, agreementCny: null }, { stage: 'DROPPED' })).toMatchObject({ ok: false, field: 'reason' });
      expect(checkMove({ stage, agreementCny: null }, { stage: 'DROPPED', reason: '   ' })).toMatchObject({ ok: false, field: 'reason' });
    }
  });

  it('ends at PRODUCING and DROPPED', () => {
    expect(checkMove({ stage: 'PRODUCING', agreementCny: 1 }, { stage: 'DROPPED', reason: 'x' })).toMatchObject({ ok: false, field: 'stage' });
    expect(checkMove({ stage: 'DROPPED', agreementCny: 1 }, { stage: 'LEAD' })).toMatchObject({ ok: false, field: 'stage' });
    expect(allowedMoves('PRODUCING')).toEqual([]);
    expect(allowedMoves('DROPPED')).toEqual([]);
    expect(allowedMoves('NEGOTIATING')).toEqual(['SIGNED', 'DROPPED']);
    expect(nextStage('STARTED')).toBe('PRODUCING');
    expect(nextStage('PRODUCING')).toBeNull();
  });
});
