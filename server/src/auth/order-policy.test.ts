import type { Role } from '@yulian/schema';
import { describe, expect, it } from 'vitest';
import { recordsOrder, recordsOrdersOf } from './policy';
import type { Viewer } from './viewer';

const viewer = (role: Role, districtCode: string | null = null, firmId: string | null = null): Viewer => ({
  userId: 'u', username: 'u', displayName: null, role, districtCode, firmId, sessionId: 's',
});

describe('who records orders for a firm', () => {
  it('is the firm’s own staff and admins', () => {
    expect(recordsOrdersOf(viewer('FIRM', null, 'aofang'), 'aofang')).toBe(true);
    expect(recordsOrdersOf(viewer('ADMIN'), 'aofang')).toBe(true);
  });

  it('is not another firm, the district’s bureau, an investment team or a visitor', () => {
    expect(recordsOrdersOf(viewer('FIRM', null, 'anrui'), 'aofang')).toBe(false);
    // A bureau edits the firm's profile, yet only the trading parties vouch for an order.
    expect(recordsOrdersOf(viewer('BUREAU', '500120'), 'aofang')).toBe(false);
    expect(recordsOrdersOf(viewer('INVESTMENT', '500120'), 'aofang')).toBe(false);
    expect(recordsOrdersOf(null, 'aofang')).toBe(false);
  });

  it('agrees with recordsOrder: an order is either party’s to record', () => {
    const order = { supplierId: 'aofang', buyerId: 'anrui' };
    expect(recordsOrder(viewer('FIRM', null, 'aofang'), order)).toBe(true);
    expect(recordsOrder(viewer('FIRM', null, 'anrui'), order)).toBe(true);
    expect(recordsOrder(viewer('FIRM', null, 'yian'), order)).toBe(false);
    expect(recordsOrder(viewer('BUREAU', '500120'), order)).toBe(false);
  });
});
