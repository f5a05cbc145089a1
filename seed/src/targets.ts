import type { TargetSeed, TargetStepSeed } from './types';

/**
 * Hechuan's investment-promotion target list (补链延链目标企业名录), synthetic. The article says
 * Hechuan is completing such a list and aims at 30 projects and 11 billion of agreements in 2025,
 * but names no entry. These targets are tied to the seed's chain gaps of Hechuan's chain leaders
 * (Anrui's lamp electronics and its 2023 surface-treatment gap, Jianya's bearings, Pingwei's
 * extrusions) plus two chain extensions (e-drive, trim), with one target in every stage, so the
 * list, the board and the progress dashboard show something on first start. Anrui's injection-
 * moulded parts gap is deliberately left without a target: the dashboard lists it as unworked.
 * Invented firm names contain 示例; people are placeholders.
 */

const HECHUAN = '500117';

const step = (stage: TargetStepSeed['stage'], at: string, note: string | null = null, reason?: string): TargetStepSeed =>
  reason === undefined ? { stage, at, note } : { stage, at, note, reason };

export function hechuanTargets(goalSentence: string): TargetSeed[] {
  const source = `Synthetic: the article says Hechuan is completing its target list but names no target; invented to show the list and its progress against the 2025 goal. Article: ${goalSentence}`;
  const base = {
    districtCode: HECHUAN,
    firmId: null,
    leaderId: null,
    agreementCny: null,
    investmentCny: null,
    fundsInPlaceCny: null,
    expectedOutputCny: null,
    owner: '招商一科（示例）',
    contact: null,
    notes: null,
    synthetic: true,
    source,
  } satisfies Partial<TargetSeed>;

  return [
    {
      ...base,
      id: 'tgt-hc-st-producing',
      name: '示例汽车表面处理（重庆）有限公司合川工厂',
      segmentCode: 'SURFACE_TREATMENT',
      leaderId: 'anrui',
      agreementCny: 300_000_000,
      investmentCny: 250_000_000,
      fundsInPlaceCny: 250_000_000,
      expectedOutputCny: 400_000_000,
      notes: '承接安瑞光电表处件需求，租用标准厂房快速投产。',
      history: [
        step('LEAD', '2024-06-12T02:00:00.000Z', '安瑞光电反映表处件本地配套不足'),
        step('CONTACTED', '2024-07-03T02:00:00.000Z', '赴企业总部拜访'),
        step('NEGOTIATING', '2024-09-18T02:00:00.000Z', '洽谈厂房与环评'),
        step('SIGNED', '2025-01-09T02:00:00.000Z', '签订投资协议'),
        step('STARTED', '2025-02-20T02:00:00.000Z', '产线安装开工'),
        step('PRODUCING', '2025-05-08T02:00:00.000Z', '首批产品交付安瑞光电'),
      ],
    },
    {
      ...base,
      id: 'tgt-hc-extrusion-started',
      name: '广安示例铝挤压型材有限公司合川基地',
      segmentCode: 'AL_EXTRUSION',
      firmId: 'syn-guangan-extrusion',
      leaderId: 'pingwei',
      agreementCny: 1_200_000_000,
      investmentCny: 1_000_000_000,
      fundsInPlaceCny: 350_000_000,
      expectedOutputCny: 1_500_000_000,
      owner: '招商二科（示例）',
      notes: '平伟汽车电池箱体型材现由广安供应，引导其在合川设厂。',
      history: [
        step('LEAD', '2024-09-03T02:00:00.000Z', '平伟汽车外购型材清单'),
        step('CONTACTED', '2024-10-08T02:00:00.000Z', null),
        step('NEGOTIATING', '2024-12-02T02:00:00.000Z', '洽谈用地与能耗指标'),
        step('SIGNED', '2025-01-22T02:00:00.000Z', '签约'),
        step('STARTED', '2025-04-15T02:00:00.000Z', '厂房开工'),
      ],
    },
    {
      ...base,
      id: 'tgt-hc-extrusion-dropped',
      name: '示例铝型材（广东）有限公司',
      segmentCode: 'AL_EXTRUSION',
      leaderId: 'pingwei',
      investmentCny: 600_000_000,
      owner: '招商二科（示例）',
      history: [
        step('LEAD', '2024-11-05T02:00:00.000Z', null),
        step('CONTACTED', '2025-01-14T02:00:00.000Z', '视频会谈'),
        step('DROPPED', '2025-03-05T02:00:00.000Z', null, '企业选择在成都设厂，用地与能耗指标未谈拢'),
      ],
    },
    {
      ...base,
      id: 'tgt-hc-bearing-signed',
      name: '两江示例精密轴承有限公司合川分厂',
      segmentCode: 'BEARING',
      firmId: 'syn-liangjiang-bearing',
      leaderId: 'jianya',
      agreementCny: 800_000_000,
      investmentCny: 600_000_000,
      fundsInPlaceCny: 0,
      expectedOutputCny: 1_000_000_000,
      notes: '建雅汽车驱动桥轴承全部外购，就近配套。',
      history: [
        step('LEAD', '2024-10-12T02:00:00.000Z', '建雅汽车推荐'),
        step('CONTACTED', '2024-11-20T02:00:00.000Z', null),
        step('NEGOTIATING', '2025-01-15T02:00:00.000Z', null),
        step('SIGNED', '2025-03-18T02:00:00.000Z', '签约，待供地'),
      ],
    },
    {
      ...base,
      id: 'tgt-hc-bearing-lead',
      name: '示例精密轴承（江苏）有限公司',
      segmentCode: 'BEARING',
      leaderId: 'jianya',
      history: [step('LEAD', '2025-04-20T02:00:00.000Z', '行业协会名单')],
    },
    {
      ...base,
      id: 'tgt-hc-led-negotiating',
      name: '深圳示例车灯电子有限公司合川生产基地',
      segmentCode: 'LIGHTING_ELECTRONICS',
      leaderId: 'anrui',
      investmentCny: 300_000_000,
      expectedOutputCny: 500_000_000,
      owner: '招商一科（示例）',
      history: [
        step('LEAD', '2025-01-08T02:00:00.000Z', '安瑞光电灯具电子外购'),
        step('CONTACTED', '2025-02-10T02:00:00.000Z', null),
        step('NEGOTIATING', '2025-04-02T02:00:00.000Z', '洽谈设备补贴'),
      ],
    },
    {
      ...base,
      id: 'tgt-hc-led-lead',
      name: '沙坪坝示例车灯电子有限公司',
      segmentCode: 'LIGHTING_ELECTRONICS',
      firmId: 'syn-shapingba-led',
      leaderId: 'anrui',
      history: [step('LEAD', '2025-05-06T02:00:00.000Z', '安瑞光电现有区外供应商')],
    },
    {
      ...base,
      id: 'tgt-hc-edrive-contacted',
      name: '示例电驱动系统有限公司',
      segmentCode: 'E_DRIVE',
      investmentCny: 2_000_000_000,
      notes: '延链：为赛力斯配套电驱动总成。',
      history: [step('LEAD', '2025-02-26T02:00:00.000Z', null), step('CONTACTED', '2025-03-28T02:00:00.000Z', '参加招商推介会')],
    },
    {
      ...base,
      id: 'tgt-hc-trim-signed',
      name: '示例汽车内饰件有限公司合川项目',
      segmentCode: 'TRIM',
      agreementCny: 500_000_000,
      investmentCny: 400_000_000,
      fundsInPlaceCny: 50_000_000,
      expectedOutputCny: 600_000_000,
      notes: '延链：为长安配套内饰件。',
      history: [
        step('LEAD', '2025-01-20T02:00:00.000Z', null),
        step('CONTACTED', '2025-02-14T02:00:00.000Z', null),
        step('NEGOTIATING', '2025-03-10T02:00:00.000Z', null),
        step('SIGNED', '2025-04-25T02:00:00.000Z', '签约'),
      ],
    },
  ];
}
