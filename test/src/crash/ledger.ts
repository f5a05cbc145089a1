/**
 * What the crash matrix may find in a lane's store after a kill: for each entity the matrix wrote,
 * the values it may hold. A write that got an answer leaves exactly its value; a write cut by the
 * kill adds its value to what was possible before (it may or may not have committed). So after a
 * restart the stored value must be one of the possible ones, and an answered write's value is the
 * only one possible until the next write to that entity.
 */

export type FieldValue = string | number | boolean | null | readonly string[];
export type Fields = Readonly<Record<string, FieldValue>>;

/** An entity the matrix writes: `firm:<id>`, `order:<id>`, `need:<firm>|<segment>`, … */
export type EntityKind = 'firm' | 'capability' | 'need' | 'order' | 'target' | 'goal' | 'support';
export const keyOf = (kind: EntityKind, id: string): string => `${kind}:${id}`;
export function splitKey(key: string): { kind: EntityKind; id: string } {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as EntityKind, id: key.slice(at + 1) };
}

/** One entity's new value; null removes it. */
export interface Effect {
  key: string;
  value: Fields | null;
}

/** A write the server answered, for the audit check: when, and under which entity ids its event may be filed. */
export interface AnsweredWrite {
  label: string;
  run: number;
  sentAt: number;
  answeredAt: number;
  /** Any one of these entity ids will do (the id an event is filed under differs between write paths). */
  auditIds: readonly string[];
  /** For an import: its file name, which today's single import event carries. */
  importFile?: string;
}

/** The entities one import creates: all of them are in the store, or none. */
export interface ImportGroup {
  label: string;
  run: number;
  file: string;
  effects: readonly Effect[];
  answered: boolean;
}

export interface LedgerView {
  possible: ReadonlyMap<string, readonly (Fields | null)[]>;
  answered: readonly AnsweredWrite[];
  imports: readonly ImportGroup[];
}

export interface Ticket {
  effects: Effect[];
  group: ImportGroup | null;
  sentAt: number;
}

export class Ledger {
  private possible = new Map<string, (Fields | null)[]>();
  private answered: AnsweredWrite[] = [];
  private imports: ImportGroup[] = [];
  /** Entities an import wrote: never written again, so that the import's all-or-nothing stays checkable. */
  private imported = new Set<string>();

  /** Entities the matrix made, and which it may therefore expect absent before their first write. */
  send(effects: Effect[], importOf?: { label: string; run: number; file: string }): Ticket {
    for (const { key, value } of effects) {
      const values = this.possible.get(key) ?? [null];
      if (!values.some((v) => same(v, value))) values.push(value);
      this.possible.set(key, values);
    }
    const group = importOf ? { ...importOf, effects, answered: false } : null;
    if (group) {
      this.imports.push(group);
      for (const { key } of effects) this.imported.add(key);
    }
    return { effects, group, sentAt: Date.now() };
  }

  answer(ticket: Ticket, write: Omit<AnsweredWrite, 'sentAt' | 'answeredAt'>, extra: Effect[] = []): void {
    for (const { key, value } of [...ticket.effects, ...extra]) this.possible.set(key, [value]);
    if (ticket.group) ticket.group.answered = true;
    this.answered.push({ ...write, sentAt: ticket.sentAt, answeredAt: Date.now() });
  }

  /** Whether the matrix ever wrote this entity. */
  tracks(key: string): boolean {
    return this.possible.has(key);
  }

  /** The entity's value if no write to it is in doubt, else undefined. */
  certain(key: string): Fields | null | undefined {
    const values = this.possible.get(key);
    return values?.length === 1 ? values[0] : undefined;
  }

  /** Keys of one kind whose entity surely exists, with their values; `writable` leaves out what imports wrote. */
  existing(kind: EntityKind, { writable = false } = {}): [string, Fields][] {
    const found: [string, Fields][] = [];
    for (const [key, values] of this.possible) {
      const [only] = values;
      if (values.length === 1 && only && key.startsWith(`${kind}:`) && !(writable && this.imported.has(key))) found.push([key, only]);
    }
    return found;
  }

  /** A copy as things stand, for a check that runs while the next child writes on. */
  view(): LedgerView {
    return {
      possible: new Map([...this.possible].map(([k, v]) => [k, [...v]])),
      answered: [...this.answered],
      imports: this.imports.map((g) => ({ ...g })),
    };
  }

  /** A store started afresh from the template: nothing the matrix wrote is in it any more. */
  reset(): void {
    this.possible = new Map();
    this.answered = [];
    this.imports = [];
    this.imported = new Set();
  }
}

export function same(a: Fields | null, b: Fields | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k] ?? null, b[k] ?? null));
}

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}
