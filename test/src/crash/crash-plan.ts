import type { Query } from '../../../server/src/store/port';
import type { OrderWrite } from '../../../server/src/store/queries';

/** What the crash test's parent and child agree on. */

/** Orders in one import transaction: all of them are in the store, or none. */
export const IMPORT_SIZE = 200;

/** Rows per statement of an import; an import is several statements in one transaction. */
export const IMPORT_STATEMENT_ROWS = 50;

/** Address space each store reserves; the engine's default is 8 TiB. */
export const CRASH_DB_BYTES = 2 ** 33;

export function importOrderId(batch: string, k: number): string {
  return `import-${batch}-${k}`;
}

/** The batch an import order belongs to, or null for a single write's order. */
export function batchOf(orderId: string): string | null {
  const match = /^import-(.+)-\d+$/.exec(orderId);
  return match?.[1] ?? null;
}

/**
 * The bulk write an importer would send (the catalogue's upsertOrder takes one order per statement,
 * about 15 ms each on the embedded engine: too slow to import inside a kill window).
 */
export function importOrders(rows: OrderWrite[]): Query<{ id: string }> {
  return {
    name: 'crashTestImportOrders',
    cypher: `UNWIND $rows AS r
      MATCH (sup:Firm {id: r.supplierId})
      MATCH (buy:Firm {id: r.buyerId})
      MATCH (seg:Segment {code: r.segmentCode})
      CREATE (o:TradeOrder {id: r.id, kind: r.kind, year: r.year, amountCny: r.amountCny, quantity: r.quantity, unit: r.unit,
        status: r.status, synthetic: r.synthetic, source: r.source, updatedAt: r.updatedAt})
      CREATE (sup)-[:SHIPS]->(o)
      CREATE (o)-[:TO]->(buy)
      CREATE (o)-[:OF]->(seg)
      RETURN o.id AS id`,
    params: { rows },
  };
}
