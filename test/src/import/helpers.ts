import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleDataset } from '@yulian/seed';
import { loadDataset, type GraphStore } from '@yulian/server';
import { dumpGraph } from '../../../server/src/backup/dump';
import { KIND_COLUMNS, type ImportKind } from '../../../server/src/import/columns';
import { parseCsv } from '../../../server/src/import/csv';

export interface ImportAnswer {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: { row: number | null; column: string | null; value: string | null; message: string }[];
  errorCount?: number;
  committed?: boolean;
  actions?: { from: number; to: number; action: 'create' | 'update' }[];
}

export interface UploadOptions {
  token: string | null;
  mode?: 'dry-run' | 'commit';
  lang?: 'zh' | 'en';
  fileName?: string;
  job?: string;
}

/** Posts a file as the web page does: multipart, field "file", with the CSRF header an API client sends. */
export async function upload(url: string, kind: string, body: Uint8Array | string, o: UploadOptions): Promise<{ status: number; answer: ImportAnswer }> {
  const form = new FormData();
  form.append('file', new Blob([typeof body === 'string' ? body : Buffer.from(body)]), o.fileName ?? `${kind}.csv`);
  const query = new URLSearchParams({ mode: o.mode ?? 'dry-run', ...(o.job ? { job: o.job } : {}) });
  const res = await fetch(`${url}/api/import/${kind}?${query}`, {
    method: 'POST',
    body: form,
    headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), 'accept-language': o.lang ?? 'en', 'x-graphql-yoga-csrf': 'test' },
  });
  return { status: res.status, answer: (await res.json()) as ImportAnswer };
}

export async function download(url: string, pathAndQuery: string, token: string | null): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${url}${pathAndQuery}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

type Value = string | number | boolean | null | undefined | readonly string[];

const csvField = (v: Value): string => {
  if (v === null || v === undefined) return '';
  const text = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A filled template: the Chinese header row, the English one, then a line per record. */
export function templateCsv(kind: ImportKind, records: readonly object[]): string {
  const specs = KIND_COLUMNS[kind];
  const lines = [specs.map((s) => s.zh).join(','), specs.map((s) => s.key).join(',')];
  for (const r of records) lines.push(specs.map((s) => csvField((r as Readonly<Record<string, unknown>>)[s.key] as Value)).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The article's reference data only (districts, segments, their links, goals): what an import needs to exist. */
export async function loadReferenceOnly(store: GraphStore): Promise<void> {
  await loadDataset(
    store,
    { ...articleDataset, firms: [], capabilities: [], needs: [], orders: [], supports: [], targets: [], introductions: [] },
    new Date('2025-05-14T00:00:00Z'),
  );
}

/**
 * The whole graph as dump lines, leaving out what an import legitimately adds or refreshes:
 * users, sessions and audit events (signing in, the import's own event) and updatedAt stamps, and
 * investment targets with their history, whose import has tests of its own (targets-*.test.ts),
 * and introductions, which no file imports.
 */
export async function graphLines(store: GraphStore): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-import-dump-'));
  try {
    const file = path.join(dir, 'dump.jsonl');
    await dumpGraph(store, file);
    const skip = new Set(['User', 'Session', 'AuditEvent', 'Target', 'TargetEvent', 'Introduction', 'IntroductionEvent', 'PlanStep']);
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { label?: string; from?: { label: string }; props: Record<string, unknown> })
      .filter((l) => !skip.has(l.label ?? '') && !skip.has(l.from?.label ?? ''))
      .map((l) => {
        const { updatedAt: _updatedAt, ...props } = l.props;
        return JSON.stringify({ ...l, props });
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole graph including users and audit events: a refused file must change nothing at all. */
export async function fullDump(store: GraphStore): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-import-dump-'));
  try {
    const file = path.join(dir, 'dump.jsonl');
    await dumpGraph(store, file);
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Investment targets, their history entries and all their edges as dump lines, exactly as stored. */
export async function targetLines(store: GraphStore): Promise<string[]> {
  const targetLabels = new Set(['Target', 'TargetEvent']);
  return (await fullDump(store)).filter((line) => {
    const l = JSON.parse(line) as { label?: string; from?: { label: string } };
    return targetLabels.has(l.label ?? '') || targetLabels.has(l.from?.label ?? '');
  });
}

/** An exported CSV as records keyed by the English header row. */
export function csvRecords(body: Buffer): Record<string, string>[] {
  const [, keys, ...rows] = [...parseCsv(body.toString('utf8'))].filter((r) => r.cells.some((c) => c !== ''));
  return rows.map((r) => Object.fromEntries((keys?.cells ?? []).map((k, i) => [String(k), String(r.cells[i] ?? '')])));
}
