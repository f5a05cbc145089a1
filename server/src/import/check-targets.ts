import { managesTargetsOf } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { importDistrictCodes } from '../store/queries/import';
import { firmDistricts, segmentCodes, type Reader } from './lookups';
import type { Lang } from './messages';
import { RowChecker, type Plan } from './plan';
import { existingTargets } from './target-history';
import { judgeTarget } from './target-rules';
import type { Validated } from './validate';

/**
 * Target rows against the store: the district, segment and firms must exist, each id appears once,
 * the viewer must manage the target's district (policy.ts managesTargetsOf: its investment team,
 * its bureau, or an admin) as written and, for an update, as stored; then the stage and date rules
 * of target-rules.ts decide what the row writes.
 */
export async function checkTargets(store: Reader, input: Validated<'targets'>, viewer: Viewer, lang: Lang, now = new Date()): Promise<Plan<'targets'>> {
  const records = input.rows.map((r) => r.record);
  // One read after the other: in a commit they share the transaction's single connection.
  const districts = new Set((await store.read(importDistrictCodes())).map((d) => d.code));
  const segments = await segmentCodes(store);
  const firms = await firmDistricts(store, records.flatMap((r) => [r.firmId, r.leaderId].filter((id): id is string => Boolean(id))));
  const existing = await existingTargets(store, records.map((r) => r.id));

  const check = new RowChecker('targets', viewer, lang);
  for (const row of input.rows) {
    const t = row.record;
    let bad = false;
    if (!districts.has(t.districtCode)) bad = (check.fail(row, 'districtCode', 'unknownDistrict'), true);
    if (!segments.has(t.segmentCode)) bad = (check.fail(row, 'segmentCode', 'unknownSegment'), true);
    if (t.firmId && !firms.has(t.firmId)) bad = (check.fail(row, 'firmId', 'unknownFirm'), true);
    if (t.leaderId && !firms.has(t.leaderId)) bad = (check.fail(row, 'leaderId', 'unknownFirm'), true);
    if (!check.firstOccurrence(row, t.id, 'id') || bad) continue;
    const before = existing.get(t.id);
    if (!managesTargetsOf(viewer, t.districtCode)) {
      check.fail(row, 'districtCode', 'forbidden');
      continue;
    }
    // An id of another district's target: refused on the id, the cell that points at it.
    if (before && !managesTargetsOf(viewer, before.row.districtCode)) {
      check.fail(row, 'id', 'forbidden');
      continue;
    }
    const judged = judgeTarget(t, before, now, lang);
    if (!judged.ok) {
      for (const p of judged.problems) check.fail(row, p.key, 'message' in p ? p.message : { text: p.text });
      continue;
    }
    check.plan(row, judged.target, before !== undefined);
  }
  return check.result();
}
