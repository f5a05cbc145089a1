import { open, rename, rm } from 'node:fs/promises';
import { nodeSpecs, relSpecs, type NodeLabel, type RelType } from '@yulian/schema';
import type { GraphStore } from '../store/port';
import {
  countNodesOfLabel,
  countRelsOfType,
  dumpNodePage,
  dumpRelPage,
  nodeSpecOf,
  propertyColumns,
  type NodePageRow,
  type RelCursor,
  type RelPageRow,
} from '../store/queries/dump';
import { DUMP_FORMAT, DUMPED_REL_TYPES, DUMP_VERSION, totalOf, type DumpCounts, type DumpHeader, type NodeLine, type RelLine } from './format';

export interface Progress {
  done: number;
  total: number;
}

export interface DumpOptions {
  /** Rows per read; one page's lines are all the dump holds in memory. */
  pageSize?: number;
  onProgress?: (progress: Progress) => void;
  now?: Date;
}

export const DEFAULT_PAGE_SIZE = 20_000;

const labels = (): NodeLabel[] => nodeSpecs.map((n) => n.label as NodeLabel);
const relTypes = (): readonly RelType[] => DUMPED_REL_TYPES;

/** Nodes per label and relationships per type, every one the model has. */
export async function countGraph(store: GraphStore): Promise<DumpCounts> {
  const counts: DumpCounts = { nodes: {}, relationships: {} };
  for (const label of labels()) counts.nodes[label] = (await store.read(countNodesOfLabel(label)))[0]?.total ?? 0;
  for (const type of relTypes()) counts.relationships[type] = (await store.read(countRelsOfType(type)))[0]?.total ?? 0;
  return counts;
}

/** Properties as the dump writes them: in model order, nulls left out, the node's key left out. */
function propsOf(row: Record<string, unknown>, names: string[], skip?: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const value = row[`p${i}`];
    if (name !== skip && value !== null && value !== undefined) props[name] = value;
  });
  return props;
}

async function* nodeLines(store: GraphStore, label: NodeLabel, pageSize: number): AsyncGenerator<NodeLine[]> {
  const spec = nodeSpecOf(label);
  const names = propertyColumns(spec);
  let after: NodeLine['key'] | null = null;
  for (;;) {
    const rows: NodePageRow[] = await store.read(dumpNodePage(label, after, pageSize));
    if (rows.length === 0) return;
    yield rows.map((row) => ({ type: 'node', label, key: row.nodeKey, props: propsOf(row, names, spec.key) }));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.nodeKey ?? null;
  }
}

const samePair = (a: RelPageRow, b: RelPageRow) => a.fromKey === b.fromKey && a.toKey === b.toKey;

async function* relLines(store: GraphStore, type: RelType, pageSize: number): AsyncGenerator<RelLine[]> {
  const spec = relSpecs.find((r) => r.type === type);
  if (!spec) return;
  const names = propertyColumns(spec);
  let after: RelCursor | null = null;
  let limit = pageSize;
  for (;;) {
    const rows: RelPageRow[] = await store.read(dumpRelPage(type, after, limit));
    let take = rows;
    const full = rows.length === limit;
    if (full) {
      // The page may have cut a pair's relationships in two: keep only whole pairs, resume after the last.
      const last = rows[rows.length - 1] as RelPageRow;
      take = rows.filter((row) => !samePair(row, last));
      if (take.length === 0) {
        // One pair has more relationships than a page holds: read a larger page.
        limit *= 2;
        continue;
      }
    }
    if (take.length > 0) {
      const lines: RelLine[] = take.map((row) => ({
        type: 'rel',
        rel: type,
        from: { label: spec.from as NodeLabel, key: row.fromKey },
        to: { label: spec.to as NodeLabel, key: row.toKey },
        props: propsOf(row, names),
      }));
      yield inPairOrder(lines);
    }
    if (!full) return;
    const last = take[take.length - 1] as RelPageRow;
    after = { fromKey: last.fromKey, toKey: last.toKey };
    limit = pageSize;
  }
}

/**
 * Relationships between the same two nodes in the order of their properties' text: the engines
 * return them in any order, and equal stores must give equal files. A page holds whole pairs only.
 */
function inPairOrder(lines: RelLine[]): RelLine[] {
  const out: RelLine[] = [];
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    const first = lines[start] as RelLine;
    while (end < lines.length && lines[end]?.from.key === first.from.key && lines[end]?.to.key === first.to.key) end++;
    const group = lines.slice(start, end);
    if (group.length > 1) group.sort((a, b) => (JSON.stringify(a.props) < JSON.stringify(b.props) ? -1 : JSON.stringify(a.props) > JSON.stringify(b.props) ? 1 : 0));
    out.push(...group);
    start = end;
  }
  return out;
}

/**
 * Writes the whole graph to `file` as a version 1 dump (format.ts), page by page. The file appears
 * only once complete: it is written under a `.partial` name, synced and renamed.
 */
export async function dumpGraph(store: GraphStore, file: string, options: DumpOptions = {}): Promise<DumpCounts> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const counts = await countGraph(store);
  const total = totalOf(counts);
  const header: DumpHeader = { format: DUMP_FORMAT, version: DUMP_VERSION, createdAt: (options.now ?? new Date()).toISOString(), counts };
  const partial = `${file}.partial`;
  const out = await open(partial, 'w');
  let done = 0;
  try {
    await out.write(`${JSON.stringify(header)}\n`);
    const expect = async (what: string, expected: number, lines: AsyncGenerator<NodeLine[] | RelLine[]>) => {
      let written = 0;
      for await (const page of lines) {
        await out.write(page.map((line) => `${JSON.stringify(line)}\n`).join(''));
        written += page.length;
        done += page.length;
        options.onProgress?.({ done, total });
      }
      if (written !== expected) {
        throw new Error(`the store changed during the backup (${what}: ${expected} counted, ${written} read); stop every writer and back up again`);
      }
    };
    for (const label of labels()) await expect(`${label} nodes`, counts.nodes[label] ?? 0, nodeLines(store, label, pageSize));
    for (const type of relTypes()) await expect(`${type} relationships`, counts.relationships[type] ?? 0, relLines(store, type, pageSize));
    await out.sync();
  } catch (error) {
    await out.close();
    await rm(partial, { force: true });
    throw error;
  }
  await out.close();
  await rename(partial, file);
  return counts;
}
