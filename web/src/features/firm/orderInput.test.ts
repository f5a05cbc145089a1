import { describe, expect, it } from 'vitest';
import type { FirmOrder } from '../../api/firm';
import { counterpartyOf, directionOf, orderInput, orderValues, type OrderValues } from './orderInput';

const ref = (id: string) => ({ id, nameZh: id, nameEn: id, shortNameZh: null, shortNameEn: null });

const aofangToAnrui: FirmOrder = {
  id: 'o-2025-aofang-anrui-st',
  kind: 'SUPPLY',
  year: 2025,
  supplier: ref('aofang'),
  buyer: ref('anrui'),
  segment: { code: 'SURFACE_TREATMENT', nameZh: '表处件', nameEn: 'Surface-treated parts' },
  amountCny: 10_000_000,
  quantity: null,
  unit: null,
  status: 'EXPECTED',
};

const values = (over: Partial<OrderValues>): OrderValues => ({
  direction: 'SALE',
  counterpartyId: 'anrui',
  segmentCode: 'SURFACE_TREATMENT',
  year: 2025,
  amount: 300,
  quantity: null,
  unit: '',
  status: 'ACTIVE',
  ...over,
});

describe('an order seen from one of its parties', () => {
  it('is a sale or a purchase, a scrap return out or in', () => {
    expect(directionOf('aofang', aofangToAnrui)).toBe('SALE');
    expect(directionOf('anrui', aofangToAnrui)).toBe('PURCHASE');
    const scrap = { kind: 'SCRAP_RETURN' as const, supplier: ref('ruitong') };
    expect(directionOf('ruitong', scrap)).toBe('SCRAP_OUT');
    expect(directionOf('shunbo', scrap)).toBe('SCRAP_IN');
  });

  it('has the other firm as its counterparty', () => {
    expect(counterpartyOf('aofang', aofangToAnrui).id).toBe('anrui');
    expect(counterpartyOf('anrui', aofangToAnrui).id).toBe('aofang');
  });

  it('fills the form from the order, the amount in 万元 in Chinese', () => {
    expect(orderValues('aofang', aofangToAnrui, 2024, 'zh')).toEqual({
      direction: 'SALE',
      counterpartyId: 'anrui',
      segmentCode: 'SURFACE_TREATMENT',
      year: 2025,
      amount: 1000,
      quantity: null,
      unit: '',
      status: 'EXPECTED',
    });
    expect(orderValues('anrui', aofangToAnrui, 2024, 'en').amount).toBe(10_000_000);
  });

  it('starts a new order in the panel’s year as an active sale', () => {
    expect(orderValues('aofang', null, 2024, 'zh')).toMatchObject({ direction: 'SALE', year: 2024, status: 'ACTIVE', amount: null });
  });
});

describe('the OrderInput a save sends', () => {
  it('puts this firm on its side of the order', () => {
    expect(orderInput('aofang', null, values({}), 'zh')).toEqual({
      id: null,
      kind: 'SUPPLY',
      supplierId: 'aofang',
      buyerId: 'anrui',
      segmentCode: 'SURFACE_TREATMENT',
      year: 2025,
      amountCny: 3_000_000,
      quantity: null,
      unit: null,
      status: 'ACTIVE',
    });
    expect(orderInput('anrui', 'o-1', values({ direction: 'PURCHASE', counterpartyId: 'aofang' }), 'en')).toMatchObject({
      id: 'o-1',
      kind: 'SUPPLY',
      supplierId: 'aofang',
      buyerId: 'anrui',
      amountCny: 300,
    });
  });

  it('sends a scrap return from the firm returning scrap to the recycler', () => {
    expect(orderInput('ruitong', null, values({ direction: 'SCRAP_OUT', counterpartyId: 'shunbo', segmentCode: 'SCRAP_AL' }), 'zh')).toMatchObject({
      kind: 'SCRAP_RETURN',
      supplierId: 'ruitong',
      buyerId: 'shunbo',
    });
    expect(orderInput('shunbo', null, values({ direction: 'SCRAP_IN', counterpartyId: 'ruitong', segmentCode: 'SCRAP_AL' }), 'zh')).toMatchObject({
      kind: 'SCRAP_RETURN',
      supplierId: 'ruitong',
      buyerId: 'shunbo',
    });
  });

  it('trims the unit and keeps a negative amount for the server to refuse', () => {
    expect(orderInput('aofang', null, values({ amount: -5, unit: ' sets ', quantity: 100 }), 'zh')).toMatchObject({ amountCny: -50_000, unit: 'sets', quantity: 100 });
  });

  it('is not sent while a required field is empty', () => {
    expect(orderInput('aofang', null, values({ counterpartyId: undefined }), 'zh')).toBeNull();
    expect(orderInput('aofang', null, values({ amount: null }), 'zh')).toBeNull();
    expect(orderInput('aofang', null, values({ year: null }), 'zh')).toBeNull();
  });
});
