import { nodes, relationships, type NodeLabel, type NodeSpec, type RelSpec, type RelType } from '@yulian/schema';
import { defineQuery } from './define';

/**
 * Whole-graph reads and writes for backup and restore, generic over the model: every label, type
 * and property name in this text comes from schema/src/model.ts, looked up by the label or type
 * given, never from the caller's string itself. Values always travel as parameters.
 *
 * Columns are aliased p0, p1, … in the order of the spec's properties, so no property name can
 * collide with a keyword in alias position; propertyColumns() maps them back.
 */

export type DumpKey = string | number;

/** One node: its key and its properties as p0, p1, … (the key's own column included). */
export type NodePageRow = { nodeKey: DumpKey } & Record<string, unknown>;

/** One relationship: its endpoints' keys and its properties as p0, p1, …. */
export type RelPageRow = { fromKey: DumpKey; toKey: DumpKey } & Record<string, unknown>;

export interface RelCursor {
  fromKey: DumpKey;
  toKey: DumpKey;
}

export function nodeSpecOf(label: NodeLabel): NodeSpec {
  const spec: NodeSpec | undefined = nodes[label];
  if (!spec) throw new Error(`no node label ${JSON.stringify(label)} in the model`);
  return spec;
}

export function relSpecOf(type: RelType): RelSpec {
  const spec: RelSpec | undefined = relationships[type];
  if (!spec) throw new Error(`no relationship type ${JSON.stringify(type)} in the model`);
  return spec;
}

/** Property names in column order: p0 is the first, and so on. */
export function propertyColumns(spec: NodeSpec | RelSpec): string[] {
  return Object.keys(spec.properties);
}

function returnColumns(variable: string, spec: NodeSpec | RelSpec): string {
  return propertyColumns(spec)
    .map((name, i) => `, ${variable}.${name} AS p${i}`)
    .join('');
}

export const countNodesOfLabel = defineQuery<[NodeLabel], { total: number }>('countNodesOfLabel', (label) => {
  const spec = nodeSpecOf(label);
  return { cypher: `MATCH (n:${spec.label}) RETURN count(n) AS total`, params: {} };
});

export const countRelsOfType = defineQuery<[RelType], { total: number }>('countRelsOfType', (type) => {
  const spec = relSpecOf(type);
  return { cypher: `MATCH (:${spec.from})-[r:${spec.type}]->(:${spec.to}) RETURN count(r) AS total`, params: {} };
});

/**
 * A page of nodes in key order, after the given key (from the start when null). Paging by key, not
 * SKIP: each page costs the same, however far into a million orders it is.
 */
export const dumpNodePage = defineQuery<[NodeLabel, DumpKey | null, number], NodePageRow>('dumpNodePage', (label, after, limit) => {
  const spec = nodeSpecOf(label);
  const key = `n.${spec.key}`;
  return {
    cypher: `MATCH (n:${spec.label}) ${after === null ? '' : `WHERE ${key} > $after`}
      RETURN ${key} AS nodeKey${returnColumns('n', spec)}
      ORDER BY nodeKey LIMIT $limit`,
    params: after === null ? { limit } : { after, limit },
  };
});

/**
 * A page of relationships ordered by their endpoints' keys, after the given pair. Two relationships
 * of one type between the same two nodes share a cursor, so the caller ends each page on a whole
 * pair (see backup/dump.ts).
 */
export const dumpRelPage = defineQuery<[RelType, RelCursor | null, number], RelPageRow>('dumpRelPage', (type, after, limit) => {
  const spec = relSpecOf(type);
  const from = `a.${nodeSpecOf(spec.from as NodeLabel).key}`;
  const to = `b.${nodeSpecOf(spec.to as NodeLabel).key}`;
  return {
    cypher: `MATCH (a:${spec.from})-[r:${spec.type}]->(b:${spec.to})
      ${after === null ? '' : `WHERE ${from} > $afterFrom OR (${from} = $afterFrom AND ${to} > $afterTo)`}
      RETURN ${from} AS fromKey, ${to} AS toKey${returnColumns('r', spec)}
      ORDER BY fromKey, toKey LIMIT $limit`,
    params: after === null ? { limit } : { afterFrom: after.fromKey, afterTo: after.toKey, limit },
  };
});

/** Rows of a restore: every property of the spec, in spec order, null where absent. */
export type RestoreNodeRow = Record<string, unknown>;

/**
 * The model's properties among `given`, as `name: row.name` pairs. A batch leaves out the properties
 * that are null in all its rows: the embedded engine types such a column STRING and then refuses to
 * store it in a DOUBLE or BOOLEAN property.
 */
function propertyMap(spec: NodeSpec | RelSpec, given: readonly string[]): string {
  return propertyColumns(spec)
    .filter((name) => given.includes(name))
    .map((name) => `${name}: row.${name}`)
    .join(', ');
}

/** CREATE, not MERGE: restore writes only into an empty store, and a repeated key must fail loudly. */
export const restoreNodes = defineQuery<[NodeLabel, readonly string[], readonly RestoreNodeRow[]], { created: number }>('restoreNodes', (label, properties, rows) => {
  const spec = nodeSpecOf(label);
  const props = propertyMap(spec, [spec.key, ...properties]);
  return {
    cypher: `UNWIND $rows AS row CREATE (n:${spec.label} {${props}}) RETURN count(n) AS created`,
    params: { rows: [...rows] },
  };
});

export type RestoreRelRow = { line: number; fromKey: DumpKey; toKey: DumpKey } & Record<string, unknown>;

/** Answers the line of each relationship it created, so a missing endpoint shows as a missing line. */
export const restoreRels = defineQuery<[RelType, readonly string[], readonly RestoreRelRow[]], { line: number }>('restoreRels', (type, properties, rows) => {
  const spec = relSpecOf(type);
  const fromKey = nodeSpecOf(spec.from as NodeLabel).key;
  const toKey = nodeSpecOf(spec.to as NodeLabel).key;
  const props = propertyMap(spec, properties);
  return {
    // Two MATCH clauses: one pattern with both endpoints is planned as a cross product by the embedded engine.
    cypher: `UNWIND $rows AS row
      MATCH (a:${spec.from} {${fromKey}: row.fromKey})
      MATCH (b:${spec.to} {${toKey}: row.toKey})
      CREATE (a)-[r:${spec.type}${props ? ` {${props}}` : ''}]->(b)
      RETURN row.line AS line`,
    params: { rows: [...rows] },
  };
});

/** Deletes up to `limit` nodes of a label with their relationships; a failed restore empties the store with it. */
export const deleteNodesOfLabel = defineQuery<[NodeLabel, number], { deleted: number }>('deleteNodesOfLabel', (label, limit) => {
  const spec = nodeSpecOf(label);
  return {
    cypher: `MATCH (n:${spec.label}) WITH n, n.${spec.key} AS gone LIMIT $limit DETACH DELETE n RETURN count(gone) AS deleted`,
    params: { limit },
  };
});
