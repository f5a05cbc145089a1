import { defineQuery } from './define';

export type DistrictRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  inRegion: boolean;
  level: string;
  province: string;
  lat: number;
  lng: number;
};

const districtColumns = `d.code AS code, d.nameZh AS nameZh, d.nameEn AS nameEn, d.inRegion AS inRegion,
  d.level AS level, d.province AS province, d.lat AS lat, d.lng AS lng`;

export const listDistricts = defineQuery<[], DistrictRow>('listDistricts', () => ({
  cypher: `MATCH (d:District) RETURN ${districtColumns} ORDER BY code`,
  params: {},
}));

export const districtsByCodes = defineQuery<[readonly string[]], DistrictRow>('districtsByCodes', (codes) => ({
  cypher: `MATCH (d:District) WHERE d.code IN $codes RETURN ${districtColumns}`,
  params: { codes: [...codes] },
}));

export const districtsOfFirms = defineQuery<[readonly string[]], DistrictOfFirmRow>('districtsOfFirms', (firmIds) => ({
  cypher: `MATCH (f:Firm)-[:LOCATED_IN]->(d:District) WHERE f.id IN $firmIds
    RETURN f.id AS firmId, ${districtColumns}`,
  params: { firmIds: [...firmIds] },
}));

export type DistrictOfFirmRow = DistrictRow & { firmId: string };
