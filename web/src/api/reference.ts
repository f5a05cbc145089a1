import { gql } from './client';
import type { District, Segment } from './queries';

/** Lists the filters choose from: districts, segments and chain leaders. */

export interface LeaderOption {
  id: string;
  shortNameZh: string | null;
  shortNameEn: string | null;
  nameZh: string;
  nameEn: string;
}

export const REFERENCE_QUERY = gql<{
  districts: District[];
  segments: Segment[];
  firms: { edges: { node: LeaderOption }[] };
}>(/* GraphQL */ `
  query Reference {
    districts { code nameZh nameEn inRegion lat lng }
    segments { code nameZh nameEn }
    firms(filter: { chainLeader: true }, first: 500) { edges { node { id shortNameZh shortNameEn nameZh nameEn } } }
  }
`);
