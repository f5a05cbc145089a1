import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { nodes, relationships, type NodeLabel, type RelType } from '@yulian/schema';
import type { GraphStore } from '../store/port';
import { rebuildTradeLinks } from '../store/trade-links';
import {
  countNodesOfLabel,
  deleteNodesOfLabel,
  nodeSpecOf,
  propertyColumns,
  relSpecOf,
  restoreNodes,
  restoreRels,
  type DumpKey,
  type RestoreRelRow,
} from '../store/queries/dump';
import { countGraph, type Progress } from './dump';
import { DUMPED_REL_TYPES, DumpLineError, parseHeader, parseLine, totalOf, type DumpCounts, type DumpHeader, type NodeLine, type RelLine } from './format';

/**
 * Restores a dump into an empty store.
 *
 * A first pass reads the whole file and checks every line (JSON, the model's labels, types and
 * property types, unique keys, relationships between nodes the dump holds, the header's counts)
 * before anything is written, so a bad line costs nothing but an error naming it. A second pass
 * writes in batches, each its own transaction: one transaction for a million orders would hold
 * them all in memory (the embedded engine keeps a transaction's rows until commit; Neo4j needs a
 * heap to match). Should a batch fail all the same (a full disk, a lost connection), every node is
 * deleted again, which is safe because the store was empty at the start, and the store is left
 * empty.
 *
 * A kill during the second pass leaves part of the dump in the store. Where the store can carry a
 * marker (the embedded store's RestoreMarker), restore sets it durably before its first batch and
 * removes it after its last: the store refuses to open a marked folder for anything but restore,
 * and a restore finding its marker empties the store before writing (the store holds nothing but
 * what the interrupted restore wrote). Without a marker (Neo4j) such a store is refused as not
 * empty and emptied by hand.
 */

/** Marks a store as being restored; see the comment at the top. */
export interface RestoreMark {
  present(): Promise<boolean>;
  /** Durable before it returns: the first batch is written only after. */
  set(dump: string): Promise<void>;
  clear(): Promise<void>;
}

export interface RestoreOptions {
  /** Rows per statement and transaction. */
  batchSize?: number;
  onProgress?: (progress: Progress & { phase: 'checking' | 'emptying' | 'writing' }) => void;
  marker?: RestoreMark;
}

export const DEFAULT_BATCH_SIZE = 2000;

/** The store cannot take the dump as it is: not empty, or a write failed. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

/** First pass: every line checked, nothing written. Holds the keys of the dump's nodes, to check relationships' endpoints. */
export async function checkDump(file: string, onProgress?: (progress: Progress) => void): Promise<DumpHeader> {
  let header: DumpHeader | undefined;
  let lineNo = 0;
  const keys = new Map<string, Set<DumpKey>>();
  const seen: DumpCounts = { nodes: {}, relationships: {} };
  let relsStarted = false;
  for await (const text of readLines(file)) {
    lineNo++;
    if (lineNo === 1) {
      header = parseHeader(text);
      continue;
    }
    const line = parseLine(text, lineNo);
    if (line.type === 'node') {
      if (relsStarted) throw new DumpLineError(lineNo, 'a node after the relationships; a dump lists every node first');
      const set = keys.get(line.label) ?? new Set();
      keys.set(line.label, set);
      if (set.has(line.key)) throw new DumpLineError(lineNo, `${line.label} ${JSON.stringify(line.key)} appears twice`);
      set.add(line.key);
      seen.nodes[line.label] = (seen.nodes[line.label] ?? 0) + 1;
    } else {
      relsStarted = true;
      for (const end of [line.from, line.to]) {
        if (!keys.get(end.label)?.has(end.key)) throw new DumpLineError(lineNo, `${line.rel} refers to ${end.label} ${JSON.stringify(end.key)}, which the dump does not hold`);
      }
      seen.relationships[line.rel] = (seen.relationships[line.rel] ?? 0) + 1;
    }
    if (lineNo % 10_000 === 0 && header) onProgress?.({ done: lineNo - 1, total: totalOf(header.counts) });
  }
  if (!header) parseHeader(undefined);
  const expected = (header as DumpHeader).counts;
  for (const [group, names] of [['nodes', Object.keys(nodes)], ['relationships', DUMPED_REL_TYPES]] as const) {
    for (const name of names) {
      const want = expected[group][name] ?? 0;
      const have = seen[group][name] ?? 0;
      if (want !== have) {
        throw new DumpLineError(lineNo + 1, `the file ends after line ${lineNo} with ${have} ${name} ${group}, the header promises ${want}: it is truncated or was changed`);
      }
    }
  }
  return header as DumpHeader;
}

async function assertEmpty(store: GraphStore): Promise<void> {
  const held: string[] = [];
  for (const label of Object.keys(nodes) as NodeLabel[]) {
    const total = (await store.read(countNodesOfLabel(label)))[0]?.total ?? 0;
    if (total > 0) held.push(`${total} ${label}`);
  }
  if (held.length > 0) {
    throw new RestoreRefused(
      `the store is not empty (it holds ${held.join(', ')} nodes); restore writes only into an empty store. ` +
        'Restore into a new data folder (YULIAN_DATA_DIR) or an emptied Neo4j database, and start the server only afterwards: a first start seeds an empty store.',
    );
  }
}

/** A node's row: every property of the model, in model order (the embedded engine types an UNWIND list by its first row's keys). */
function nodeRow(line: NodeLine): Record<string, unknown> {
  const spec = nodeSpecOf(line.label);
  const row: Record<string, unknown> = {};
  for (const name of propertyColumns(spec)) row[name] = name === spec.key ? line.key : (line.props[name] ?? null);
  return row;
}

function relRow(line: RelLine, lineNo: number): RestoreRelRow {
  const row: RestoreRelRow = { line: lineNo, fromKey: line.from.key, toKey: line.to.key };
  for (const name of propertyColumns(relSpecOf(line.rel))) row[name] = line.props[name] ?? null;
  return row;
}

/**
 * Which DOUBLE properties hold a fraction. The embedded engine types a JS number by its value (1000
 * is INT64, 1000.5 DOUBLE) and refuses one list that holds both in one field, so such rows go in
 * statements of their own.
 */
function numberShape(row: Record<string, unknown>, properties: Readonly<Record<string, { type: string }>>): string {
  return Object.entries(properties)
    .filter(([, p]) => p.type === 'DOUBLE')
    .map(([name]) => {
      const v = row[name];
      return typeof v === 'number' && !Number.isSafeInteger(v) ? 'd' : '-';
    })
    .join('');
}

interface Batch {
  kind: 'node' | 'rel';
  name: string;
  shape: string;
  rows: Record<string, unknown>[];
}

/** The batch's rows with only the properties some row has a value for (see propertyMap in queries/dump.ts). */
function trimmed(batch: Batch): { present: string[]; rows: Record<string, unknown>[] } {
  const spec = batch.kind === 'node' ? nodeSpecOf(batch.name as NodeLabel) : relSpecOf(batch.name as RelType);
  const present = propertyColumns(spec).filter((name) => batch.rows.some((row) => row[name] !== null));
  const fixed = batch.kind === 'node' ? [] : ['line', 'fromKey', 'toKey'];
  const keep = [...fixed, ...present];
  return { present, rows: batch.rows.map((row) => Object.fromEntries(keep.map((name) => [name, row[name] ?? null]))) };
}

async function writeBatch(store: GraphStore, batch: Batch): Promise<void> {
  const { present, rows: trimmedRows } = trimmed(batch);
  if (batch.kind === 'node') {
    await store.write((tx) => tx.run(restoreNodes(batch.name as NodeLabel, present, trimmedRows)));
    return;
  }
  const rows = trimmedRows as RestoreRelRow[];
  const created = await store.write((tx) => tx.run(restoreRels(batch.name as RelType, present, rows)));
  if (created.length !== rows.length) {
    const made = new Set(created.map((r) => r.line));
    const missing = rows.find((r) => !made.has(r.line));
    throw new RestoreRefused(`line ${missing?.line}: the ${batch.name} relationship was not created, as one of its nodes is missing from the store`);
  }
}

/** Second pass: the checked file, written in batches of lines of one label or type. */
async function writeDump(store: GraphStore, file: string, total: number, options: RestoreOptions): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // Open batches of the current label or type, one per number shape: real data mixes whole and
  // fractional amounts row by row, and one batch per run of a shape would be a batch per row.
  let current = '';
  const open = new Map<string, Batch>();
  let done = 0;
  const flush = async (batch: Batch) => {
    open.delete(batch.shape);
    await writeBatch(store, batch);
    done += batch.rows.length;
    options.onProgress?.({ phase: 'writing', done, total });
  };
  const flushAll = async () => {
    for (const batch of [...open.values()]) await flush(batch);
  };
  let lineNo = 0;
  for await (const text of readLines(file)) {
    lineNo++;
    if (lineNo === 1) continue;
    const line = parseLine(text, lineNo);
    const name = line.type === 'node' ? line.label : line.rel;
    const row = line.type === 'node' ? nodeRow(line) : relRow(line, lineNo);
    const shape = numberShape(row, line.type === 'node' ? nodes[line.label].properties : relationships[line.rel].properties);
    if (`${line.type} ${name}` !== current) {
      await flushAll();
      current = `${line.type} ${name}`;
    }
    const batch = open.get(shape) ?? { kind: line.type, name, shape, rows: [] };
    open.set(shape, batch);
    batch.rows.push(row);
    if (batch.rows.length >= batchSize) await flush(batch);
  }
  await flushAll();
}

/** Deletes every node (and so every relationship) of the model, in batches. */
async function wipe(store: GraphStore, batchSize: number): Promise<void> {
  for (const label of Object.keys(nodes) as NodeLabel[]) {
    for (;;) {
      const [result] = await store.write((tx) => tx.run(deleteNodesOfLabel(label, batchSize)));
      if ((result?.deleted ?? 0) < batchSize) break;
    }
  }
}

export async function restoreGraph(store: GraphStore, file: string, options: RestoreOptions = {}): Promise<DumpCounts> {
  const { marker } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const interrupted = (await marker?.present()) ?? false;
  if (!interrupted) await assertEmpty(store);
  const header = await checkDump(file, (progress) => options.onProgress?.({ phase: 'checking', ...progress }));
  const total = totalOf(header.counts);
  if (interrupted) {
    options.onProgress?.({ phase: 'emptying', done: 0, total });
    await wipe(store, batchSize);
  }
  await marker?.set(file);
  try {
    await writeDump(store, file, total, options);
    await store.write((tx) => rebuildTradeLinks(tx));
    const counts = await countGraph(store);
    if (JSON.stringify(counts) !== JSON.stringify(withAllNames(header.counts))) {
      throw new RestoreRefused(`after writing, the store holds ${JSON.stringify(counts)}, the dump ${JSON.stringify(header.counts)}`);
    }
    // Every batch was committed, and a commit returns once it is in the fsynced log.
    await marker?.clear();
    return counts;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    try {
      await wipe(store, batchSize);
      await marker?.clear();
    } catch (wipeError) {
      const wipeWhy = wipeError instanceof Error ? wipeError.message : String(wipeError);
      throw new RestoreRefused(
        `restore failed (${why}), and emptying the store again failed too (${wipeWhy}): it holds part of the dump; ` +
          `${marker ? 'run the restore again, which empties it first' : 'empty it before the next try'}`,
        { cause: error },
      );
    }
    throw new RestoreRefused(`restore failed, and the store is empty again: ${why}`, { cause: error });
  }
}

/** The header's counts with a zero for every label and type it leaves out, in model order, as countGraph answers. */
function withAllNames(counts: DumpCounts): DumpCounts {
  return {
    nodes: Object.fromEntries(Object.keys(nodes).map((n) => [n, counts.nodes[n] ?? 0])),
    relationships: Object.fromEntries(DUMPED_REL_TYPES.map((r) => [r, counts.relationships[r] ?? 0])),
  };
}
