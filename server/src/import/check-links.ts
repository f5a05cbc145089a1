import type { Viewer } from '../auth/viewer';
import { decideCapabilities, decideNeeds } from '../commands/firm-segments';
import type { Decision } from '../commands/decision';
import { decideOrders, type OrderChange } from '../commands/orders';
import { decideSupports, type SupportChange } from '../commands/supports';
import { decideTargets, type TargetChange } from '../commands/targets';
import type { Lang } from './messages';
import type { Reader } from './lookups';
import { RowChecker, type Plan, type ResolvedRecords } from './plan';
import type { ValidRow, Validated } from './validate';

/**
 * Capabilities, needs, support ties and orders: one row per record in a file (a later row with the
 * same key is reported as a duplicate), and every row judged by its command's own rules, exactly as
 * the API judges the same change (commands/*.ts). Nothing here decides who may change what.
 */

type Decide<C, K extends ImportKindWithCommand> = (reader: Reader, viewer: Viewer, changes: readonly C[]) => Promise<Decision<ResolvedRecords[K]>[]>;
type ImportKindWithCommand = 'capabilities' | 'needs' | 'orders' | 'supports' | 'targets';

async function checkRows<K extends ImportKindWithCommand, C, R>(
  store: Reader,
  kind: K,
  input: Validated<K> & { rows: ValidRow<R>[] },
  viewer: Viewer,
  lang: Lang,
  key: (record: R) => { key: string; column: string },
  changeOf: (record: R) => C,
  decide: Decide<C, K>,
): Promise<Plan<K>> {
  const check = new RowChecker(kind, viewer, lang);
  const unique: { row: ValidRow<R>; change: C }[] = [];
  for (const row of input.rows) {
    const { key: recordKey, column } = key(row.record);
    if (check.firstOccurrence(row, recordKey, column)) unique.push({ row, change: changeOf(row.record) });
  }
  const decisions = await decide(store, viewer, unique.map((u) => u.change));
  unique.forEach(({ row }, i) => {
    const decision = decisions[i];
    if (decision?.write) check.plan(row, decision.write, isUpdate(decision.write));
    else check.refuse(row, decision?.refusals ?? []);
  });
  return check.result();
}

const isUpdate = (plan: { before: unknown }) => plan.before !== null && plan.before !== undefined;

function split<T extends { synthetic: boolean; source: string | null }>(record: T) {
  const { synthetic, source, ...fields } = record;
  return { fields, provenance: { synthetic, source } };
}

export async function checkFirmSegments<K extends 'capabilities' | 'needs'>(
  store: Reader,
  kind: K,
  input: Validated<K>,
  viewer: Viewer,
  lang: Lang,
): Promise<Plan<K>> {
  const key = (r: { firmId: string; segmentCode: string }) => ({ key: `${r.firmId}\u0000${r.segmentCode}`, column: 'segmentCode' });
  if (kind === 'capabilities') {
    return checkRows(store, 'capabilities', input as Validated<'capabilities'>, viewer, lang, key, split, decideCapabilities) as Promise<Plan<K>>;
  }
  return checkRows(store, 'needs', input as Validated<'needs'>, viewer, lang, key, split, decideNeeds) as Promise<Plan<K>>;
}

export function checkSupports(store: Reader, input: Validated<'supports'>, viewer: Viewer, lang: Lang): Promise<Plan<'supports'>> {
  return checkRows(
    store, 'supports', input, viewer, lang,
    (r) => ({ key: `${r.fromFirmId}\u0000${r.toFirmId}`, column: 'toFirmId' }),
    (r): SupportChange => split(r),
    decideSupports,
  );
}

export function checkOrders(store: Reader, input: Validated<'orders'>, viewer: Viewer, lang: Lang): Promise<Plan<'orders'>> {
  return checkRows(store, 'orders', input, viewer, lang, (r) => ({ key: r.id, column: 'id' }), (r): OrderChange => split(r), decideOrders);
}


/** Targets: a row creates the target or, when its id exists, updates it (target-rules.ts). */
export function checkTargets(store: Reader, input: Validated<'targets'>, viewer: Viewer, lang: Lang, now = new Date()): Promise<Plan<'targets'>> {
  return checkRows(
    store, 'targets', input, viewer, lang,
    (r) => ({ key: r.id, column: 'id' }),
    (record): TargetChange => ({ record, expect: 'either' }),
    (reader, who, changes) => decideTargets(reader, who, changes, now, lang),
  );
}
