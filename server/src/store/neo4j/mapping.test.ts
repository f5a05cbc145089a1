import { describe, it, expect } from 'vitest';
import neo4j from 'neo4j-driver';
import { StoreError } from '../errors';
import { mapNeo4jError } from './errors';
import { fromNeo4j, recordToRow, toNeo4jParams } from './mapping';

const { Node, Relationship, Path, PathSegment, Point, Record } = neo4j.types;
const { Date: Neo4jDate, DateTime, LocalDateTime, Time, LocalTime, Duration } = neo4j.types;
const int = neo4j.int;

const anrui = new Node(int(1), ['Firm'], { id: 'anrui', outputYear: int(2024), yieldRate: 0.97 }, '4:abc:1');
const changan = new Node(int(2), ['Firm'], { id: 'changan', certifications: ['IATF 16949'] }, '4:abc:2');
const supportProps = { kinds: ['TECHNOLOGY'], since: '2021-06' };
const supports = new Relationship(int(7), int(2), int(1), 'SUPPORTS', supportProps, '5:abc:7', '4:abc:2', '4:abc:1');

describe('fromNeo4j', () => {
  it('turns Integers into numbers', () => {
    expect(fromNeo4j(int(42))).toBe(42);
    expect(fromNeo4j(int(-7))).toBe(-7);
    expect(fromNeo4j(int(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses an Integer that no JS number holds exactly', () => {
    expect(() => fromNeo4j(int('9007199254740993'))).toThrow(RangeError);
    expect(() => fromNeo4j(int('-9223372036854775808'))).toThrow(/-9223372036854775808 is beyond/);
  });

  it('keeps plain scalars and null, and makes undefined null', () => {
    expect(fromNeo4j('渝链')).toBe('渝链');
    expect(fromNeo4j(0.5)).toBe(0.5);
    expect(fromNeo4j(true)).toBe(true);
    expect(fromNeo4j(null)).toBeNull();
    expect(fromNeo4j(undefined)).toBeNull();
  });

  it('turns a node into its properties and nothing else', () => {
    expect(fromNeo4j(anrui)).toEqual({ id: 'anrui', outputYear: 2024, yieldRate: 0.97 });
  });

  it('turns a relationship into its properties', () => {
    expect(fromNeo4j(supports)).toEqual({ kinds: ['TECHNOLOGY'], since: '2021-06' });
  });

  it('turns a path into the properties of its nodes, in order', () => {
    const path = new Path(changan, anrui, [new PathSegment(changan, supports, anrui)]);
    expect(fromNeo4j(path)).toEqual([
      { id: 'changan', certifications: ['IATF 16949'] },
      { id: 'anrui', outputYear: 2024, yieldRate: 0.97 },
    ]);
    expect(fromNeo4j(new Path(anrui, anrui, []))).toEqual([{ id: 'anrui', outputYear: 2024, yieldRate: 0.97 }]);
  });

  it('prints temporal values as ISO 8601', () => {
    expect(fromNeo4j(new Neo4jDate(int(2024), int(3), int(9)))).toBe('2024-03-09');
    expect(fromNeo4j(new DateTime(2025, 1, 15, 8, 0, 0, 0, 8 * 3600))).toBe('2025-01-15T08:00:00+08:00');
    expect(fromNeo4j(new DateTime(2025, 1, 15, 8, 0, 0, 0, undefined, 'Asia/Chongqing'))).toBe(
      '2025-01-15T08:00:00[Asia/Chongqing]',
    );
    const localDateTime = new LocalDateTime(2025, 1, 15, 8, 30, 5, 1_000_000);
    expect(fromNeo4j(localDateTime)).toBe('2025-01-15T08:30:05.001000000');
    expect(fromNeo4j(new Time(8, 30, 0, 0, 0))).toBe('08:30:00Z');
    expect(fromNeo4j(new LocalTime(23, 59, 59, 0))).toBe('23:59:59');
    expect(fromNeo4j(new Duration(int(14), int(3), int(3661), int(0)))).toBe('P14M3DT3661S');
  });

  it('turns a point into its coordinates', () => {
    expect(fromNeo4j(new Point(int(4326), 105.93, 29.36))).toEqual({ srid: 4326, x: 105.93, y: 29.36 });
    const point3d = new Point(int(4979), 105.93, 29.36, 310);
    expect(fromNeo4j(point3d)).toEqual({ srid: 4979, x: 105.93, y: 29.36, z: 310 });
  });

  it('maps lists and maps recursively', () => {
    const value = {
      firm: anrui,
      years: [int(2023), int(2024)],
      nested: {
        links: [{ supplier: changan, amount: int(12_500_000), share: 0.25, since: new Neo4jDate(2021, 6, 1) }],
      },
      missing: null,
    };
    expect(fromNeo4j(value)).toEqual({
      firm: { id: 'anrui', outputYear: 2024, yieldRate: 0.97 },
      years: [2023, 2024],
      nested: {
        links: [
          {
            supplier: { id: 'changan', certifications: ['IATF 16949'] },
            amount: 12_500_000,
            share: 0.25,
            since: '2021-06-01',
          },
        ],
      },
      missing: null,
    });
  });

  it('maps a whole record to a row keyed by its columns', () => {
    const record = new Record(['firm', 'total', 'partners'], [anrui, int(3), [changan]]);
    expect(recordToRow(record)).toEqual({
      firm: { id: 'anrui', outputYear: 2024, yieldRate: 0.97 },
      total: 3,
      partners: [{ id: 'changan', certifications: ['IATF 16949'] }],
    });
  });
});

describe('toNeo4jParams', () => {
  it('sends safe integers as Integer and keeps floats as floats', () => {
    const params = toNeo4jParams({ skip: 40, limit: 20, minYieldRate: 0.95, amountCny: 12_500_000.5, negative: -3 });
    expect(neo4j.isInt(params.skip)).toBe(true);
    expect(params.skip).toEqual(int(40));
    expect(params.limit).toEqual(int(20));
    expect(params.negative).toEqual(int(-3));
    expect(params.minYieldRate).toBe(0.95);
    expect(params.amountCny).toBe(12_500_000.5);
  });

  it('leaves numbers beyond the safe range, and non-finite ones, as floats', () => {
    const params = toNeo4jParams({ huge: 2 ** 60, inf: Number.POSITIVE_INFINITY, nan: Number.NaN });
    expect(params).toEqual({ huge: 2 ** 60, inf: Number.POSITIVE_INFINITY, nan: Number.NaN });
  });

  it('converts inside lists and maps, and keeps everything else as it is', () => {
    const since = new Neo4jDate(2021, 6, 1);
    const already = int(7);
    const params = toNeo4jParams({
      rows: [{ code: '500118', lat: 29.36, level: 'district', inRegion: true, year: 2024 }],
      matrix: [[1, 2.5]],
      ids: ['anrui', 'changan'],
      none: null,
      since,
      already,
    });
    expect(params).toEqual({
      rows: [{ code: '500118', lat: 29.36, level: 'district', inRegion: true, year: int(2024) }],
      matrix: [[int(1), 2.5]],
      ids: ['anrui', 'changan'],
      none: null,
      since,
      already,
    });
    expect(params.since).toBe(since);
    expect(params.already).toBe(already);
  });

  it('does not change its input', () => {
    const input = { rows: [{ year: 2024 }] };
    toNeo4jParams(input);
    expect(input).toEqual({ rows: [{ year: 2024 }] });
  });
});

/** The driver's constructor also wants a GQL status; the mapping looks only at the classic code. */
function neo4jError(message: string, code: string) {
  return new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');
}

describe('mapNeo4jError', () => {
  it.each([
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONSTRAINT_VIOLATION'],
    [neo4j.error.SERVICE_UNAVAILABLE, 'UNAVAILABLE'],
    [neo4j.error.SESSION_EXPIRED, 'UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'TRANSIENT'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'TRANSIENT'],
    ['Neo.ClientError.Statement.SyntaxError', 'QUERY_ERROR'],
    ['Neo.ClientError.Statement.TypeError', 'QUERY_ERROR'],
    ['Neo.DatabaseError.General.UnknownError', 'QUERY_ERROR'],
  ])('maps %s to %s', (code, expected) => {
    const error = neo4jError('engine says no', code);
    const mapped = mapNeo4jError(error, 'upsertFirm');
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped.code).toBe(expected);
    expect(mapped.queryName).toBe('upsertFirm');
    expect(mapped.message).toContain('upsertFirm');
    expect(mapped.cause).toBe(error);
  });

  it('keeps engine messages that may quote bound values out of the message', () => {
    const violation = neo4jError(
      "Node(12) already exists with label `Order` and property `id` = 'o-secret'",
      'Neo.ClientError.Schema.ConstraintValidationFailed',
    );
    expect(mapNeo4jError(violation, 'upsertOrder').message).toBe('query upsertOrder violates a uniqueness constraint');
    const typeError = neo4jError(
      'Type mismatch: expected Integer but was Float(1.25E7)',
      'Neo.ClientError.Statement.TypeError',
    );
    expect(mapNeo4jError(typeError, 'upsertOrder').message).toBe(
      'query upsertOrder failed (Neo.ClientError.Statement.TypeError)',
    );
  });

  it('keeps syntax errors, which quote only the query text', () => {
    const syntax = neo4jError("Invalid input 'TRAIL'", 'Neo.ClientError.Statement.SyntaxError');
    expect(mapNeo4jError(syntax, 'findFirms').message).toBe(
      "query findFirms failed (Neo.ClientError.Statement.SyntaxError): Invalid input 'TRAIL'",
    );
  });

  it('passes a StoreError through and wraps anything else as a query error', () => {
    const storeError = new StoreError('TIMEOUT', 'already mapped', 'findFirms');
    expect(mapNeo4jError(storeError, 'other')).toBe(storeError);
    const rangeError = new RangeError('integer 9007199254740993 is beyond what JavaScript numbers hold exactly');
    const overflow = mapNeo4jError(rangeError, 'countNodes');
    expect(overflow.code).toBe('QUERY_ERROR');
    expect(overflow.message).toMatch(/^query countNodes failed: integer/);
  });
});
