/**
 * A firm's name reduced to what tells firms apart, so that the spellings people type of one name
 * meet: full-width and half-width forms, spaces, brackets, the place prefix (重庆, 重庆市) and
 * the legal-form suffix (有限公司, 股份有限公司, 有限责任公司…). What is left is the firm's own words:
 * `重庆奥方汽车零部件有限公司 ` and `奥方汽车零部件` both become `奥方汽车零部件`.
 */

/** Longest first, so 股份有限公司 goes before 有限公司. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '股份公司', '分公司', '公司', '厂'];
// Only the region's own prefix: 四川X is another firm than 重庆X, though both may be typed as X.
const PLACE_PREFIXES = ['重庆市', '重庆'];
/** English legal forms and filler, for names typed in English. */
const ENGLISH_NOISE = /\b(co|company|ltd|limited|corp|corporation|inc|group|chongqing|the|and)\b/g;

export function normaliseFirmName(raw: string): string {
  let name = raw.normalize('NFKC').toLowerCase();
  // Brackets in either width, and what they hold when it is a place or a branch: "(璧山)" tells no firm apart from its own name.
  name = name.replace(/[()（）[\]【】]/g, ' ');
  name = name.replace(/[\s·.,'’&-]+/g, ' ').trim();
  if (/[\u4e00-\u9fff]/.test(name)) {
    name = name.replace(/\s+/g, '');
    for (const suffix of LEGAL_FORMS) if (name.endsWith(suffix) && name.length > suffix.length + 1) name = name.slice(0, -suffix.length);
    for (const prefix of PLACE_PREFIXES) if (name.startsWith(prefix) && name.length > prefix.length + 1) name = name.slice(prefix.length);
    return name;
  }
  return name.replace(ENGLISH_NOISE, ' ').replace(/\s+/g, ' ').trim();
}

/** The digits a name holds (一号/1号 style numbering): two names with different numbers are two firms. */
export function numbersIn(name: string): string {
  return (name.normalize('NFKC').match(/\d+/g) ?? []).join(',');
}
