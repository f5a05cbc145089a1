import { TARGET_STAGES } from '@yulian/schema';
import type { TargetWithHistory } from '../investment/service';
import type { TargetEventRow } from '../store/queries';
import { builder } from './builder';

/** Refs of the investment-promotion types, apart from their fields (see refs.ts for why). */
export const TargetRef = builder.objectRef<TargetWithHistory>('Target');
export const TargetEventRef = builder.objectRef<TargetEventRow>('TargetEvent');
export const TargetStageEnum = builder.enumType('TargetStage', {
  description: 'LEAD 线索 → CONTACTED 接洽 → NEGOTIATING 洽谈 → SIGNED 签约 → STARTED 开工 → PRODUCING 投产; DROPPED 放弃.',
  values: TARGET_STAGES,
});
