import type { FirmRow, SegmentRow } from '../store/queries';
import type { GraphContext } from './context';

/** References the store guarantees (an order's firms and segment) resolved through the loaders. */

export async function requireSegment(ctx: GraphContext, code: string): Promise<SegmentRow> {
  const segment = (await ctx.loaders.segments()).byCode.get(code);
  if (!segment) throw new Error(`segment ${code} is referenced but missing`);
  return segment;
}

export async function requireFirm(ctx: GraphContext, id: string): Promise<FirmRow> {
  const firm = await ctx.loaders.firm.load(id);
  if (!firm) throw new Error(`firm ${id} is referenced but missing`);
  return firm;
}
