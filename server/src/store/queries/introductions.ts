import type { DeclineReason, IntroductionOrigin, IntroductionStage, PlanStepKind } from '@yulian/schema';
import { firmById, uniqueIds, unwindIds } from './by-ids';
import { defineQuery } from './define';

/** Introductions (供需对接), their history and plans (see schema/src/model.ts). */

export type IntroductionRow = {
  id: string;
  stage: IntroductionStage;
  origin: IntroductionOrigin;
  year: number | null;
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  buyerDistrictCode: string;
  supplierDistrictCode: string;
  note: string | null;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  proposedBy: string | null;
  proposedByRole: string | null;
  goalYieldRate: number | null;
  goalCertifications: string[] | null;
  goalAnnualVolume: number | null;
  goalUnit: string | null;
  goalBy: string | null;
  createdAt: string;
  updatedAt: string;
  synthetic: boolean | null;
  source: string | null;
};

export interface IntroductionScope {
  ids?: readonly string[] | null;
  stage?: IntroductionStage | null;
  /** Either party is one of these firms. */
  firmIds?: readonly string[] | null;
  /** Either party is in one of these districts. */
  districtCodes?: readonly string[] | null;
  buyerId?: string | null;
  supplierId?: string | null;
  segmentCodes?: readonly string[] | null;
}

/** A district's introductions are tens to hundreds; the cap keeps a runaway list off a page. */
export const MAX_INTRODUCTIONS = 5000;

/** Only the filters given become predicates: the embedded engine types a null parameter as BOOL. */
export const findIntroductions = defineQuery<[IntroductionScope], IntroductionRow>('findIntroductions', (scope) => {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: MAX_INTRODUCTIONS };
  const add = (predicate: string, name: string, value: unknown) => {
    where.push(predicate);
    params[name] = value;
  };
  if (scope.ids) add('i.id IN $ids', 'ids', [...scope.ids]);
  if (scope.stage) add('i.stage = $stage', 'stage', scope.stage);
  if (scope.firmIds) add('(b.id IN $firmIds OR s.id IN $firmIds)', 'firmIds', [...scope.firmIds]);
  if (scope.districtCodes) add('(bd.code IN $districtCodes OR sd.code IN $districtCodes)', 'districtCodes', [...scope.districtCodes]);
  if (scope.buyerId) add('b.id = $buyerId', 'buyerId', scope.buyerId);
  if (scope.supplierId) add('s.id = $supplierId', 'supplierId', scope.supplierId);
  if (scope.segmentCodes) add('g.code IN $segmentCodes', 'segmentCodes', [...scope.segmentCodes]);
  return {
    cypher: `MATCH (i:Introduction)-[:INTRO_BUYER]->(b:Firm)-[:LOCATED_IN]->(bd:District)
      MATCH (i)-[:INTRO_SUPPLIER]->(s:Firm)-[:LOCATED_IN]->(sd:District)
      MATCH (i)-[:INTRO_FOR]->(g:Segment)
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      RETURN i.id AS id, i.stage AS stage, i.origin AS origin, i.year AS year, b.id AS buyerId, s.id AS supplierId,
        g.code AS segmentCode, bd.code AS buyerDistrictCode, sd.code AS supplierDistrictCode, i.note AS note,
        i.declineReason AS declineReason, i.declineNote AS declineNote, i.proposedBy AS proposedBy,
        i.proposedByRole AS proposedByRole, i.goalYieldRate AS goalYieldRate, i.goalCertifications AS goalCertifications,
        i.goalAnnualVolume AS goalAnnualVolume, i.goalUnit AS goalUnit, i.goalBy AS goalBy, i.createdAt AS createdAt,
        i.updatedAt AS updatedAt, i.synthetic AS synthetic, i.source AS source
      ORDER BY createdAt DESC, id LIMIT $limit`,
    params,
  };
});

export type IntroductionEventRow = {
  id: string;
  introductionId: string;
  stage: IntroductionStage;
  fromStage: IntroductionStage | null;
  at: string;
  actor: string | null;
  actorRole: string | null;
  note: string | null;
  reason: string | null;
  planChange: boolean | null;
};

const eventColumns = `e.id AS id, i.id AS introductionId, e.stage AS stage, e.fromStage AS fromStage, e.at AS at,
  e.actor AS actor, e.actorRole AS actorRole, e.note AS note, e.reason AS reason, e.planChange AS planChange`;

/** The history of the given introductions, oldest entry first. */
export const introductionEvents = defineQuery<[readonly string[]], IntroductionEventRow>('introductionEvents', (ids) => ({
  cypher: `MATCH (e:IntroductionEvent)-[:INTRO_EVENT_OF]->(i:Introduction) WHERE i.id IN $ids
    RETURN ${eventColumns}
    ORDER BY introductionId, at, id`,
  params: { ids: [...ids] },
}));

export interface InboxScope {
  /** Events of introductions where one party is this firm (a firm's staff). */
  firmId?: string | null;
  /** Events of introductions with a party in one of these districts (a bureau). */
  districtCodes?: readonly string[] | null;
  /** Left out: the reader's own moves are no news to the reader. */
  exceptActor: string;
  limit: number;
}

/**
 * The newest events of the introductions that concern a reader, for the inbox. The inbox is read
 * from the history itself, so it can never disagree with it and needs no writes of its own.
 */
export const inboxEvents = defineQuery<[InboxScope], IntroductionEventRow>('inboxEvents', (scope) => {
  const where = ['(e.actor IS NULL OR e.actor <> $exceptActor)'];
  const params: Record<string, unknown> = { exceptActor: scope.exceptActor, limit: scope.limit };
  if (scope.firmId) {
    where.push('(b.id = $firmId OR s.id = $firmId)');
    params.firmId = scope.firmId;
  }
  if (scope.districtCodes) {
    where.push('(bd.code IN $districtCodes OR sd.code IN $districtCodes)');
    params.districtCodes = [...scope.districtCodes];
  }
  return {
    cypher: `MATCH (e:IntroductionEvent)-[:INTRO_EVENT_OF]->(i:Introduction)
      MATCH (i)-[:INTRO_BUYER]->(b:Firm)-[:LOCATED_IN]->(bd:District)
      MATCH (i)-[:INTRO_SUPPLIER]->(s:Firm)-[:LOCATED_IN]->(sd:District)
      WHERE ${where.join(' AND ')}
      RETURN ${eventColumns}
      ORDER BY at DESC, id DESC LIMIT $limit`,
    params,
  };
});

export type PlanStepRow = {
  id: string;
  introductionId: string;
  position: number;
  kind: PlanStepKind;
  description: string | null;
  amountCny: number | null;
  dueOn: string | null;
  doneOn: string | null;
  mentorId: string | null;
};

/** The plan steps of the given introductions, in plan order. */
export const planSteps = defineQuery<[readonly string[]], PlanStepRow>('planSteps', (ids) => ({
  cypher: `MATCH (p:PlanStep)-[:STEP_OF]->(i:Introduction) WHERE i.id IN $ids
    OPTIONAL MATCH (p)-[:STEP_MENTOR]->(m:Firm)
    RETURN p.id AS id, i.id AS introductionId, p.position AS position, p.kind AS kind, p.description AS description,
      p.amountCny AS amountCny, p.dueOn AS dueOn, p.doneOn AS doneOn, m.id AS mentorId
    ORDER BY introductionId, position`,
  params: { ids: [...ids] },
}));

/** What an introduction holds besides its parties and segment, which never change. */
export interface IntroductionFields {
  id: string;
  stage: IntroductionStage;
  note: string | null;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  goalYieldRate: number | null;
  goalCertifications: string[];
  goalAnnualVolume: number | null;
  goalUnit: string | null;
  goalBy: string | null;
  updatedAt: string;
}

export interface IntroductionCreate extends IntroductionFields {
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  origin: IntroductionOrigin;
  year: number | null;
  proposedBy: string;
  proposedByRole: string;
  createdAt: string;
  synthetic: boolean;
  source: string | null;
}

const fieldSets = `i.stage = $stage, i.note = $note, i.declineReason = $declineReason, i.declineNote = $declineNote,
  i.goalYieldRate = $goalYieldRate, i.goalCertifications = $goalCertifications, i.goalAnnualVolume = $goalAnnualVolume,
  i.goalUnit = $goalUnit, i.goalBy = $goalBy, i.updatedAt = $updatedAt`;

/** Creates an introduction with its three edges; no row back when a firm or the segment is missing. */
export const createIntroduction = defineQuery<[IntroductionCreate], { id: string }>('createIntroduction', (c) => ({
  cypher: `MATCH (b:Firm {id: $buyerId})
    MATCH (s:Firm {id: $supplierId})
    MATCH (g:Segment {code: $segmentCode})
    CREATE (i:Introduction {id: $id})
    SET ${fieldSets}, i.origin = $origin, i.year = $year, i.proposedBy = $proposedBy, i.proposedByRole = $proposedByRole,
      i.createdAt = $createdAt, i.synthetic = $synthetic, i.source = $source
    CREATE (i)-[:INTRO_BUYER]->(b)
    CREATE (i)-[:INTRO_SUPPLIER]->(s)
    CREATE (i)-[:INTRO_FOR]->(g)
    RETURN i.id AS id`,
  params: { ...c },
}));

/**
 * Updates an introduction only if it is still in `fromStage`: two people moving the same card at
 * once cannot both move it, and an order's move cannot be undone by a form saved from an older page.
 */
export const updateIntroduction = defineQuery<[IntroductionFields & { fromStage: IntroductionStage }], { id: string }>('updateIntroduction', (u) => ({
  cypher: `MATCH (i:Introduction {id: $id}) WHERE i.stage = $fromStage SET ${fieldSets} RETURN i.id AS id`,
  params: { ...u },
}));

export interface IntroductionEventWrite {
  id: string;
  introductionId: string;
  stage: IntroductionStage;
  fromStage: IntroductionStage | null;
  at: string;
  actor: string | null;
  actorRole: string | null;
  note: string | null;
  reason: string | null;
  planChange: boolean;
}

/** Appends one history entry; entries are never changed or removed. */
export const appendIntroductionEvent = defineQuery<[IntroductionEventWrite], { id: string }>('appendIntroductionEvent', (e) => ({
  cypher: `MATCH (i:Introduction {id: $introductionId})
    CREATE (e:IntroductionEvent {id: $id})
    SET e.stage = $stage, e.fromStage = $fromStage, e.at = $at, e.actor = $actor, e.actorRole = $actorRole,
      e.note = $note, e.reason = $reason, e.planChange = $planChange
    CREATE (e)-[:INTRO_EVENT_OF]->(i)
    RETURN e.id AS id`,
  params: { ...e },
}));

/** Removes every step of an introduction's plan, before the plan is written anew. */
export const deletePlanSteps = defineQuery<[string], { removed: number }>('deletePlanSteps', (introductionId) => ({
  cypher: `MATCH (i:Introduction {id: $introductionId})
    OPTIONAL MATCH (p:PlanStep)-[:STEP_OF]->(i)
    DETACH DELETE p
    RETURN count(p) AS removed`,
  params: { introductionId },
}));

export type PlanStepWrite = Omit<PlanStepRow, 'mentorId'>;

/** Adds one step to an introduction's plan; no row back when the introduction is missing. */
export const createPlanStep = defineQuery<[PlanStepWrite], { id: string }>('createPlanStep', (p) => ({
  cypher: `MATCH (i:Introduction {id: $introductionId})
    CREATE (p:PlanStep {id: $id})
    SET p.position = $position, p.kind = $kind, p.description = $description, p.amountCny = $amountCny,
      p.dueOn = $dueOn, p.doneOn = $doneOn
    CREATE (p)-[:STEP_OF]->(i)
    RETURN p.id AS id`,
  params: { ...p },
}));

/** Names the firm that mentors the supplier in a step; no row back when either is missing. */
export const setStepMentor = defineQuery<[string, string], { id: string }>('setStepMentor', (stepId, firmId) => ({
  cypher: `MATCH (p:PlanStep {id: $stepId})
    MATCH (f:Firm {id: $firmId})
    CREATE (p)-[:STEP_MENTOR]->(f)
    RETURN p.id AS id`,
  params: { stepId, firmId },
}));

export const existingIntroductionIds = defineQuery<[readonly string[]], { id: string }>('existingIntroductionIds', (ids) => ({
  cypher: `MATCH (i:Introduction) WHERE i.id IN $ids RETURN i.id AS id`,
  params: { ids: [...ids] },
}));

/** When the user last read the inbox; null when never. */
export const inboxReadAt = defineQuery<[string], { at: string | null }>('inboxReadAt', (userId) => ({
  cypher: `MATCH (u:User {id: $userId}) RETURN u.inboxReadAt AS at`,
  params: { userId },
}));

export const setInboxReadAt = defineQuery<[string, string], { id: string }>('setInboxReadAt', (userId, at) => ({
  cypher: `MATCH (u:User {id: $userId}) SET u.inboxReadAt = $at RETURN u.id AS id`,
  params: { userId, at },
}));

export type SupplierLinkRow = {
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  year: number;
  amountCny: number;
  liveOrders: number;
};

/**
 * The supply trade links of the given suppliers (every buyer, segment and year): whether a
 * supplier already supplies a buyer, and the value of supply won through introductions.
 */
export const supplyLinksOfSuppliers = defineQuery<[readonly string[]], SupplierLinkRow>('supplyLinksOfSuppliers', (supplierIds) => ({
  cypher: `${unwindIds('sup', 'supplierIds')}
    MATCH ${firmById('sup')}-[t:TRADED]->(buy:Firm)
    WHERE t.kind = 'SUPPLY'
    RETURN sup.id AS supplierId, buy.id AS buyerId, t.segment AS segmentCode, t.year AS year, t.amountCny AS amountCny,
      t.liveOrders AS liveOrders
    ORDER BY supplierId, buyerId, segmentCode, year`,
  params: { supplierIds: uniqueIds(supplierIds) },
}));

export type NeedRequirementRow = {
  annualDemand: number | null;
  unit: string | null;
  minYieldRate: number | null;
  requiredCertifications: string[] | null;
  latestStart: string | null;
};

/** What a buyer requires of a supplier of a segment (its need's requirements); no row without such a need. */
export const needRequirements = defineQuery<[string, string], NeedRequirementRow>('needRequirements', (buyerId, segmentCode) => ({
  cypher: `MATCH (f:Firm {id: $buyerId})-[n:NEEDS]->(s:Segment {code: $segmentCode})
    RETURN n.annualDemand AS annualDemand, n.unit AS unit, n.minYieldRate AS minYieldRate,
      n.requiredCertifications AS requiredCertifications, n.latestStart AS latestStart`,
  params: { buyerId, segmentCode },
}));
