import type { DeclineReason, IntroductionStage, PlanStepKind } from '@yulian/schema';
import type { Lang } from '../import/messages';

/** The introduction words a person reads, in both languages: the inbox's lines and the board's labels agree. */
export const STAGE_WORDS: Readonly<Record<IntroductionStage, Record<Lang, string>>> = {
  PROPOSED: { zh: '推荐', en: 'proposed' },
  INTRODUCED: { zh: '已对接', en: 'introduced' },
  INSPECTED: { zh: '已考察', en: 'inspected' },
  TRIAL: { zh: '试样', en: 'samples and trial' },
  SUPPLYING: { zh: '供货', en: 'supplying' },
  DECLINED: { zh: '未成', en: 'declined' },
};

export const DECLINE_WORDS: Readonly<Record<DeclineReason, Record<Lang, string>>> = {
  QUALITY: { zh: '质量', en: 'quality' },
  PRICE: { zh: '价格', en: 'price' },
  CAPACITY: { zh: '产能', en: 'capacity' },
  DISTANCE: { zh: '距离', en: 'distance' },
  OTHER: { zh: '其他', en: 'other' },
};

export const STEP_WORDS: Readonly<Record<PlanStepKind, Record<Lang, string>>> = {
  INVESTMENT: { zh: '投资', en: 'investment' },
  EQUIPMENT: { zh: '设备', en: 'equipment' },
  MENTORING: { zh: '链主帮扶', en: 'mentoring' },
  CERTIFICATION: { zh: '认证', en: 'certification' },
  OTHER: { zh: '其他', en: 'other' },
};

export interface InboxLineFacts {
  actor: string | null;
  supplier: string;
  buyer: string;
  segment: string;
  stage: IntroductionStage;
  fromStage: IntroductionStage | null;
  planChange: boolean;
  reason: DeclineReason | null;
}

/** One inbox line: who did what to which introduction. */
export function inboxLine(f: InboxLineFacts, lang: Lang): string {
  const who = f.actor ?? (lang === 'zh' ? '系统' : 'Yulian');
  const pair = lang === 'zh' ? `${f.supplier} → ${f.buyer}（${f.segment}）` : `${f.supplier} → ${f.buyer} (${f.segment})`;
  if (f.planChange) return lang === 'zh' ? `${who} 更新了对接 ${pair} 的改进计划` : `${who} changed the plan of the introduction ${pair}`;
  if (f.fromStage === null) return lang === 'zh' ? `${who} 推荐了对接 ${pair}` : `${who} proposed the introduction ${pair}`;
  if (f.stage === 'DECLINED') {
    const why = f.reason ? DECLINE_WORDS[f.reason][lang] : '';
    return lang === 'zh' ? `${who} 将对接 ${pair} 标为未成（${why}）` : `${who} declined the introduction ${pair} (${why})`;
  }
  return lang === 'zh' ? `${who} 将对接 ${pair} 推进到「${STAGE_WORDS[f.stage].zh}」` : `${who} moved the introduction ${pair} to ${STAGE_WORDS[f.stage].en}`;
}
