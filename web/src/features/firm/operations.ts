import { gql } from '../../api/client';
import type { FirmInput, NeedInput, OrderInput } from '@yulian/schema';
import type { FirmRef } from '../../api/firm';
import type { DistrictSummary, Segment } from '../../api/queries';

/**
 * The firm panel's edits. A form sends every field (the API clears a field left out), so the
 * variables are the API's validated inputs (schema/src/validators.ts) with no field optional.
 */

export type FirmInputVars = Required<FirmInput>;
export type NeedInputVars = Required<NeedInput>;
/** `id` null records a new order; an id replaces that order. */
export type OrderInputVars = Required<OrderInput>;

export const UPSERT_FIRM = gql<{ upsertFirm: { id: string } }, { input: FirmInputVars }>(/* GraphQL */ `
  mutation UpsertFirm($input: FirmInput!) { upsertFirm(input: $input) { id } }
`);

export const SET_NEED = gql<{ setNeed: { id: string } }, { input: NeedInputVars }>(/* GraphQL */ `
  mutation SetNeed($input: NeedInput!) { setNeed(input: $input) { id } }
`);

export const REMOVE_NEED = gql<{ removeNeed: { id: string } }, { firmId: string; segmentCode: string }>(/* GraphQL */ `
  mutation RemoveNeed($firmId: ID!, $segmentCode: String!) { removeNeed(firmId: $firmId, segmentCode: $segmentCode) { id } }
`);

export const RECORD_ORDER = gql<{ recordOrder: { id: string } }, { input: OrderInputVars }>(/* GraphQL */ `
  mutation RecordOrder($input: OrderInput!) { recordOrder(input: $input) { id } }
`);

export const DELETE_ORDER = gql<{ deleteOrder: string }, { id: string }>(/* GraphQL */ `
  mutation DeleteOrder($id: ID!) { deleteOrder(id: $id) }
`);

/** What the forms choose from: districts (profile) and segments (needs, orders). */
export const CHOICES_QUERY = gql<{ districts: DistrictSummary[]; segments: Segment[] }>(/* GraphQL */ `
  query FirmEditChoices { districts { code nameZh nameEn inRegion } segments { code nameZh nameEn } }
`);

export type PartyOption = FirmRef & { district: { nameZh: string; nameEn: string } };

/** Firms whose name contains `search`, for choosing the other party of an order. */
export const PARTY_SEARCH_QUERY = gql<{ firms: { edges: { node: PartyOption }[] } }, { search: string; first: number }>(/* GraphQL */ `
  query OrderParties($search: String!, $first: Int!) {
    firms(filter: { search: $search }, first: $first) {
      edges { node { id nameZh nameEn shortNameZh shortNameEn district { nameZh nameEn } } }
    }
  }
`);
