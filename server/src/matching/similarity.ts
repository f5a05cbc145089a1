/**
 * How alike two normalised names are, 0–1: the better of the Dice coefficient of their character
 * bigrams (robust to words moved about) and one less the edit distance over the longer length
 * (robust to a slip in a short name, where one wrong character breaks two of three bigrams).
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return Math.max(bigramDice(a, b), 1 - editDistance(a, b) / Math.max(a.length, b.length));
}

function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i += 1) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i += 1) {
    const g = b.slice(i, i + 2);
    const left = grams.get(g) ?? 0;
    if (left > 0) {
      shared += 1;
      grams.set(g, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** Levenshtein distance, one row at a time: names are tens of characters. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * Whether the shorter name is all inside the longer one (a short name for the full one): anywhere
 * for three characters or more, as the start for two (a brand: 奥方 for 奥方汽车零部件).
 */
export function contains(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3) return long.includes(short);
  return short.length === 2 && long.startsWith(short);
}
