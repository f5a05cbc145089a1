import type { Viewer } from '../auth/viewer';
import { importDistrictCodes, importFirmMatches, type ImportFirmMatch } from '../store/queries/import';
import type { Reader } from './lookups';
import type { Lang } from './messages';
import { mayEditFirm } from './permissions';
import { RowChecker, type Plan } from './plan';
import type { Validated } from './validate';

/**
 * Matches firm rows to the store: by id when given, else by unified social credit code, else by
 * exact Chinese name. A row whose id and code or name point at two different firms is refused, as
 * is a new firm without an id (ids are what every other file refers to).
 */
export async function checkFirms(store: Reader, input: Validated<'firms'>, viewer: Viewer, lang: Lang): Promise<Plan<'firms'>> {
  const records = input.rows.map((r) => r.record);
  // One read after the other: in a commit they share the transaction's single connection.
  const matches = await store.read(
    importFirmMatches(
      records.flatMap((r) => (r.id ? [r.id] : [])),
      records.flatMap((r) => (r.creditCode ? [r.creditCode] : [])),
      records.map((r) => r.nameZh),
    ),
  );
  const districts = await store.read(importDistrictCodes());
  const byId = new Map(matches.map((m) => [m.id, m]));
  const byCode = new Map(matches.flatMap((m) => (m.creditCode ? [[m.creditCode, m] as const] : [])));
  const byName = new Map(matches.map((m) => [m.nameZh, m]));
  const districtCodes = new Set(districts.map((d) => d.code));

  const check = new RowChecker('firms', viewer, lang);
  for (const row of input.rows) {
    const r = row.record;
    const viaCode = r.creditCode ? byCode.get(r.creditCode) : undefined;
    const viaName = byName.get(r.nameZh);
    let found: ImportFirmMatch | undefined;
    if (r.id) {
      found = byId.get(r.id);
      const other = [viaCode, viaName].find((m) => m !== undefined && m.id !== r.id);
      if (other) {
        check.fail(row, viaCode && viaCode.id !== r.id ? 'creditCode' : 'nameZh', 'matchConflict');
        continue;
      }
    } else {
      found = viaCode ?? viaName;
      if (viaCode && viaName && viaCode.id !== viaName.id) {
        check.fail(row, 'nameZh', 'matchConflict');
        continue;
      }
      if (!found) {
        check.fail(row, 'id', 'newFirmNeedsId');
        continue;
      }
    }
    const id = found?.id ?? (r.id as string);
    if (!check.firstOccurrence(row, id, r.id ? 'id' : 'nameZh')) continue;
    if (!districtCodes.has(r.districtCode)) {
      check.fail(row, 'districtCode', 'unknownDistrict');
      continue;
    }
    const allowed =
      mayEditFirm(viewer, { id, districtCode: r.districtCode }) &&
      (!found?.districtCode || mayEditFirm(viewer, { id, districtCode: found.districtCode }));
    if (!allowed) {
      check.fail(row, r.id ? 'id' : 'nameZh', 'forbidden');
      continue;
    }
    check.plan(row, { ...r, id }, found !== undefined);
  }
  return check.result();
}
