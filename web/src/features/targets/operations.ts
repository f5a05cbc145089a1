import { gql } from '../../api/client';
import type { WithheldReason } from '../../api/withheld';

/** The targets pages' GraphQL operations, typed by hand against schema/schema.graphql. */

export const TARGET_STAGES = ['LEAD', 'CONTACTED', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING', 'DROPPED'] as const;
export type TargetStage = (typeof TARGET_STAGES)[number];

export interface TargetEvent {
  id: string;
  stage: TargetStage;
  fromStage: TargetStage | null;
  at: string;
  by: string | null;
  note: string | null;
  reason: string | null;
}

export interface Target {
  id: string;
  name: string;
  stage: TargetStage;
  allowedMoves: TargetStage[];
  segment: { code: string; nameZh: string; nameEn: string };
  firm: { id: string; nameZh: string; nameEn: string } | null;
  leader: { id: string; shortNameZh: string | null; shortNameEn: string | null } | null;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  expectedOutputCny: number | null;
  owner: string | null;
  contact: string | null;
  notes: string | null;
  dropReason: string | null;
  updatedAt: string;
  synthetic: boolean;
  source: string | null;
  history: TargetEvent[];
}

const TARGET_FIELDS = `id name stage allowedMoves segment { code nameZh nameEn } firm { id nameZh nameEn }
  leader { id shortNameZh shortNameEn } agreementCny investmentCny fundsInPlaceCny expectedOutputCny owner contact notes
  dropReason updatedAt synthetic source history { id stage fromStage at by note reason }`;

export const TARGETS_QUERY = gql<{ targets: Target[] | null }, { districtCode: string }>(/* GraphQL */ `
  query Targets($districtCode: String!) { targets(districtCode: $districtCode) { ${TARGET_FIELDS} } }
`);

export const MOVE_TARGET = gql<
  { moveTarget: Target },
  { id: string; stage: TargetStage; note: string | null; reason: string | null; agreementCny: number | null }
>(/* GraphQL */ `
  mutation MoveTarget($id: ID!, $stage: TargetStage!, $note: String, $reason: String, $agreementCny: Float) {
    moveTarget(id: $id, stage: $stage, note: $note, reason: $reason, agreementCny: $agreementCny) { ${TARGET_FIELDS} }
  }
`);

export interface MonthProgress {
  month: number;
  signed: number;
  agreementCny: number;
  started: number;
  producing: number;
  cumulativeSigned: number;
  cumulativeAgreementCny: number;
}

export interface InvestmentProgress {
  year: number;
  goal: { projects: number; agreementCny: number } | null;
  signedProjects: number;
  agreementCny: number;
  investmentCny: number;
  fundsInPlaceCny: number;
  started: number;
  producing: number;
  startRate: number | null;
  fundRate: number | null;
  projectRate: number | null;
  agreementRate: number | null;
  byMonth: MonthProgress[];
  gapSegmentsWithoutTarget: { code: string; nameZh: string; nameEn: string }[];
}

export const PROGRESS_QUERY = gql<{ investmentProgress: InvestmentProgress | null }, { districtCode: string; year: number }>(/* GraphQL */ `
  query InvestmentProgress($districtCode: String!, $year: Int!) {
    investmentProgress(districtCode: $districtCode, year: $year) {
      year goal { projects agreementCny } signedProjects agreementCny investmentCny fundsInPlaceCny started producing
      startRate fundRate projectRate agreementRate
      byMonth { month signed agreementCny started producing cumulativeSigned cumulativeAgreementCny }
      gapSegmentsWithoutTarget { code nameZh nameEn }
    }
  }
`);

export interface DistrictChoice {
  code: string;
  nameZh: string;
  nameEn: string;
  goals: { year: number }[];
}

export const DISTRICTS_QUERY = gql<{ districts: DistrictChoice[] }>(/* GraphQL */ `
  query TargetDistricts { districts(inRegion: true) { code nameZh nameEn goals { year } } }
`);

export interface TargetSuggestion {
  firm: { id: string; nameZh: string; nameEn: string; district: { nameZh: string; nameEn: string } };
  segment: { code: string; nameZh: string; nameEn: string };
  amountCny: number | null;
  amountCnyWithheld: WithheldReason | null;
  distanceKm: number;
  leaders: { id: string; shortNameZh: string | null; shortNameEn: string | null }[];
  targets: { id: string; stage: TargetStage }[];
}

export const SUGGESTIONS_QUERY = gql<{ targetSuggestions: TargetSuggestion[] | null }, { districtCode: string; year: number }>(/* GraphQL */ `
  query TargetSuggestions($districtCode: String!, $year: Int!) {
    targetSuggestions(districtCode: $districtCode, year: $year) {
      firm { id nameZh nameEn district { nameZh nameEn } } segment { code nameZh nameEn } amountCny amountCnyWithheld distanceKm
      leaders { id shortNameZh shortNameEn } targets { id stage }
    }
  }
`);

export const TARGET_FROM_GAP = gql<
  { targetFromGap: { id: string } },
  { input: { leaderId: string; segmentCode: string; year: number; firmId: string } }
>(/* GraphQL */ `
  mutation TargetFromGap($input: TargetFromGapInput!) { targetFromGap(input: $input) { id } }
`);

export interface TargetInput {
  id: string | null;
  name: string;
  districtCode: string;
  segmentCode: string;
  leaderId: string | null;
  firmId: string | null;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  expectedOutputCny: number | null;
  owner: string | null;
  contact: string | null;
  notes: string | null;
}

export const UPSERT_TARGET = gql<{ upsertTarget: { id: string } }, { input: TargetInput }>(/* GraphQL */ `
  mutation UpsertTarget($input: TargetInput!) { upsertTarget(input: $input) { id } }
`);

export const SEGMENTS_QUERY = gql<{ segments: { code: string; nameZh: string; nameEn: string }[] }>(/* GraphQL */ `
  query TargetSegments { segments { code nameZh nameEn } }
`);
