import type { Viewer } from '../auth/viewer';
import { decideFirms, type FirmChange } from '../commands/firms';
import { importFirmMatches, type ImportFirmMatch } from '../store/queries/import';
import type { Reader } from './lookups';
import type { Lang } from './messages';
import { RowChecker, type Plan } from './plan';
import type { ValidRow, Validated } from './validate';

/**
 * Matches firm rows to the store: by id when given, else by unified social credit code, else by
 * exact Chinese name. A row whose id and code or name point at two different firms is refused, as
 * is a new firm without an id (ids are what every other file refers to). Every matched row is then
 * judged by the upsertFirm command's own rules (commands/firms.ts), as the API judges a form.
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
  const byId = new Map(matches.map((m) => [m.id, m]));
  const byCode = new Map(matches.flatMap((m) => (m.creditCode ? [[m.creditCode, m] as const] : [])));
  const byName = new Map(matches.map((m) => [m.nameZh, m]));

  const check = new RowChecker('firms', viewer, lang);
  const matched: { row: ValidRow<unknown>; change: FirmChange; exists: boolean }[] = [];
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
    const { synthetic, source, ...fields } = r;
    matched.push({ row, change: { fields: { ...fields, id }, provenance: { synthetic, source } }, exists: found !== undefined });
  }
  const decisions = await decideFirms(store, viewer, matched.map((m) => m.change));
  matched.forEach(({ row, exists }, i) => {
    const decision = decisions[i];
    if (decision?.write) check.plan(row, decision.write, exists);
    else check.refuse(row, decision?.refusals ?? []);
  });
  return check.result();
}
