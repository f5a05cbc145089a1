import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder';
import './district';
import './segment';
import './firm';
import './firm-mutations';
import './order';
import './trade';
import './support';
import './analysis';
import './audit';
import './auth';
import './risk';
import './target';
import './target-mutations';
import './investment';
import './introduction';
import './introduction-mutations';
import './introduction-results';
import './inbox';
import './cluster-graph';
import './cluster-graph-columns';

let schema: GraphQLSchema | undefined;

/** The executable API schema; built once, since Pothos registers types at import. */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema();
  return schema;
}

/** The SDL committed as schema/schema.graphql, sorted so diffs show real changes only. */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
