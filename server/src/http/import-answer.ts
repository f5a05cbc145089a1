import type { Response } from 'express';

/**
 * The answer /api/import and /api/export give when they refuse a request outright: the import
 * answer's shape with no rows and one error for the whole request, so a client reads a refusal
 * the way it reads a file's errors. `code` and `limit` say which rule refused it.
 */
export interface ImportRefusal {
  code?: string;
  row?: number | null;
  limit?: { name: string; max: number };
}

export function refuseImport(res: Response, status: number, message: string, { code, row = null, limit }: ImportRefusal = {}): void {
  res.status(status).json({
    ok: false, rows: 0, created: 0, updated: 0,
    errors: [{ row, column: null, value: null, message }],
    ...(code ? { code } : {}),
    ...(limit ? { limit } : {}),
  });
}
