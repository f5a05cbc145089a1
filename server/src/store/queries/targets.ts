import type { TargetStage } from '@yulian/schema';
import { defineQuery } from './define';

/** Investment-promotion targets and their history (see schema/src/model.ts for why history is nodes). */

export type TargetRow = {
  id: string;
  name: string;
  stage: TargetStage;
  districtCode: string;
  segmentCode: string;
  firmId: string | null;
  leaderId: string | null;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  expectedOutputCny: number | null;
  owner: string | null;
  contact: string | null;
  notes: string | null;
  dropReason: string | null;
  createdAt: string;
  updatedAt: string;
  synthetic: boolean | null;
  source: string | null;
};

export interface TargetScope {
  ids?: readonly string[] | null;
  districtCodes?: readonly string[] | null;
  segmentCodes?: readonly string[] | null;
  stage?: TargetStage | null;
}

/** A district's list is tens to a few hundred; the cap only keeps a runaway import from flooding a page. */
export const MAX_TARGETS = 5000;

/** Only the filters given become predicates: the embedded engine types a null parameter as BOOL. */
function targetFilter(scope: TargetScope): { targetWhere: string; districtWhere: string; segmentWhere: string; params: Record<string, unknown> } {
  const targetPredicates: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.ids) {
    targetPredicates.push('t.id IN $ids');
    params.ids = [...scope.ids];
  }
  if (scope.stage) {
    targetPredicates.push('t.stage = $stage');
    params.stage = scope.stage;
  }
  let districtWhere = '';
  if (scope.districtCodes) {
    districtWhere = 'WHERE d.code IN $districtCodes';
    params.districtCodes = [...scope.districtCodes];
  }
  let segmentWhere = '';
  if (scope.segmentCodes) {
    segmentWhere = 'WHERE s.code IN $segmentCodes';
    params.segmentCodes = [...scope.segmentCodes];
  }
  return {
    targetWhere: targetPredicates.length ? `WHERE ${targetPredicates.join(' AND ')}` : '',
    districtWhere,
    segmentWhere,
    params,
  };
}

export const findTargets = defineQuery<[TargetScope], TargetRow>('findTargets', (scope) => {
  const { targetWhere, districtWhere, segmentWhere, params } = targetFilter(scope);
  return {
    cypher: `MATCH (t:Target) ${targetWhere}
      MATCH (t)-[:TARGET_IN]->(d:District) ${districtWhere}
      MATCH (t)-[:TARGET_FOR]->(s:Segment) ${segmentWhere}
      OPTIONAL MATCH (t)-[:TARGET_FIRM]->(f:Firm)
      OPTIONAL MATCH (t)-[:TARGET_LEADER]->(l:Firm)
      RETURN t.id AS id, t.name AS name, t.stage AS stage, d.code AS districtCode, s.code AS segmentCode,
        f.id AS firmId, l.id AS leaderId, t.agreementCny AS agreementCny, t.investmentCny AS investmentCny,
        t.fundsInPlaceCny AS fundsInPlaceCny, t.expectedOutputCny AS expectedOutputCny, t.owner AS owner,
        t.contact AS contact, t.notes AS notes, t.dropReason AS dropReason, t.createdAt AS createdAt,
        t.updatedAt AS updatedAt, t.synthetic AS synthetic, t.source AS source
      ORDER BY createdAt, id LIMIT $limit`,
    params: { ...params, limit: MAX_TARGETS },
  };
});

export type TargetEventRow = {
  id: string;
  targetId: string;
  stage: TargetStage;
  fromStage: TargetStage | null;
  at: string;
  actor: string | null;
  note: string | null;
  reason: string | null;
};

/** The history of the given targets, oldest entry first. */
export const targetEvents = defineQuery<[readonly string[]], TargetEventRow>('targetEvents', (targetIds) => ({
  cypher: `MATCH (e:TargetEvent)-[:EVENT_OF]->(t:Target) WHERE t.id IN $targetIds
    RETURN e.id AS id, t.id AS targetId, e.stage AS stage, e.fromStage AS fromStage, e.at AS at, e.actor AS actor,
      e.note AS note, e.reason AS reason
    ORDER BY targetId, at, id`,
  params: { targetIds: [...targetIds] },
}));

export const existingTargetIds = defineQuery<[readonly string[]], { id: string }>('existingTargetIds', (ids) => ({
  cypher: `MATCH (t:Target) WHERE t.id IN $ids RETURN t.id AS id`,
  params: { ids: [...ids] },
}));

/** What a target's form sets: everything but its stage, which only moves (moveTargetStage). */
export interface TargetFields {
  id: string;
  name: string;
  segmentCode: string;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  expectedOutputCny: number | null;
  owner: string | null;
  contact: string | null;
  notes: string | null;
  updatedAt: string;
}

export interface TargetCreate extends TargetFields {
  districtCode: string;
  stage: TargetStage;
  dropReason: string | null;
  createdAt: string;
  synthetic: boolean;
  source: string | null;
}

const fieldSets = `t.name = $name, t.agreementCny = $agreementCny, t.investmentCny = $investmentCny,
  t.fundsInPlaceCny = $fundsInPlaceCny, t.expectedOutputCny = $expectedOutputCny, t.owner = $owner,
  t.contact = $contact, t.notes = $notes, t.updatedAt = $updatedAt`;

/**
 * Creates a target in its district and segment. Properties are SET, not written in the CREATE
 * pattern: a null parameter is typed BOOL by the embedded engine and would not fit a DOUBLE column there.
 */
export const createTarget = defineQuery<[TargetCreate], { id: string }>('createTarget', (t) => ({
  cypher: `MATCH (d:District {code: $districtCode})
    MATCH (s:Segment {code: $segmentCode})
    CREATE (t:Target {id: $id})
    SET ${fieldSets}, t.stage = $stage, t.dropReason = $dropReason, t.createdAt = $createdAt,
      t.synthetic = $synthetic, t.source = $source
    CREATE (t)-[:TARGET_IN]->(d)
    CREATE (t)-[:TARGET_FOR]->(s)
    RETURN t.id AS id`,
  params: { ...t },
}));

/** Updates a target's fields and redraws its segment edge; the district never changes. */
export const updateTarget = defineQuery<[TargetFields], { id: string }>('updateTarget', (t) => ({
  cypher: `MATCH (t:Target {id: $id})
    MATCH (s:Segment {code: $segmentCode})
    SET ${fieldSets}
    WITH t, s
    OPTIONAL MATCH (t)-[old:TARGET_FOR]->(:Segment)
    DELETE old
    WITH DISTINCT t, s
    CREATE (t)-[:TARGET_FOR]->(s)
    RETURN t.id AS id`,
  params: { ...t },
}));

export type TargetFirmEdge = 'TARGET_FIRM' | 'TARGET_LEADER';

/** Points a target at a firm (the firm pursued, or the leader whose gap it closes), or at none. */
export const setTargetFirm = defineQuery<[string, TargetFirmEdge, string | null], { id: string }>(
  'setTargetFirm',
  (targetId, edge, firmId) => {
    // The edge type is one of two literals, never caller text.
    const type = edge === 'TARGET_LEADER' ? 'TARGET_LEADER' : 'TARGET_FIRM';
    const link = firmId === null ? '' : `MATCH (f:Firm {id: $firmId}) CREATE (t)-[:${type}]->(f)`;
    return {
      cypher: `MATCH (t:Target {id: $targetId})
        OPTIONAL MATCH (t)-[old:${type}]->(:Firm)
        DELETE old
        WITH DISTINCT t
        ${link}
        RETURN t.id AS id`,
      params: firmId === null ? { targetId } : { targetId, firmId },
    };
  },
);

export interface StageChange {
  id: string;
  from: TargetStage;
  to: TargetStage;
  at: string;
  /** Set with the move when given (signing). */
  agreementCny?: number | null;
  /** Set when the move is to DROPPED. */
  dropReason?: string | null;
}

/**
 * Moves a target only if it is still in `from`: two people dragging the same card at once cannot
 * both move it. No row back means the stage changed meanwhile (or the target is gone).
 */
export const moveTargetStage = defineQuery<[StageChange], { id: string }>('moveTargetStage', (c) => {
  const sets = ['t.stage = $to', 't.updatedAt = $at'];
  const params: Record<string, unknown> = { id: c.id, from: c.from, to: c.to, at: c.at };
  if (c.agreementCny != null) {
    sets.push('t.agreementCny = $agreementCny');
    params.agreementCny = c.agreementCny;
  }
  if (c.dropReason != null) {
    sets.push('t.dropReason = $dropReason');
    params.dropReason = c.dropReason;
  }
  return {
    cypher: `MATCH (t:Target {id: $id}) WHERE t.stage = $from SET ${sets.join(', ')} RETURN t.id AS id`,
    params,
  };
});

export interface TargetEventWrite {
  id: string;
  targetId: string;
  stage: TargetStage;
  fromStage: TargetStage | null;
  at: string;
  actor: string | null;
  note: string | null;
  reason: string | null;
}

/** Appends one history entry; entries are never changed or removed. */
export const appendTargetEvent = defineQuery<[TargetEventWrite], { id: string }>('appendTargetEvent', (e) => ({
  cypher: `MATCH (t:Target {id: $targetId})
    CREATE (e:TargetEvent {id: $id})
    SET e.stage = $stage, e.fromStage = $fromStage, e.at = $at, e.actor = $actor, e.note = $note, e.reason = $reason
    CREATE (e)-[:EVENT_OF]->(t)
    RETURN e.id AS id`,
  params: { ...e },
}));
