import type { TargetStage } from '@yulian/schema';
import type { Dialect } from '../dialect';
import { asMap, asSet, at, columns, groupIds, groupRows, nested, type ColumnSpec, type Written } from './bulk-params';
import { defineQuery } from './define';
import type { TargetCreate } from './targets';

/**
 * Batched writes of investment targets and their history for the importer, in the shapes bulk.ts
 * measured on the embedded engine: properties as typed columns, endpoints looked up by key from a
 * group's key or an unwound scalar. They write what createTarget, updateTarget, setTargetFirm and
 * appendTargetEvent write one at a time (targets.ts), and each returns `written` so a shortfall
 * (a district, segment or firm gone, a stage changed) is caught and the import rolled back.
 */

/** What every batched target write sets: a target's row as createTarget writes it, without its edges. */
export type BulkTargetFields = Omit<TargetCreate, 'districtCode' | 'segmentCode' | 'createdAt'>;

/** A new target: what createTarget takes. */
export type BulkTargetCreate = TargetCreate;

export interface BulkTargetUpdate extends BulkTargetFields {
  /** The stage the check saw; a target no longer in it is not written (and the import fails). */
  fromStage: TargetStage;
}

export interface BulkTargetEvent {
  id: string;
  targetId: string;
  stage: TargetStage;
  fromStage: TargetStage | null;
  at: string;
  actor: string | null;
  note: string | null;
  reason: string | null;
}

const fieldColumns: ColumnSpec<BulkTargetFields> = {
  id: ['string', (t) => t.id],
  name: ['string', (t) => t.name],
  stage: ['string', (t) => t.stage],
  agreementCny: ['double', (t) => t.agreementCny],
  investmentCny: ['double', (t) => t.investmentCny],
  fundsInPlaceCny: ['double', (t) => t.fundsInPlaceCny],
  expectedOutputCny: ['double', (t) => t.expectedOutputCny],
  owner: ['string', (t) => t.owner],
  contact: ['string', (t) => t.contact],
  notes: ['string', (t) => t.notes],
  dropReason: ['string', (t) => t.dropReason],
  synthetic: ['bool', (t) => t.synthetic],
  source: ['string', (t) => t.source],
  updatedAt: ['string', (t) => t.updatedAt],
};

const fieldProps = [
  'name', 'stage', 'agreementCny', 'investmentCny', 'fundsInPlaceCny', 'expectedOutputCny', 'owner', 'contact', 'notes',
  'dropReason', 'synthetic', 'source', 'updatedAt',
] as const;

/** New targets with their district and segment edges, grouped by district; the segment by a scan of the small Segment table. */
export const bulkCreateTargets = defineQuery<[readonly BulkTargetCreate[]], Written>('bulkCreateTargets', (targets) => ({
  cypher: (d: Dialect) => `UNWIND $groups AS g
    MATCH (d:District {code: g.key})
    UNWIND ${nested(d, 'g.rows', 'INT64')} AS i
    MATCH (s:Segment {code: ${at(d, 'segmentCode')}})
    CREATE (t:Target {id: ${at(d, 'id')}, ${asMap(d, [...fieldProps, 'createdAt'])}})
    CREATE (t)-[:TARGET_IN]->(d)
    CREATE (t)-[:TARGET_FOR]->(s)
    RETURN count(t) AS written`,
  params: {
    ...columns(targets, { ...fieldColumns, segmentCode: ['string', (t) => t.segmentCode], createdAt: ['string', (t) => t.createdAt] }),
    groups: groupRows(targets, (t) => t.districtCode),
  },
}));

/** Replaces the fields and stage of existing targets still in the stage the check saw. */
export const bulkUpdateTargets = defineQuery<[readonly BulkTargetUpdate[]], Written>('bulkUpdateTargets', (targets) => ({
  // The key is projected through WITH first, so the engine joins on it instead of scanning per row.
  cypher: (d: Dialect) => `UNWIND range(0, size($id) - 2) AS i
    WITH i, ${at(d, 'id')} AS id
    MATCH (t:Target {id: id})
    WHERE t.stage = ${at(d, 'fromStage')}
    SET ${asSet(d, 't', fieldProps)}
    RETURN count(t) AS written`,
  params: columns(targets, { ...fieldColumns, fromStage: ['string', (t) => t.fromStage] }),
}));

export type TargetEdge = 'TARGET_FOR' | 'TARGET_FIRM' | 'TARGET_LEADER';

const targetEnd: Readonly<Record<TargetEdge, { label: string; key: string }>> = {
  TARGET_FOR: { label: 'Segment', key: 'code' },
  TARGET_FIRM: { label: 'Firm', key: 'id' },
  TARGET_LEADER: { label: 'Firm', key: 'id' },
};

/**
 * Draws one kind of target edge to the given end (segment code or firm id), grouped by that end.
 * With `redraw` the target's old edge of that kind goes first, as updateTarget redraws TARGET_FOR.
 */
export const bulkLinkTargets = defineQuery<[readonly { id: string; end: string }[], TargetEdge, boolean], Written>(
  'bulkLinkTargets',
  (links, edge, redraw) => {
    // The edge type and label are fixed literals from the table above, never caller text.
    const e = targetEnd[edge];
    return {
      cypher: (d: Dialect) => `UNWIND $groups AS g
        MATCH (e:${e.label} {${e.key}: g.key})
        UNWIND ${nested(d, 'g.ids', 'STRING')} AS targetId
        MATCH (t:Target {id: targetId})
        ${redraw ? `OPTIONAL MATCH (t)-[old:${edge}]->(:${e.label})
        DELETE old
        WITH DISTINCT e, t` : ''}
        CREATE (t)-[:${edge}]->(e)
        RETURN count(t) AS written`,
      params: { groups: groupIds(links, (l) => l.end, (l) => l.id) },
    };
  },
);

/** Removes the targets' firm or leader edge (a cleared cell); targets without one count as written too. */
export const bulkUnlinkTargetFirms = defineQuery<[readonly string[], 'TARGET_FIRM' | 'TARGET_LEADER'], Written>(
  'bulkUnlinkTargetFirms',
  (ids, edge) => {
    const type = edge === 'TARGET_LEADER' ? 'TARGET_LEADER' : 'TARGET_FIRM';
    return {
      cypher: `UNWIND $ids AS targetId
        MATCH (t:Target {id: targetId})
        OPTIONAL MATCH (t)-[old:${type}]->(:Firm)
        DELETE old
        WITH DISTINCT t
        RETURN count(t) AS written`,
      params: { ids: [...ids] },
    };
  },
);

const eventColumns: ColumnSpec<BulkTargetEvent> = {
  id: ['string', (e) => e.id],
  stage: ['string', (e) => e.stage],
  fromStage: ['string', (e) => e.fromStage],
  at: ['string', (e) => e.at],
  actor: ['string', (e) => e.actor],
  note: ['string', (e) => e.note],
  reason: ['string', (e) => e.reason],
};

/** Appends history entries, grouped by target; entries are never changed or removed. */
export const bulkAppendTargetEvents = defineQuery<[readonly BulkTargetEvent[]], Written>('bulkAppendTargetEvents', (events) => ({
  cypher: (d: Dialect) => `UNWIND $groups AS g
    MATCH (t:Target {id: g.key})
    UNWIND ${nested(d, 'g.rows', 'INT64')} AS i
    CREATE (e:TargetEvent {id: ${at(d, 'id')}, ${asMap(d, ['stage', 'fromStage', 'at', 'actor', 'note', 'reason'])}})
    CREATE (e)-[:EVENT_OF]->(t)
    RETURN count(e) AS written`,
  params: { ...columns(events, eventColumns), groups: groupRows(events, (e) => e.targetId) },
}));
