import type { Viewer } from '../auth/viewer';
import type { GraphStore } from '../store/port';
import { checkFirms } from './check-firms';
import { checkFirmSegments, checkOrders, checkSupports, checkTargets } from './check-links';
import type { ImportKind } from './columns';
import { writePlan } from './commit';
import type { Reader } from './lookups';
import { ImportFileError } from './decode';
import { fileMessage, type Lang } from './messages';
import type { Plan } from './plan';
import type { ReadLimits } from './read-limits';
import { readSheet } from './read-table';
import { validateSheet, type RowError, type Validated } from './validate';

export type ImportMode = 'dry-run' | 'commit';
export type ImportPhase = 'reading' | 'validating' | 'checking' | 'writing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportRequest {
  kind: ImportKind;
  file: Uint8Array;
  fileName: string | null;
  mode: ImportMode;
  viewer: Viewer;
  lang: Lang;
  batchSize: number;
  /** How much of the file may be read (read-limits.ts); an ImportLimitError ends the import. */
  limits?: ReadLimits;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  ok: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows that create (dry run: would create) a record, and rows that update one. */
  created: number;
  updated: number;
  /** Per row and column; a problem with the whole file has row and column null. */
  errors: RowError[];
  /** Whether the store was written. */
  committed: boolean;
  /** The file itself was refused (empty, not a spreadsheet): no row was read. */
  fileRefused: boolean;
  /** Dry-run detail: which rows create and which update. */
  actions: { row: number; action: 'create' | 'update' }[];
}

/**
 * One import, start to end: read, validate, check against the store, then in commit mode write
 * everything in one transaction, only when not a single error was found.
 */
export async function runImport(store: GraphStore, req: ImportRequest): Promise<ImportResult> {
  const progress = req.onProgress ?? (() => undefined);
  progress({ phase: 'reading', done: 0, total: 0 });
  let validated: Validated<ImportKind>;
  try {
    const sheet = await readSheet(req.file, req.limits);
    validated = await validateSheet(req.kind, sheet, req.lang, (done, total) => progress({ phase: 'validating', done, total }));
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return refused(fileMessage(error.problem, req.lang));
  }
  const total = validated.total;
  progress({ phase: 'checking', done: 0, total });
  if (req.mode === 'dry-run') {
    const result = summarise(validated, await checkStore(store, req, validated));
    progress({ phase: 'done', done: total, total });
    return result;
  }
  // A commit checks inside its own write transaction: what it checked is what it writes over.
  const result = await store.write(async (tx) => {
    const plan = await checkStore({ read: (query) => tx.run(query) }, req, validated);
    const summary = summarise(validated, plan);
    // With any error nothing is written; the empty transaction commits nothing.
    if (!summary.ok) return summary;
    progress({ phase: 'writing', done: 0, total });
    await writePlan(tx, plan, {
      viewer: req.viewer,
      batchSize: req.batchSize,
      fileName: req.fileName,
      onProgress: (done) => progress({ phase: 'writing', done, total }),
    });
    return { ...summary, committed: true };
  });
  progress({ phase: 'done', done: total, total });
  return result;
}

function summarise(validated: Validated<ImportKind>, plan: Plan<ImportKind>): ImportResult {
  const errors = [...validated.errors, ...plan.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const created = plan.rows.filter((r) => r.action === 'create').length;
  return {
    ok: errors.length === 0,
    rows: validated.total,
    created,
    updated: plan.rows.length - created,
    errors,
    committed: false,
    fileRefused: false,
    actions: plan.rows.map((r) => ({ row: r.row, action: r.action })),
  };
}

function checkStore(store: Reader, req: ImportRequest, v: Validated<ImportKind>): Promise<Plan<ImportKind>> {
  const { viewer, lang } = req;
  switch (req.kind) {
    case 'firms':
      return checkFirms(store, v as Validated<'firms'>, viewer, lang);
    case 'capabilities':
      return checkFirmSegments(store, 'capabilities', v as Validated<'capabilities'>, viewer, lang);
    case 'needs':
      return checkFirmSegments(store, 'needs', v as Validated<'needs'>, viewer, lang);
    case 'orders':
      return checkOrders(store, v as Validated<'orders'>, viewer, lang);
    case 'supports':
      return checkSupports(store, v as Validated<'supports'>, viewer, lang);
    case 'targets':
      return checkTargets(store, v as Validated<'targets'>, viewer, lang);
  }
}

function refused(text: string): ImportResult {
  return {
    ok: false, rows: 0, created: 0, updated: 0, committed: false, fileRefused: true, actions: [],
    errors: [{ row: null, column: null, value: null, message: text }],
  };
}
