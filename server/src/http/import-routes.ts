import express, { type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { viewerFromRequest } from '../auth/request';
import type { Viewer } from '../auth/viewer';
import { isImportKind, type ImportKind } from '../import/columns';
import { ImportConflictError } from '../import/commit';
import { exportRows } from '../import/export-rows';
import { ImportJobs, JOB_ID } from '../import/jobs';
import type { ImportOptions } from '../import/options';
import { exportsKind, importsKind } from '../import/permissions';
import { runImport, type ImportMode, type ImportResult } from '../import/run';
import { writeTable, type ExportFormat } from '../import/write-table';
import { StoreError } from '../store/errors';
import type { GraphStore } from '../store/port';
import { clipEcho, limitMessage } from '../import/messages';
import { ImportLimitError, LIMIT_ENV } from '../import/read-limits';
import type { RowError } from '../import/validate';
import { refuseImport } from './import-answer';
import { ImportRateLimiter } from './import-limits';
import { preferredLang } from './lang';

/** More errors than this help nobody read the file; the answer says how many there were. */
const MAX_ERRORS = 1_000;

const TEXT = {
  unauthenticated: { zh: '请先登录', en: 'sign in first' },
  forbidden: { zh: '当前角色无权导入此类数据', en: 'your role may not import this kind' },
  forbiddenExport: { zh: '当前角色无权导出此类数据', en: 'your role may not export this kind' },
  unknownKind: { zh: '未知的导入类型', en: 'unknown import kind' },
  badMode: { zh: 'mode 应为 dry-run 或 commit', en: 'mode must be dry-run or commit' },
  badFormat: { zh: 'format 应为 csv 或 xlsx', en: 'format must be csv or xlsx' },
  noFile: { zh: '请在 file 字段上传文件', en: 'upload the file in the field "file"' },
  tooLarge: { zh: '文件超过上限', en: 'the file is larger than the limit of' },
  badJob: { zh: 'job 应为 8–64 位字母、数字或“-”，且未被使用', en: 'job must be 8–64 letters, digits or "-", not in use' },
  transactionTooLarge: {
    zh: '导入内容超出图数据库单个事务的内存上限，未写入任何内容。请把文件拆成几份分别导入，或请管理员调高 Neo4j 的事务内存（db.memory.transaction.max）',
    en: 'the import needs more memory than the graph store allows one transaction; nothing was written. Split the file and import the parts, or ask an administrator to raise Neo4j’s transaction memory (db.memory.transaction.max)',
  },
  conflict: { zh: '导入期间数据已被修改，未写入任何内容，请重试', en: 'the data changed during the import; nothing was written, try again' },
  badBody: {
    zh: '上传内容不是完整的 multipart/form-data 表单，请在 file 字段上传文件',
    en: 'the upload is not a complete multipart/form-data body: send the file in the field "file"',
  },
  tooMany: { zh: '导入过于频繁，每分钟最多', en: 'too many uploads: at most' },
} as const;

type Lang = 'zh' | 'en';
const say = (req: Request, key: keyof typeof TEXT): string => TEXT[key][langOf(req)];
const langOf = (req: Request): Lang => preferredLang(req.headers['accept-language']);

function fail(res: Response, status: number, message: string): void {
  refuseImport(res, status, message);
}

/** A cell, header or message repeated back to the client, cut short (messages.ts clipEcho). */
const clipped = (e: RowError): RowError => ({ row: e.row, column: clipEcho(e.column), value: clipEcho(e.value), message: clipEcho(e.message) });

/** Consecutive rows with the same action as ranges: a million new rows are one range. */
function actionRanges(actions: ImportResult['actions']): { from: number; to: number; action: 'create' | 'update' }[] {
  const ranges: { from: number; to: number; action: 'create' | 'update' }[] = [];
  for (const { row, action } of actions) {
    const last = ranges[ranges.length - 1];
    if (last && last.action === action && last.to + 1 === row) last.to = row;
    else ranges.push({ from: row, to: row, action });
  }
  return ranges;
}

function statusOf(result: ImportResult, mode: ImportMode): number {
  if (result.fileRefused) return 400;
  if (mode === 'commit' && !result.ok) return 422;
  return 200;
}

function formatOf(req: Request): ExportFormat | null {
  const format = req.query.format ?? 'csv';
  return format === 'csv' || format === 'xlsx' ? format : null;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * /api/import and /api/export (README, "Import and export"). The viewer is resolved and checked
 * before the upload is read, so an anonymous or unauthorised client cannot make the server take
 * in a 100 MB body.
 */
export function importRoutes(store: GraphStore, options: ImportOptions): Router {
  const router = express.Router();
  const jobs = new ImportJobs();
  const rate = new ImportRateLimiter(options.ratePerMinute);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: options.maxBytes, files: 1, fields: 10 } }).single('file');

  const signedIn = async (req: Request, res: Response): Promise<Viewer | null> => {
    const viewer = await viewerFromRequest(store, req);
    if (!viewer) fail(res, 401, say(req, 'unauthenticated'));
    return viewer;
  };

  const kindOf = (req: Request, res: Response): ImportKind | null => {
    const kind = String(req.params.kind);
    if (isImportKind(kind)) return kind;
    fail(res, 404, say(req, 'unknownKind'));
    return null;
  };

  router.get('/api/import/jobs/:id', async (req, res) => {
    const viewer = await signedIn(req, res);
    if (!viewer) return;
    const progress = jobs.get(String(req.params.id), viewer.userId);
    if (!progress) return void res.status(404).json({ error: 'no such job' });
    res.json(progress);
  });

  router.get('/api/import/:kind/template', async (req, res) => {
    const kind = kindOf(req, res);
    const format = formatOf(req);
    if (!kind) return;
    if (!format) return fail(res, 400, say(req, 'badFormat'));
    res.type(CONTENT_TYPE[format]).attachment(`yulian-${kind}-template.${format}`);
    await writeTable(format, kind, (async function* () {})(), res);
  });

  router.get('/api/export/:kind', async (req, res) => {
    const kind = kindOf(req, res);
    const format = formatOf(req);
    if (!kind) return;
    if (!format) return fail(res, 400, say(req, 'badFormat'));
    const viewer = await signedIn(req, res);
    if (!viewer) return;
    if (!exportsKind(viewer, kind)) return fail(res, 403, say(req, 'forbiddenExport'));
    res.type(CONTENT_TYPE[format]).attachment(`yulian-${kind}.${format}`);
    await writeTable(format, kind, exportRows(store, kind, viewer), res);
  });

  router.post('/api/import/:kind', async (req, res) => {
    const kind = kindOf(req, res);
    if (!kind) return;
    const mode = req.query.mode ?? 'dry-run';
    if (mode !== 'dry-run' && mode !== 'commit') return fail(res, 400, say(req, 'badMode'));
    const viewer = await signedIn(req, res);
    if (!viewer) return;
    if (!importsKind(viewer, kind)) return fail(res, 403, say(req, 'forbidden'));
    const wait = rate.take(viewer.userId);
    if (wait > 0) {
      res.set('retry-after', String(wait));
      return refuseImport(res, 429, `${say(req, 'tooMany')} ${options.ratePerMinute} ${langOf(req) === 'zh' ? '次' : 'per minute'}`, { code: 'RATE_LIMITED' });
    }
    const jobId = typeof req.query.job === 'string' ? req.query.job : null;
    if (jobId !== null && (!JOB_ID.test(jobId) || !jobs.start(jobId, viewer.userId))) return fail(res, 400, say(req, 'badJob'));
    try {
      const file = await new Promise<Express.Multer.File | undefined>((resolve, reject) =>
        upload(req, res, (error: unknown) => (error ? reject(error) : resolve(req.file))),
      ).catch((error: unknown) => {
        if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
          // The rest of the upload is read and dropped, so the client sees the answer, not a reset.
          req.resume();
          res.set('connection', 'close');
          fail(res, 413, `${say(req, 'tooLarge')} ${options.maxBytes} bytes`);
          return null;
        }
        // Another field name, a second file, too many fields: the form is not what the API takes.
        if (error instanceof multer.MulterError) {
          fail(res, 400, `${say(req, 'noFile')} (${error.code})`);
          return null;
        }
        // Anything else the form parser says (no boundary, a body cut short, a malformed part
        // header) is about the bytes the client sent, not a fault of the server: 400, nothing logged.
        req.resume();
        res.set('connection', 'close');
        fail(res, 400, say(req, 'badBody'));
        return null;
      });
      if (file === null) return;
      if (!file) return fail(res, 400, say(req, 'noFile'));
      const result = await runImport(store, {
        kind, mode, viewer, lang: langOf(req), batchSize: options.batchSize, limits: options,
        // The name goes into the audit event and the targets' history: as short as an echo.
        file: file.buffer, fileName: clipEcho(file.originalname || null),
        onProgress: (p) => jobId && jobs.update(jobId, p),
      });
      res.status(statusOf(result, mode)).json({
        ok: result.ok, rows: result.rows, created: result.created, updated: result.updated,
        errors: result.errors.slice(0, MAX_ERRORS).map(clipped), errorCount: result.errors.length,
        committed: result.committed, actions: actionRanges(result.actions),
      });
    } catch (error) {
      if (error instanceof ImportConflictError) return fail(res, 409, say(req, 'conflict'));
      if (error instanceof StoreError && error.code === 'TOO_LARGE') {
        return refuseImport(res, 413, say(req, 'transactionTooLarge'), { code: 'TRANSACTION_TOO_LARGE' });
      }
      if (error instanceof ImportLimitError) {
        return refuseImport(res, 413, limitMessage(error.limit, error.max, error.row, langOf(req)), {
          code: 'PAYLOAD_TOO_LARGE', row: error.row, limit: { name: LIMIT_ENV[error.limit], max: error.max },
        });
      }
      throw error;
    } finally {
      if (jobId) jobs.finish(jobId);
    }
  });

  return router;
}
