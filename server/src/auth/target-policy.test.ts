import type { Role } from '@yulian/schema';
import { describe, expect, it } from 'vitest';
import { managesTargetsOf, targetDistrictsOf } from './policy';
import type { Viewer } from './viewer';

const viewer = (role: Role, districtCode: string | null = null, firmId: string | null = null): Viewer => ({
  userId: 'u', username: 'u', displayName: null, role, districtCode, firmId, sessionId: 's',
});

describe('who manages a district’s targets', () => {
  it('is the district’s investment team and bureau, and admins', () => {
    expect(managesTargetsOf(viewer('INVESTMENT', '500117'), '500117')).toBe(true);
    expect(managesTargetsOf(viewer('BUREAU', '500117'), '500117')).toBe(true);
    expect(managesTargetsOf(viewer('ADMIN'), '500117')).toBe(true);
  });

  it('is nobody else', () => {
    expect(managesTargetsOf(viewer('INVESTMENT', '500120'), '500117')).toBe(false);
    expect(managesTargetsOf(viewer('BUREAU', '500120'), '500117')).toBe(false);
    expect(managesTargetsOf(viewer('FIRM', null, 'anrui'), '500117')).toBe(false);
    expect(managesTargetsOf(viewer('INVESTMENT', null), '500117')).toBe(false);
    expect(managesTargetsOf(null, '500117')).toBe(false);
  });

  it('lists the districts whose targets a viewer sees', () => {
    expect(targetDistrictsOf(viewer('ADMIN'))).toBeNull();
    expect(targetDistrictsOf(viewer('BUREAU', '500117'))).toEqual(['500117']);
    expect(targetDistrictsOf(viewer('FIRM', null, 'anrui'))).toEqual([]);
    expect(targetDistrictsOf(null)).toEqual([]);
  });
});
