import type { GraphStore } from '@yulian/server';
import { percentile } from './analysis-report';

/**
 * Paired latency samples of one operation on two stores, and the side-by-side table of the store
 * benchmark (stores.bench.ts).
 */

export type Side = 'embedded' | 'neo4j';

/** Times the one call of an operation that counts; the operation calls it exactly once. */
export type Measure = <R>(work: () => Promise<R>) => Promise<R>;

/** Flagged in the table: where Neo4j takes more than this many times the embedded store's p50. */
export const SLOW_RATIO = 3;

export class PairedSamples {
  readonly runs: Record<Side, number[]> = { embedded: [], neo4j: [] };
  /** The first error on Neo4j, after which its side is no longer run (a timeout would repeat). */
  neo4jFailure: { afterRuns: number; message: string } | null = null;
  /** Runs in which both stores answered, and those in which their answers differed. */
  compared = 0;
  differed = 0;
  private calls = 0;

  /** @param warmup calls to leave out: vitest's warmup runs go through the same function first. */
  constructor(
    readonly label: string,
    private readonly warmup: number,
  ) {}

  /**
   * One run on each store, the same work with the same arguments. Which store goes first
   * alternates, so that neither always meets a machine just warmed (or just loaded) by the other.
   * An error on the embedded store is thrown (it is the reference); one on Neo4j is recorded.
   */
  async run<T>(stores: Record<Side, GraphStore>, work: (store: GraphStore, measure: Measure) => Promise<T>, fingerprint: (result: T) => string): Promise<void> {
    const counted = this.calls++ >= this.warmup;
    const order: Side[] = this.calls % 2 ? ['embedded', 'neo4j'] : ['neo4j', 'embedded'];
    const answers: Partial<Record<Side, string>> = {};
    for (const side of order) {
      if (side === 'neo4j' && this.neo4jFailure) continue;
      let timed: number | undefined;
      const measure: Measure = async (call) => {
        const started = performance.now();
        const result = await call();
        timed = performance.now() - started;
        return result;
      };
      try {
        const result = await work(stores[side], measure);
        if (timed === undefined) throw new Error(`${this.label}: the operation measured nothing`);
        if (counted) this.runs[side].push(timed);
        answers[side] = fingerprint(result);
      } catch (error) {
        if (side === 'embedded') throw error;
        this.neo4jFailure = { afterRuns: this.runs.neo4j.length, message: error instanceof Error ? error.message : String(error) };
      }
    }
    if (counted && answers.embedded !== undefined && answers.neo4j !== undefined) {
      this.compared++;
      if (answers.embedded !== answers.neo4j) this.differed++;
    }
  }
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

function row(s: PairedSamples): string[] {
  const embedded = percentile(s.runs.embedded, 50);
  const neo4j = percentile(s.runs.neo4j, 50);
  const ratio = neo4j / embedded;
  const runs = s.runs.neo4j.length === s.runs.embedded.length ? String(s.runs.embedded.length) : `${s.runs.embedded.length} / ${s.runs.neo4j.length}`;
  const notes: string[] = [];
  if (s.neo4jFailure) notes.push(`FAILED on Neo4j after ${s.neo4jFailure.afterRuns} runs: ${s.neo4jFailure.message.split('\n')[0]}`);
  else if (ratio > SLOW_RATIO) notes.push(`◀ Neo4j > ${SLOW_RATIO}× slower`);
  if (s.differed) notes.push(`answers differ in ${s.differed} of ${s.compared} runs`);
  return [s.label, runs, ms(embedded), ms(neo4j), Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—', notes.join('; ')];
}

export function renderSideBySide(title: string, preamble: readonly string[], samples: readonly PairedSamples[]): string {
  const header = ['operation', 'runs', 'embedded p50', 'Neo4j p50', 'Neo4j/embedded', ''];
  const rows = samples.map(row);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] as string))));
  const numeric = new Set([1, 2, 3, 4]);
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? padStart(c, widths[i] as number) : pad(c, widths[i] as number)))
      .join('  ')
      .trimEnd();
  return ['', `=== ${title} ===`, ...preamble, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''].join('\n');
}
