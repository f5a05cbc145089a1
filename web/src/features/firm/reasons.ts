import type { Lang } from '../../i18n/lang';

/**
 * The server's reasons for refusing a field (the shared validators' words, in English) as the
 * person typing reads them: in Chinese in the Chinese UI, and in the form's own terms where they
 * differ (a percentage field shows 0–100 though the API checks a share 0–1). A reason not known
 * here is shown as the server wrote it. Pure, so it is unit-tested directly.
 */

type Explain = (match: RegExpExecArray, lang: Lang, percent: boolean) => string;

const KNOWN: readonly [RegExp, Explain][] = [
  [/^must not be negative$/, (_m, lang) => (lang === 'zh' ? '不能为负数' : 'must not be negative')],
  [/^must not be empty$/, (_m, lang) => (lang === 'zh' ? '不能为空' : 'must not be empty')],
  [
    /^must be between 0 and 1$/,
    (_m, lang, percent) => {
      const top = percent ? 100 : 1;
      return lang === 'zh' ? `须在 0 到 ${top} 之间` : `must be between 0 and ${top}`;
    },
  ],
  [/^must be at most (\d+) characters$/, (m, lang) => (lang === 'zh' ? `最多 ${m[1]} 个字符` : m[0])],
  [/^must be a whole year$/, (m, lang) => (lang === 'zh' ? '须为整数年份' : m[0])],
  [/^must be (\d{4}) or later$/, (m, lang) => (lang === 'zh' ? `不能早于 ${m[1]} 年` : m[0])],
  [/^must be (\d{4}) or earlier$/, (m, lang) => (lang === 'zh' ? `不能晚于 ${m[1]} 年` : m[0])],
  [/^is larger than any plausible (order|output)$/, (m, lang) => (lang === 'zh' ? '数额过大，请检查单位（万元）' : m[0])],
  [/^a firm cannot order from itself$/, (m, lang) => (lang === 'zh' ? '不能选择本企业作为对方企业' : m[0])],
  [/^a scrap return goes to a recycler; this buyer is not one$/, (m, lang) => (lang === 'zh' ? '报废料只能交回给再生资源回收企业，所选企业不是' : m[0])],
  [/^must be an 18-character unified social credit code$/, (m, lang) => (lang === 'zh' ? '须为 18 位统一社会信用代码' : m[0])],
  [/^must not contain quotes/, (m, lang) => (lang === 'zh' ? '不能包含引号、括号、分号、尖括号或反斜杠' : m.input)],
  [/^must not contain invisible characters \((U\+[0-9A-F]+) at character (\d+)\)$/, (m, lang) => (lang === 'zh' ? `不能包含不可见字符（第 ${m[2]} 个字符 ${m[1]}）` : m[0])],
  [/^must not contain text direction controls \((U\+[0-9A-F]+) at character (\d+)\)$/, (m, lang) => (lang === 'zh' ? `不能包含文字方向控制符（第 ${m[2]} 个字符 ${m[1]}）` : m[0])],
  [/^must not contain control characters \((U\+[0-9A-F]+) at character (\d+)\)$/, (m, lang) => (lang === 'zh' ? `不能包含控制字符（第 ${m[2]} 个字符 ${m[1]}）` : m[0])],
  [/^must be a single line \(a line break at character (\d+)\)$/, (m, lang) => (lang === 'zh' ? `只能填写一行（第 ${m[1]} 个字符是换行）` : m[0])],
];

export function explainReason(reason: string, lang: Lang, percent = false): string {
  for (const [pattern, explain] of KNOWN) {
    const match = pattern.exec(reason);
    if (match) return explain(match, lang, percent);
  }
  return reason;
}
