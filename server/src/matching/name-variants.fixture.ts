import { creditCheckCharacter } from './credit-code';
import type { FirmReference, KnownFirm } from './match-firm';

/**
 * A constructed set of the ways spreadsheets from other offices spell firms the store holds
 * (issue 17): the names as registries, association lists, surveys and chain leaders' supplier lists
 * write them, and names of firms the store does not hold that look alike. Kept with the tests so
 * the README's precision and recall are measured, not claimed. Brand words are invented.
 */

const BRANDS = [
  '奥方', '安瑞', '建雅', '益安', '平伟', '天驰宇', '顺博', '瑞通', '宏立', '鑫源', '华宇', '恒通', '金鼎', '锐达', '永鑫', '德润',
  '众诚', '嘉泰', '博远', '盛凯', '力帆达', '长兴', '荣昌', '九龙', '川渝', '巴渝', '华邦', '新科', '佳禾', '凯旋',
];
const TRADES = ['汽车零部件', '精密机械', '汽车配件', '铝合金', '模具', '表面处理', '注塑', '电子科技', '齿轮', '轴承'];
const DISTRICTS: [string, string][] = [
  ['500117', '合川'], ['500118', '永川'], ['500116', '江津'], ['500120', '璧山'], ['500151', '铜梁'], ['500152', '潼南'], ['500153', '荣昌'], ['500111', '大足'],
];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司'];

const ENGLISH: Record<string, string> = { 汽车零部件: 'Auto Parts', 精密机械: 'Precision Machinery', 汽车配件: 'Auto Accessories', 铝合金: 'Aluminium Alloy', 模具: 'Moulds', 表面处理: 'Surface Treatment', 注塑: 'Injection Moulding', 电子科技: 'Electronic Technology', 齿轮: 'Gears', 轴承: 'Bearings' };

function creditCode(n: number): string {
  const body = `91500${String(100000000000 + n * 7919).slice(0, 12)}`;
  return body + creditCheckCharacter(body);
}

/** Siblings per brand: registries hold several firms of one brand in different trades and districts. */
const SIBLINGS = 3;

interface Made {
  firm: KnownFirm;
  brand: string;
  trade: string;
  place: string;
  n: number;
}

function made(): Made[] {
  return BRANDS.flatMap((brand, b) =>
    Array.from({ length: SIBLINGS }, (_, k) => {
      const n = b * SIBLINGS + k;
      const trade = TRADES[(b + 3 * k) % TRADES.length] as string;
      const [districtCode, place] = DISTRICTS[(b + k) % DISTRICTS.length] as [string, string];
      const firm: KnownFirm = {
        id: `f${n}`,
        nameZh: `重庆${brand}${trade}${FORMS[(b + k) % FORMS.length]}`,
        nameEn: `Chongqing ${brand.length}${n} ${ENGLISH[trade]} Co., Ltd.`,
        shortNameZh: `${brand}${trade.slice(0, 2)}`,
        creditCode: creditCode(n),
        districtCode,
      };
      return { firm, brand, trade, place, n };
    }),
  );
}

/** The stored firms: a brand, a trade, a district, a legal form. */
export function knownFirms(): KnownFirm[] {
  return made().map((m) => m.firm);
}

export interface Variant {
  ref: FirmReference;
  /** The firm meant; null for a firm the store does not hold. */
  truth: string | null;
  how: string;
}

const FULL_WIDTH = (s: string) => s.replace(/[A-Za-z0-9()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** A homophone or look-alike for one character: the commonest slip in a typed name. */
const SLIPS: Record<string, string> = { 方: '芳', 瑞: '锐', 雅: '亚', 安: '按', 伟: '韦', 宇: '雨', 博: '搏', 通: '同', 立: '力', 源: '元', 华: '化', 恒: '衡', 金: '今', 鼎: '顶', 达: '答', 鑫: '新', 德: '得', 润: '闰', 众: '重', 诚: '成', 嘉: '佳', 泰: '太', 远: '圆', 盛: '胜', 凯: '铠', 兴: '星', 荣: '容', 龙: '隆', 渝: '瑜', 邦: '帮', 科: '柯', 禾: '和', 旋: '璇', 帆: '凡', 驰: '弛', 顺: '舜', 长: '常', 九: '久', 川: '穿', 巴: '芭', 新: '心', 佳: '家', 力: '立', 平: '评', 益: '亦', 建: '见', 奥: '澳', 天: '添', 锐: '瑞' };

function slip(brand: string): string {
  for (let i = brand.length - 1; i >= 0; i -= 1) {
    const c = brand[i] as string;
    const other = SLIPS[c];
    if (other) return brand.slice(0, i) + other + brand.slice(i + 1);
  }
  return brand;
}

/** Every spelling of every stored firm, and look-alikes of firms the store does not hold. */
export function variants(): Variant[] {
  const out: Variant[] = [];
  for (const { firm, brand, trade, place, n: i } of made()) {
    const code = firm.districtCode;
    const add = (how: string, ref: FirmReference) => out.push({ ref, truth: firm.id, how });
    add('exact full name', { name: firm.nameZh });
    add('trailing space', { name: `${firm.nameZh} ` });
    add('no 重庆, no legal form', { name: `${brand}${trade}` });
    add('重庆市 prefix', { name: `重庆市${brand}${trade}有限公司` });
    add('another legal form', { name: `重庆${brand}${trade}${i % 2 ? '有限公司' : '股份有限公司'}` });
    add('spaces inside', { name: `重庆 ${brand} ${trade} 有限公司` });
    add('full-width brackets with the district', { name: `重庆${brand}${trade}（${place}）有限公司`, districtCode: code });
    add('half-width brackets with the district', { name: `重庆${brand}${trade}(${place})有限公司` });
    add('short name', { name: firm.shortNameZh ?? '' });
    add('brand and 公司 only, with the district', { name: `${brand}公司`, districtCode: code });
    add('one character typed wrong', { name: `重庆${slip(brand)}${trade}有限公司`, districtCode: code });
    add('one character typed wrong, no district', { name: `${slip(brand)}${trade}` });
    add('English name', { name: (firm.nameEn ?? '').toUpperCase().replace(/[.,]/g, '') });
    add('credit code in lower case with spaces', { creditCode: ` ${(firm.creditCode ?? '').toLowerCase().replace(/(.{6})/g, '$1 ')}`, name: '某公司' });
    add('credit code full-width', { creditCode: FULL_WIDTH(firm.creditCode ?? '') });
    add('credit code mistyped, name right', { creditCode: `${(firm.creditCode ?? '').slice(0, 17)}${(firm.creditCode ?? '').endsWith('0') ? '1' : '0'}`, name: `${brand}${trade}有限公司` });
    add('id', { id: firm.id, name: 'whatever the sheet says' });

    const absent = (how: string, ref: FirmReference) => out.push({ ref, truth: null, how });
    absent('another brand, same trade and place', { name: `重庆${brand}新${trade}有限公司`, districtCode: code });
    absent('same brand, a trade none of its firms has', { name: `重庆${brand}${TRADES[(BRANDS.indexOf(brand) + 9) % TRADES.length]}有限公司` });
    absent('numbered sibling', { name: `重庆${brand}${trade}二厂3号有限公司` });
    absent('Sichuan namesake', { name: `四川${brand}${trade}有限公司`, districtCode: '511600' });
    absent('Sichuan namesake, no district', { name: `四川${brand}${trade}有限公司` });
  }
  return out;
}
