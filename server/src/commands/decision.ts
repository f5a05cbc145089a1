import { CommandRefused, type Refusal } from './refusals';

/**
 * A command's verdict on one input, decided before anything is written: refused with every reason,
 * or accepted with the write it makes. A batch (an import) is written only when no input is refused.
 */
export type Decision<W> = { refusals: Refusal[]; write?: undefined } | { refusals: []; write: W };

export function refused<W>(refusals: Refusal[]): Decision<W> {
  return { refusals };
}

export function accepted<W>(write: W): Decision<W> {
  return { refusals: [], write };
}

/** The writes of a batch whose every input was accepted; undefined when any was refused. */
export function allAccepted<W>(decisions: readonly Decision<W>[]): W[] | undefined {
  const writes: W[] = [];
  for (const d of decisions) {
    if (d.write === undefined) return undefined;
    writes.push(d.write);
  }
  return writes;
}

/** Provenance of a record: whether it is made up for a story, and where it came from. */
export interface Provenance {
  synthetic: boolean;
  source: string | null;
}

/** The write of a single command's decision, or CommandRefused with its reasons (nothing written). */
export function orRefuse<W>(decision: Decision<W> | undefined): W {
  if (!decision) throw new Error('a command decided nothing');
  if (decision.write !== undefined) return decision.write;
  const [first, ...rest] = decision.refusals;
  if (!first) throw new Error('a refused decision without a reason');
  throw new CommandRefused([first, ...rest]);
}

/** Optional fields as the store holds them: present, null when not given. */
export type Filled<T> = { [P in keyof T]-?: undefined extends T[P] ? Exclude<T[P], undefined> | null : T[P] };

/**
 * Whether a write would leave a record as it is: every field it sets already holds that value. A
 * command skips such a write, its audit event and its change note, so loading the same data again
 * (a re-seed, a re-imported export) changes nothing.
 */
export function unchanged<T extends object>(before: object | null, fields: T): boolean {
  if (!before) return false;
  const held = before as Readonly<Record<string, unknown>>;
  return Object.entries(fields).every(([key, value]) => sameValue(held[key], value));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}
