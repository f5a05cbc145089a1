import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../server/src/store/embedded/adapter';
import type { Query } from '../../../server/src/store/port';
import { ScriptProcess, seededRandom } from './child-process';
import { batchOf, CRASH_DB_BYTES, IMPORT_SIZE } from './crash-plan';

/**
 * SIGKILL at random moments while a child process writes (single orders, and 200-order imports in
 * one transaction) with checkpoints after every one to three writes, so that many kills land inside
 * one. After each kill the store must open with every write the child acknowledged, and with every
 * import whole or absent. `pnpm crash-soak` runs the long form (YULIAN_CRASH_KILLS=500);
 * YULIAN_CRASH_SEED repeats a run.
 *
 * The parent opens a byte-for-byte copy of the folder after each kill, and the next child opens the
 * original: so both the parent and a writer recover crashed folders, and later kills can land in a
 * recovery too. Each child is started while the one before still runs and opens the folder only
 * once that one is dead, and the copy is checked while the next child runs: most of a child's life
 * is loading TypeScript, and this keeps 50 kills within a minute.
 */

const KILLS = Number(process.env.YULIAN_CRASH_KILLS ?? 50);
const SEED = Number(process.env.YULIAN_CRASH_SEED ?? 20250514);
/** Two children at a time, on folders of their own: a child spends most of its life starting up. */
const LANES = 2;
const CHILD = 'test/src/crash/crash-child.ts';
/** A child that neither dies nor reaches its kill moment by then is stuck. */
const STUCK_MS = 20_000;

type KillPlan =
  | { moment: 'inside a checkpoint'; nthCheckpoint: number; delayMs: number }
  | { moment: 'while writing'; afterReadyMs: number }
  | { moment: 'while opening'; afterGoMs: number };

function planKill(random: () => number): KillPlan {
  const pick = random();
  // Delays short against a checkpoint (100–250 ms here) so most of these land inside the engine's.
  if (pick < 0.45) return { moment: 'inside a checkpoint', nthCheckpoint: 1, delayMs: random() * 40 };
  if (pick < 0.85) return { moment: 'while writing', afterReadyMs: random() * 300 };
  // Opening includes restoring a snapshot left by the kill before.
  return { moment: 'while opening', afterGoMs: random() * 250 };
}

/** Writes the children acknowledged, over the whole run of one folder. */
interface Ledger {
  singles: Set<string>;
  imports: Set<string>;
}

interface Outcome {
  /** The checkpoint phase the child had printed last when it died, or where else it was. */
  diedIn: string;
  recoveredByChild: boolean;
}

/** One child, started ahead and waiting; go() lets it open the folder and arms its kill. */
class Victim {
  private phase: string | null = null;
  private stage = 'loading';
  private engineCheckpoints = 0;
  private recovered = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly process: ScriptProcess;

  constructor(
    dir: string,
    private readonly run: number,
    private readonly plan: KillPlan,
    everyWrites: number,
    ledger: Ledger,
  ) {
    this.process = new ScriptProcess(CHILD, [dir, String(run), String(everyWrites)], (line) => {
      const [kind, what = '', rest] = line.split(' ', 3);
      if (kind === 'ack') (what === 'single' ? ledger.singles : ledger.imports).add(rest ?? '');
      else if (kind === 'open') this.stage = 'opened';
      else if (kind === 'ready') {
        this.stage = 'writing';
        if (plan.moment === 'while writing') this.killAfter(plan.afterReadyMs);
      } else if (kind === 'log') this.recovered ||= line.includes('a checkpoint was interrupted');
      else if (kind === 'checkpoint') {
        this.phase = what === 'end' ? null : what;
        if (what === 'engine' && plan.moment === 'inside a checkpoint' && ++this.engineCheckpoints === plan.nthCheckpoint) this.killAfter(plan.delayMs);
      }
    });
  }

  async go(): Promise<Outcome> {
    this.stage = 'opening';
    this.process.send('go');
    if (this.plan.moment === 'while opening') this.killAfter(this.plan.afterGoMs);
    let stuck = false;
    this.timers.push(setTimeout(() => ((stuck = true), this.process.kill('SIGKILL')), STUCK_MS));
    const exit = await this.process.exited;
    for (const timer of this.timers) clearTimeout(timer);
    if (exit.signal !== 'SIGKILL') throw new Error(`run ${this.run}: the child ended by itself (code ${exit.code}):\n${exit.stderr}`);
    if (stuck) throw new Error(`run ${this.run}: the child was still alive after ${STUCK_MS} ms (${this.stage}):\n${exit.stderr}`);
    return { diedIn: this.phase ? `checkpoint ${this.phase}` : this.stage, recoveredByChild: this.recovered };
  }

  async dismiss(): Promise<void> {
    this.process.kill('SIGKILL');
    await this.process.exited;
  }

  private killAfter(ms: number): void {
    this.timers.push(setTimeout(() => this.process.kill('SIGKILL'), ms));
  }
}

const allOrderIds: Query<{ id: string }> = { name: 'crashTestOrderIds', cypher: 'MATCH (o:TradeOrder) RETURN o.id AS id', params: {} };
const wholeOrders: Query<{ total: number }> = {
  name: 'crashTestWholeOrders',
  cypher: 'MATCH (:Firm)-[:SHIPS]->(o:TradeOrder)-[:TO]->(:Firm), (o)-[:OF]->(:Segment) RETURN count(o) AS total',
  params: {},
};

/** Opens the copy of a crashed folder and lists what is wrong with it; also says whether it restored a snapshot. */
async function verify(copy: string, ledger: Ledger): Promise<{ problems: string[]; restored: boolean }> {
  const logged: string[] = [];
  const problems: string[] = [];
  let store: EmbeddedStore;
  try {
    store = await EmbeddedStore.open({ dataDir: copy, maxDbSizeBytes: CRASH_DB_BYTES, log: (m) => logged.push(m) });
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    return { problems: [`does not open: ${error instanceof Error ? error.message : String(error)}`], restored: false };
  }
  try {
    // As the server does at every start; the first kills can land before the child made the tables.
    await store.ensureSchema();
    const ids = new Set((await store.read(allOrderIds)).map((r) => r.id));
    const missingSingles = [...ledger.singles].filter((id) => !ids.has(id));
    if (missingSingles.length > 0) problems.push(`acknowledged single writes missing: ${missingSingles.join(', ')}`);
    const perBatch = new Map<string, number>();
    for (const id of ids) {
      const batch = batchOf(id);
      if (batch) perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    const missingImports = [...ledger.imports].filter((b) => perBatch.get(b) !== IMPORT_SIZE);
    if (missingImports.length > 0) problems.push(`acknowledged imports not whole: ${missingImports.join(', ')}`);
    const partial = [...perBatch].filter(([, n]) => n !== IMPORT_SIZE);
    if (partial.length > 0) problems.push(`partial imports: ${partial.map(([b, n]) => `${b} has ${n} of ${IMPORT_SIZE}`).join(', ')}`);
    const [whole] = await store.read(wholeOrders);
    if (whole?.total !== ids.size) problems.push(`${ids.size} orders, but ${whole?.total} with all three edges`);
  } catch (error) {
    problems.push(`opens, but fails to be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await store.close();
    rmSync(copy, { recursive: true, force: true });
  }
  return { problems, restored: logged.some((m) => m.includes('a checkpoint was interrupted')) };
}

interface LaneReport {
  diedIn: Map<string, number>;
  restoredByParent: number;
  restoredByChild: number;
  problems: string[];
}

async function lane(index: number, kills: number): Promise<LaneReport> {
  const random = seededRandom(SEED + index);
  const dir = mkdtempSync(path.join(tmpdir(), `yulian-crash-${index}-`));
  const ledger: Ledger = { singles: new Set(), imports: new Set() };
  const report: LaneReport = { diedIn: new Map(), restoredByParent: 0, restoredByChild: 0, problems: [] };
  const spawnVictim = (i: number) => {
    const plan = planKill(random);
    return { plan, victim: new Victim(dir, index * 100_000 + i, plan, 1 + Math.floor(random() * 3), ledger) };
  };
  let next = spawnVictim(0);
  let checking: Promise<void> = Promise.resolve();
  try {
    for (let i = 0; i < kills && report.problems.length === 0; i++) {
      const { plan, victim } = next;
      next = spawnVictim(i + 1);
      const outcome = await victim.go();
      report.diedIn.set(outcome.diedIn, (report.diedIn.get(outcome.diedIn) ?? 0) + 1);
      if (outcome.recoveredByChild) report.restoredByChild++;
      // The acknowledgements so far, and a copy of the folder as the kill left it, checked while the next child runs.
      const acked: Ledger = { singles: new Set(ledger.singles), imports: new Set(ledger.imports) };
      const copy = `${dir}-after-kill-${i}`;
      cpSync(dir, copy, { recursive: true });
      await checking;
      checking = verify(copy, acked).then(({ problems, restored }) => {
        if (restored) report.restoredByParent++;
        for (const p of problems) report.problems.push(`kill ${i} of lane ${index} (${plan.moment}, died in ${outcome.diedIn}, seed ${SEED}): ${p}`);
      });
    }
    await checking;
  } finally {
    await next.victim.dismiss();
    await checking.catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

describe('the embedded store killed with SIGKILL', () => {
  it(
    `reopens with every acknowledged write and no partial import after ${KILLS} kills at random moments`,
    async () => {
      const started = performance.now();
      const perLane = Array.from({ length: LANES }, (_, i) => Math.floor(KILLS / LANES) + (i < KILLS % LANES ? 1 : 0));
      // allSettled: a lane that fails must not leave the other's child and folder behind.
      const settled = await Promise.allSettled(perLane.map((kills, i) => lane(i, kills)));
      const reports = settled.map((s) => {
        if (s.status === 'rejected') throw s.reason;
        return s.value;
      });
      const diedIn = new Map<string, number>();
      for (const r of reports) for (const [where, n] of r.diedIn) diedIn.set(where, (diedIn.get(where) ?? 0) + n);
      const insideEngineCheckpoint = diedIn.get('checkpoint engine') ?? 0;
      const insideGuard = insideEngineCheckpoint + (diedIn.get('checkpoint start') ?? 0) + (diedIn.get('checkpoint engine-done') ?? 0);
      console.log(
        `crash test: ${KILLS} kills in ${((performance.now() - started) / 1000).toFixed(1)} s; died in ${JSON.stringify(Object.fromEntries(diedIn))}; ` +
          `${insideEngineCheckpoint} inside the engine's CHECKPOINT, ${insideGuard} inside the guarded checkpoint; ` +
          `snapshots restored by the parent ${reports.reduce((n, r) => n + r.restoredByParent, 0)}, by the next child ${reports.reduce((n, r) => n + r.restoredByChild, 0)}`,
      );
      expect(reports.flatMap((r) => r.problems)).toEqual([]);
      // The point of the test: kills inside the engine's checkpoint, which an unguarded store does not survive.
      expect(insideEngineCheckpoint).toBeGreaterThanOrEqual(Math.ceil(KILLS / 10));
    },
    Math.max(120_000, KILLS * 3_000),
  );
});
