import { percentile } from './analysis-report';
import type { Outcome, PhaseResult } from './load-run';

/** The load benchmark's tables: latency per operation, and each budget with PASS or MISS. */

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (rightAligned.has(i) ? padStart(c, widths[i] as number) : pad(c, widths[i] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Answered, without an error: the latencies the budgets are about. Errors and timeouts are counted apart. */
const answered = (o: Outcome) => !o.timedOut && o.error === null;

function row(label: string, outcomes: readonly Outcome[], seconds: number): string[] {
  const good = outcomes.filter(answered).map((o) => o.ms);
  const errors = outcomes.filter((o) => o.error !== null).length;
  const timeouts = outcomes.filter((o) => o.timedOut).length;
  return [
    label, String(outcomes.length), (good.length / seconds).toFixed(1),
    ms(percentile(good, 50)), ms(percentile(good, 95)), ms(percentile(good, 99)), ms(good.length ? Math.max(...good) : Number.NaN),
    String(errors), String(timeouts),
  ];
}

export function operationTable(phase: PhaseResult): string[] {
  const names = [...new Set(phase.outcomes.map((o) => `${o.kind}\u0000${o.name}`))].sort();
  const rows = names.map((key) => {
    const [kind, name] = key.split('\u0000') as [string, string];
    return row(`${kind === 'write' ? 'W' : 'R'} ${name}`, phase.outcomes.filter((o) => o.name === name && o.kind === kind), phase.seconds);
  });
  rows.push(row('all reads', phase.outcomes.filter((o) => o.kind === 'read'), phase.seconds));
  rows.push(row('all writes', phase.outcomes.filter((o) => o.kind === 'write'), phase.seconds));
  return table(['operation', 'sent', 'ok/s', 'p50', 'p95', 'p99', 'max', 'errors', 'timeouts'], rows, new Set([1, 2, 3, 4, 5, 6, 7, 8]));
}

/** The first few distinct error messages, so a MISS caused by refusals is told apart from one caused by time. */
export function errorSamples(phase: PhaseResult, max = 5): string[] {
  const seen = new Map<string, number>();
  for (const o of phase.outcomes) if (o.error !== null) seen.set(`${o.name}: ${o.error}`, (seen.get(`${o.name}: ${o.error}`) ?? 0) + 1);
  return [...seen].slice(0, max).map(([message, count]) => `  ${count} × ${message}`);
}

export interface Budget {
  label: string;
  value: number;
  /** How the value is shown. */
  shown: string;
  limit: string;
  pass: boolean;
}

export function latencyBudget(label: string, outcomes: readonly Outcome[], maxMs: number): Budget {
  // A timed-out or failed request did not meet the budget: it counts at infinity.
  const values = outcomes.map((o) => (answered(o) ? o.ms : Number.POSITIVE_INFINITY));
  const p99 = percentile(values, 99);
  return { label, value: p99, shown: Number.isFinite(p99) ? ms(p99) : 'timed out/failed', limit: `p99 ≤ ${ms(maxMs)}`, pass: values.length > 0 && p99 <= maxMs };
}

export function rateBudget(label: string, phase: PhaseResult, minPerSecond: number): Budget {
  const rate = phase.outcomes.filter(answered).length / phase.seconds;
  const failed = phase.outcomes.some((o) => !answered(o));
  return { label, value: rate, shown: `${rate.toFixed(1)}/s${failed ? ' (with failures)' : ''}`, limit: `≥ ${minPerSecond}/s`, pass: rate >= minPerSecond && !failed };
}

export function budgetTable(budgets: readonly Budget[]): string[] {
  return table(['budget', 'measured', 'limit', 'verdict'], budgets.map((b) => [b.label, b.shown, b.limit, b.pass ? 'PASS' : 'MISS']), new Set([1]));
}
