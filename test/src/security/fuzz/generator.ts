import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from './random';
import { printLiteral, randomValue, type FuzzValue } from './values';

/**
 * Documents generated from the live schema: random root fields of Query or Mutation, random
 * arguments (inline or as variables, sometimes declared with the wrong type), random nested
 * selections of random depth with aliases, fragments and directives — and documents broken on purpose.
 */

export type FuzzKind = 'query' | 'mutation' | 'broken';

export interface FuzzCase {
  index: number;
  kind: FuzzKind;
  query: string;
  variables: Record<string, FuzzValue>;
  /** Variables as JSON text, sent instead of `variables` when present. */
  rawVariables?: string;
}

type Field = GraphQLField<unknown, unknown>;

interface Doc {
  random: Random;
  schema: GraphQLSchema;
  declarations: string[];
  variables: Record<string, FuzzValue>;
  aliases: number;
}

const WRONG_TYPES = ['String', 'Int!', 'Boolean', '[String]', 'ID!', 'Float', 'NoSuchType'];

function argument(doc: Doc, arg: GraphQLArgument): string | null {
  const { random } = doc;
  const required = isNonNullType(arg.type);
  if (!required && !random.chance(0.5)) return null;
  if (required && random.chance(0.03)) return null; // a required argument left out
  const value = randomValue(random, arg.type);
  if (random.chance(0.5)) {
    const name = `v${doc.declarations.length}`;
    const declared = random.chance(0.08) ? random.pick(WRONG_TYPES) : String(arg.type);
    doc.declarations.push(`$${name}: ${declared}`);
    if (!random.chance(0.05)) doc.variables[name] = value; // sometimes the value never arrives
    return `${arg.name}: $${name}`;
  }
  return `${arg.name}: ${printLiteral(value)}`;
}

function directives(doc: Doc): string {
  if (!doc.random.chance(0.08)) return '';
  const count = doc.random.chance(0.1) ? doc.random.int(2, 14) : 1;
  return Array.from({ length: count }, () => ` @${doc.random.pick(['include', 'skip'])}(if: ${doc.random.pick(['true', 'false'])})`).join('');
}

function fieldText(doc: Doc, field: Field, depth: number, maxDepth: number): string {
  const args = field.args.map((a) => argument(doc, a)).filter((a): a is string => a !== null);
  const alias = doc.random.chance(0.06) ? `a${doc.aliases++}: ` : '';
  const head = `${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${directives(doc)}`;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return head;
  return `${head} { ${selection(doc, named, depth + 1, maxDepth)} }`;
}

/** A selection set on `type`; beyond `maxDepth` only leaves are chosen (or __typename where there are none). */
function selection(doc: Doc, type: GraphQLNamedType, depth: number, maxDepth: number): string {
  const { random } = doc;
  if (isUnionType(type)) {
    return ['__typename', ...type.getTypes().map((t) => `... on ${t.name} { ${selection(doc, t, depth, maxDepth)} }`)].join(' ');
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '__typename';
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const candidates = depth >= maxDepth ? leaves : fields;
  if (candidates.length === 0) return '__typename';
  const chosen = random.some(candidates, depth >= maxDepth ? 4 : 5);
  const parts = chosen.map((f) => fieldText(doc, f, depth, maxDepth));
  if (random.chance(0.1)) parts.push('__typename');
  if (random.chance(0.08)) return `... on ${type.name} { ${parts.join(' ')} }`;
  return parts.join(' ');
}

export function generateOperation(random: Random, schema: GraphQLSchema, index: number, kind: 'query' | 'mutation'): FuzzCase {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) throw new Error(`the schema has no ${kind} type`);
  const doc: Doc = { random, schema, declarations: [], variables: {}, aliases: 0 };
  // Mostly within the depth limit, sometimes well beyond it.
  const maxDepth = random.chance(0.85) ? random.int(1, 6) : random.int(7, 14);
  const roots = random.some(Object.values(root.getFields()), kind === 'query' ? 3 : 2);
  const body = roots.map((f) => fieldText(doc, f, 1, maxDepth)).join(' ');
  const head = doc.declarations.length > 0 ? `${kind} Fuzz${index}(${doc.declarations.join(', ')})` : kind;
  return { index, kind, query: `${head} { ${body} }`, variables: doc.variables };
}

const JUNK = ['{', '}', '(', ')', '$', '"', '@', '...', ':', '!', '[', ']', '#', '\\', '\u0000', '"""', '渝', '{ __typename }', 'fragment', '=', ',', '\n'];

/** Nothing to parse, or nesting that a recursive parser must survive. */
const EMPTY_OR_EXTREME = ['', ' ', '# only a comment', '{}', '{ }', 'query', '"""', '{'.repeat(5_000), `{ district(code: ${'['.repeat(2_900)}) { code } }`];

/** A query document damaged at a few random places, or no document at all. */
export function generateBroken(random: Random, schema: GraphQLSchema, index: number): FuzzCase {
  const roll = random.next();
  if (roll < 0.1) return { index, kind: 'broken', query: random.pick(EMPTY_OR_EXTREME), variables: {} };
  if (roll < 0.13) {
    // Variables nested far deeper than any input type (written as text: JSON.stringify itself would
    // overflow): parsing and coercing them must not recurse off the server's stack.
    let open = '';
    let close = '';
    while (open.length + close.length < random.int(2_000, 90_000)) {
      const array = random.chance(0.5);
      open += array ? '[' : '{"f":';
      close = (array ? ']' : '}') + close;
    }
    const type = random.pick(['FirmFilter', 'String!']);
    const field = type === 'FirmFilter' ? 'firms(filter: $f) { totalCount }' : 'district(code: $f) { code }';
    const query = `query($f: ${type}) { ${field} }`;
    return { index, kind: 'broken', query, variables: {}, rawVariables: `{"f":${open}"bottom"${close}}` };
  }
  const base = generateOperation(random, schema, index, 'query');
  let text = base.query;
  for (let i = random.int(1, 3); i > 0; i--) {
    const at = random.int(0, text.length);
    const cut = random.next();
    if (cut < 0.3) text = text.slice(0, at);
    else if (cut < 0.6) text = text.slice(0, at) + text.slice(Math.min(text.length, at + random.int(1, 12)));
    else text = text.slice(0, at) + random.pick(JUNK) + text.slice(at);
  }
  return { index, kind: 'broken', query: text, variables: base.variables };
}
