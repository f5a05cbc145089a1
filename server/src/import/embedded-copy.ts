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

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$|^$/;

/**
 * Empty for null (the engine reads an empty unquoted field as NULL); quoted only when it must be,
 * which at a million rows saves the engine's CSV reader measurable work.
 */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
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
    const columns = Object.keys(nodes.TradeOrder.properties).filter((c) => c !== 'id');
    if (Object.keys(nodes.TradeOrder.properties)[0] !== 'id') throw new Error('TradeOrder must list its key first');
    const nodeLines = [['id', ...columns].join(',')];
    const ships = ['from,to'];
    const to = ['from,to'];
    const of = ['from,to'];
    let multiline = false;
    for (const o of orders) {
      const id = field(o.id);
      let line = id;
      for (const c of columns) line += ',' + field(o.props[c]);
      if (!multiline && (line.includes('\n') || line.includes('\r'))) multiline = true;
      nodeLines.push(line);
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
