import { describe, expect, it } from 'vitest';
import type { FirmProfile } from '../../api/firm';
import { firmInput, profileValues } from './profileInput';

const aofang = {
  id: 'aofang',
  nameZh: '重庆奥方汽车零部件有限公司',
  nameEn: 'Chongqing Aofang Auto Parts Co., Ltd.',
  shortNameZh: '奥方汽车',
  shortNameEn: 'Aofang',
  district: { code: '500120', nameZh: '璧山区', nameEn: 'Bishan District', inRegion: true },
  isChainLeader: false,
  isOem: false,
  isRecycler: false,
  outputCny: 50_000_000,
  outputYear: 2024,
  yieldRate: 0.9,
  certifications: ['IATF 16949'],
  creditCode: null,
  lat: 29.59,
  lng: 106.22,
  notes: 'Bishan.',
} as FirmProfile;

describe('the profile form', () => {
  it('shows the firm as it is, money in the typed unit and yield in percent', () => {
    expect(profileValues(aofang, 'zh')).toMatchObject({ output: 5000, yieldPct: 90, creditCode: '', districtCode: '500120', notes: 'Bishan.' });
    expect(profileValues(aofang, 'en').output).toBe(50_000_000);
  });

  it('saves an unchanged form as the firm already is', () => {
    expect(firmInput(aofang, profileValues(aofang, 'zh'), 'zh')).toEqual({
      id: 'aofang',
      nameZh: aofang.nameZh,
      nameEn: aofang.nameEn,
      shortNameZh: '奥方汽车',
      shortNameEn: 'Aofang',
      districtCode: '500120',
      creditCode: null,
      isChainLeader: false,
      isOem: false,
      isRecycler: false,
      outputCny: 50_000_000,
      outputYear: 2024,
      yieldRate: 0.9,
      certifications: ['IATF 16949'],
      lat: 29.59,
      lng: 106.22,
      notes: 'Bishan.',
    });
  });

  it('keeps role designations the form did not offer, since upsertFirm clears what it is not given', () => {
    const leader = { ...aofang, isChainLeader: true, isRecycler: true };
    const { isChainLeader: _c, isOem: _o, isRecycler: _r, ...offered } = profileValues(leader, 'zh');
    expect(firmInput(leader, { ...offered, nameEn: 'Aofang Co.' }, 'zh')).toMatchObject({ isChainLeader: true, isRecycler: true, isOem: false, nameEn: 'Aofang Co.' });
  });

  it('sends null for emptied text and drops blank certifications', () => {
    const values = { ...profileValues(aofang, 'zh'), shortNameEn: '  ', notes: '', certifications: ['IATF 16949', ' ', 'ISO 14001 '], output: null, yieldPct: 92.5 };
    expect(firmInput(aofang, values, 'zh')).toMatchObject({ shortNameEn: null, notes: null, certifications: ['IATF 16949', 'ISO 14001'], outputCny: null, yieldRate: 0.925 });
  });
});
