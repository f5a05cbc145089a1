import { z } from 'zod';

/**
 * The rules every name and free-text field shares, so that the API, the importer, the command line
 * and the web forms judge text alike. Text is kept in Unicode NFC, so a name typed where accents
 * come decomposed (NFD) is the same name as one typed elsewhere. Refused, naming the first
 * offending character and where it is:
 *
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF): invisible, they make a look-alike of a
 *   name (重庆奥方\u200b汽车…) that search and matching by name treat as another;
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they reorder
 *   what is shown, so text reads otherwise than it is;
 * - control characters (C0, DEL, C1): a NUL or an escape breaks the files and terminals the text
 *   goes on to;
 * - in one-line text (names, units, contacts), tabs and line breaks, U+2028 and U+2029 included.
 *   Multi-line text (notes, reasons, sources) keeps line feeds and tabs; its CR LF, lone CR and
 *   U+2028/U+2029 become a line feed, as text pasted from Windows or Word brings them.
 *
 * Whitespace at either end is trimmed first (a name with a trailing line break loses it, as it
 * loses a trailing space), but not U+FEFF, which JavaScript's trim counts as a space: trimming it
 * would quietly accept `Aofang\ufeff`, and the importer trims cells the same way (`trimText`).
 */

// eslint-disable-next-line no-control-regex -- control characters are what these find
const SUSPECT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex -- control characters are what these find
const SUSPECT_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `text` is refused, in the validators' words, or null when it is fine. `at` counts characters
 * from 1, as a person counts them (a character beyond the Basic Multilingual Plane is one).
 */
export function hiddenCharacterProblem(text: string, multiLine: boolean): string | null {
  const match = (multiLine ? SUSPECT_MULTI_LINE : SUSPECT_ONE_LINE).exec(text);
  if (!match) return null;
  const ch = match[0];
  const at = Array.from(text.slice(0, match.index)).length + 1;
  if (INVISIBLE.test(ch)) return `must not contain invisible characters (${codePoint(ch)} at character ${at})`;
  if (LINE_BREAK.test(ch)) return `must be a single line (a line break at character ${at})`;
  if (CONTROL.test(ch)) return `must not contain control characters (${codePoint(ch)} at character ${at})`;
  return `must not contain text direction controls (${codePoint(ch)} at character ${at})`;
}

const SPACE = /\s/;
const trimmable = (ch: string | undefined) => ch !== undefined && ch !== '\ufeff' && SPACE.test(ch);

/** Whitespace trimmed from both ends as String.prototype.trim does, except U+FEFF (see above). */
export function trimText(text: string): string {
  const trimmed = text.trim();
  // Nearly every cell: nothing trimmed, or no U+FEFF that trim could have taken.
  if (trimmed.length === text.length || !text.includes('\ufeff')) return trimmed;
  let start = 0;
  let end = text.length;
  while (start < end && trimmable(text[start])) start++;
  while (end > start && trimmable(text[end - 1])) end--;
  return text.slice(start, end);
}

// eslint-disable-next-line no-control-regex -- ASCII text is already NFC
const NOT_ASCII = /[^\u0000-\u007f]/;

/** NFC; ASCII text (most codes, units and English names) is NFC already and skips the call. */
const nfc = (text: string) => (NOT_ASCII.test(text) ? text.normalize('NFC') : text);

const LINE_ENDS = /\r\n?|[\u2028\u2029]/g;

const refuseHidden = (multiLine: boolean) => (value: string, ctx: z.RefinementCtx) => {
  const problem = hiddenCharacterProblem(value, multiLine);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

const atMost = (max: number) => ({ message: `must be at most ${max} characters` });

/**
 * One line of text: a name, a unit, a contact. Trimmed and in NFC. One overwrite and one check
 * rather than zod's trim and normalize: this runs on every text cell of a million-row import.
 */
export const oneLineText = (max: number) =>
  z
    .string()
    .overwrite((v) => nfc(trimText(v)))
    .superRefine(refuseHidden(false))
    .max(max, atMost(max));

/** Notes and reasons: line feeds and tabs allowed, other line ends made line feeds. Trimmed and in NFC. */
export const multiLineText = (max: number) =>
  z
    .string()
    .overwrite((v) => nfc(trimText(v.replace(LINE_ENDS, '\n'))))
    .superRefine(refuseHidden(true))
    .max(max, atMost(max));

/**
 * Characters no firm, target or person's name uses but markup and query text do. Apostrophes,
 * brackets and ampersands stay allowed: "Yi'an Auto Parts (Tongliang) & Co." is a real-looking name.
 */
const NAME_PUNCTUATION = /["`{}[\];<>\\]/;

/** A name: one line, without the punctuation of markup and queries. */
export const nameText = (max: number) =>
  oneLineText(max).refine((v) => !NAME_PUNCTUATION.test(v), {
    message: 'must not contain quotes, braces, brackets, semicolons, angle brackets or backslashes',
  });
