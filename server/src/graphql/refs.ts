import { ORDER_KINDS, ORDER_STATUSES, SUPPORT_KINDS } from '@yulian/schema';
import type { SupplierCandidate } from '../analysis/types';
import type {
  CapabilityRow,
  DistrictRow,
  FirmRow,
  GoalRow,
  NeedRow,
  OrderRow,
  SegmentRow,
  SupportRow,
  TradeLinkRow,
} from '../store/queries';
import { builder } from './builder';

/**
 * Object refs for every domain type, declared apart from their fields so that type files can point
 * at each other without import cycles.
 */
export const DistrictRef = builder.objectRef<DistrictRow>('District');
export const SegmentRef = builder.objectRef<SegmentRow>('Segment');
export const FirmRef = builder.objectRef<FirmRow>('Firm');
export const CapabilityRef = builder.objectRef<CapabilityRow>('Capability');
export const NeedRef = builder.objectRef<NeedRow>('Need');
export const OrderRef = builder.objectRef<OrderRow>('Order');
/** A trade link seen from one firm: `firm` is the partner on the other side. */
export const TradeLinkRef = builder.objectRef<TradeLinkRow & { partnerId: string }>('TradeLink');
export const TradeFlowRef = builder.objectRef<TradeLinkRow>('TradeFlow');
export const SupportTieRef = builder.objectRef<SupportRow>('SupportTie');
export const GoalRef = builder.objectRef<GoalRow>('Goal');

export const OrderKindEnum = builder.enumType('OrderKind', { values: ORDER_KINDS });
export const OrderStatusEnum = builder.enumType('OrderStatus', { values: ORDER_STATUSES });
export const SupportKindEnum = builder.enumType('SupportKind', { values: SUPPORT_KINDS });

/** A ranked local firm able to supply a segment (chain gaps, supplier search, disruption). */
export const SupplierCandidateRef = builder.objectRef<SupplierCandidate>('SupplierCandidate');
export const LangEnum = builder.enumType('Lang', { values: ['zh', 'en'] as const });
