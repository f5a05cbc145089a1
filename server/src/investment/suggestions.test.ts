import { describe, expect, it } from 'vitest';
import type { ChainGap } from '../analysis/types';
import { suggestTargets } from './suggestions';

const gap = (leaderId: string, segmentCode: string, outside: [string, number, number][]): ChainGap => ({
  leaderId,
  segmentCode,
  year: 2025,
  purchasedCny: outside.reduce((s, [, a]) => s + a, 0),
  localCny: 0,
  localShare: 0,
  unsupplied: false,
  outsideSuppliers: outside.map(([firmId, amountCny, distanceKm]) => ({ firmId, amountCny, distanceKm })),
});

describe('target suggestions', () => {
  it('ranks outside suppliers of gap segments by the value bought from them, summed over leaders', () => {
    const suggestions = suggestTargets([
      gap('anrui', 'LIGHTING_ELECTRONICS', [['sp-led', 35e6, 50]]),
      gap('jianya', 'BEARING', [['lj-bearing', 44e6, 40]]),
      gap('pingwei', 'AL_EXTRUSION', [['ga-ext', 75e6, 60]]),
      // A second leader buying from the same firm: one suggestion, amounts added, nearest distance kept.
      gap('anrui', 'BEARING', [['lj-bearing', 40e6, 30], ['far-bearing', 1e6, 900]]),
    ]);
    expect(suggestions.map((s) => [s.firmId, s.segmentCode, s.amountCny])).toEqual([
      ['lj-bearing', 'BEARING', 84e6],
      ['ga-ext', 'AL_EXTRUSION', 75e6],
      ['sp-led', 'LIGHTING_ELECTRONICS', 35e6],
      ['far-bearing', 'BEARING', 1e6],
    ]);
    expect(suggestions[0]).toMatchObject({ leaderIds: ['anrui', 'jianya'], distanceKm: 30 });
  });

  it('suggests nothing for gaps bought from nobody', () => {
    expect(suggestTargets([gap('anrui', 'INJECTION_MOULDING', [])])).toEqual([]);
  });
});
