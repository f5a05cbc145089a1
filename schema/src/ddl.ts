import { nodeSpecs, relSpecs, type NodeSpec, type PropertySpec, type RelSpec } from './model';

function columns(spec: NodeSpec | RelSpec, key?: string): string {
  return Object.entries(spec.properties)
    .map(([name, p]) => (name === key ? `${name} ${p.type} PRIMARY KEY` : `${name} ${p.type}`))
    .join(', ');
}

/** Node and rel tables for the embedded engine, which needs every label and property declared. */
export function embeddedDdl(): string[] {
  const nodeTables = nodeSpecs.map(
    (n) => `CREATE NODE TABLE IF NOT EXISTS ${n.label}(${columns(n, n.key)})`,
  );
  const relTables = relSpecs.map((r) => {
    const props = columns(r);
    return `CREATE REL TABLE IF NOT EXISTS ${r.type}(FROM ${r.from} TO ${r.to}${props ? `, ${props}` : ''})`;
  });
  // A table made by an older version lacks the properties added since; CREATE … IF NOT EXISTS
  // leaves it as it is, so they are added one by one (a no-op where the column exists).
  const tables: [string, NodeSpec | RelSpec][] = [...nodeSpecs.map((n): [string, NodeSpec] => [n.label, n]), ...relSpecs.map((r): [string, RelSpec] => [r.type, r])];
  const added = tables.flatMap(([table, spec]) =>
    Object.entries(spec.properties as Readonly<Record<string, PropertySpec>>)
      .filter(([, p]) => p.added)
      .map(([name, p]) => `ALTER TABLE ${table} ADD IF NOT EXISTS ${name} ${p.type}`),
  );
  return [...nodeTables, ...relTables, ...added];
}

/** Uniqueness constraints on every key and range indexes on looked-up node and relationship properties for Neo4j. */
export function neo4jDdl(): string[] {
  const statements: string[] = [];
  for (const n of nodeSpecs) {
    const lower = n.label.toLowerCase();
    statements.push(
      `CREATE CONSTRAINT ${lower}_${n.key}_unique IF NOT EXISTS FOR (n:${n.label}) REQUIRE n.${n.key} IS UNIQUE`,
    );
    for (const [name, p] of Object.entries(n.properties)) {
      if (p.unique) {
        statements.push(
          `CREATE CONSTRAINT ${lower}_${name}_unique IF NOT EXISTS FOR (n:${n.label}) REQUIRE n.${name} IS UNIQUE`,
        );
      } else if (p.indexed) {
        statements.push(`CREATE INDEX ${lower}_${name} IF NOT EXISTS FOR (n:${n.label}) ON (n.${name})`);
      }
    }
  }
  for (const r of relSpecs) {
    for (const [name, p] of Object.entries(r.properties) as [string, { indexed?: boolean }][]) {
      if (p.indexed) statements.push(`CREATE INDEX ${r.type.toLowerCase()}_${name} IF NOT EXISTS FOR ()-[r:${r.type}]-() ON (r.${name})`);
    }
  }
  return statements;
}
