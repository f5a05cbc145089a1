import type { Role } from '@yulian/schema';
import { describe, expect, it } from 'vitest';
import { aggregateWithheld, MIN_AGGREGATE, type Contribution } from './policy';
import { ratioWithheld, withholdCells } from './withheld-cells';
import type { Viewer } from './viewer';

const viewer = (role: Role, firmId: string | null = null): Viewer => ({
  userId: 'u', username: 'u', displayName: null, role, districtCode: '500117', firmId, sessionId: 's',
});
const investment = viewer('INVESTMENT');
const link = (supplierId: string, orders = 1, buyerId = 'buyer'): Contribution => ({ supplierId, buyerId, orders });

describe('the small-cell rule for one sum', () => {
  it('withholds from an investment team a sum of fewer than 3 orders, or of fewer than 3 pairs', () => {
    expect(MIN_AGGREGATE).toBe(3);
    expect(aggregateWithheld(investment, [link('a'), link('b')])).toBe('TOO_FEW_ORDERS');
    expect(aggregateWithheld(investment, [link('a', 2), link('b', 5)])).toBe('TOO_FEW_COUNTERPARTIES');
    // The same supplier to three buyers is three pairs.
    expect(aggregateWithheld(investment, [link('a', 1, 'x'), link('a', 1, 'y'), link('a', 1, 'z')])).toBeNull();
    expect(aggregateWithheld(investment, [link('a'), link('b'), link('c')])).toBeNull();
  });

  it('shows an empty sum: that nobody traded is public', () => {
    expect(aggregateWithheld(investment, [])).toBeNull();
  });

  it('shows bureaus and admins everything, and a firm what sums only its own orders', () => {
    for (const role of ['ADMIN', 'BUREAU'] as const) expect(aggregateWithheld(viewer(role), [link('a')])).toBeNull();
    const own = viewer('FIRM', 'buyer');
    expect(aggregateWithheld(own, [link('a')])).toBeNull();
    // A firm's own orders do not count towards the rest: the sum less them is the others' amount.
    const supplier = viewer('FIRM', 'a');
    expect(aggregateWithheld(supplier, [link('a', 1), link('b', 1), link('c', 1)])).toBe('TOO_FEW_ORDERS');
  });
});

describe('the figures of one answer together', () => {
  const local = [link('l1'), link('l2'), link('l3')];
  const outside = [link('o1'), link('o2'), link('o3')];

  it('shows a total and its parts when every part rests on enough pairs', () => {
    const total = [...local, ...outside];
    expect(withholdCells(investment, [total, local, outside])).toEqual([null, null, null]);
  });

  it('withholds a part whose complement in a shown total would be a small cell', () => {
    const lone = [link('o1', 5)];
    const total = [...local, ...lone];
    expect(withholdCells(investment, [total, local])).toEqual([null, 'REVEALS_WITHHELD']);
    // Without the total the part alone is fine.
    expect(withholdCells(investment, [local])).toEqual([null]);
  });

  it('withholds the part that would single out a withheld one among overlapping figures', () => {
    // total = A + B + C; A (3 pairs) shown, then A + B (B of one pair) would isolate B.
    const a = local;
    const b = [link('b1', 4)];
    const c = outside;
    const total = [...a, ...b, ...c];
    const ab = [...a, ...b];
    expect(withholdCells(investment, [total, a, ab, b])).toEqual([null, null, 'REVEALS_WITHHELD', 'TOO_FEW_COUNTERPARTIES']);
  });

  it('leaves a viewer who sees every amount all figures', () => {
    expect(withholdCells(viewer('BUREAU'), [[link('a')], []])).toEqual([null, null]);
  });
});

describe('a share', () => {
  const cell = [link('a')];
  it('is shown when numerator and denominator are', () => {
    expect(ratioWithheld({ cell, withheld: null }, { cell: [...cell, link('b')], withheld: null })).toBeNull();
  });

  it('follows a withheld numerator or denominator', () => {
    expect(ratioWithheld({ cell, withheld: 'TOO_FEW_ORDERS' }, { cell: [...cell, link('b'), link('c')], withheld: null })).toBe('TOO_FEW_ORDERS');
    expect(ratioWithheld({ cell: [link('a'), link('b')], withheld: null }, { cell: [link('a'), link('b'), link('c')], withheld: 'REVEALS_WITHHELD' })).toBe('REVEALS_WITHHELD');
  });

  it('is shown when it is 0 or 1 by who traded with whom alone', () => {
    expect(ratioWithheld({ cell: [], withheld: null }, { cell, withheld: 'TOO_FEW_ORDERS' })).toBeNull();
    expect(ratioWithheld({ cell, withheld: 'TOO_FEW_ORDERS' }, { cell, withheld: 'TOO_FEW_ORDERS' })).toBeNull();
  });
});
