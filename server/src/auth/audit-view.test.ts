import type { Role } from '@yulian/schema';
import { describe, expect, it } from 'vitest';
import { auditEventFor, auditStateFor } from './audit-view';
import type { Viewer } from './viewer';

const viewer = (role: Role, districtCode: string | null = null, firmId: string | null = null): Viewer => ({
  userId: 'u', username: 'u', displayName: null, role, districtCode, firmId, sessionId: 's',
});

const order = JSON.stringify({ id: 'o-1', supplierId: 'aofang', buyerId: 'anrui', amountCny: 3_000_000, quantity: 12, unit: 'sets' });
const need = JSON.stringify({ firmId: 'anrui', segmentCode: 'GEAR', annualDemand: 4200, unit: 'sets' });
const target = JSON.stringify({ id: 't-1', districtCode: '500120', name: '璧山保密目标', contact: '13800138000', agreementCny: 990_000_000 });

describe('what a reader sees of an audit event', () => {
  it('shows an order’s amount and quantity only to those who see that order’s amount', () => {
    expect(auditStateFor(viewer('FIRM', null, 'aofang'), 'Order', order)).toBe(order);
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Order', order)).toBe(order);
    expect(JSON.parse(auditStateFor(viewer('FIRM', null, 'yian'), 'Order', order) ?? 'null')).toEqual({
      id: 'o-1', supplierId: 'aofang', buyerId: 'anrui', amountCny: null, quantity: null, unit: 'sets', hidden: ['amountCny', 'quantity'],
    });
    expect(auditStateFor(viewer('INVESTMENT', '500117'), 'Order', order)).not.toContain('3000000');
  });

  it('shows a need’s demand to the firm and analysts only', () => {
    expect(auditStateFor(viewer('FIRM', null, 'anrui'), 'Need', need)).toBe(need);
    expect(auditStateFor(viewer('INVESTMENT', '500117'), 'Need', need)).toBe(need);
    expect(JSON.parse(auditStateFor(viewer('FIRM', null, 'aofang'), 'Need', need) ?? 'null')).toMatchObject({ annualDemand: null, hidden: ['annualDemand'] });
  });

  it('shows a target only to those who manage its district; goals are public', () => {
    expect(auditStateFor(viewer('BUREAU', '500120'), 'Target', target)).toBe(target);
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Target', target)).toBeNull();
    const goal = JSON.stringify({ districtCode: '500120', year: 2025, projects: 3 });
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Goal', goal)).toBe(goal);
  });

  it('shows accounts, imports and unknown kinds to admins only, and admins everything', () => {
    const user = JSON.stringify({ id: 'u-1', username: 'someone', role: 'FIRM' });
    expect(auditStateFor(viewer('BUREAU', '500117'), 'User', user)).toBeNull();
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Import', '{"file":"x.csv"}')).toBeNull();
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Session', '{"id":"s"}')).toBeNull();
    expect(auditStateFor(viewer('ADMIN'), 'User', user)).toBe(user);
    expect(auditStateFor(viewer('ADMIN'), 'Target', target)).toBe(target);
  });

  it('keeps the public directory whole and tolerates what is not an object', () => {
    const firm = JSON.stringify({ id: 'aofang', districtCode: '500120', notes: 'x' });
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Firm', firm)).toBe(firm);
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Firm', 'not json')).toBeNull();
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Firm', '[1]')).toBeNull();
    expect(auditStateFor(viewer('BUREAU', '500117'), 'Firm', null)).toBeNull();
  });

  it('cuts both sides of an event', () => {
    const event = { id: 'e', entityType: 'Order', before: order, after: null };
    expect(auditEventFor(viewer('FIRM', null, 'yian'), event).before).toContain('"hidden"');
    expect(auditEventFor(viewer('ADMIN'), event)).toBe(event);
  });
});
