import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import type { Random } from './random';

/**
 * Argument values for the fuzz, by input type: mostly plausible, often hostile, sometimes of the
 * wrong type altogether. Values are plain JSON (for variables) except enum names, which carry a
 * marker so they can also be printed as bare literals.
 */

export class EnumName {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

export type FuzzValue = null | boolean | number | string | EnumName | FuzzValue[] | { [key: string]: FuzzValue };

/** Strings that have broken other systems: query injection, escapes, markup, paths, odd unicode. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "anrui' OR 1=1 //",
  '\\u0027) CALL db.labels() //',
  '` DETACH DELETE n `',
  '$id',
  '{{7*7}}',
  '${process.exit(1)}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'undefined',
  '__proto__',
  '渝链 重庆市永川区',
  '🚗🔩⚙️',
  '\u202Eevil\u202C',
  'e\u0301\u0301\u0301',
  'a\u0000b',
  '\ud800',
  '\t\r\n',
  '%00%27',
];

/** Identifiers from the seed data, so that some lookups hit real records. */
const KNOWN_IDS = ['anrui', 'aofang', 'guangan-moto', '500117', '500118', 'SURFACE_TREATMENT', 'AL_DIE_CASTING', 'SCRAP_AL'];

const NUMBERS = [0, -1, 1, 2, 5, 49, 50, 500, 501, 2023, 2024, 2025, 1800, 100_000, 2_147_483_647, -2_147_483_648, 2_147_483_648, 1e21, 0.5, 1.5, -0.0001, 1e308, -1e308, 5e-324];

export function randomString(random: Random): string {
  const roll = random.next();
  if (roll < 0.35) return random.pick(HOSTILE_STRINGS);
  if (roll < 0.6) return random.pick(KNOWN_IDS);
  if (roll < 0.65) return 'x'.repeat(10_000);
  if (roll < 0.7) return random.pick(HOSTILE_STRINGS).repeat(random.int(2, 300));
  const letters = 'abcdefghijklmnopqrstuvwxyz渝链企业 -_.0123456789';
  return Array.from({ length: random.int(1, 24) }, () => random.pick([...letters])).join('');
}

function wrongValue(random: Random): FuzzValue {
  return random.pick<FuzzValue>([
    'not a number',
    'NaN',
    12.75,
    -7,
    true,
    [],
    {},
    { nested: { deeper: ['x'] } },
    [null, 1, 'two'],
    randomString(random),
    new EnumName('NOT_A_VALUE'),
  ]);
}

export function randomValue(random: Random, type: GraphQLInputType, depth = 0): FuzzValue {
  if (random.chance(0.06)) return wrongValue(random);
  if (random.chance(isNonNullType(type) ? 0.04 : 0.15)) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const length = random.pick([0, 1, 2, 3, 5, random.int(50, 250)]);
    if (random.chance(0.1)) return randomValue(random, inner.ofType, depth + 1); // one item where a list is due
    return Array.from({ length }, () => randomValue(random, inner.ofType, depth + 1));
  }
  if (isEnumType(inner)) {
    if (random.chance(0.1)) return new EnumName(random.pick(['supply', 'SUPPLYY', 'ADMIN', 'null', 'TRUE']));
    return new EnumName(random.pick(inner.getValues()).name);
  }
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    const out: { [key: string]: FuzzValue } = {};
    for (const field of fields) {
      const required = isNonNullType(field.type);
      if (required ? random.chance(0.95) : random.chance(0.5)) {
        out[field.name] = depth > 4 ? null : randomValue(random, field.type, depth + 1);
      }
    }
    if (random.chance(0.05)) out[random.pick(['bogus', '__proto__', 'constructor', 'id_'])] = randomString(random);
    return out;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
      case 'Float':
        return random.pick(NUMBERS);
      case 'Boolean':
        return random.chance(0.5);
      default:
        return randomString(random);
    }
  }
  return null;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The value as a GraphQL literal; what has no literal form (an enum name that is not a Name) becomes a string. */
export function printLiteral(value: FuzzValue): string {
  if (value === null) return 'null';
  if (value instanceof EnumName) return NAME.test(value.name) && !['true', 'false', 'null'].includes(value.name) ? value.name : JSON.stringify(value.name);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${k}: ${printLiteral(v)}`)
    .join(', ')} }`;
}
