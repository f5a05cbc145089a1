import neo4j, {
  type Date as Neo4jDate,
  type DateTime,
  type Duration,
  type Integer,
  type LocalDateTime,
  type LocalTime,
  type Path,
  type Time,
} from 'neo4j-driver';
import type { Row } from '../port';
import { bigintToNumber } from '../values';

/**
 * Conversions between neo4j-driver values and the plain rows the port promises. Both directions
 * are pure so they can be unit-tested with the driver's own types and no database.
 */

/** A result record as the driver hands it back; only `keys` and `get` are needed. */
export interface RecordLike {
  readonly keys: readonly PropertyKey[];
  get(key: PropertyKey): unknown;
}

export function recordToRow(record: RecordLike): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = fromNeo4j(record.get(key));
  return row;
}

/** Maps one driver value to plain JS: numbers, strings, booleans, null, lists and maps only. */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values of a row are strings and floats: they pass before the dozen driver type checks
  // below, which cost more than the rest of a large read's conversion together.
  if (typeof value !== 'object') return typeof value === 'bigint' ? bigintToNumber(value) : value;
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (neo4j.isInt(value)) return integerToNumber(value);
  // Nodes and relationships carry ids and labels too; rows expose only what the query's model holds.
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isUnboundRelationship(value)) {
    return mapEntries(value.properties);
  }
  if (neo4j.isPath(value)) return pathNodes(value);
  if (isTemporal(value)) return value.toString();
  if (neo4j.isPoint(value)) {
    const point = { srid: fromNeo4j(value.srid), x: value.x, y: value.y };
    return value.z === undefined ? point : { ...point, z: value.z };
  }
  return mapEntries(value as Record<string, unknown>);
}

export function integerToNumber(value: Integer): number {
  if (!value.inSafeRange()) {
    throw new RangeError(`integer ${value.toString()} is beyond what JavaScript numbers hold exactly`);
  }
  return value.toNumber();
}

function mapEntries(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(properties)) out[key] = fromNeo4j(v);
  return out;
}

/** A path becomes its nodes in order; the relationships between them are implied by the query. */
function pathNodes(path: Path): unknown[] {
  return [path.start, ...path.segments.map((segment) => segment.end)].map(fromNeo4j);
}

type Temporal = Neo4jDate | DateTime | LocalDateTime | Time | LocalTime | Duration;

/** Temporal values print as ISO 8601, the form the model stores dates in. */
function isTemporal(value: unknown): value is Temporal {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

/**
 * Maps query parameters for the driver. A JS number is a float to Neo4j, and SKIP/LIMIT, range
 * bounds and list indexes reject `10.0`, so every safe integer is sent as an Integer. The cost:
 * an integral value of a DOUBLE property (an amount of 1200000) is stored as INTEGER. Reads map
 * both back to the same JS number, and sum/avg/comparisons accept the mix.
 */
export function toNeo4jParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = toNeo4jValue(value);
  return out;
}

export function toNeo4jValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jValue);
  if (isPlainObject(value)) return toNeo4jParams(value);
  return value;
}

/** Only literal maps are walked; driver values (Integer, temporal types) and class instances pass as they are. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
