import { canonicalCreditCode, isValidCreditCode } from './credit-code';
import { normaliseFirmName, numbersIn } from './firm-names';
import { contains, nameSimilarity } from './similarity';

/**
 * Which stored firm a row of a spreadsheet means, as Open Supply Hub matches uploaded facility
 * lists: by id, then by credit code (only a code that passes its check character), then by the
 * normalised name (firm-names.ts), and otherwise by a similarity score over the names and the
 * district. The first three are exact and apply directly; the score only proposes, for the
 * uploader to confirm or reject. README, "Import and export", says how the score is computed.
 */

export interface KnownFirm {
  id: string;
  nameZh: string;
  nameEn: string | null;
  shortNameZh: string | null;
  creditCode: string | null;
  districtCode: string;
}

/** How a row names a firm: any of these may be given. */
export interface FirmReference {
  id?: string | null;
  creditCode?: string | null;
  name?: string | null;
  districtCode?: string | null;
}

export interface ProposedFirm {
  firmId: string;
  /** 0–1: how likely the row means this firm. */
  confidence: number;
}

export type FirmMatch =
  | { kind: 'exact'; firmId: string; by: 'id' | 'creditCode' | 'name' }
  | { kind: 'proposed'; candidates: ProposedFirm[] }
  | { kind: 'none' };

export interface MatchResult {
  match: FirmMatch;
  /** A credit code given that fails its check character: a typo to report, never a key. */
  invalidCreditCode: boolean;
}

/** Below this a firm is not worth proposing. */
export const PROPOSE_AT = 0.5;
const MAX_PROPOSALS = 3;
/** A bigram in more firms' names than this (汽车, 零部) narrows nothing and is not used to find candidates. */
const COMMON_BIGRAM = 2_000;

interface Entry {
  firm: KnownFirm;
  names: string[];
}

/** The stored firms, indexed once per import for every row's lookup. */
export class FirmIndex {
  private readonly byId = new Map<string, Entry>();
  private readonly byCredit = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry[]>();
  private readonly byBigram = new Map<string, Entry[]>();

  constructor(firms: Iterable<KnownFirm>) {
    for (const firm of firms) {
      const names = [...new Set([firm.nameZh, firm.shortNameZh, firm.nameEn].filter((n): n is string => Boolean(n)).map(normaliseFirmName).filter(Boolean))];
      const entry = { firm, names };
      this.byId.set(firm.id, entry);
      if (firm.creditCode) this.byCredit.set(canonicalCreditCode(firm.creditCode), entry);
      for (const name of names) {
        push(this.byName, name, entry);
        for (const gram of bigrams(name)) push(this.byBigram, gram, entry);
      }
    }
  }

  match(ref: FirmReference): MatchResult {
    const code = ref.creditCode ? canonicalCreditCode(ref.creditCode) : '';
    const invalidCreditCode = code !== '' && !isValidCreditCode(code);
    const found = (match: FirmMatch): MatchResult => ({ match, invalidCreditCode });
    if (ref.id) {
      const entry = this.byId.get(ref.id.trim());
      if (entry) return found({ kind: 'exact', firmId: entry.firm.id, by: 'id' });
    }
    if (code && !invalidCreditCode) {
      const entry = this.byCredit.get(code);
      if (entry) return found({ kind: 'exact', firmId: entry.firm.id, by: 'creditCode' });
    }
    const name = ref.name ? normaliseFirmName(ref.name) : '';
    if (!name) return found({ kind: 'none' });
    const same = unique(this.byName.get(name) ?? []).filter((e) => !ref.districtCode || e.firm.districtCode === ref.districtCode);
    if (same.length === 1 && same[0]) return found({ kind: 'exact', firmId: same[0].firm.id, by: 'name' });
    const candidates = this.candidates(name)
      .map((entry) => ({ firmId: entry.firm.id, confidence: score(name, ref, entry) }))
      .filter((c) => c.confidence >= PROPOSE_AT)
      .sort((a, b) => b.confidence - a.confidence || (a.firmId < b.firmId ? -1 : 1))
      .slice(0, MAX_PROPOSALS);
    return found(candidates.length > 0 ? { kind: 'proposed', candidates } : { kind: 'none' });
  }

  /** Firms sharing at least one telling bigram with the name. */
  private candidates(name: string): Entry[] {
    const seen = new Set<Entry>();
    for (const gram of bigrams(name)) {
      const list = this.byBigram.get(gram);
      if (!list || list.length > COMMON_BIGRAM) continue;
      for (const entry of list) seen.add(entry);
    }
    return [...seen];
  }
}

/**
 * Places outside Chongqing that lead a firm's name: 四川X is another company than 重庆X (normalised
 * to X), however much of the name they share.
 */
const OTHER_PLACE = /^(四川|贵州|云南|陕西|湖北|湖南|广东|广西|浙江|江苏|上海|北京|天津|成都|广安|遂宁|泸州|内江|达州|南充)/;

/** The weight of the name similarity: a name that differs in a character proposes, never reaches "confirm all above 0.9". */
const SIMILARITY_WEIGHT = 0.85;

/**
 * The confidence that `name` means the firm, the best over the firm's names (all normalised):
 * - 0.85 × their similarity (similarity.ts);
 * - at least 0.75 + 0.2 × (shorter ÷ longer length) when one name holds the other whole (a short
 *   name, or the full name with its district in brackets), unless the longer one starts with a
 *   place outside Chongqing, which makes it another firm (× 0.8 instead);
 * - halved when the names carry different numbers (示例3号 is not 示例8号);
 * - then +0.05 when the row's district is the firm's, −0.15 when it is another.
 */
export function score(name: string, ref: FirmReference, entry: { firm: KnownFirm; names: readonly string[] }): number {
  let best = 0;
  for (const known of entry.names) {
    let s = SIMILARITY_WEIGHT * nameSimilarity(name, known);
    const longer = name.length >= known.length ? name : known;
    const shorter = longer === name ? known : name;
    if (OTHER_PLACE.test(longer) && !OTHER_PLACE.test(shorter)) s *= 0.8;
    else if (contains(name, known)) s = Math.max(s, 0.75 + 0.2 * (shorter.length / longer.length));
    if (numbersIn(name) !== numbersIn(known)) s *= 0.5;
    best = Math.max(best, s);
  }
  if (ref.districtCode) best += ref.districtCode === entry.firm.districtCode ? 0.05 : -0.15;
  return Math.round(Math.min(1, Math.max(0, best)) * 1000) / 1000;
}

function bigrams(name: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < name.length - 1; i += 1) grams.push(name.slice(i, i + 2));
  return grams;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
