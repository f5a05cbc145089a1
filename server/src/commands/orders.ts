import { randomUUID } from 'node:crypto';
import type { OrderInput } from '@yulian/schema';
import { recordsOrder } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { refreshTradeLinks } from '../store/trade-links';
import { addOrderToTradeLink, createOrder, deleteOrder as deleteOrderQuery, ordersByIds, upsertOrder, type OrderRow, type OrderWrite } from '../store/queries';
import { bulkLinkOrders, bulkUpsertOrders, type BulkMode, type BulkOrder, type OrderEdge } from '../store/queries/bulk';
import type { Query } from '../store/port';
import type { Written } from '../store/queries/bulk-params';
import { recordAudit } from './audit';
import { advanceIntroductionsOnOrders } from './introductions';
import { DEFAULT_BATCH_SIZE, readerOf, type CommandContext, type Reader } from './context';
import { accepted, orRefuse, refused, unchanged, type Decision, type Filled, type Provenance } from './decision';
import { firmsWithDistricts, inChunks, segmentCodes, type FirmFacts } from './lookups';
import { CommandRefused, type Refusal } from './refusals';

/** An order as a form or a file row gives it, its id decided (a new order's is made before deciding). */
export type OrderFields = Filled<Omit<OrderInput, 'id'>> & { id: string };

export interface OrderChange {
  fields: OrderFields;
  provenance?: Provenance;
  /** The id was made for this change (newOrderId), so no order can hold it yet: nothing to read first. */
  fresh?: boolean;
}

export interface OrderPlan {
  change: OrderChange;
  before: OrderRow | null;
}

/** A new order's id: its year and a random part, so ids never collide across importers and servers. */
export function newOrderId(year: number): string {
  return `o-${year}-${randomUUID()}`;
}

export function orderFields(input: OrderInput, id: string): OrderFields {
  return {
    id, kind: input.kind, supplierId: input.supplierId, buyerId: input.buyerId, segmentCode: input.segmentCode, year: input.year,
    amountCny: input.amountCny, quantity: input.quantity ?? null, unit: input.unit ?? null, status: input.status,
  };
}

/**
 * What makes an order acceptable: both firms and the segment exist; a scrap return goes to a
 * recycler; the viewer records it as one of its parties (or as an admin) both as it will be and,
 * for a change, as it stands. An id of an order the viewer may not change is judged as a new
 * order would be and, only if that would be accepted, refused as naming no order of the viewer's:
 * the same words deleteOrder gives for an id that does not exist, so no answer tells that another
 * pair's order exists (short of the refusal itself: such an id cannot be taken for a new order).
 */
export function decideOrder(
  viewer: Viewer,
  o: OrderFields,
  firms: ReadonlyMap<string, FirmFacts>,
  segments: ReadonlySet<string>,
  before: OrderRow | null,
): Refusal[] {
  const refusals: Refusal[] = [];
  const buyer = firms.get(o.buyerId);
  if (!firms.has(o.supplierId)) refusals.push({ field: 'supplierId', reason: 'unknownFirm', value: o.supplierId });
  if (!buyer) refusals.push({ field: 'buyerId', reason: 'unknownFirm', value: o.buyerId });
  if (!segments.has(o.segmentCode)) refusals.push({ field: 'segmentCode', reason: 'unknownSegment', value: o.segmentCode });
  if (refusals.length > 0) return refusals;
  if (o.kind === 'SCRAP_RETURN' && buyer?.isRecycler !== true) return [{ field: 'buyerId', reason: 'scrapToRecycler', value: o.buyerId }];
  if (!recordsOrder(viewer, o)) return [{ field: 'supplierId', reason: 'recordOrder' }];
  if (before && !recordsOrder(viewer, before)) return [{ field: 'id', reason: 'noSuchOrder', value: o.id }];
  return [];
}

export async function decideOrders(reader: Reader, viewer: Viewer, changes: readonly OrderChange[]): Promise<Decision<OrderPlan>[]> {
  const firms = await firmsWithDistricts(reader, changes.flatMap((c) => [c.fields.supplierId, c.fields.buyerId]));
  const segments = await segmentCodes(reader);
  const stored = changes.filter((c) => !c.fresh).map((c) => c.fields.id);
  const current = stored.length > 0 ? await inChunks(stored, (chunk) => reader.read(ordersByIds(chunk))) : [];
  const before = new Map(current.map((o) => [o.id, o]));
  return changes.map((change) => {
    const was = before.get(change.fields.id) ?? null;
    const refusals = decideOrder(viewer, change.fields, firms, segments, was);
    return refusals.length > 0 ? refused(refusals) : accepted({ change, before: was });
  });
}

/** Up to this many orders are written one statement each; more go through the batched statements. */
const ONE_BY_ONE = 20;

/**
 * Writes accepted orders, redoes the trade links of every supplier they had or have (in the same
 * transaction, so links never disagree with committed orders), one audit event per order, notes
 * the firms whose orders changed, and moves the open introductions the orders prove to supplying.
 */
export async function writeOrders(ctx: CommandContext, accepted: readonly OrderPlan[], action = 'recordOrder'): Promise<void> {
  const plans = accepted.filter((p) => !unchanged(p.before, p.change.fields));
  if (plans.length === 0) return;
  const updatedAt = ctx.now.toISOString();
  const written: OrderWrite[] = plans.map(({ change, before }) => ({
    ...change.fields,
    synthetic: before?.synthetic ?? change.provenance?.synthetic ?? false,
    source: before?.source ?? change.provenance?.source ?? null,
    updatedAt,
  }));
  // Suppliers whose links are redone from their orders; a new order written on its own is counted
  // into its one link instead.
  let relinked: readonly OrderPlan[] = plans;
  if (written.length <= ONE_BY_ONE) {
    for (const [i, order] of written.entries()) {
      const isNew = plans[i]?.before === null;
      const [done] = await ctx.tx.run(isNew ? createOrder(order) : upsertOrder(order));
      if (!done) throw new Error(`order ${order.id} could not be written: a firm or its segment is gone`);
      if (isNew) await ctx.tx.run(addOrderToTradeLink(order));
    }
    relinked = plans.filter((p) => p.before !== null);
  } else {
    await writeInBatches(ctx, written.filter((_, i) => plans[i]?.before === null), 'fresh');
    await writeInBatches(ctx, written.filter((_, i) => plans[i]?.before !== null), 'merge');
  }
  const parties = plans.flatMap(({ change, before }) => [change.fields.supplierId, change.fields.buyerId, before?.supplierId, before?.buyerId]);
  await refreshTradeLinks(ctx.tx, relinked.flatMap(({ change, before }) => [change.fields.supplierId, before?.supplierId]));
  await recordAudit(ctx, plans.map(({ before }, i) => ({ action, entityType: 'Order', entityId: (written[i] as OrderWrite).id, before, after: written[i] })));
  ctx.tx.note({ entity: 'Order', firmIds: [...new Set(parties.filter((id): id is string => !!id))] });
  await advanceIntroductionsOnOrders(ctx, written);
}

/**
 * Orders many at a time, in logged statements (never COPY, whose rows the engine leaves out of its
 * log). New orders are created with their segment edge, then their parties linked; changed orders
 * are updated, then each edge redrawn.
 */
async function writeInBatches(ctx: CommandContext, orders: readonly BulkOrder[], mode: BulkMode): Promise<void> {
  const size = ctx.batchSize ?? DEFAULT_BATCH_SIZE;
  const edges: OrderEdge[] = mode === 'fresh' ? ['SHIPS', 'TO'] : ['SHIPS', 'TO', 'OF'];
  for (let start = 0; start < orders.length; start += size) {
    const batch = orders.slice(start, start + size);
    await expectAll(ctx, bulkUpsertOrders(batch, mode), batch.length);
    for (const edge of edges) await expectAll(ctx, bulkLinkOrders(batch, edge, mode), batch.length);
  }
}

async function expectAll(ctx: CommandContext, query: Query<Written>, expected: number): Promise<void> {
  const [result] = await ctx.tx.run(query);
  if (result?.written !== expected) throw new Error(`wrote ${result?.written ?? 0} of ${expected} orders: a firm or segment is gone`);
}

/**
 * Records or replaces one order, or throws CommandRefused and writes nothing. `fresh`: the id was
 * just made for it. Answers the order as stored.
 */
export async function recordOrder(ctx: CommandContext, fields: OrderFields, fresh = false): Promise<OrderRow> {
  const [decision] = await decideOrders(readerOf(ctx.tx), ctx.viewer, [{ fields, fresh }]);
  const plan = orRefuse(decision);
  await writeOrders(ctx, [plan]);
  return { ...fields, synthetic: plan.before?.synthetic ?? false, source: plan.before?.source ?? null };
}

/**
 * Deletes one order, for one of its parties or an admin. An id of no order, or of one the viewer
 * may not change, is refused alike (NOT_FOUND), so the answer never tells which.
 */
export async function deleteOrder(ctx: CommandContext, id: string): Promise<void> {
  const [before] = await ctx.tx.run(ordersByIds([id]));
  if (!before || !recordsOrder(ctx.viewer, before)) throw new CommandRefused([{ field: 'id', reason: 'noSuchOrder', value: id }]);
  await ctx.tx.run(deleteOrderQuery(id));
  await refreshTradeLinks(ctx.tx, [before.supplierId]);
  await recordAudit(ctx, [{ action: 'deleteOrder', entityType: 'Order', entityId: id, before, after: null }]);
  ctx.tx.note({ entity: 'Order', firmIds: [before.supplierId, before.buyerId] });
}
