import type { IntroductionSeed } from './types';

/** The article's sentences the story retells; kept in article.ts with the rest. */
export interface AofangSentences {
  noLocalSupplier: string;
  inspection: string;
  automation: string;
  yield: string;
  amounts: string;
}

/**
 * The article's first story as Yulian would have followed it: Anrui's 2023 surface-treatment gap
 * (its Guang'an supplier reached only 70% yield, and no nearby supplier was found), Aofang among
 * the local candidates, the inspection that found the quality short, Aofang's 9 million of
 * automation equipment, 90% yield, and supply from 2024. The steps and their order are the
 * article's; the days, and that the Hechuan bureau proposed it from the gap, are invented (in the
 * article the two met at a customer's annual meeting), so the record is synthetic.
 */
export function aofangIntroduction(s: AofangSentences): IntroductionSeed {
  const bureau = { actor: 'hechuan-bureau', actorRole: 'BUREAU' };
  const anrui = { actor: 'anrui', actorRole: 'FIRM' };
  const aofang = { actor: 'aofang', actorRole: 'FIRM' };
  return {
    id: 'intro-aofang-anrui-st',
    buyerId: 'anrui',
    supplierId: 'aofang',
    segmentCode: 'SURFACE_TREATMENT',
    origin: 'GAP',
    year: 2023,
    note: '安瑞光电表处件依赖四川广安供应商（汽车零部件良品率仅70%），周边区县未找到合适供应商；奥方表处件产线闲置。',
    goalYieldRate: 0.9,
    goalCertifications: [],
    goalAnnualVolume: 420_000,
    goalUnit: 'sets',
    goalBy: '2024-01-31',
    steps: [
      { kind: 'EQUIPMENT', description: '投入900万元购买自动化设备，表处件产线自动化改造', amountCny: 9_000_000, dueOn: '2023-10-31', doneOn: '2023-09-30', mentorId: null },
      { kind: 'MENTORING', description: '安瑞光电按样件反馈质量要求，奥方整改后送样', amountCny: null, dueOn: null, doneOn: '2023-11-30', mentorId: 'anrui' },
    ],
    history: [
      { stage: 'PROPOSED', at: '2023-03-06T02:00:00.000Z', ...bureau, note: '2023年链主缺口：安瑞光电 · 表面处理，本地候选企业中的奥方汽车' },
      { stage: 'INTRODUCED', at: '2023-03-20T02:00:00.000Z', ...bureau, note: '双方负责人交流，奥方产品正是安瑞光电所需' },
      { stage: 'INSPECTED', at: '2023-04-11T02:00:00.000Z', ...anrui, note: '安瑞光电派人赴奥方考察：产品类型符合，质量未达到要求' },
      { stage: 'INSPECTED', at: '2023-04-18T02:00:00.000Z', ...aofang, note: '改进计划：良品率达到90%，投入900万元购买自动化设备', planChange: true },
      { stage: 'TRIAL', at: '2023-10-16T02:00:00.000Z', ...aofang, note: '自动化改造完成后送样，良品率达到90%' },
      { stage: 'SUPPLYING', at: '2024-01-08T02:00:00.000Z', ...anrui, note: '2024年起批量供货，每年约300万元' },
    ],
    synthetic: true,
    source: `Synthetic: the article tells the match but not its days, and the two met at a customer's annual meeting rather than through a bureau; the steps are the article's. Article: ${[s.noLocalSupplier, s.inspection, s.automation, s.yield, s.amounts].join(' ')}`,
  };
}
