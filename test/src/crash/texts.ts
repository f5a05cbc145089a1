/**
 * Seeded texts at the largest size the API accepts (schema/src/validators.ts and
 * target-validators.ts): three bytes a character in UTF-8, so a 2,000-character note is a 6 KB
 * string, larger than the log record size the embedded engine 0.19.1 writes corrupted with its
 * checksums on (design note EMBEDDED_STORE.md, "Durability").
 */

/**
 * 1 in the test. Lowered (YULIAN_CRASH_TEXT_SCALE=0.1), every text shrinks so that no record
 * reaches the engine's large-record defect: a diagnosis run then sees the defects behind it.
 */
const SCALE = Math.min(1, Math.max(0.01, Number(process.env.YULIAN_CRASH_TEXT_SCALE ?? 1)));
const scaled = (n: number) => Math.max(1, Math.floor(n * SCALE));

export const MAX = {
  name: scaled(200),
  notes: scaled(2000),
  certification: scaled(64),
  certifications: 20,
  unit: scaled(32),
  targetOwner: scaled(100),
  targetContact: scaled(200),
} as const;

/** Common CJK ideographs: no quote, bracket or control character that a name refuses, and none trimmed. */
const FIRST = 0x4e00;
const COUNT = 0x9fa5 - FIRST + 1;

export function chinese(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(FIRST + Math.floor(random() * COUNT));
  return text;
}

/** Letters and digits only (a unit, an English name). */
export function latin(random: () => number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** A unified social credit code the validator accepts, distinct for each n. */
export function creditCode(n: number): string {
  return `915001${String(n % 1_000_000).padStart(6, '0')}MA5UXXXX`.slice(0, 18);
}

/** Where two texts first differ, to say how a long note came back changed. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `lengths ${a.length} and ${b.length}, first difference at character ${i}`;
}
