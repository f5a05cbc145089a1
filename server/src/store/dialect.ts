import { embeddedDdl, neo4jDdl } from '@yulian/schema';

/**
 * The few spellings that differ between the embedded engine and Neo4j. Queries are written in the
 * Cypher both accept and ask this module only for what cannot be shared.
 */
export interface Dialect {
  readonly name: 'embedded' | 'neo4j';
  /** Statements that create the model's schema, idempotently. */
  schemaStatements(): string[];
  /** A bounded variable-length pattern that never reuses a relationship (Neo4j's default). */
  trail(relType: string, min: number, max: number): string;
  /** Converts a numeric expression to a string. */
  toText(expr: string): string;
}

export const embeddedDialect: Dialect = {
  name: 'embedded',
  schemaStatements: embeddedDdl,
  trail: (relType, min, max) => `[:${relType}* TRAIL ${min}..${max}]`,
  toText: (expr) => `to_string(${expr})`,
};

export const neo4jDialect: Dialect = {
  name: 'neo4j',
  schemaStatements: neo4jDdl,
  trail: (relType, min, max) => `[:${relType}*${min}..${max}]`,
  toText: (expr) => `toString(${expr})`,
};
