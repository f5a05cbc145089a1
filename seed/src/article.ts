import type {
  CapabilitySeed,
  DistrictSeed,
  FeedSeed,
  FirmSeed,
  GoalSeed,
  NeedSeed,
  OrderSeed,
  SeedDataset,
  SegmentSeed,
  SupportSeed,
} from './types';
import { aofangIntroduction } from './introductions';
import { hechuanTargets } from './targets';

/**
 * The real seed dataset: the western-Chongqing auto-parts cluster as reported by Chongqing Daily
 * (13–14 May 2025, first story of ../shared/seeds/000_aae186701d38811f.txt; "this year" = 2025).
 *
 * Conventions
 * - Records stating a fact from the article carry, in `source`, the article sentence (or the part of
 *   it that states the fact) verbatim, with the print layout's stray whitespace removed.
 * - Records the article does not give but the product's stories need are synthetic. Their `source`
 *   starts with "Synthetic:" and says why they exist. Firms and orders also carry `synthetic: true`;
 *   capabilities and needs have no flag, so the "Synthetic:" prefix is the only marker there.
 * - Amounts are CNY. "超过8000万元" and the like are stored as the stated bound.
 * - Names of invented firms contain 示例 / "Example" so that nobody mistakes them for real companies.
 */

// ---------------------------------------------------------------------------------------------
// Article sentences, whitespace removed. Kept in one place so the records below stay readable.
// ---------------------------------------------------------------------------------------------

const SRC = {
  anruiWarehouse:
    '5月13日,位于合川区的重庆安瑞光电有限公司(以下简称安瑞光电)仓库内,工人们全神贯注地清点着一箱箱新能源汽车注塑件。',
  aofangParts: '这些零件来自璧山企业重庆奥方汽车零部件有限公司(以下简称奥方汽车),今年双方合作金额预计突破1000万元。',
  aofangLine: '每年,这条生产线能产出近60万套产品,其中70%是安瑞光电的订单。',
  guanganSupplier:
    '我们此前的表处件主要由四川广安的一家企业提供,但对方主要生产摩托车零部件,汽车零部件良品率仅有70%。',
  noLocalSupplier: '成东风回忆,他们走访了周边区县不少企业,始终没找到合适的供应商。',
  aofangIdle:
    '张斌说,当时奥方有一条表处件生产线因订单不足长期闲置,只有拿到充足的订单才能让生产线运转起来。',
  aofangYield: '奥方提供的产品良品率能够达到90%,目前在重庆没有几家企业能达到。',
  aofangInspection: '当时安瑞光电专门派人到公司进行考察,尽管产品类型是对方需要的,但产品质量却没有达到要求。',
  aofangAutomation: '而安瑞光电的需求量非常可观,为此,奥方投入900万元购买了自动化设备。',
  aofangAnruiAmounts:
    '成东风说,今年公司的订单量猛增,有两个项目即将投产,届时还需要奥方的协助,预计双方今年的合作金额将从此前的每年约300万元突破到1000万元。',
  yianOutput: '今年,位于铜梁的重庆益安汽车零部件有限公司(以下简称益安汽车)年产值有望达到1.8亿元。',
  jianyaHelps:
    '这家小企业已连续10余年保持增长态势,其背后最大的助力来自位于合川的重庆建雅汽车零部件有限公司(以下简称建雅汽车)。',
  yianBrakeDrums:
    '建雅汽车采购计划负责人张远平回忆,当时对方提出要转型做汽车制动鼓,恰好这也是公司需要采购的零部件之一,双方一拍即合。',
  jianyaMentoring:
    '胡兴云说,他们邀请建雅汽车安排专业人员进行现场指导,在硬件上,根据建雅汽车的实际需求和行业发展实际,投入1000多万元购买、升级设备;在软件上,建立合理的生产、管理制度,并组织全体员工、管理人员进行系统学习。',
  // The printed text breaks off after "2500" at a page turn; the unit (万元) is lost in print.
  jianyaYianOrders: '如今,益安汽车每年从建雅汽车获得的订单金额已达2500',
  jianyaSuppliers: '目前公司在渝西八区有十多个供应商,大家在合作中相互支持,实现共赢。',
  jianyaAxles: '公司生产的驱动桥产品约占全国市场份额的40%,今年订单量还在增加,更需要上下游企业跨区通力协作。',
  shunbo:
    '5月14日,位于合川的重庆顺博铝合金股份有限公司(以下简称顺博铝合金)生产车间内,机器轰鸣,工人有序忙碌,全市三分之一的再生铝都产自这里。',
  scrapBack: '除了正常的订单交易,客户生产过程中产生的报废料会运回公司进行加工再利用。',
  shunboRuitong:
    '顺博铝合金行政部部长童曹鑫说,以璧山企业重庆瑞通精工科技股份有限公司为例,双方每年在再生铝供应和报废料回收方面的交易总额高达1亿元,实现了优势互补。',
  chainLeaders:
    '合川区经信委相关负责人介绍,今年以来,合川积极构建"龙头企业+配套企业"产业生态圈,发挥重庆平伟汽车系统有限公司(以下简称平伟汽车)、安瑞光电等链主企业的虹吸效应,吸引21家上下游配套企业入驻,形成涵盖电驱动、内外饰等领域的产业集群。',
  pingweiWorkshop: '以平伟汽车为例,其拥有西南地区规模最大的新能源电池箱体生产车间,是全国箱体品类最齐全的厂家。',
  pingweiTianchiyu:
    '去年7月,合川区内企业重庆天驰宇汽车零部件有限公司(以下简称天驰宇汽车)与平伟汽车建立合作关系,平伟汽车为其提供设备、技术支持和订单,不仅提升了天驰宇汽车的生产水平,还实现了本地交易,同一订单的物流成本降低了三分之二。',
  tianchiyuOutput: '目前,天驰宇汽车近六成订单来自平伟汽车,去年年产值超过8000万元,今年有望冲刺1.5亿元。',
  oems: '今年,合川将进一步挖掘长安、赛力斯等整车配套及平伟汽车、安瑞光电等区内链主企业上下游配套资源,完善补链延链目标企业名录,力争全年招引汽车零部件项目30个、协议金额110亿元。',
  // Two consecutive sentences: the project/agreement goal and the 22-billion output goal.
  hechuanGoals:
    '力争全年招引汽车零部件项目30个、协议金额110亿元。"上述负责人表示,围绕平伟汽车、安瑞光电等"链主"企业,合川还将针对性制定产业链培育工作方案,强化用地、人才、金融等服务保障,力争培育百亿级产业链集群,推动智能网联新能源汽车零部件产业冲刺220亿元年产值。',
} as const;

const IATF = 'IATF 16949';

// ---------------------------------------------------------------------------------------------
// Districts: GB/T 2260 codes; Liangjiang New Area is a functional zone without one.
// ---------------------------------------------------------------------------------------------

const districts: DistrictSeed[] = [
  // 渝西八区, the western region
  { code: '500117', nameZh: '合川区', nameEn: 'Hechuan District', inRegion: true, level: 'district', province: '重庆', lat: 29.97, lng: 106.28 },
  { code: '500118', nameZh: '永川区', nameEn: 'Yongchuan District', inRegion: true, level: 'district', province: '重庆', lat: 29.36, lng: 105.93 },
  { code: '500116', nameZh: '江津区', nameEn: 'Jiangjin District', inRegion: true, level: 'district', province: '重庆', lat: 29.29, lng: 106.26 },
  { code: '500120', nameZh: '璧山区', nameEn: 'Bishan District', inRegion: true, level: 'district', province: '重庆', lat: 29.59, lng: 106.23 },
  { code: '500151', nameZh: '铜梁区', nameEn: 'Tongliang District', inRegion: true, level: 'district', province: '重庆', lat: 29.84, lng: 106.06 },
  { code: '500152', nameZh: '潼南区', nameEn: 'Tongnan District', inRegion: true, level: 'district', province: '重庆', lat: 30.19, lng: 105.84 },
  { code: '500153', nameZh: '荣昌区', nameEn: 'Rongchang District', inRegion: true, level: 'district', province: '重庆', lat: 29.4, lng: 105.59 },
  { code: '500111', nameZh: '大足区', nameEn: 'Dazu District', inRegion: true, level: 'district', province: '重庆', lat: 29.71, lng: 105.72 },
  // Outside the region: where the chain still buys from (gaps) and where the OEMs are.
  { code: '500106', nameZh: '沙坪坝区', nameEn: 'Shapingba District', inRegion: false, level: 'district', province: '重庆', lat: 29.54, lng: 106.46 },
  { code: '511600', nameZh: '广安市', nameEn: "Guang'an City", inRegion: false, level: 'city', province: '四川', lat: 30.46, lng: 106.63 },
  { code: 'LJXQ', nameZh: '两江新区', nameEn: 'Liangjiang New Area', inRegion: false, level: 'zone', province: '重庆', lat: 29.67, lng: 106.63 },
];

// ---------------------------------------------------------------------------------------------
// Segments: one tree (AUTO_CHAIN → materials / parts / systems / vehicle assembly) plus FEEDS
// links upstream → downstream. Segments the article names are marked 文; the others exist for
// the synthetic suppliers (Jianya's "more than 10 suppliers", the chain gaps).
// ---------------------------------------------------------------------------------------------

const segments: SegmentSeed[] = [
  { code: 'AUTO_CHAIN', nameZh: '汽车产业链', nameEn: 'Automotive supply chain' },

  { code: 'MATERIALS', nameZh: '原材料', nameEn: 'Materials', parent: 'AUTO_CHAIN' },
  { code: 'SCRAP_AL', nameZh: '废铝(报废料)', nameEn: 'Scrap aluminium', parent: 'MATERIALS' }, // 文
  { code: 'RECYCLED_AL', nameZh: '再生铝', nameEn: 'Recycled aluminium', parent: 'MATERIALS' }, // 文

  { code: 'PARTS', nameZh: '零部件', nameEn: 'Components', parent: 'AUTO_CHAIN' },
  { code: 'AL_DIE_CASTING', nameZh: '铝压铸件', nameEn: 'Aluminium die castings', parent: 'PARTS' },
  { code: 'AL_EXTRUSION', nameZh: '铝型材', nameEn: 'Aluminium extrusions', parent: 'PARTS' },
  { code: 'IRON_CASTING', nameZh: '铸铁件', nameEn: 'Iron castings', parent: 'PARTS' },
  { code: 'FORGING', nameZh: '锻件', nameEn: 'Forgings', parent: 'PARTS' },
  { code: 'GEAR', nameZh: '齿轮', nameEn: 'Gears', parent: 'PARTS' },
  { code: 'BEARING', nameZh: '轴承', nameEn: 'Bearings', parent: 'PARTS' },
  { code: 'STAMPED_WELDED', nameZh: '冲焊件', nameEn: 'Stamped and welded parts', parent: 'PARTS' },
  { code: 'SURFACE_TREATMENT', nameZh: '表处件', nameEn: 'Surface-treated parts', parent: 'PARTS' }, // 文
  { code: 'INJECTION_MOULDING', nameZh: '注塑件', nameEn: 'Injection-moulded parts', parent: 'PARTS' }, // 文
  { code: 'LIGHTING_ELECTRONICS', nameZh: '车灯光源及电子模组', nameEn: 'Lamp light sources and electronics', parent: 'PARTS' },
  { code: 'BRAKE_DRUM', nameZh: '制动鼓', nameEn: 'Brake drums', parent: 'PARTS' }, // 文
  { code: 'BATTERY_ENCLOSURE_PART', nameZh: '电池箱体结构件', nameEn: 'Battery-enclosure parts', parent: 'PARTS' },

  { code: 'SYSTEMS', nameZh: '总成与系统', nameEn: 'Systems and assemblies', parent: 'AUTO_CHAIN' },
  { code: 'LIGHTING', nameZh: '车灯', nameEn: 'Automotive lighting', parent: 'SYSTEMS' },
  { code: 'DRIVE_AXLE', nameZh: '驱动桥', nameEn: 'Drive axles', parent: 'SYSTEMS' }, // 文
  { code: 'BATTERY_ENCLOSURE', nameZh: '电池箱体', nameEn: 'Battery enclosures', parent: 'SYSTEMS' }, // 文
  { code: 'E_DRIVE', nameZh: '电驱动', nameEn: 'Electric drives', parent: 'SYSTEMS' }, // 文
  { code: 'TRIM', nameZh: '内外饰', nameEn: 'Interior and exterior trim', parent: 'SYSTEMS' }, // 文

  { code: 'VEHICLE_ASSEMBLY', nameZh: '整车', nameEn: 'Vehicle assembly', parent: 'AUTO_CHAIN' }, // 文
];

const feeds: FeedSeed[] = [
  // The aluminium chain: customers' scrap goes back to the recycler (Shunbo), recycled aluminium
  // goes to die-casters (Ruitong) and on into battery enclosures (Pingwei).
  { from: 'SCRAP_AL', to: 'RECYCLED_AL' },
  { from: 'RECYCLED_AL', to: 'AL_DIE_CASTING' },
  { from: 'RECYCLED_AL', to: 'AL_EXTRUSION' },
  { from: 'AL_DIE_CASTING', to: 'BATTERY_ENCLOSURE' },
  { from: 'AL_EXTRUSION', to: 'BATTERY_ENCLOSURE' },
  { from: 'BATTERY_ENCLOSURE_PART', to: 'BATTERY_ENCLOSURE' },
  { from: 'AL_DIE_CASTING', to: 'E_DRIVE' },
  // Lamps: Anrui buys injection-moulded and surface-treated parts for them.
  { from: 'INJECTION_MOULDING', to: 'LIGHTING' },
  { from: 'SURFACE_TREATMENT', to: 'LIGHTING' },
  { from: 'LIGHTING_ELECTRONICS', to: 'LIGHTING' },
  { from: 'INJECTION_MOULDING', to: 'TRIM' },
  // Drive axles: Yi'an's brake drums and Jianya's other inputs.
  { from: 'IRON_CASTING', to: 'BRAKE_DRUM' },
  { from: 'BRAKE_DRUM', to: 'DRIVE_AXLE' },
  { from: 'IRON_CASTING', to: 'DRIVE_AXLE' },
  { from: 'FORGING', to: 'GEAR' },
  { from: 'FORGING', to: 'DRIVE_AXLE' },
  { from: 'GEAR', to: 'DRIVE_AXLE' },
  { from: 'BEARING', to: 'DRIVE_AXLE' },
  { from: 'STAMPED_WELDED', to: 'DRIVE_AXLE' },
  { from: 'SURFACE_TREATMENT', to: 'DRIVE_AXLE' },
  // Into the vehicle.
  { from: 'LIGHTING', to: 'VEHICLE_ASSEMBLY' },
  { from: 'DRIVE_AXLE', to: 'VEHICLE_ASSEMBLY' },
  { from: 'BATTERY_ENCLOSURE', to: 'VEHICLE_ASSEMBLY' },
  { from: 'E_DRIVE', to: 'VEHICLE_ASSEMBLY' },
  { from: 'TRIM', to: 'VEHICLE_ASSEMBLY' },
  { from: 'STAMPED_WELDED', to: 'VEHICLE_ASSEMBLY' },
];

// ---------------------------------------------------------------------------------------------
// Firms. Coordinates are null throughout: no firm's site is given, so the district seat is used.
// Certifications of real firms are not in the article; IATF 16949 is recorded only where a firm
// supplies vehicle makers or a chain leader directly, and the notes say it is assumed.
// ---------------------------------------------------------------------------------------------

type FirmDefaults = Pick<FirmSeed, 'isChainLeader' | 'isOem' | 'isRecycler' | 'outputCny' | 'outputYear' | 'yieldRate' | 'lat' | 'lng' | 'notes'>;

const firmDefaults: FirmDefaults = {
  isChainLeader: false,
  isOem: false,
  isRecycler: false,
  outputCny: null,
  outputYear: null,
  yieldRate: null,
  lat: null,
  lng: null,
  notes: null,
};

const realFirms: FirmSeed[] = [
  {
    ...firmDefaults,
    id: 'anrui',
    nameZh: '重庆安瑞光电有限公司',
    nameEn: 'Chongqing Anrui Optoelectronics Co., Ltd.',
    shortNameZh: '安瑞光电',
    shortNameEn: 'Anrui',
    districtCode: '500117',
    isChainLeader: true,
    certifications: [IATF],
    synthetic: false,
    source: SRC.anruiWarehouse,
    notes:
      'Chain leader (链主) per the Hechuan economy bureau. Makes automotive lamps (the article does not name the product). Until 2023 bought surface-treated parts from a Guang\'an firm; now from Aofang. Two projects about to start production in 2025. IATF 16949 assumed, not in the article.',
  },
  {
    ...firmDefaults,
    id: 'aofang',
    nameZh: '重庆奥方汽车零部件有限公司',
    nameEn: 'Chongqing Aofang Auto Parts Co., Ltd.',
    shortNameZh: '奥方汽车',
    shortNameEn: 'Aofang',
    districtCode: '500120',
    yieldRate: 0.9,
    certifications: [IATF],
    synthetic: false,
    source: SRC.aofangYield,
    notes:
      'Bishan. Surface-treatment line of about 600,000 sets a year, 70% of it for Anrui; the line stood idle for lack of orders until 2023. Invested 9 million CNY in automation; labour cost down 30%; yield 90%. IATF 16949 assumed (it supplies a chain leader), not in the article.',
  },
  {
    ...firmDefaults,
    id: 'jianya',
    nameZh: '重庆建雅汽车零部件有限公司',
    nameEn: 'Chongqing Jianya Auto Parts Co., Ltd.',
    shortNameZh: '建雅汽车',
    shortNameEn: 'Jianya',
    districtCode: '500117',
    // The article does not call Jianya a chain leader, but it has about 40% of the national
    // drive-axle market and more than ten suppliers across the region: it pulls a chain.
    isChainLeader: true,
    certifications: [IATF],
    synthetic: false,
    source: SRC.jianyaHelps,
    notes:
      'Drive axles, about 40% of the national market; more than ten suppliers in the eight western districts. Mentored Yi\'an from 2009. Chain-leader flag is our judgement. IATF 16949 assumed, not in the article.',
  },
  {
    ...firmDefaults,
    id: 'yian',
    nameZh: '重庆益安汽车零部件有限公司',
    nameEn: "Chongqing Yi'an Auto Parts Co., Ltd.",
    shortNameZh: '益安汽车',
    shortNameEn: "Yi'an",
    districtCode: '500151',
    outputCny: 180_000_000,
    outputYear: 2025,
    certifications: [IATF],
    synthetic: false,
    source: SRC.yianOutput,
    notes:
      'Output expected to reach 180 million CNY in 2025. In 2009 made electric-motorcycle parts (output about 35 million), then turned to brake drums for Jianya; invested over 10 million in equipment; in production from 2010, semi-automated. IATF 16949 assumed (supplies Jianya), not in the article.',
  },
  {
    ...firmDefaults,
    id: 'shunbo',
    nameZh: '重庆顺博铝合金股份有限公司',
    nameEn: 'Chongqing Shunbo Aluminium Alloy Co., Ltd.',
    shortNameZh: '顺博铝合金',
    shortNameEn: 'Shunbo',
    districtCode: '500117',
    isRecycler: true,
    certifications: [],
    synthetic: false,
    source: SRC.shunbo,
    notes:
      'Produces one third of the city\'s recycled aluminium; takes customers\' production scrap back for reprocessing. Certifications unknown.',
  },
  {
    ...firmDefaults,
    id: 'ruitong',
    nameZh: '重庆瑞通精工科技股份有限公司',
    nameEn: 'Chongqing Ruitong Precision Technology Co., Ltd.',
    shortNameZh: '瑞通精工',
    shortNameEn: 'Ruitong',
    districtCode: '500120',
    certifications: [IATF],
    synthetic: false,
    source: SRC.shunboRuitong,
    notes:
      'Bishan. Buys recycled aluminium from Shunbo and returns its scrap; the two trade about 100 million CNY a year. The article names no product: modelled as an aluminium die-caster, which fits both flows. IATF 16949 assumed, not in the article.',
  },
  {
    ...firmDefaults,
    id: 'pingwei',
    nameZh: '重庆平伟汽车系统有限公司',
    nameEn: 'Chongqing Pingwei Automotive Systems Co., Ltd.',
    shortNameZh: '平伟汽车',
    shortNameEn: 'Pingwei',
    districtCode: '500117',
    isChainLeader: true,
    certifications: [IATF],
    synthetic: false,
    source: SRC.chainLeaders,
    notes:
      'Chain leader. Largest NEV battery-enclosure workshop in south-west China; the widest range of enclosure types in the country. Supports Tianchiyu with equipment, technology and orders since July 2024. IATF 16949 assumed, not in the article.',
  },
  {
    ...firmDefaults,
    id: 'tianchiyu',
    nameZh: '重庆天驰宇汽车零部件有限公司',
    nameEn: 'Chongqing Tianchiyu Auto Parts Co., Ltd.',
    shortNameZh: '天驰宇汽车',
    shortNameEn: 'Tianchiyu',
    districtCode: '500117',
    // "超过8000万元": stored as the lower bound.
    outputCny: 80_000_000,
    outputYear: 2024,
    certifications: [],
    synthetic: false,
    source: SRC.tianchiyuOutput,
    notes:
      'Output above 80 million CNY in 2024 (stored as 80 million), aiming at 150 million in 2025; close to 60% of its orders come from Pingwei. Local trade with Pingwei cut the logistics cost of the same order by two thirds. Products not named in the article: modelled as battery-enclosure parts for Pingwei. Certifications unknown.',
  },
  {
    ...firmDefaults,
    id: 'changan',
    nameZh: '重庆长安汽车股份有限公司',
    nameEn: 'Chongqing Changan Automobile Co., Ltd.',
    shortNameZh: '长安汽车',
    shortNameEn: 'Changan',
    // Changan's head office is in Jiangbei; its main vehicle plants are in Liangjiang New Area.
    districtCode: 'LJXQ',
    isOem: true,
    certifications: [],
    synthetic: false,
    source: SRC.oems,
    notes: 'Vehicle maker whose supply chain Hechuan wants to serve. District (Liangjiang, where its plants are) is our choice; the article gives none.',
  },
  {
    ...firmDefaults,
    id: 'seres',
    nameZh: '赛力斯集团股份有限公司',
    nameEn: 'Seres Group Co., Ltd.',
    shortNameZh: '赛力斯',
    shortNameEn: 'Seres',
    // Seres is registered in Shapingba, but its Chongqing vehicle plant is in Liangjiang New Area.
    districtCode: 'LJXQ',
    isOem: true,
    certifications: [],
    synthetic: false,
    source: SRC.oems,
    notes: 'Vehicle maker whose supply chain Hechuan wants to serve. District is that of its Liangjiang plant, our choice; the article gives none.',
  },
];

/**
 * Synthetic firms. None of them is named in the article; each exists so that one of the product's
 * stories has something to work on. Invented names contain 示例 / "Example".
 */
const syntheticFirms: FirmSeed[] = [
  // The supplier Anrui left: real but unnamed in the article, hence a placeholder name.
  {
    ...firmDefaults,
    id: 'guangan-moto',
    nameZh: '四川广安某摩托车零部件企业',
    nameEn: "Unnamed motorcycle-parts maker, Guang'an",
    shortNameZh: '广安摩配企业',
    shortNameEn: "Guang'an supplier",
    districtCode: '511600',
    yieldRate: 0.7,
    certifications: [],
    synthetic: true,
    source: `Synthetic: placeholder for the unnamed Guang'an firm that supplied Anrui's surface-treated parts until 2023 (the gap in story 1). Article: ${SRC.guanganSupplier}`,
    notes: 'Mainly makes motorcycle parts; auto-part yield only 70% (from the article). Name, capacity and certifications invented.',
  },

  // Local surface-treatment candidates, so supplier ranking for Anrui's gap has a field: one
  // with no spare capacity, one without IATF 16949, one with lower yield. Aofang should still
  // come first on yield plus spare capacity; the Tongliang one is nearer Hechuan.
  {
    ...firmDefaults,
    id: 'syn-yongchuan-st',
    nameZh: '重庆永川示例表面处理有限公司',
    nameEn: 'Yongchuan Example Surface Treatment Co., Ltd.',
    shortNameZh: '永川示例表处',
    shortNameEn: 'Yongchuan ST (example)',
    districtCode: '500118',
    yieldRate: 0.88,
    certifications: [IATF],
    synthetic: true,
    source: 'Synthetic: local surface-treatment candidate with good yield but no spare capacity, for supplier ranking.',
    notes: 'Line fully booked (utilisation 0.97).',
  },
  {
    ...firmDefaults,
    id: 'syn-tongliang-st',
    nameZh: '重庆铜梁示例表面处理有限公司',
    nameEn: 'Tongliang Example Surface Treatment Co., Ltd.',
    shortNameZh: '铜梁示例表处',
    shortNameEn: 'Tongliang ST (example)',
    districtCode: '500151',
    yieldRate: 0.83,
    certifications: ['ISO 9001'],
    synthetic: true,
    source: 'Synthetic: local surface-treatment candidate close to Hechuan with spare capacity but without IATF 16949, for supplier ranking.',
    notes: 'Mostly serves general-industry customers; no automotive quality certification.',
  },
  {
    ...firmDefaults,
    id: 'syn-dazu-st',
    nameZh: '重庆大足示例五金表面处理有限公司',
    nameEn: 'Dazu Example Hardware Finishing Co., Ltd.',
    shortNameZh: '大足示例表处',
    shortNameEn: 'Dazu ST (example)',
    districtCode: '500111',
    yieldRate: 0.8,
    certifications: [IATF],
    synthetic: true,
    source: 'Synthetic: local surface-treatment candidate with IATF 16949 and some spare capacity but lower yield, for supplier ranking.',
    notes: null,
  },

  // Jianya has "more than ten suppliers" in the region; Yi'an is the only one named. Four
  // invented local suppliers in different districts, plus one outside the region (a gap).
  {
    ...firmDefaults,
    id: 'syn-dazu-casting',
    nameZh: '重庆大足示例铸造有限公司',
    nameEn: 'Dazu Example Foundry Co., Ltd.',
    shortNameZh: '大足示例铸造',
    shortNameEn: 'Dazu Foundry (example)',
    districtCode: '500111',
    yieldRate: 0.93,
    certifications: [IATF],
    synthetic: true,
    source: `Synthetic: one of Jianya's unnamed regional suppliers (iron castings for axle housings and hubs). Article: ${SRC.jianyaSuppliers}`,
    notes: null,
  },
  {
    ...firmDefaults,
    id: 'syn-jiangjin-forging',
    nameZh: '重庆江津示例锻造有限公司',
    nameEn: 'Jiangjin Example Forging Co., Ltd.',
    shortNameZh: '江津示例锻造',
    shortNameEn: 'Jiangjin Forging (example)',
    districtCode: '500116',
    yieldRate: 0.95,
    certifications: [IATF],
    synthetic: true,
    source: `Synthetic: one of Jianya's unnamed regional suppliers (half-shaft and gear-blank forgings). Article: ${SRC.jianyaSuppliers}`,
    notes: null,
  },
  {
    ...firmDefaults,
    id: 'syn-rongchang-gear',
    nameZh: '重庆荣昌示例齿轮有限公司',
    nameEn: 'Rongchang Example Gear Co., Ltd.',
    shortNameZh: '荣昌示例齿轮',
    shortNameEn: 'Rongchang Gear (example)',
    districtCode: '500153',
    yieldRate: 0.96,
    certifications: [IATF],
    synthetic: true,
    source: `Synthetic: one of Jianya's unnamed regional suppliers (final-drive gears). Article: ${SRC.jianyaSuppliers}`,
    notes: null,
  },
  {
    ...firmDefaults,
    id: 'syn-tongnan-stamping',
    nameZh: '重庆潼南示例冲焊件有限公司',
    nameEn: 'Tongnan Example Stamping Co., Ltd.',
    shortNameZh: '潼南示例冲焊',
    shortNameEn: 'Tongnan Stamping (example)',
    districtCode: '500152',
    yieldRate: 0.92,
    certifications: [IATF],
    synthetic: true,
    source: `Synthetic: one of Jianya's unnamed regional suppliers (stamped and welded axle housings). Article: ${SRC.jianyaSuppliers}`,
    notes: null,
  },
  {
    ...firmDefaults,
    id: 'syn-liangjiang-bearing',
    nameZh: '重庆两江示例轴承有限公司',
    nameEn: 'Liangjiang Example Bearing Co., Ltd.',
    shortNameZh: '两江示例轴承',
    shortNameEn: 'Liangjiang Bearing (example)',
    districtCode: 'LJXQ',
    yieldRate: 0.97,
    certifications: [IATF],
    synthetic: true,
    source: 'Synthetic: supplier outside the region, so that Jianya has a chain gap (bearings).',
    notes: null,
  },

  // Chain gaps of the other two chain leaders.
  {
    ...firmDefaults,
    id: 'syn-shapingba-led',
    nameZh: '重庆沙坪坝示例车灯电子有限公司',
    nameEn: 'Shapingba Example Lamp Electronics Co., Ltd.',
    shortNameZh: '沙坪坝示例车灯电子',
    shortNameEn: 'Shapingba Lamp Electronics (example)',
    districtCode: '500106',
    yieldRate: 0.98,
    certifications: [IATF],
    synthetic: true,
    source: "Synthetic: supplier outside the region, so that Anrui has a chain gap (lamp light sources and electronics) besides the 2023 surface-treatment one.",
    notes: null,
  },
  {
    ...firmDefaults,
    id: 'syn-guangan-extrusion',
    nameZh: '四川广安示例铝型材有限公司',
    nameEn: "Guang'an Example Aluminium Extrusion Co., Ltd.",
    shortNameZh: '广安示例铝型材',
    shortNameEn: "Guang'an Extrusion (example)",
    districtCode: '511600',
    yieldRate: 0.94,
    certifications: [IATF],
    synthetic: true,
    source: 'Synthetic: supplier outside the region, so that Pingwei has a chain gap (aluminium extrusions for enclosure frames).',
    notes: null,
  },

  // Two of the 21 firms Hechuan attracted in e-drive and trim.
  {
    ...firmDefaults,
    id: 'syn-hechuan-edrive',
    nameZh: '重庆合川示例电驱动有限公司',
    nameEn: 'Hechuan Example E-Drive Co., Ltd.',
    shortNameZh: '合川示例电驱',
    shortNameEn: 'Hechuan E-Drive (example)',
    districtCode: '500117',
    certifications: [IATF],
    synthetic: true,
    source: `Synthetic: stands for the e-drive firms among the 21 Hechuan attracted. Article: ${SRC.chainLeaders}`,
    notes: null,
  },
  {
    ...firmDefaults,
    id: 'syn-hechuan-trim',
    nameZh: '重庆合川示例内外饰有限公司',
    nameEn: 'Hechuan Example Trim Co., Ltd.',
    shortNameZh: '合川示例内外饰',
    shortNameEn: 'Hechuan Trim (example)',
    districtCode: '500117',
    certifications: [IATF],
    synthetic: true,
    source: `Synthetic: stands for the interior/exterior-trim firms among the 21 Hechuan attracted. Article: ${SRC.chainLeaders}`,
    notes: null,
  },
];

const firms: FirmSeed[] = [...realFirms, ...syntheticFirms];

// ---------------------------------------------------------------------------------------------
// Capabilities (MAKES). Capacity units come from CAPACITY_UNITS.
// ---------------------------------------------------------------------------------------------

const capabilities: CapabilitySeed[] = [
  // "近60万套" a year, 70% of it Anrui's. We read 600,000 sets as capacity and set utilisation
  // to 0.8: Anrui's 70% plus some other customers, leaving about 120,000 sets spare, which is
  // what makes Aofang the answer to Anrui's gap. The 90% yield is the article's.
  { firmId: 'aofang', segmentCode: 'SURFACE_TREATMENT', capacity: 600_000, unit: 'sets', utilisation: 0.8, yieldRate: 0.9, source: SRC.aofangLine },
  { firmId: 'aofang', segmentCode: 'INJECTION_MOULDING', capacity: null, unit: null, utilisation: null, yieldRate: null, source: SRC.aofangParts },
  { firmId: 'anrui', segmentCode: 'LIGHTING', capacity: null, unit: null, utilisation: null, yieldRate: null, source: "Synthetic: the article names no product for Anrui; 安瑞光电 makes automotive lamps, which is what its injection-moulded and surface-treated parts go into." },
  { firmId: 'yian', segmentCode: 'BRAKE_DRUM', capacity: null, unit: 'pieces', utilisation: null, yieldRate: null, source: SRC.yianBrakeDrums },
  { firmId: 'jianya', segmentCode: 'DRIVE_AXLE', capacity: null, unit: 'units', utilisation: null, yieldRate: null, source: SRC.jianyaAxles },
  { firmId: 'shunbo', segmentCode: 'RECYCLED_AL', capacity: null, unit: 'tonnes', utilisation: null, yieldRate: null, source: SRC.shunbo },
  { firmId: 'ruitong', segmentCode: 'AL_DIE_CASTING', capacity: null, unit: null, utilisation: null, yieldRate: null, source: 'Synthetic: the article names no product for Ruitong; a precision-parts firm buying recycled aluminium and returning scrap is modelled as an aluminium die-caster.' },
  { firmId: 'pingwei', segmentCode: 'BATTERY_ENCLOSURE', capacity: null, unit: 'sets', utilisation: null, yieldRate: null, source: SRC.pingweiWorkshop },
  { firmId: 'tianchiyu', segmentCode: 'BATTERY_ENCLOSURE_PART', capacity: null, unit: null, utilisation: null, yieldRate: null, source: 'Synthetic: the article does not say what Tianchiyu makes for Pingwei; battery-enclosure parts are the obvious fit for a battery-enclosure maker\'s supplier.' },
  { firmId: 'tianchiyu', segmentCode: 'STAMPED_WELDED', capacity: null, unit: null, utilisation: null, yieldRate: null, source: 'Synthetic: what Tianchiyu sells to customers other than Pingwei (the other ~40% of its orders).' },
  { firmId: 'changan', segmentCode: 'VEHICLE_ASSEMBLY', capacity: null, unit: 'units', utilisation: null, yieldRate: null, source: SRC.oems },
  { firmId: 'seres', segmentCode: 'VEHICLE_ASSEMBLY', capacity: null, unit: 'units', utilisation: null, yieldRate: null, source: SRC.oems },

  // Synthetic firms.
  { firmId: 'guangan-moto', segmentCode: 'SURFACE_TREATMENT', capacity: 800_000, unit: 'sets', utilisation: 0.6, yieldRate: 0.7, source: "Synthetic: capacity and utilisation invented; the 70% auto-part yield is the article's." },
  { firmId: 'syn-yongchuan-st', segmentCode: 'SURFACE_TREATMENT', capacity: 500_000, unit: 'sets', utilisation: 0.97, yieldRate: 0.88, source: 'Synthetic: ranking candidate without spare capacity.' },
  { firmId: 'syn-tongliang-st', segmentCode: 'SURFACE_TREATMENT', capacity: 350_000, unit: 'sets', utilisation: 0.55, yieldRate: 0.83, source: 'Synthetic: ranking candidate without IATF 16949.' },
  { firmId: 'syn-dazu-st', segmentCode: 'SURFACE_TREATMENT', capacity: 250_000, unit: 'sets', utilisation: 0.65, yieldRate: 0.8, source: 'Synthetic: ranking candidate with lower yield.' },
  { firmId: 'syn-dazu-casting', segmentCode: 'IRON_CASTING', capacity: 30_000, unit: 'tonnes', utilisation: 0.75, yieldRate: 0.93, source: "Synthetic: Jianya's regional casting supplier." },
  { firmId: 'syn-jiangjin-forging', segmentCode: 'FORGING', capacity: 20_000, unit: 'tonnes', utilisation: 0.7, yieldRate: 0.95, source: "Synthetic: Jianya's regional forging supplier." },
  { firmId: 'syn-rongchang-gear', segmentCode: 'GEAR', capacity: 1_500_000, unit: 'pieces', utilisation: 0.8, yieldRate: 0.96, source: "Synthetic: Jianya's regional gear supplier." },
  { firmId: 'syn-tongnan-stamping', segmentCode: 'STAMPED_WELDED', capacity: 400_000, unit: 'pieces', utilisation: 0.7, yieldRate: 0.92, source: "Synthetic: Jianya's regional axle-housing supplier." },
  { firmId: 'syn-liangjiang-bearing', segmentCode: 'BEARING', capacity: 5_000_000, unit: 'pieces', utilisation: 0.85, yieldRate: 0.97, source: 'Synthetic: bearing supplier outside the region (Jianya gap).' },
  { firmId: 'syn-shapingba-led', segmentCode: 'LIGHTING_ELECTRONICS', capacity: 2_000_000, unit: 'pieces', utilisation: 0.8, yieldRate: 0.98, source: 'Synthetic: lamp-electronics supplier outside the region (Anrui gap).' },
  { firmId: 'syn-guangan-extrusion', segmentCode: 'AL_EXTRUSION', capacity: 40_000, unit: 'tonnes', utilisation: 0.75, yieldRate: 0.94, source: 'Synthetic: extrusion supplier outside the region (Pingwei gap).' },
  { firmId: 'syn-hechuan-edrive', segmentCode: 'E_DRIVE', capacity: 200_000, unit: 'units', utilisation: 0.6, yieldRate: null, source: 'Synthetic: e-drive maker among the firms Hechuan attracted.' },
  { firmId: 'syn-hechuan-trim', segmentCode: 'TRIM', capacity: 300_000, unit: 'sets', utilisation: 0.65, yieldRate: null, source: 'Synthetic: trim maker among the firms Hechuan attracted.' },
];

// ---------------------------------------------------------------------------------------------
// Needs (NEEDS): what each firm buys, whether or not it currently buys it locally.
// ---------------------------------------------------------------------------------------------

const needs: NeedSeed[] = [
  // 70% of Aofang's ~600,000 sets a year are Anrui's orders: about 420,000 sets.
  { firmId: 'anrui', segmentCode: 'SURFACE_TREATMENT', annualDemand: 420_000, unit: 'sets', source: SRC.aofangLine },
  { firmId: 'anrui', segmentCode: 'INJECTION_MOULDING', annualDemand: null, unit: null, source: SRC.anruiWarehouse },
  { firmId: 'anrui', segmentCode: 'LIGHTING_ELECTRONICS', annualDemand: null, unit: null, source: 'Synthetic: lamp light sources and electronics, bought outside the region (a gap).' },
  { firmId: 'jianya', segmentCode: 'BRAKE_DRUM', annualDemand: null, unit: null, source: SRC.yianBrakeDrums },
  { firmId: 'jianya', segmentCode: 'IRON_CASTING', annualDemand: null, unit: null, source: 'Synthetic: drive-axle input bought from a regional supplier.' },
  { firmId: 'jianya', segmentCode: 'FORGING', annualDemand: null, unit: null, source: 'Synthetic: drive-axle input bought from a regional supplier.' },
  { firmId: 'jianya', segmentCode: 'GEAR', annualDemand: null, unit: null, source: 'Synthetic: drive-axle input bought from a regional supplier.' },
  { firmId: 'jianya', segmentCode: 'STAMPED_WELDED', annualDemand: null, unit: null, source: 'Synthetic: drive-axle input bought from a regional supplier.' },
  { firmId: 'jianya', segmentCode: 'SURFACE_TREATMENT', annualDemand: null, unit: null, source: 'Synthetic: axle parts are coated by a regional supplier.' },
  { firmId: 'jianya', segmentCode: 'BEARING', annualDemand: null, unit: null, source: 'Synthetic: bearings bought outside the region (a gap).' },
  { firmId: 'pingwei', segmentCode: 'BATTERY_ENCLOSURE_PART', annualDemand: null, unit: null, source: SRC.pingweiTianchiyu },
  { firmId: 'pingwei', segmentCode: 'AL_DIE_CASTING', annualDemand: null, unit: null, source: 'Synthetic: die-cast enclosure parts, closing the recycled-aluminium chain Shunbo → Ruitong → Pingwei.' },
  { firmId: 'pingwei', segmentCode: 'AL_EXTRUSION', annualDemand: null, unit: null, source: 'Synthetic: extrusions for enclosure frames, bought outside the region (a gap).' },
  { firmId: 'ruitong', segmentCode: 'RECYCLED_AL', annualDemand: null, unit: 'tonnes', source: SRC.shunboRuitong },
  { firmId: 'shunbo', segmentCode: 'SCRAP_AL', annualDemand: null, unit: 'tonnes', source: SRC.scrapBack },
  { firmId: 'syn-hechuan-trim', segmentCode: 'INJECTION_MOULDING', annualDemand: null, unit: null, source: 'Synthetic: trim parts are largely injection-moulded.' },
  { firmId: 'syn-hechuan-edrive', segmentCode: 'AL_DIE_CASTING', annualDemand: null, unit: null, source: 'Synthetic: motor and reducer housings are aluminium die castings.' },
  // The OEMs' needs are what Hechuan's chain leaders and new firms sell them.
  { firmId: 'changan', segmentCode: 'LIGHTING', annualDemand: null, unit: null, source: 'Synthetic: Changan buys lamps (from Anrui in this dataset).' },
  { firmId: 'changan', segmentCode: 'DRIVE_AXLE', annualDemand: null, unit: null, source: 'Synthetic: Changan buys drive axles (from Jianya in this dataset).' },
  { firmId: 'changan', segmentCode: 'BATTERY_ENCLOSURE', annualDemand: null, unit: null, source: 'Synthetic: Changan buys battery enclosures (from Pingwei in this dataset).' },
  { firmId: 'changan', segmentCode: 'E_DRIVE', annualDemand: null, unit: null, source: 'Synthetic: Changan buys electric drives.' },
  { firmId: 'changan', segmentCode: 'TRIM', annualDemand: null, unit: null, source: 'Synthetic: Changan buys interior and exterior trim.' },
  { firmId: 'changan', segmentCode: 'STAMPED_WELDED', annualDemand: null, unit: null, source: 'Synthetic: Changan buys stamped and welded parts (from Tianchiyu in this dataset).' },
  { firmId: 'seres', segmentCode: 'BATTERY_ENCLOSURE', annualDemand: null, unit: null, source: 'Synthetic: Seres buys battery enclosures (from Pingwei in this dataset).' },
  { firmId: 'seres', segmentCode: 'E_DRIVE', annualDemand: null, unit: null, source: 'Synthetic: Seres buys electric drives.' },
  { firmId: 'seres', segmentCode: 'STAMPED_WELDED', annualDemand: null, unit: null, source: 'Synthetic: Seres buys stamped and welded parts (from Tianchiyu in this dataset).' },
];

// ---------------------------------------------------------------------------------------------
// Orders, 2023–2025. One order = one supplier, buyer, segment and year. Status: COMPLETED for
// past years, ACTIVE for 2025 flows that run at a reported yearly rate, EXPECTED for 2025
// amounts the article gives as a forecast or aim.
// ---------------------------------------------------------------------------------------------

const order = (o: Omit<OrderSeed, 'quantity' | 'unit'> & Partial<Pick<OrderSeed, 'quantity' | 'unit'>>): OrderSeed => ({
  quantity: null,
  unit: null,
  ...o,
});

const SYN_OEM = 'Synthetic: OEM sale by a chain leader so that the chain reaches vehicle assembly; amount invented.';
const SYN_JIANYA = "Synthetic: purchase from one of Jianya's unnamed regional suppliers; amount invented.";
const SYN_GAP = 'Synthetic: chain leader buying outside the region, so that a chain gap exists; amount invented.';

const orders: OrderSeed[] = [
  // --- Anrui ← surface-treated parts. 2023: the Guang'an firm (amount not reported; set near the
  // ~3 million Aofang took over). 2024: Aofang, "about 3 million a year". 2025: "above 10 million".
  // The article's amounts cover the whole Aofang–Anrui cooperation, injection-moulded parts
  // included; it gives no split, so all of it is booked under surface treatment, the segment the
  // story is about.
  order({ id: 'o-2023-guangan-moto-anrui-st', kind: 'SUPPLY', supplierId: 'guangan-moto', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2023, amountCny: 3_000_000, status: 'COMPLETED', synthetic: true, source: `Synthetic: the article says Anrui bought its surface-treated parts in Guang'an before Aofang but gives no amount. Article: ${SRC.guanganSupplier}` }),
  order({ id: 'o-2024-aofang-anrui-st', kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2024, amountCny: 3_000_000, status: 'COMPLETED', synthetic: false, source: SRC.aofangAnruiAmounts }),
  order({ id: 'o-2025-aofang-anrui-st', kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 10_000_000, status: 'EXPECTED', synthetic: false, source: SRC.aofangAnruiAmounts }),

  // --- Jianya ← Yi'an brake drums, 25 million a year.
  order({ id: 'o-2024-yian-jianya-bd', kind: 'SUPPLY', supplierId: 'yian', buyerId: 'jianya', segmentCode: 'BRAKE_DRUM', year: 2024, amountCny: 25_000_000, status: 'COMPLETED', synthetic: false, source: SRC.jianyaYianOrders }),
  order({ id: 'o-2025-yian-jianya-bd', kind: 'SUPPLY', supplierId: 'yian', buyerId: 'jianya', segmentCode: 'BRAKE_DRUM', year: 2025, amountCny: 25_000_000, status: 'ACTIVE', synthetic: false, source: SRC.jianyaYianOrders }),

  // --- Shunbo ↔ Ruitong, about 100 million a year in total. Split 83 / 17: a die-caster sends
  // back roughly a quarter of the metal it buys (runners, overflows, rejects and chips it does not
  // re-melt itself), and scrap fetches roughly 80% of the ingot price per tonne, so returns are
  // worth about 0.25 × 0.8 = 20% of supplies: S + 0.2 S = 100 million → S ≈ 83, returns ≈ 17.
  // A scrap return's supplier is the firm returning the scrap; its buyer is the recycler.
  order({ id: 'o-2024-shunbo-ruitong-ral', kind: 'SUPPLY', supplierId: 'shunbo', buyerId: 'ruitong', segmentCode: 'RECYCLED_AL', year: 2024, amountCny: 83_000_000, status: 'COMPLETED', synthetic: false, source: SRC.shunboRuitong }),
  order({ id: 'o-2024-ruitong-shunbo-scrap', kind: 'SCRAP_RETURN', supplierId: 'ruitong', buyerId: 'shunbo', segmentCode: 'SCRAP_AL', year: 2024, amountCny: 17_000_000, status: 'COMPLETED', synthetic: false, source: SRC.shunboRuitong }),
  order({ id: 'o-2025-shunbo-ruitong-ral', kind: 'SUPPLY', supplierId: 'shunbo', buyerId: 'ruitong', segmentCode: 'RECYCLED_AL', year: 2025, amountCny: 83_000_000, status: 'ACTIVE', synthetic: false, source: SRC.shunboRuitong }),
  order({ id: 'o-2025-ruitong-shunbo-scrap', kind: 'SCRAP_RETURN', supplierId: 'ruitong', buyerId: 'shunbo', segmentCode: 'SCRAP_AL', year: 2025, amountCny: 17_000_000, status: 'ACTIVE', synthetic: false, source: SRC.shunboRuitong }),

  // --- Tianchiyu → Pingwei: close to 60% of Tianchiyu's orders. 2024: 0.6 × 80 million = 48
  // million; 2025: 0.6 × the 150 million aim = 90 million. The other 40% (32 / 60 million) goes to
  // synthetic customers so that Tianchiyu's dependence on Pingwei computes to 60%.
  order({ id: 'o-2024-tianchiyu-pingwei-bep', kind: 'SUPPLY', supplierId: 'tianchiyu', buyerId: 'pingwei', segmentCode: 'BATTERY_ENCLOSURE_PART', year: 2024, amountCny: 48_000_000, status: 'COMPLETED', synthetic: false, source: SRC.tianchiyuOutput }),
  order({ id: 'o-2025-tianchiyu-pingwei-bep', kind: 'SUPPLY', supplierId: 'tianchiyu', buyerId: 'pingwei', segmentCode: 'BATTERY_ENCLOSURE_PART', year: 2025, amountCny: 90_000_000, status: 'EXPECTED', synthetic: false, source: SRC.tianchiyuOutput }),
  order({ id: 'o-2024-tianchiyu-changan-sw', kind: 'SUPPLY', supplierId: 'tianchiyu', buyerId: 'changan', segmentCode: 'STAMPED_WELDED', year: 2024, amountCny: 20_000_000, status: 'COMPLETED', synthetic: true, source: "Synthetic: part of the ~40% of Tianchiyu's orders not from Pingwei; amount chosen so the 2024 total is 80 million." }),
  order({ id: 'o-2024-tianchiyu-seres-sw', kind: 'SUPPLY', supplierId: 'tianchiyu', buyerId: 'seres', segmentCode: 'STAMPED_WELDED', year: 2024, amountCny: 12_000_000, status: 'COMPLETED', synthetic: true, source: "Synthetic: part of the ~40% of Tianchiyu's orders not from Pingwei; amount chosen so the 2024 total is 80 million." }),
  order({ id: 'o-2025-tianchiyu-changan-sw', kind: 'SUPPLY', supplierId: 'tianchiyu', buyerId: 'changan', segmentCode: 'STAMPED_WELDED', year: 2025, amountCny: 36_000_000, status: 'EXPECTED', synthetic: true, source: "Synthetic: part of the ~40% of Tianchiyu's orders not from Pingwei; amount chosen so the 2025 total meets the 150 million aim." }),
  order({ id: 'o-2025-tianchiyu-seres-sw', kind: 'SUPPLY', supplierId: 'tianchiyu', buyerId: 'seres', segmentCode: 'STAMPED_WELDED', year: 2025, amountCny: 24_000_000, status: 'EXPECTED', synthetic: true, source: "Synthetic: part of the ~40% of Tianchiyu's orders not from Pingwei; amount chosen so the 2025 total meets the 150 million aim." }),

  // --- Chain leaders → OEMs (synthetic): the chains end in vehicle assembly.
  order({ id: 'o-2023-anrui-changan-light', kind: 'SUPPLY', supplierId: 'anrui', buyerId: 'changan', segmentCode: 'LIGHTING', year: 2023, amountCny: 100_000_000, status: 'COMPLETED', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2024-anrui-changan-light', kind: 'SUPPLY', supplierId: 'anrui', buyerId: 'changan', segmentCode: 'LIGHTING', year: 2024, amountCny: 120_000_000, status: 'COMPLETED', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2025-anrui-changan-light', kind: 'SUPPLY', supplierId: 'anrui', buyerId: 'changan', segmentCode: 'LIGHTING', year: 2025, amountCny: 180_000_000, status: 'ACTIVE', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2024-pingwei-changan-be', kind: 'SUPPLY', supplierId: 'pingwei', buyerId: 'changan', segmentCode: 'BATTERY_ENCLOSURE', year: 2024, amountCny: 500_000_000, status: 'COMPLETED', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2024-pingwei-seres-be', kind: 'SUPPLY', supplierId: 'pingwei', buyerId: 'seres', segmentCode: 'BATTERY_ENCLOSURE', year: 2024, amountCny: 350_000_000, status: 'COMPLETED', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2025-pingwei-changan-be', kind: 'SUPPLY', supplierId: 'pingwei', buyerId: 'changan', segmentCode: 'BATTERY_ENCLOSURE', year: 2025, amountCny: 600_000_000, status: 'ACTIVE', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2025-pingwei-seres-be', kind: 'SUPPLY', supplierId: 'pingwei', buyerId: 'seres', segmentCode: 'BATTERY_ENCLOSURE', year: 2025, amountCny: 450_000_000, status: 'ACTIVE', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2024-jianya-changan-axle', kind: 'SUPPLY', supplierId: 'jianya', buyerId: 'changan', segmentCode: 'DRIVE_AXLE', year: 2024, amountCny: 300_000_000, status: 'COMPLETED', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2025-jianya-changan-axle', kind: 'SUPPLY', supplierId: 'jianya', buyerId: 'changan', segmentCode: 'DRIVE_AXLE', year: 2025, amountCny: 340_000_000, status: 'ACTIVE', synthetic: true, source: SYN_OEM }),
  order({ id: 'o-2024-hcedrive-seres-edrive', kind: 'SUPPLY', supplierId: 'syn-hechuan-edrive', buyerId: 'seres', segmentCode: 'E_DRIVE', year: 2024, amountCny: 150_000_000, status: 'COMPLETED', synthetic: true, source: 'Synthetic: sale by one of the e-drive firms Hechuan attracted; amount invented.' }),
  order({ id: 'o-2025-hcedrive-seres-edrive', kind: 'SUPPLY', supplierId: 'syn-hechuan-edrive', buyerId: 'seres', segmentCode: 'E_DRIVE', year: 2025, amountCny: 220_000_000, status: 'ACTIVE', synthetic: true, source: 'Synthetic: sale by one of the e-drive firms Hechuan attracted; amount invented.' }),
  order({ id: 'o-2025-hctrim-changan-trim', kind: 'SUPPLY', supplierId: 'syn-hechuan-trim', buyerId: 'changan', segmentCode: 'TRIM', year: 2025, amountCny: 80_000_000, status: 'ACTIVE', synthetic: true, source: 'Synthetic: sale by one of the trim firms Hechuan attracted (started 2025); amount invented.' }),

  // --- The aluminium chain continued (synthetic): Ruitong's die castings into Pingwei's enclosures.
  order({ id: 'o-2024-ruitong-pingwei-dc', kind: 'SUPPLY', supplierId: 'ruitong', buyerId: 'pingwei', segmentCode: 'AL_DIE_CASTING', year: 2024, amountCny: 30_000_000, status: 'COMPLETED', synthetic: true, source: 'Synthetic: links RECYCLED_AL → AL_DIE_CASTING → BATTERY_ENCLOSURE through firms; amount invented.' }),
  order({ id: 'o-2025-ruitong-pingwei-dc', kind: 'SUPPLY', supplierId: 'ruitong', buyerId: 'pingwei', segmentCode: 'AL_DIE_CASTING', year: 2025, amountCny: 40_000_000, status: 'ACTIVE', synthetic: true, source: 'Synthetic: links RECYCLED_AL → AL_DIE_CASTING → BATTERY_ENCLOSURE through firms; amount invented.' }),

  // --- Jianya's other regional suppliers (synthetic).
  order({ id: 'o-2024-dzcasting-jianya-ic', kind: 'SUPPLY', supplierId: 'syn-dazu-casting', buyerId: 'jianya', segmentCode: 'IRON_CASTING', year: 2024, amountCny: 30_000_000, status: 'COMPLETED', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2025-dzcasting-jianya-ic', kind: 'SUPPLY', supplierId: 'syn-dazu-casting', buyerId: 'jianya', segmentCode: 'IRON_CASTING', year: 2025, amountCny: 34_000_000, status: 'ACTIVE', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2024-jjforging-jianya-forg', kind: 'SUPPLY', supplierId: 'syn-jiangjin-forging', buyerId: 'jianya', segmentCode: 'FORGING', year: 2024, amountCny: 22_000_000, status: 'COMPLETED', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2025-jjforging-jianya-forg', kind: 'SUPPLY', supplierId: 'syn-jiangjin-forging', buyerId: 'jianya', segmentCode: 'FORGING', year: 2025, amountCny: 25_000_000, status: 'ACTIVE', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2024-rcgear-jianya-gear', kind: 'SUPPLY', supplierId: 'syn-rongchang-gear', buyerId: 'jianya', segmentCode: 'GEAR', year: 2024, amountCny: 35_000_000, status: 'COMPLETED', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2025-rcgear-jianya-gear', kind: 'SUPPLY', supplierId: 'syn-rongchang-gear', buyerId: 'jianya', segmentCode: 'GEAR', year: 2025, amountCny: 38_000_000, status: 'ACTIVE', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2024-tnstamping-jianya-sw', kind: 'SUPPLY', supplierId: 'syn-tongnan-stamping', buyerId: 'jianya', segmentCode: 'STAMPED_WELDED', year: 2024, amountCny: 18_000_000, status: 'COMPLETED', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2025-tnstamping-jianya-sw', kind: 'SUPPLY', supplierId: 'syn-tongnan-stamping', buyerId: 'jianya', segmentCode: 'STAMPED_WELDED', year: 2025, amountCny: 20_000_000, status: 'ACTIVE', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2024-ycst-jianya-st', kind: 'SUPPLY', supplierId: 'syn-yongchuan-st', buyerId: 'jianya', segmentCode: 'SURFACE_TREATMENT', year: 2024, amountCny: 12_000_000, status: 'COMPLETED', synthetic: true, source: SYN_JIANYA }),
  order({ id: 'o-2025-ycst-jianya-st', kind: 'SUPPLY', supplierId: 'syn-yongchuan-st', buyerId: 'jianya', segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 13_000_000, status: 'ACTIVE', synthetic: true, source: SYN_JIANYA }),

  // --- Chain gaps (synthetic): chain leaders still buying outside the region.
  order({ id: 'o-2023-spled-anrui-le', kind: 'SUPPLY', supplierId: 'syn-shapingba-led', buyerId: 'anrui', segmentCode: 'LIGHTING_ELECTRONICS', year: 2023, amountCny: 20_000_000, status: 'COMPLETED', synthetic: true, source: SYN_GAP }),
  order({ id: 'o-2024-spled-anrui-le', kind: 'SUPPLY', supplierId: 'syn-shapingba-led', buyerId: 'anrui', segmentCode: 'LIGHTING_ELECTRONICS', year: 2024, amountCny: 25_000_000, status: 'COMPLETED', synthetic: true, source: SYN_GAP }),
  order({ id: 'o-2025-spled-anrui-le', kind: 'SUPPLY', supplierId: 'syn-shapingba-led', buyerId: 'anrui', segmentCode: 'LIGHTING_ELECTRONICS', year: 2025, amountCny: 35_000_000, status: 'ACTIVE', synthetic: true, source: SYN_GAP }),
  order({ id: 'o-2024-ljbearing-jianya-brg', kind: 'SUPPLY', supplierId: 'syn-liangjiang-bearing', buyerId: 'jianya', segmentCode: 'BEARING', year: 2024, amountCny: 40_000_000, status: 'COMPLETED', synthetic: true, source: SYN_GAP }),
  order({ id: 'o-2025-ljbearing-jianya-brg', kind: 'SUPPLY', supplierId: 'syn-liangjiang-bearing', buyerId: 'jianya', segmentCode: 'BEARING', year: 2025, amountCny: 44_000_000, status: 'ACTIVE', synthetic: true, source: SYN_GAP }),
  order({ id: 'o-2024-gaext-pingwei-ext', kind: 'SUPPLY', supplierId: 'syn-guangan-extrusion', buyerId: 'pingwei', segmentCode: 'AL_EXTRUSION', year: 2024, amountCny: 60_000_000, status: 'COMPLETED', synthetic: true, source: SYN_GAP }),
  order({ id: 'o-2025-gaext-pingwei-ext', kind: 'SUPPLY', supplierId: 'syn-guangan-extrusion', buyerId: 'pingwei', segmentCode: 'AL_EXTRUSION', year: 2025, amountCny: 75_000_000, status: 'ACTIVE', synthetic: true, source: SYN_GAP }),
];

// ---------------------------------------------------------------------------------------------
// Support ties (以老带新, mentoring).
// ---------------------------------------------------------------------------------------------

const supports: SupportSeed[] = [
  // Jianya sent staff to guide Yi'an's process and management from the 2009 turn to brake drums
  // (production from 2010) and buys its drums: technology, management, orders.
  { fromFirmId: 'jianya', toFirmId: 'yian', kinds: ['TECHNOLOGY', 'MANAGEMENT', 'ORDERS'], since: '2009', synthetic: false, source: SRC.jianyaMentoring },
  { fromFirmId: 'pingwei', toFirmId: 'tianchiyu', kinds: ['EQUIPMENT', 'TECHNOLOGY', 'ORDERS'], since: '2024-07', synthetic: false, source: SRC.pingweiTianchiyu },
];

// ---------------------------------------------------------------------------------------------
// District goals.
// ---------------------------------------------------------------------------------------------

const goals: GoalSeed[] = [
  // 30 projects, 11 billion of agreements, 22 billion of intelligent-connected NEV parts output.
  { id: 'goal-500117-2025', districtCode: '500117', year: 2025, projects: 30, agreementCny: 11_000_000_000, outputCny: 22_000_000_000, source: SRC.hechuanGoals },
];

export const articleDataset: SeedDataset = {
  districts,
  segments,
  feeds,
  firms,
  capabilities,
  needs,
  orders,
  supports,
  goals,
  targets: hechuanTargets(SRC.hechuanGoals),
  introductions: [
    aofangIntroduction({
      noLocalSupplier: SRC.noLocalSupplier,
      inspection: SRC.aofangInspection,
      automation: SRC.aofangAutomation,
      yield: SRC.aofangYield,
      amounts: SRC.aofangAnruiAmounts,
    }),
  ],
};
