import { describe, expect, it } from 'vitest';
import { districtsConcerned, firmsConcerned } from './audit-districts';

const districts: Record<string, string> = { aofang: '500120', anrui: '500117', ruitong: '500120', yian: '500151' };
const of = (id: string) => districts[id];

describe('the districts an audit event concerns', () => {
  it('of a firm: where it was and where it is', () => {
    expect(districtsConcerned({ action: 'upsertFirm', entityType: 'Firm', entityId: 'f', before: { districtCode: '500120' }, after: { districtCode: '500117' } }, of)).toEqual(['500117', '500120']);
    expect(districtsConcerned({ action: 'upsertFirm', entityType: 'Firm', entityId: 'f', before: null, after: { districtCode: '500117' } }, of)).toEqual(['500117']);
  });

  it('of an order or support tie: both parties’ districts, before and after', () => {
    const entry = { action: 'recordOrder', entityType: 'Order', entityId: 'o', before: { supplierId: 'yian', buyerId: 'anrui' }, after: { supplierId: 'aofang', buyerId: 'anrui' } };
    expect(firmsConcerned(entry)).toEqual(['yian', 'anrui', 'aofang', 'anrui']);
    expect(districtsConcerned(entry, of)).toEqual(['500117', '500120', '500151']);
    expect(districtsConcerned({ action: 'setSupportTie', entityType: 'Support', entityId: 'aofang', before: null, after: { fromId: 'aofang', toId: 'ruitong' } }, of)).toEqual(['500120']);
  });

  it('of a capability or need: its firm’s; of a target or goal: its own', () => {
    expect(districtsConcerned({ action: 'removeNeed', entityType: 'Need', entityId: 'anrui', before: { firmId: 'anrui' }, after: null }, of)).toEqual(['500117']);
    expect(districtsConcerned({ action: 'setCapability', entityType: 'Capability', entityId: 'aofang', before: null, after: { firmId: 'aofang' } }, of)).toEqual(['500120']);
    expect(districtsConcerned({ action: 'createTarget', entityType: 'Target', entityId: 't', before: null, after: { districtCode: '500120' } }, of)).toEqual(['500120']);
    expect(districtsConcerned({ action: 'setGoal', entityType: 'Goal', entityId: 'g', before: null, after: { districtCode: '500117' } }, of)).toEqual(['500117']);
  });

  it('of accounts, imports and anything else: none (admins only)', () => {
    expect(districtsConcerned({ action: 'createUser', entityType: 'User', entityId: 'u', before: null, after: { districtCode: '500117', firmId: 'anrui' } }, of)).toEqual([]);
    expect(districtsConcerned({ action: 'import.orders', entityType: 'Import', entityId: 'i', before: null, after: { file: 'x' } }, of)).toEqual([]);
    expect(firmsConcerned({ action: 'createUser', entityType: 'User', entityId: 'u', before: null, after: { firmId: 'anrui' } })).toEqual([]);
  });
});
