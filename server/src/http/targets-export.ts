import { codeSchema, yearSchema } from '@yulian/schema';
import type { Request, RequestHandler, Response } from 'express';
import { managesTargetsOf } from '../auth/policy';
import { viewerFromRequest } from '../auth/request';
import { onYearList } from '../investment/export-rows';
import { progressFacts, targetsWithHistory } from '../investment/service';
import { buildTargetWorkbook } from '../investment/target-sheet';
import type { GraphStore } from '../store/port';
import { districtsByCodes, listSegments } from '../store/queries';

/**
 * GET /api/targets/export?districtCode=&year= — a district's target list for the year as XLSX.
 * The same people who may see the targets in the API may download them; failures answer JSON
 * with the code the API would use, naming the parameter at fault.
 */

function refuse(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

function param(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

export function targetsExport(store: GraphStore): RequestHandler {
  return async (req, res, next) => {
    try {
      const viewer = await viewerFromRequest(store, req);
      if (!viewer) return refuse(res, 401, 'UNAUTHENTICATED', 'sign in first');
      const district = codeSchema.safeParse(param(req, 'districtCode') ?? viewer.districtCode ?? '');
      if (!district.success) return refuse(res, 400, 'BAD_USER_INPUT', `districtCode: ${district.error.issues[0]?.message ?? 'is invalid'}`, 'districtCode');
      const year = yearSchema.safeParse(Number(param(req, 'year') ?? Number.NaN));
      if (!year.success) return refuse(res, 400, 'BAD_USER_INPUT', 'year: must be a year such as 2025', 'year');
      if (!managesTargetsOf(viewer, district.data)) {
        return refuse(res, 403, 'FORBIDDEN', `not allowed to export the targets of district ${district.data}`);
      }
      const [districtRow] = await store.read(districtsByCodes([district.data]));
      if (!districtRow) return refuse(res, 404, 'NOT_FOUND', `district ${JSON.stringify(district.data)} does not exist`, 'districtCode');

      const [targets, segments] = await Promise.all([targetsWithHistory(store, { districtCodes: [district.data] }), store.read(listSegments())]);
      const segmentName = new Map(segments.map((s) => [s.code, s.nameZh]));
      const rows = targets
        .filter((t) => onYearList({ ...progressFacts(t), createdAt: t.createdAt }, year.data))
        .map((t) => ({ ...t, segmentName: segmentName.get(t.segmentCode) ?? t.segmentCode }));
      const book = buildTargetWorkbook({ districtName: districtRow.nameZh, districtCode: districtRow.code, year: year.data, generatedAt: new Date() }, rows);
      const filename = `${districtRow.nameZh}${year.data}年招商目标企业名录.xlsx`;
      res.status(200);
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', `attachment; filename="targets-${districtRow.code}-${year.data}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      res.setHeader('cache-control', 'no-store');
      await book.xlsx.write(res);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}
