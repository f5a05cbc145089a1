/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet (digits and capitals without I, O, Z, S, V), the last a check character over the first
 * 17. A code that fails the check is a typo, never a match key.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The code as people type it, made canonical: half-width, upper case, no spaces or dashes. */
export function canonicalCreditCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

export function isValidCreditCode(raw: string): boolean {
  const code = canonicalCreditCode(raw);
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(code[i] as string);
    if (value < 0) return false;
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return code[17] === ALPHABET[check];
}

/** The check character the first 17 characters call for (tests and fixtures make valid codes with it). */
export function creditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}
