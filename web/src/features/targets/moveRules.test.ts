import { describe, expect, it } from 'vitest';
import { planDrop, wanToCny } from './moveRules';

describe('board drop plans', () => {
  const negotiating = { stage: 'NEGOTIATING' as const, allowedMoves: ['SIGNED' as const, 'DROPPED' as const], agreementCny: null };

  it('asks for the amount on signing and for a reason on dropping', () => {
    expect(planDrop(negotiating, 'SIGNED')).toEqual({ kind: 'askAmount' });
    expect(planDrop(negotiating, 'DROPPED')).toEqual({ kind: 'askReason' });
  });

  it('refuses a skip, naming the next stage, and ignores a drop on its own column', () => {
    expect(planDrop(negotiating, 'PRODUCING')).toEqual({ kind: 'refuse', next: 'SIGNED' });
    expect(planDrop(negotiating, 'NEGOTIATING')).toEqual({ kind: 'none' });
    expect(planDrop({ stage: 'PRODUCING', allowedMoves: [], agreementCny: 1 }, 'DROPPED')).toEqual({ kind: 'refuse', next: null });
  });

  it('moves straight on an allowed step', () => {
    expect(planDrop({ stage: 'SIGNED', allowedMoves: ['STARTED', 'DROPPED'], agreementCny: 1 }, 'STARTED')).toEqual({ kind: 'move' });
  });

  it('converts 万元 to CNY', () => {
    expect(wanToCny(25000)).toBe(250_000_000);
    expect(wanToCny(0.5)).toBe(5000);
  });
});
