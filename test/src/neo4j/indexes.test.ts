import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeo4jTestStore, type Neo4jTestStore } from '../harness';
import { neo4jCredentials } from './uri';

/**
 * The hot lookups of the analyses go through indexes on Neo4j: the chain leaders (a few hundred of
 * a hundred thousand firms) and one year's trade links region-wide. Asked of Neo4j's own planner
 * (EXPLAIN), on the schema a Yulian start creates.
 */

let opened: Neo4jTestStore;
let driver: ReturnType<typeof neo4j.driver>;

beforeAll(async () => {
  opened = await openNeo4jTestStore();
  driver = neo4j.driver(opened.uri, neo4j.auth.basic(neo4jCredentials.user, neo4jCredentials.password));
});
afterAll(async () => {
  await driver?.close();
  await opened?.close();
});

/** The operators of the plan Neo4j would run for `cypher`, leaves included. */
async function operators(cypher: string): Promise<string[]> {
  const session = driver.session({ database: neo4jCredentials.database });
  try {
    const result = await session.run(`EXPLAIN ${cypher}`, { year: neo4j.int(2024) });
    const names: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] }) => {
      names.push(plan.operatorType);
      for (const child of plan.children) walk(child as { operatorType: string; children: unknown[] });
    };
    const plan = result.summary.plan;
    if (!plan) throw new Error('no plan');
    walk(plan as unknown as { operatorType: string; children: unknown[] });
    return names;
  } finally {
    await session.close();
  }
}

describe('indexes for the hot lookups on Neo4j', () => {
  it('seeks the chain leaders instead of scanning every firm', async () => {
    const plan = await operators('MATCH (buy:Firm) WHERE buy.isChainLeader = true RETURN buy.id');
    expect(plan.some((op) => op.startsWith('NodeIndexSeek'))).toBe(true);
    expect(plan.some((op) => op.startsWith('NodeByLabelScan'))).toBe(false);
  });

  it('reads one year’s trade links through their year index', async () => {
    const plan = await operators('MATCH (sup:Firm)-[t:TRADED]->(buy:Firm) WHERE t.year = $year RETURN count(t)');
    // On the seed's few hundred links the planner scans the index rather than seeking in it; without
    // the index it would scan every TRADED relationship (RelationshipTypeScan).
    expect(plan, plan.join(' < ')).toContainEqual(expect.stringMatching(/RelationshipIndex(Seek|Scan)/));
  });
});
