import type { Role } from '@yulian/schema';
import { describe, expect, it } from 'vitest';
import { AggregateBlocks, ratioWithheld, type BlockPurchase, type BlockScope } from './aggregate-blocks';
import { aggregateWithheld, MIN_AGGREGATE } from './policy';
import type { Viewer } from './viewer';

const viewer = (role: Role, firmId: string | null = null): Viewer => ({
  userId: 'u', username: 'u', displayName: null, role, districtCode: '500117', firmId, sessionId: 's',
});
const investment = viewer('INVESTMENT');

let next = 0;
/** One trade link: a fresh supplier unless named. */
function bought(buyerId: string, segmentCode: string, local: boolean, { supplierId = `s${next++}`, orders = 1, district = 'D1' } = {}): BlockPurchase {
  return { supplierId, buyerId, orders, segmentCode, local, buyerDistrict: district };
}
const many = (n: number, make: () => BlockPurchase) => Array.from({ length: n }, make);
const DISTRICT: BlockScope = { level: 'district', segmentFiltered: false };

describe('the small-cell rule for one sum', () => {
  const link = (supplierId: string, orders = 1, buyerId = 'buyer') => ({ supplierId, buyerId, orders });

  it('withholds from an investment team a sum of fewer than 3 orders, or of fewer than 3 pairs', () => {
    expect(MIN_AGGREGATE).toBe(3);
    expect(aggregateWithheld(investment, [link('a'), link('b')])).toBe('TOO_FEW_ORDERS');
    expect(aggregateWithheld(investment, [link('a', 2), link('b', 5)])).toBe('TOO_FEW_COUNTERPARTIES');
    // The same supplier to three buyers is three pairs.
    expect(aggregateWithheld(investment, [link('a', 1, 'x'), link('a', 1, 'y'), link('a', 1, 'z')])).toBeNull();
    expect(aggregateWithheld(investment, [link('a'), link('b'), link('c')])).toBeNull();
    // Nobody traded: public anyway.
    expect(aggregateWithheld(investment, [])).toBeNull();
  });

  it('shows bureaus and admins everything, and a firm what sums only its own orders', () => {
    for (const role of ['ADMIN', 'BUREAU'] as const) expect(aggregateWithheld(viewer(role), [link('a')])).toBeNull();
    expect(aggregateWithheld(viewer('FIRM', 'buyer'), [link('a')])).toBeNull();
    // A firm's own orders do not count towards the rest: the sum less them is the others' amount.
    expect(aggregateWithheld(viewer('FIRM', 'a'), [link('a'), link('b'), link('c')])).toBe('TOO_FEW_ORDERS');
  });
});

describe('blocks', () => {
  it('show a segment’s total and local part when the local and outside parts each rest on enough pairs', () => {
    const local = many(3, () => bought('leader', 'SEG', true));
    const outside = many(3, () => bought('leader', 'SEG', false));
    const blocks = new AggregateBlocks(investment, [...local, ...outside], DISTRICT);
    expect(blocks.withheld([...local, ...outside])).toBeNull();
    expect(blocks.withheld(local)).toBeNull();
    expect(blocks.withheld(outside)).toBeNull();
    // One supplier is never enough, however many orders.
    expect(blocks.withheld(local.slice(0, 1))).toBe('TOO_FEW_ORDERS');
  });

  it('withhold a local part whose outside remainder is one supplier', () => {
    const local = many(3, () => bought('leader', 'SEG', true));
    const lone = bought('leader', 'SEG', false, { orders: 5 });
    const blocks = new AggregateBlocks(investment, [...local, lone], DISTRICT);
    expect(blocks.withheld([...local, lone])).toBeNull();
    expect(blocks.withheld(local)).toBe('REVEALS_WITHHELD');
    expect(blocks.withheld([lone])).toBe('TOO_FEW_COUNTERPARTIES');
  });

  it('withhold a district total that, less its other leaders’ totals, would be a leader with two suppliers', () => {
    const small = many(2, () => bought('small', 'A', false));
    const big = many(4, () => bought('big', 'B', true));
    const other = many(3, () => bought('other', 'C', true));
    const district = new AggregateBlocks(investment, [...small, ...big, ...other], DISTRICT);
    expect(district.withheld(big)).toBeNull();
    expect(district.withheld(other)).toBeNull();
    expect(district.withheld([...small, ...big, ...other])).toBe('REVEALS_WITHHELD');
    // The same leaders' figures asked one leader at a time agree.
    const one = (rows: BlockPurchase[]) => new AggregateBlocks(investment, rows, { level: 'buyer', segmentFiltered: false }).withheld(rows);
    expect([one(small), one(big), one(other)]).toEqual(['TOO_FEW_ORDERS', null, null]);
  });

  it('show a district total when its small leaders together rest on enough pairs', () => {
    const smalls = ['a', 'b', 'c'].map((leader) => bought(leader, 'A', false));
    const big = many(4, () => bought('big', 'B', true));
    const blocks = new AggregateBlocks(investment, [...smalls, ...big], DISTRICT);
    expect(blocks.withheld([...smalls, ...big])).toBeNull();
    expect(blocks.withheld(smalls.slice(0, 2))).toBe('TOO_FEW_ORDERS');
  });

  it('show a leader’s total over small segments that together rest on enough pairs, but not those segments', () => {
    const rows = ['A', 'B', 'C'].map((segment) => bought('leader', segment, true));
    const whole = new AggregateBlocks(investment, rows, { level: 'buyer', segmentFiltered: false });
    expect(whole.withheld(rows)).toBeNull();
    expect(whole.withheld(rows.slice(0, 1))).toBe('TOO_FEW_ORDERS');
  });

  it('leave small segments out of sight below a segment filter, and leftovers beyond the scope', () => {
    const rows = many(2, () => bought('leader', 'A', true, { orders: 2 }));
    expect(new AggregateBlocks(investment, rows, { level: 'district', segmentFiltered: true }).withheld(rows)).toBe('TOO_FEW_COUNTERPARTIES');
    const three = ['x', 'y', 'z'].map((leader) => bought(leader, 'A', true));
    // Three leaders' leftovers make a block of the district; filtered to one segment, nobody knows they are leftovers.
    expect(new AggregateBlocks(investment, three, { level: 'district', segmentFiltered: true }).withheld(three)).toBe('REVEALS_WITHHELD');
    expect(new AggregateBlocks(investment, three, DISTRICT).withheld(three)).toBeNull();
  });

  it('show every figure to a viewer who may see every amount', () => {
    const rows = [bought('leader', 'A', true)];
    expect(new AggregateBlocks(viewer('BUREAU'), rows, DISTRICT).withheld(rows)).toBeNull();
    expect(new AggregateBlocks(viewer('FIRM', 'leader'), rows, DISTRICT).withheld(rows)).toBeNull();
  });
});

describe('a share', () => {
  const figure = [bought('b', 'A', true)];
  it('is shown when numerator and denominator are', () => {
    expect(ratioWithheld({ figure, withheld: null }, { figure: [...figure, bought('b', 'A', true)], withheld: null })).toBeNull();
  });

  it('follows a withheld numerator or denominator', () => {
    const three = [...figure, bought('b', 'A', true), bought('b', 'A', true)];
    expect(ratioWithheld({ figure, withheld: 'TOO_FEW_ORDERS' }, { figure: three, withheld: null })).toBe('TOO_FEW_ORDERS');
    expect(ratioWithheld({ figure: three.slice(0, 2), withheld: null }, { figure: three, withheld: 'REVEALS_WITHHELD' })).toBe('REVEALS_WITHHELD');
  });

  it('is shown when it is 0 or 1 by who traded with whom alone', () => {
    expect(ratioWithheld({ figure: [], withheld: null }, { figure, withheld: 'TOO_FEW_ORDERS' })).toBeNull();
    expect(ratioWithheld({ figure, withheld: 'TOO_FEW_ORDERS' }, { figure, withheld: 'TOO_FEW_ORDERS' })).toBeNull();
  });
});
