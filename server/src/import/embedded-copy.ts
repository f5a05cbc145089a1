import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodes } from '@yulian/schema';
import type { Query, Transaction } from '../store/port';

/**
 * New orders on the embedded store go in with the engine's `COPY … FROM` a CSV file the server
 * writes: 1M orders and their three edges take seconds, where batched UNWIND CREATEs did about
 * 5k a second. COPY runs inside the import's write transaction (measured on ladybug 0.19.1: a
 * COPY beside other statements commits with them, and a failed or rolled-back one leaves
 * nothing), so the all-or-nothing promise and crash safety are those of any transaction.
 *
 * These statements are not catalogue queries: COPY is the embedded engine's bulk path with no
 * Neo4j spelling (Neo4j takes the batched UNWIND path instead), and Neo4j's parser rejects it.
 */

export interface CopyOrder {
  id: string;
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  props: Readonly<Record<string, string | number | boolean | null>>;
}

/** Quoted unless null; the engine reads an empty unquoted field as NULL. */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `"${value.replaceAll('"', '""')}"`;
}

const copy = (table: string, file: string, parallel: boolean): Query => ({
  name: `copy${table}`,
  // The path is a folder mkdtemp made under the system temp folder: no quote can be in it (checked).
  cypher: `COPY ${table} FROM '${file}' (HEADER=true${parallel ? '' : ', PARALLEL=false'})`,
  params: {},
});

export async function copyNewOrders(tx: Transaction, orders: readonly CopyOrder[]): Promise<void> {
  if (orders.length === 0) return;
  const dir = await mkdtemp(path.join(tmpdir(), 'yulian-import-'));
  if (dir.includes("'")) throw new Error(`temporary folder ${dir} cannot be named in a COPY statement`);
  try {
    // The table's columns in the model's order: COPY maps CSV columns by position.
    const columns = Object.keys(nodes.TradeOrder.properties);
    const nodeLines = [columns.join(',')];
    const ships = ['from,to'];
    const to = ['from,to'];
    const of = ['from,to'];
    let multiline = false;
    for (const o of orders) {
      const line = columns.map((c) => field(c === 'id' ? o.id : o.props[c])).join(',');
      if (line.includes('\n') || line.includes('\r')) multiline = true;
      nodeLines.push(line);
      const id = field(o.id);
      ships.push(`${field(o.supplierId)},${id}`);
      to.push(`${id},${field(o.buyerId)}`);
      of.push(`${id},${field(o.segmentCode)}`);
    }
    const files: [string, string[]][] = [['TradeOrder', nodeLines], ['SHIPS', ships], ['TO', to], ['OF', of]];
    for (const [table, lines] of files) {
      const file = path.join(dir, `${table}.csv`);
      await writeFile(file, lines.join('\n') + '\n');
      // The parallel reader cannot follow a quoted line break; only such files pay for the serial one.
      await tx.run(copy(table, file, !(table === 'TradeOrder' && multiline)));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
