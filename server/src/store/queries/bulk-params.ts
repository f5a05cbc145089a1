import type { Dialect } from '../dialect';

/**
 * How the batched writes pass their records and spell what differs per engine (see bulk.ts for
 * why records travel as columns with a trailing typing value). Shared by bulk.ts and
 * bulk-targets.ts.
 */

export type Written = { written: number };
export type Scalar = string | number | boolean | null;

// ---------------------------------------------------------------------------------------------
// Parameter encoding
// ---------------------------------------------------------------------------------------------

/** The value that types each kind of column; it sits after the last row and is never read. */
const TYPING = { string: '', double: 0.5, int: 0, bool: false, strings: [''] as string[] } as const;
export type ColumnType = keyof typeof TYPING;

export type ColumnSpec<T> = Readonly<Record<string, readonly [ColumnType, (row: T) => Scalar | string[]]>>;

export function columns<T>(rows: readonly T[], spec: ColumnSpec<T>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, [type, pick]] of Object.entries(spec)) {
    const values: unknown[] = rows.map(pick);
    values.push(TYPING[type]);
    out[name] = values;
  }
  return out;
}

/** Row positions grouped by a key, in first-seen order (deterministic for a given batch). */
export function groupRows<T>(rows: readonly T[], key: (row: T) => string): { key: string; rows: number[] }[] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  return [...groups].map(([k, positions]) => ({ key: k, rows: positions }));
}

/** Record ids grouped by a key, for link statements that look both ends up by key. */
export function groupIds<T>(rows: readonly T[], key: (row: T) => string, id: (row: T) => string): { key: string; ids: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(id(row));
    else groups.set(k, [id(row)]);
  }
  return [...groups].map(([k, ids]) => ({ key: k, ids }));
}

// ---------------------------------------------------------------------------------------------
// Spellings
// ---------------------------------------------------------------------------------------------

/** Row i of a column: parameters are 0-based, the embedded engine indexes lists from 1. */
export const at = (d: Dialect, column: string, i = 'i') => (d.name === 'embedded' ? `$${column}[${i} + 1]` : `$${column}[${i}]`);

/** A list nested in a parameter map, typed for the embedded binder (it sees ANY otherwise). */
export const nested = (d: Dialect, expr: string, element: 'STRING' | 'INT64') =>
  d.name === 'embedded' ? `CAST(${expr} AS ${element}[])` : expr;

/** `prop: $prop[i]` pairs for a CREATE map, or `v.prop = $prop[i]` assignments for a SET. */
export const asMap = (d: Dialect, props: readonly string[]) => props.map((p) => `${p}: ${at(d, p)}`).join(', ');
export const asSet = (d: Dialect, v: string, props: readonly string[]) => props.map((p) => `${v}.${p} = ${at(d, p)}`).join(', ');
