import { describe, it, expect } from 'vitest';
import {
  lintCypherQuery,
  testData,
  type DbSchema,
  type Neo4jFunction,
  type Registry,
  type SyntaxDiagnostic,
} from '@neo4j-cypher/language-support';
import { allPropertyKeys, nodeSpecs, relSpecs } from '@yulian/schema';
import { neo4jDialect } from '../dialect';
import { renderCypher } from '../port';
import { registeredQueryNames } from './define';
import { catalogueExamples } from './examples';

/**
 * Neo4j cannot run on the development machines, so every catalogue query, rendered for Neo4j,
 * goes through Neo4j's own parser and semantic analysis (bundled in @neo4j-cypher/language-support)
 * plus the library's schema checks. Zero diagnostics, warnings included, is the bar.
 */

const CYPHER_VERSION = 'CYPHER 5';

/**
 * The library's own fixture is a `SHOW FUNCTIONS` dump of a real server (with APOC). Only the
 * built-in functions are kept: the product targets Neo4j without plugins, so an APOC call, or an
 * embedded-only spelling such as `to_string`, must fail here.
 */
function builtInFunctions(): Registry<Neo4jFunction> {
  const all = testData.mockSchema.functions?.[CYPHER_VERSION] ?? {};
  return Object.fromEntries(Object.entries(all).filter(([, fn]) => fn.isBuiltIn));
}

const functions = builtInFunctions();

/**
 * Keys of the maps inside the parameters (the rows of `UNWIND $rows AS row`). The library credits
 * `row.from` in `MATCH (c:Segment {code: row.from})` to `c` (PropertiesCollector takes the
 * enclosing node pattern's variable for every property key inside it), then warns that `from` is
 * no property in the database. Neo4j itself accepts the query. Declaring exactly the keys this
 * query's parameters carry silences that false warning and nothing else.
 */
function parameterMapKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) parameterMapKeys(item, keys);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      keys.add(key);
      parameterMapKeys(item, keys);
    }
  }
  return keys;
}

function schemaFor(parameters: Readonly<Record<string, unknown>>): DbSchema {
  const rowKeys = Object.values(parameters).flatMap((value) => [...parameterMapKeys(value)]);
  return {
    defaultLanguage: CYPHER_VERSION,
    labels: nodeSpecs.map((n) => n.label),
    relationshipTypes: relSpecs.map((r) => r.type),
    propertyKeys: [...new Set([...allPropertyKeys(), ...rowKeys])],
    graphSchema: relSpecs.map((r) => ({ from: r.from, to: r.to, relType: r.type })),
    functions: { [CYPHER_VERSION]: functions },
    // Declared and empty: the catalogue calls no procedure, so any CALL is an error.
    procedures: { [CYPHER_VERSION]: {} },
    parameters: { ...parameters },
  };
}

interface LintResult {
  diagnostics: string[];
  /**
   * Variables the semantic analysis found. The library swallows a crash of the analysis and
   * reports nothing, so an empty table for a query with variables means it was never checked.
   */
  symbols: number;
}

function lintFully(cypher: string, parameters: Readonly<Record<string, unknown>> = {}): LintResult {
  const { diagnostics, symbolTables } = lintCypherQuery(cypher, schemaFor(parameters));
  return {
    diagnostics: diagnostics.map((d) => describeDiagnostic(cypher, d)),
    symbols: symbolTables.reduce((n, table) => n + table.length, 0),
  };
}

function lint(cypher: string, parameters: Readonly<Record<string, unknown>> = {}): string[] {
  return lintFully(cypher, parameters).diagnostics;
}

function describeDiagnostic(cypher: string, d: SyntaxDiagnostic): string {
  const severity = d.severity === 1 ? 'error' : 'warning';
  const near = cypher.slice(d.offsets.start, Math.max(d.offsets.end, d.offsets.start + 1)).replace(/\s+/g, ' ');
  const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
  return `${severity} at ${at} (${JSON.stringify(near)}): ${d.message}`;
}

const examples = catalogueExamples().map((query, index) => ({
  label: `${query.name} #${index}`,
  query,
  cypher: renderCypher(query, neo4jDialect),
}));

describe('the Neo4j lint itself', () => {
  // Each control proves one check is live, so the zero-diagnostic tests below cannot pass vacuously.
  it.each([
    ['semantic analysis: undefined variable', 'MATCH (a) RETURN b', 'Variable `b` not defined'],
    ['semantic analysis: types', 'RETURN toLower(1) AS x', 'Type mismatch: expected String but was Integer'],
    [
      'semantic analysis: aggregation scope',
      'MATCH (f:Firm) RETURN count(f) AS n ORDER BY f.id',
      'not possible to access variables declared before the WITH/RETURN: f',
    ],
    ['a float SKIP', 'MATCH (f:Firm) RETURN f.id AS id SKIP 1.5', 'Must be a non-negative integer'],
    ['undeclared parameter', 'MATCH (f:Firm {id: $nope}) RETURN f.id AS id', 'Parameter $nope is not defined'],
    ['unknown label', 'MATCH (f:Frim) RETURN f.id AS id', 'Frim is not present in the database'],
    ['unknown property', 'MATCH (f:Firm) RETURN f.nmaeZh AS n', 'nmaeZh is not present in the database'],
    ['unknown function', 'RETURN to_string(1) AS t', 'Function to_string is not present'],
    ['plugin function', "RETURN apoc.text.join(['a'], ',') AS j", 'Function apoc.text.join is not present'],
    ['wrong direction', 'MATCH (d:District)-[:LOCATED_IN]->(f:Firm) RETURN f.id AS id', 'has no incoming'],
    ['embedded-only syntax', 'MATCH (a:Segment)-[:PART_OF* TRAIL 1..3]->(b:Segment) RETURN b.code AS c', 'TRAIL'],
    ['embedded-only DDL', 'CREATE NODE TABLE IF NOT EXISTS Firm(id STRING PRIMARY KEY)', "Invalid input 'TABLE'"],
    ['Neo4j 4 DDL', 'CREATE CONSTRAINT ON (n:Firm) ASSERT n.id IS UNIQUE', 'ON and ASSERT should not be used'],
  ])('catches %s', (_what, cypher, expected) => {
    expect(lint(cypher).join('\n')).toContain(expected);
  });

  it('gives a clean query no diagnostics', () => {
    const cypher = 'MATCH (f:Firm)-[:LOCATED_IN]->(d:District) WHERE f.id IN $ids RETURN d.code AS code';
    expect(lint(cypher, { ids: [] })).toEqual([]);
  });
});

describe('every catalogue query passes Neo4j’s parser and semantic analysis', () => {
  it('has an example for every registered query', () => {
    expect([...new Set(examples.map((e) => e.query.name))].sort()).toEqual(registeredQueryNames());
  });

  it.each(examples)('$label', ({ cypher, query }) => {
    const { diagnostics, symbols } = lintFully(cypher, query.params);
    expect(diagnostics, cypher).toEqual([]);
    expect(symbols, `semantic analysis did not run on:\n${cypher}`).toBeGreaterThan(0);
  });

  it.each(neo4jDialect.schemaStatements())('DDL: %s', (statement) => {
    expect(lint(statement), statement).toEqual([]);
  });

  it('accepts the dialect’s Neo4j spellings', () => {
    const cypher = `MATCH (a:Segment)-${neo4jDialect.trail('PART_OF', 1, 4)}->(b:Segment)
      RETURN ${neo4jDialect.toText('count(b)')} AS parents`;
    expect(lint(cypher), cypher).toEqual([]);
  });
});
