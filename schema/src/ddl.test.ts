import { describe, expect, it } from 'vitest';
import { embeddedDdl, neo4jDdl } from './ddl';
import { nodeSpecs, relSpecs } from './model';

describe('DDL generated from the model', () => {
  it('declares a node table per label with its key, and a rel table per relationship type', () => {
    const ddl = embeddedDdl();
    expect(ddl).toContain(
      'CREATE NODE TABLE IF NOT EXISTS Segment(code STRING PRIMARY KEY, nameZh STRING, nameEn STRING)',
    );
    expect(ddl).toContain(
      'CREATE REL TABLE IF NOT EXISTS SUPPORTS(FROM Firm TO Firm, kinds STRING[], since STRING, source STRING, synthetic BOOLEAN)',
    );
    const added = [...nodeSpecs, ...relSpecs].flatMap((spec) => Object.values(spec.properties).filter((p: { added?: boolean }) => p.added));
    expect(ddl).toHaveLength(nodeSpecs.length + relSpecs.length + added.length);
  });

  it('adds a property added since to an older store’s table', () => {
    const ddl = embeddedDdl();
    expect(ddl).toContain('ALTER TABLE AuditEvent ADD IF NOT EXISTS districts STRING[]');
    // Relationship tables too: a need's requirements came after stores holding needs.
    expect(ddl).toContain('ALTER TABLE NEEDS ADD IF NOT EXISTS minYieldRate DOUBLE');
    // After the tables, so a fresh store has the table to alter (and the column already).
    const firstAlter = ddl.findIndex((s) => s.startsWith('ALTER TABLE'));
    expect(ddl.slice(0, firstAlter).every((s) => s.startsWith('CREATE'))).toBe(true);
    expect(ddl.slice(firstAlter).every((s) => s.startsWith('ALTER TABLE'))).toBe(true);
  });

  it('gives Neo4j a uniqueness constraint per key and an index per indexed property', () => {
    const ddl = neo4jDdl();
    expect(ddl).toContain('CREATE CONSTRAINT firm_id_unique IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE');
    expect(ddl).toContain('CREATE INDEX tradeorder_year IF NOT EXISTS FOR (n:TradeOrder) ON (n.year)');
    expect(ddl).toContain('CREATE CONSTRAINT user_username_unique IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE');
    expect(ddl).toContain('CREATE INDEX traded_year IF NOT EXISTS FOR ()-[r:TRADED]-() ON (r.year)');
    const extra = nodeSpecs.flatMap((n) => Object.values(n.properties).filter((p: { indexed?: boolean; unique?: boolean }) => p.indexed || p.unique));
    const relIndexes = relSpecs.flatMap((r) => Object.values(r.properties).filter((p: { indexed?: boolean }) => p.indexed));
    expect(ddl).toHaveLength(nodeSpecs.length + extra.length + relIndexes.length);
  });
});
