import type { Viewer } from './viewer';

/**
 * Who may see and change what, as pure functions of the viewer and the thing at hand. The GraphQL
 * layer declares these on fields and mutations; tests exercise them directly as well as over HTTP.
 */

/** City level and district bureaus read everything in the region. */
export function readsEverything(viewer: Viewer | null): boolean {
  return viewer?.role === 'ADMIN' || viewer?.role === 'BUREAU';
}

/** Aggregates (local supporting rate, gaps, dependence) are for bureaus and investment teams. */
export function readsAggregates(viewer: Viewer | null): boolean {
  return readsEverything(viewer) || viewer?.role === 'INVESTMENT';
}

export function isFirmMember(viewer: Viewer | null, firmId: string): boolean {
  return viewer?.role === 'FIRM' && viewer.firmId === firmId;
}

/** An order's amount (and quantity) is a secret between its two parties, bureaus and admins. */
export function seesOrderAmount(viewer: Viewer | null, order: { supplierId: string; buyerId: string }): boolean {
  return readsEverything(viewer) || isFirmMember(viewer, order.supplierId) || isFirmMember(viewer, order.buyerId);
}

/** Which orders of a firm a viewer may list: all for bureaus and admins, the firm's own for its members. */
export function listsOrdersOf(viewer: Viewer | null, firmId: string): boolean {
  return readsEverything(viewer) || isFirmMember(viewer, firmId);
}

/** A bureau edits firms in its district; a firm edits itself; an admin edits any. */
export function editsFirm(viewer: Viewer | null, firm: { id: string; districtCode: string }): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'BUREAU') return viewer.districtCode === firm.districtCode;
  return isFirmMember(viewer, firm.id);
}

/**
 * Whether a viewer may set a firm's classification: whether it is a chain leader, an OEM or a
 * recycler, and its district. These are the bureaus' map of the chain (a firm is a chain leader
 * because its district says so), so bureaus of the district and admins set them; a firm's own
 * staff keep the rest of its profile current.
 */
export function classifiesFirm(viewer: Viewer | null, firm: { id: string; districtCode: string }): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'BUREAU' && viewer.districtCode === firm.districtCode;
}

/**
 * Whether a viewer may record orders with this firm as a party: its own staff and admins. Bureaus
 * edit a firm's profile but not its orders, which only the trading parties can vouch for.
 */
export function recordsOrdersOf(viewer: Viewer | null, firmId: string): boolean {
  return viewer?.role === 'ADMIN' || isFirmMember(viewer, firmId);
}

/** Orders are recorded by one of their parties, or by an admin. */
export function recordsOrder(viewer: Viewer | null, order: { supplierId: string; buyerId: string }): boolean {
  return recordsOrdersOf(viewer, order.supplierId) || recordsOrdersOf(viewer, order.buyerId);
}

export function readsAudit(viewer: Viewer | null): boolean {
  return readsEverything(viewer);
}

/**
 * Which events of the audit log a reader sees: null for all (admins); a bureau, the events that
 * concern its district (commands/audit-districts.ts: a firm there, before or after the change; an
 * order or support tie with a party there; its targets and goals); nobody else any. Accounts,
 * sessions and imports concern no district, so only admins see them. What an event's before and
 * after show is cut to what the reader may see of the entity (auth/audit-view.ts).
 */
export function auditDistrictsOf(viewer: Viewer | null): string[] | null {
  if (viewer?.role === 'ADMIN') return null;
  if (viewer?.role === 'BUREAU' && viewer.districtCode) return [viewer.districtCode];
  return [];
}

/**
 * A district's target list and goals are its own business: its investment team and its bureau see
 * and change them, admins do everywhere, and nobody else sees them at all.
 */
export function managesTargetsOf(viewer: Viewer | null, districtCode: string): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  return (viewer.role === 'INVESTMENT' || viewer.role === 'BUREAU') && viewer.districtCode === districtCode;
}

/** The districts whose targets a viewer sees: null for all (admins), else a list, empty for most. */
export function targetDistrictsOf(viewer: Viewer | null): string[] | null {
  if (viewer?.role === 'ADMIN') return null;
  if ((viewer?.role === 'INVESTMENT' || viewer?.role === 'BUREAU') && viewer.districtCode) return [viewer.districtCode];
  return [];
}

/**
 * Support ties (mentoring between firms) are the bureaus' map of the cluster: an admin, or the
 * bureau of both firms' district, records them; a firm does not vouch for its own ties.
 */
export function recordsSupportTie(viewer: Viewer | null, from: { id: string; districtCode: string }, to: { id: string; districtCode: string }): boolean {
  if (viewer?.role !== 'ADMIN' && viewer?.role !== 'BUREAU') return false;
  return editsFirm(viewer, from) && editsFirm(viewer, to);
}

/**
 * Gaps are segments whose local share is at most a threshold; moving the threshold a little at a
 * time would find a withheld local share to any precision. So only viewers who see every amount
 * choose it; the others get the default.
 */
export const DEFAULT_GAP_SHARE = 0.5;
export function choosesGapThreshold(viewer: Viewer | null): boolean {
  return readsEverything(viewer);
}

/** Whether a viewer sees a firm's yearly demand (Need.annualDemand): the firm itself and analysts. */
export function seesDemandOf(viewer: Viewer | null, firmId: string): boolean {
  return readsAggregates(viewer) || isFirmMember(viewer, firmId);
}

/**
 * Small-cell suppression, as statistical offices do it: a sum of order amounts shown to a viewer
 * who may not see the single amounts inside it must rest on at least MIN_AGGREGATE orders and
 * MIN_AGGREGATE distinct counterparties (supplier–buyer pairs); otherwise it is withheld, since a
 * sum of one or two pairs is those pairs' amounts. Contributions the viewer may see anyway (a
 * firm's own orders) are left out of the count: subtracting them from the sum reveals the rest.
 * An empty sum (nobody traded) is shown, because who trades with whom is public.
 * auth/aggregate-blocks.ts extends it to what shown figures give away together (a district's total
 * less all but one of its leaders' totals), and graphql/withheld.ts applies it to every figure.
 */
export const MIN_AGGREGATE = 3;

/** Why a figure is withheld; the GraphQL enum WithheldReason. */
export type WithheldReason = 'TOO_FEW_ORDERS' | 'TOO_FEW_COUNTERPARTIES' | 'REVEALS_WITHHELD';

/** One trade link's part in a sum: the pair and how many live orders it sums. */
export interface Contribution {
  supplierId: string;
  buyerId: string;
  orders: number;
}

/** Why the sum of these contributions is withheld from the viewer, or null when it may be shown. */
export function aggregateWithheld(viewer: Viewer | null, contributions: readonly Contribution[]): WithheldReason | null {
  if (readsEverything(viewer)) return null;
  const hidden = contributions.filter((c) => !seesOrderAmount(viewer, c));
  if (hidden.length === 0) return null;
  const orders = hidden.reduce((sum, c) => sum + c.orders, 0);
  if (orders < MIN_AGGREGATE) return 'TOO_FEW_ORDERS';
  const pairs = new Set(hidden.map((c) => `${c.supplierId}\u0000${c.buyerId}`));
  return pairs.size < MIN_AGGREGATE ? 'TOO_FEW_COUNTERPARTIES' : null;
}

/** An introduction's parties and their districts: what decides who follows it. */
export interface IntroductionParties {
  buyerId: string;
  supplierId: string;
  buyerDistrictCode: string;
  supplierDistrictCode: string;
}

/**
 * An introduction (供需对接) is the business of its two firms, their districts' bureaus and admins:
 * they see it whole, propose it, move it and keep its plan. Investment teams see the results'
 * counts (readsIntroductionResults), not the introductions or their amounts; other firms nothing.
 */
export function followsIntroduction(viewer: Viewer | null, intro: IntroductionParties): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'BUREAU') return viewer.districtCode === intro.buyerDistrictCode || viewer.districtCode === intro.supplierDistrictCode;
  return isFirmMember(viewer, intro.buyerId) || isFirmMember(viewer, intro.supplierId);
}

/** Which introductions a viewer follows, as a store filter: null for all (admins), none for most. */
export function introductionScopeOf(viewer: Viewer | null): { firmIds: string[] } | { districtCodes: string[] } | null | 'none' {
  if (viewer?.role === 'ADMIN') return null;
  if (viewer?.role === 'BUREAU' && viewer.districtCode) return { districtCodes: [viewer.districtCode] };
  if (viewer?.role === 'FIRM' && viewer.firmId) return { firmIds: [viewer.firmId] };
  return 'none';
}

/** The results of introductions (counts by stage, conversion, days, decline reasons): analysts'. */
export function readsIntroductionResults(viewer: Viewer | null): boolean {
  return readsAggregates(viewer);
}

/** The value of supply won through introductions sums orders' amounts: for those who see every amount. */
export function seesIntroductionValue(viewer: Viewer | null): boolean {
  return readsEverything(viewer);
}
