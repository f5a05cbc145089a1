/**
 * Latency samples per measured operation and the table the analysis benchmark prints: p50 and p95
 * computed here (vitest's own report gives p75/p99), each next to its budget where issue 4 sets one.
 */

export interface Budget {
  /** Which statistic the budget is on. */
  stat: 'p95';
  maxMs: number;
}

export class Samples {
  readonly runs: number[] = [];
  private skipped = 0;

  /** @param warmup calls to leave out: vitest's warmup runs go through the same function first. */
  constructor(
    readonly label: string,
    private readonly warmup: number,
    readonly budget: Budget | null = null,
  ) {}

  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    const ms = performance.now() - started;
    if (this.skipped < this.warmup) this.skipped++;
    else this.runs.push(ms);
    return result;
  }
}

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;

export interface MemoryFigures {
  /** Highest RSS sampled after each measured run. */
  queryPhaseRssBytes: number;
  /** This process's lifetime peak, from process.resourceUsage(); generation and load ran in a child. */
  lifetimeMaxRssBytes: number;
  /** Budget for the server's RSS. */
  budgetBytes: number;
}

export function renderTable(title: string, preamble: readonly string[], samples: readonly Samples[], memory: MemoryFigures, budgetsApply: boolean): string {
  const rows = samples.map((s) => {
    const p50 = percentile(s.runs, 50);
    const p95 = percentile(s.runs, 95);
    const budget = s.budget ? `p95 ≤ ${ms(s.budget.maxMs)}` : '';
    const verdict = !s.budget ? '' : !budgetsApply ? '(n/a at this size)' : p95 <= s.budget.maxMs ? 'PASS' : 'MISS';
    return [s.label, String(s.runs.length), ms(p50), ms(p95), budget, verdict];
  });
  const memoryVerdict = !budgetsApply ? '(n/a at this size)' : memory.queryPhaseRssBytes <= memory.budgetBytes ? 'PASS' : 'MISS';
  rows.push(['RSS while querying (peak of samples after each run)', '', mib(memory.queryPhaseRssBytes), '', `≤ ${mib(memory.budgetBytes)}`, memoryVerdict]);
  rows.push(['RSS, this process lifetime peak (maxRSS)', '', mib(memory.lifetimeMaxRssBytes), '', '', '']);
  const header = ['operation', 'runs', 'p50', 'p95', 'budget', ''];
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] as string)].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 || i === 3 ? padStart(c, widths[i] as number) : pad(c, widths[i] as number))).join('  ');
  return [
    '',
    `=== ${title} ===`,
    ...preamble,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
  ].join('\n');
}
