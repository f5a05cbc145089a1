import type { GraphStore } from '@yulian/server';
import { same, splitKey, type Fields, type LedgerView } from './ledger';
import { linksFromOrders } from '../summed-links';
import { auditEventsSince, observe, orderEdges, storedLinks, type AuditRow } from './observe';
import { firstDifference } from './texts';

/** The invariants the crash matrix checks after each restart, by the names its report uses. */
export const INVARIANTS = {
  opens: 'the store opens',
  alive: 'a process dies only by the kill',
  answered: 'every answered write is there with its value',
  notes: 'long texts come back byte-identical',
  atomicImport: 'an import is all there or not at all',
  links: 'derived trade links equal what the orders say',
  wholeOrders: 'every order has its supplier, buyer and segment',
  audit: 'an audit event for every answered change',
  restore: 'a killed restore is refused at open, or complete',
  rerun: 'a refused restore can be re-run',
  backup: 'a backup of an answered state finishes',
} as const;
export type Invariant = keyof typeof INVARIANTS;

export interface Problem {
  invariant: Invariant;
  detail: string;
}

/**
 * Imports write one audit event for the whole file today (its `after` names the file); issue 13's
 * commands layer writes one per entity. Set this to 'per-entity' once it does, and each imported
 * entity must then have its own event.
 */
export const IMPORT_AUDIT: 'per-import' | 'per-entity' = 'per-entity';

/** Clock slack between the parent's send and answer times and the server's event time (one machine). */
const AUDIT_SLACK_MS = 2_000;

/** Checks a reopened store against what the lane's writers were told. */
export async function verifyStore(store: GraphStore, view: LedgerView, lane: { prefix: string; since: string }): Promise<Problem[]> {
  const problems: Problem[] = [];
  const targetIds = [...view.possible.keys()].map(splitKey).filter((k) => k.kind === 'target').map((k) => k.id);
  const stored = await observe(store, lane.prefix, targetIds);

  for (const [key, possible] of view.possible) {
    const value = stored.get(key) ?? null;
    if (possible.some((p) => same(p, value))) continue;
    const expected = possible[possible.length - 1] ?? null;
    problems.push(describeMismatch(key, expected, value, possible.length));
  }

  for (const group of view.imports) {
    const present = group.effects.filter((e) => same(stored.get(e.key) ?? null, e.value)).length;
    const all = group.effects.length;
    if (group.answered ? present !== all : present !== 0 && present !== all) {
      problems.push({ invariant: 'atomicImport', detail: `${group.label} ${group.file} (run ${group.run}, ${group.answered ? 'answered' : 'cut by the kill'}): ${present} of ${all} rows in the store` });
    }
  }

  const [links, expected] = [await storedLinks(store), await linksFromOrders(store)];
  const linkDiff = compareLinks(links, expected);
  if (linkDiff) problems.push({ invariant: 'links', detail: linkDiff });

  const edges = await orderEdges(store);
  if (edges.whole !== edges.orders) problems.push({ invariant: 'wholeOrders', detail: `${edges.orders} orders, ${edges.whole} of them with all three edges` });

  problems.push(...checkAudit(await auditEventsSince(store, lane.since), view));
  return problems;
}

function describeMismatch(key: string, expected: Fields | null, value: Fields | null, choices: number): Problem {
  const doubt = choices > 1 ? ` (or any of ${choices - 1} earlier values)` : '';
  if (value === null) return { invariant: 'answered', detail: `${key} is missing${doubt}` };
  if (expected === null) return { invariant: 'answered', detail: `${key} is there, but was removed${doubt}` };
  const fields = Object.keys(expected).filter((f) => !same({ v: expected[f] ?? null }, { v: value[f] ?? null }));
  const long = fields.filter((f) => typeof expected[f] === 'string' && String(expected[f]).length >= 1000);
  if (long.length > 0 && long.length === fields.length) {
    return { invariant: 'notes', detail: `${key}: ${long.map((f) => `${f} ${firstDifference(String(expected[f]), String(value[f] ?? ''))}`).join('; ')}${doubt}` };
  }
  const shown = fields.map((f) => `${f}: ${short(value[f])} instead of ${short(expected[f])}`).join(', ');
  return { invariant: 'answered', detail: `${key} holds another value: ${shown}${doubt}` };
}

const short = (v: unknown): string => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
};

function compareLinks(stored: readonly { s: string; b: string; year: number; kind: string; segment: string }[], expected: readonly object[]): string | null {
  const a = new Set(stored.map((l) => JSON.stringify(l)));
  const b = new Set(expected.map((l) => JSON.stringify(l)));
  const extra = [...a].filter((l) => !b.has(l));
  const missing = [...b].filter((l) => !a.has(l));
  if (extra.length === 0 && missing.length === 0) return null;
  const sum = (links: string[], field: 'orders' | 'amountCny') => links.reduce((n, l) => n + Number((JSON.parse(l) as Record<string, number>)[field]), 0);
  return (
    `${stored.length} links stored, ${expected.length} summed from the orders; ${extra.length} stored links disagree ` +
    `(${sum(extra, 'orders')} orders, ${sum(extra, 'amountCny').toFixed(2)} CNY) with ${missing.length} from the orders ` +
    `(${sum(missing, 'orders')} orders, ${sum(missing, 'amountCny').toFixed(2)} CNY); first: ${extra[0] ?? missing[0]}`
  );
}

/** Each answered write must have an event under one of its entity ids, dated between its send and its answer. */
function checkAudit(events: readonly AuditRow[], view: LedgerView): Problem[] {
  const byEntity = new Map<string, number[]>();
  const importFiles = new Map<string, number[]>();
  for (const e of events) {
    const at = Date.parse(e.at);
    byEntity.set(e.entityId, [...(byEntity.get(e.entityId) ?? []), at]);
    const file = e.after ? (JSON.parse(e.after) as { file?: unknown }).file : undefined;
    if (typeof file === 'string') importFiles.set(file, [...(importFiles.get(file) ?? []), at]);
  }
  const within = (times: readonly number[] | undefined, from: number, to: number) => (times ?? []).some((t) => t >= from - AUDIT_SLACK_MS && t <= to + AUDIT_SLACK_MS);
  const problems: Problem[] = [];
  for (const w of view.answered) {
    const timely = (id: string) => within(byEntity.get(id), w.sentAt, w.answeredAt);
    if (w.importFile !== undefined) {
      const perEntity = w.auditIds.every(timely);
      const perImport = within(importFiles.get(w.importFile), w.sentAt, w.answeredAt);
      if (IMPORT_AUDIT === 'per-entity' ? !perEntity : !perEntity && !perImport) {
        problems.push({ invariant: 'audit', detail: `${w.label} ${w.importFile} (run ${w.run}): no audit event ${IMPORT_AUDIT === 'per-entity' ? 'for each imported entity' : 'naming the file or each entity'}` });
      }
    } else if (!w.auditIds.some(timely)) {
      problems.push({ invariant: 'audit', detail: `${w.label} of ${w.auditIds.join(' or ')} (run ${w.run}): no audit event between its send and its answer` });
    }
  }
  return problems;
}
