import { DECLINE_REASONS, INTRODUCTION_ORIGINS, INTRODUCTION_STAGES, PLAN_STEP_KINDS } from '@yulian/schema';
import type { IntroductionView } from '../introductions/service';
import type { IntroductionEventRow, PlanStepRow } from '../store/queries/introductions';
import { builder } from './builder';

/** Refs of the introduction types, apart from their fields (see refs.ts for why). */
export const IntroductionRef = builder.objectRef<IntroductionView>('Introduction');
export const IntroductionEventRef = builder.objectRef<IntroductionEventRow>('IntroductionEvent');
export const PlanStepRef = builder.objectRef<PlanStepRow>('PlanStep');

export const IntroductionStageEnum = builder.enumType('IntroductionStage', {
  description: 'PROPOSED 推荐 → INTRODUCED 对接 → INSPECTED 考察 → TRIAL 试样 → SUPPLYING 供货; DECLINED 未成 (with a reason).',
  values: INTRODUCTION_STAGES,
});
export const DeclineReasonEnum = builder.enumType('DeclineReason', {
  description: 'Why an introduction came to nothing: quality 质量, price 价格, capacity 产能, distance 距离, other 其他.',
  values: DECLINE_REASONS,
});
export const IntroductionOriginEnum = builder.enumType('IntroductionOrigin', {
  description: 'Where the match was found: a chain gap’s candidates, a buyer’s need, a supplier search, or by hand.',
  values: INTRODUCTION_ORIGINS,
});
export const PlanStepKindEnum = builder.enumType('PlanStepKind', {
  description: 'An investment 投资, equipment 设备, mentoring by a chain leader 链主帮扶, a certification 认证, other.',
  values: PLAN_STEP_KINDS,
});
