import type { TradeEdge } from './loops';

/**
 * A region-sized trade graph for loop search: a layered supply chain flowing towards smaller ids,
 * plus scrap returns closing loops. Shared by the loop test (correctness at size) and the bench (speed).
 */
export function layeredTradeGraph(random: () => number, firms = 100_000, supplies = 290_000, returns = 10_000): TradeEdge[] {
  const id = (n: number) => `f${String(n).padStart(6, '0')}`;
  const edges: TradeEdge[] = [];
  for (let i = 0; i < supplies; i++) {
    const buyer = Math.floor(random() * (firms - 1));
    const supplier = Math.min(buyer + 1 + Math.floor(random() * 500), firms - 1);
    edges.push({ supplierId: id(buyer), buyerId: id(supplier), segmentCode: 'SEG', amountCny: 1 });
  }
  for (let i = 0; i < returns; i++) {
    const a = Math.floor(random() * (firms - 1));
    edges.push({ supplierId: id(a + 1), buyerId: id(a), segmentCode: 'SEG', amountCny: 1 });
  }
  return edges;
}
