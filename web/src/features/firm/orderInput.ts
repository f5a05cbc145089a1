import type { FirmOrder, OrderKind, OrderStatus } from '../../api/firm';
import type { Lang } from '../../i18n/lang';
import type { OrderInputVars } from './operations';
import { cnyFromInput, inputFromCny, textOrNull } from './units';

/**
 * An order as seen from the firm whose panel it is in. Kind and side are one choice in the form:
 * a scrap return's supplier is the firm returning scrap and its buyer the recycler taking it back.
 */
export const DIRECTIONS = ['SALE', 'PURCHASE', 'SCRAP_OUT', 'SCRAP_IN'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const KIND_AND_SIDE: Record<Direction, { kind: OrderKind; firmSupplies: boolean }> = {
  SALE: { kind: 'SUPPLY', firmSupplies: true },
  PURCHASE: { kind: 'SUPPLY', firmSupplies: false },
  SCRAP_OUT: { kind: 'SCRAP_RETURN', firmSupplies: true },
  SCRAP_IN: { kind: 'SCRAP_RETURN', firmSupplies: false },
};

export function directionOf(firmId: string, order: Pick<FirmOrder, 'kind' | 'supplier'>): Direction {
  const supplies = order.supplier.id === firmId;
  if (order.kind === 'SCRAP_RETURN') return supplies ? 'SCRAP_OUT' : 'SCRAP_IN';
  return supplies ? 'SALE' : 'PURCHASE';
}

/** The party of the order that is not this firm. */
export function counterpartyOf<P extends { id: string }>(firmId: string, order: { supplier: P; buyer: P }): P {
  return order.supplier.id === firmId ? order.buyer : order.supplier;
}

/** The order form's fields; the amount in the typed unit (万元 or CNY). */
export interface OrderValues {
  direction: Direction;
  counterpartyId: string | undefined;
  segmentCode: string | undefined;
  year: number | null;
  amount: number | null;
  quantity: number | null;
  unit: string;
  status: OrderStatus;
}

export type OrderField = keyof OrderValues;

/** OrderInput's names → the form's. Either party id is the counterparty: this firm's own is never wrong. */
export const ORDER_FIELD_OF_INPUT: Readonly<Partial<Record<string, OrderField>>> = {
  kind: 'direction',
  supplierId: 'counterpartyId',
  buyerId: 'counterpartyId',
  segmentCode: 'segmentCode',
  year: 'year',
  amountCny: 'amount',
  quantity: 'quantity',
  unit: 'unit',
  status: 'status',
};

/** The form's starting values: the order's own, or a new order of the panel's year. */
export function orderValues(firmId: string, order: FirmOrder | null, year: number, lang: Lang): OrderValues {
  if (!order) {
    return { direction: 'SALE', counterpartyId: undefined, segmentCode: undefined, year, amount: null, quantity: null, unit: '', status: 'ACTIVE' };
  }
  return {
    direction: directionOf(firmId, order),
    counterpartyId: counterpartyOf(firmId, order).id,
    segmentCode: order.segment.code,
    year: order.year,
    amount: inputFromCny(order.amountCny, lang),
    quantity: order.quantity,
    unit: order.unit ?? '',
    status: order.status,
  };
}

/**
 * The OrderInput for a save, or null while a required field is empty (the form's own rules say
 * which). `id` null records a new order; an id replaces that order whole.
 */
export function orderInput(firmId: string, id: string | null, values: OrderValues, lang: Lang): OrderInputVars | null {
  const amountCny = cnyFromInput(values.amount, lang);
  if (!values.counterpartyId || !values.segmentCode || values.year == null || amountCny === null) return null;
  const { kind, firmSupplies } = KIND_AND_SIDE[values.direction];
  return {
    id,
    kind,
    supplierId: firmSupplies ? firmId : values.counterpartyId,
    buyerId: firmSupplies ? values.counterpartyId : firmId,
    segmentCode: values.segmentCode,
    year: values.year,
    amountCny,
    quantity: values.quantity ?? null,
    unit: textOrNull(values.unit),
    status: values.status,
  };
}
