import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom, type Exit } from './child-process';
import { Client } from './client';
import { EntryProcess, freePort } from './entry-process';
import { Ledger } from './ledger';
import { Planner, type RunPlan, type Sequence } from './plan';
import { Checker } from './checker';
import type { RestoreExpectation } from './verify-folder';
import type { Invariant } from './verify';
import { WriteMaker } from './writes';

/** A server or CLI that has not started, answered or ended by then is stuck (generous: the machine is shared). */
const STUCK_MS = 90_000;
/** Window of a kill at a random instant while writes go on. */
const RANDOM_WINDOW_MS = 2_500;
/** Window after a kill at a random instant before a backup or restore (shorter: that step matters more). */
const SERVER_WINDOW_MS = 1_200;
/** A checkpointing server not killed inside a checkpoint by then is killed anyway. */
const CHECKPOINT_FALLBACK_MS = 8_000;
/** Share of imports among the writes of a random run. */
const IMPORT_SHARE = 0.15;
/** Bound on the writes of one run, should a kill never come. */
const MAX_WRITES = 500;

export interface LaneOptions {
  index: number;
  lanes: number;
  kills: number;
  seed: number;
  template: string;
  token: string;
}

export interface LaneProblem {
  lane: number;
  run: number;
  sequence: Sequence;
  invariant: Invariant;
  detail: string;
}

export interface LaneReport {
  kills: number;
  runs: { run: number; sequence: Sequence; kills: number; diedIn: string; ms: number; phases: string }[];
  problems: LaneProblem[];
  /** Stores given up after a problem and started again from the template. */
  resets: number;
  refusals: string[];
}

interface Prepared {
  plan: RunPlan;
  server: EntryProcess;
  clis: EntryProcess[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const lastLine = (text: string) => text.trim().split('\n').filter((l) => l.trim() !== '').slice(-2).join(' / ').slice(0, 400);

/**
 * One data folder, killed again and again: each run starts a pre-started server on the folder
 * (which recovers what the kill before left), drives one sequence of plan.ts over HTTP and the
 * CLI, kills, and checks a copy of the folder against the ledger before the next run. A problem
 * is reported against the run whose kill caused it, and the folder is then started afresh from
 * the template, so that one failure does not repeat in every later run.
 */
export class Lane {
  readonly report: LaneReport = { kills: 0, runs: [], problems: [], resets: 0, refusals: [] };
  private readonly base: string;
  private readonly dir: string;
  private readonly dumps: string;
  private readonly planner: Planner;
  private readonly writeRandom: () => number;
  private readonly ledger = new Ledger();
  private readonly checker = new Checker();
  private readonly maker: WriteMaker;
  private readonly prefix: string;
  private since = new Date().toISOString();
  /** Learned lengths of steps, in ms, so that kills land inside them on a fast or a loaded machine. */
  private readonly estimates = { open: 1_500, import: 500, backup: 1_500, restore: 1_500 };
  private last: { run: number; sequence: Sequence } | null = null;
  /** When each step of the current run ended, for the verbose report. */
  private phases: [string, number][] = [];

  constructor(private readonly o: LaneOptions) {
    this.base = mkdtempSync(path.join(tmpdir(), `yulian-matrix-${o.index}-`));
    this.dir = path.join(this.base, 'store');
    this.dumps = path.join(this.base, 'dumps');
    mkdirSync(this.dumps);
    cpSync(o.template, this.dir, { recursive: true });
    this.planner = new Planner(seededRandom(o.seed * 31 + o.index), seededRandom(o.seed), o.index, o.lanes);
    this.writeRandom = seededRandom(o.seed * 17 + o.index + 1);
    this.prefix = `m${o.index}`;
    this.maker = new WriteMaker(this.writeRandom, this.prefix, this.ledger);
  }

  async drive(): Promise<LaneReport> {
    let next = this.prepare(this.planner.next());
    try {
      for (let run = 0; this.report.kills < this.o.kills && run < this.o.kills * 3; run++) {
        const current = next;
        next = this.prepare(this.planner.next());
        const started = performance.now();
        const before = this.report.kills;
        this.phases = [];
        try {
          const diedIn = await this.execute(run, current);
          this.report.runs.push({
            run, sequence: current.plan.sequence, kills: this.report.kills - before, diedIn, ms: Math.round(performance.now() - started),
            phases: this.phases.map(([name, at]) => `${name} ${Math.round(at - started)}`).join(', '),
          });
        } finally {
          await dismiss(current);
        }
      }
    } finally {
      await dismiss(next);
      await this.checker.close();
      rmSync(this.base, { recursive: true, force: true });
    }
    return this.report;
  }

  /** A server (and the CLI processes the sequence needs) spawned now, to load while the run before goes on. */
  private prepare(plan: RunPlan): Prepared {
    const clis = plan.sequence === 'backup' ? 1 : plan.sequence === 'restore' ? 2 : 0;
    return { plan, server: new EntryProcess('server'), clis: Array.from({ length: clis }, () => new EntryProcess('cli')) };
  }

  /** Runs one plan; answers where the server died (a checkpoint phase, or the step). */
  private async execute(run: number, { plan, server, clis }: Prepared): Promise<string> {
    // The default buffer pool, as users run it. The checkpointing server (a checkpoint after every
    // write or two) segfaults now and then inside the engine's CHECKPOINT at 64 MiB and at the
    // default alike (seed 20261203: lane 1 run 0; 4 of 26 checkpoint runs in 200 kills).
    const env = { YULIAN_DATA_DIR: this.dir, NODE_ENV: 'production' };
    const port = await freePort();
    const serverEnv = {
      ...env, PORT: String(port), HOST: '127.0.0.1', YULIAN_SEED: 'off', YULIAN_RATE_LIMIT_PER_MINUTE: '100000',
      YULIAN_RATE_LIMIT_PER_USER_PER_MINUTE: '100000',
      // Every import of a run is one user's: the per-user import limit would refuse most of them.
      YULIAN_IMPORT_RATE_LIMIT_PER_MINUTE: '100000',
    };
    await within(server.loaded, STUCK_MS, 'a server child never loaded');
    this.mark('loaded');
    const opening = performance.now();
    if (plan.sequence === 'checkpoint') server.start({ entry: 'checkpointing-server', env: serverEnv, checkpointEveryWrites: plan.checkpointEveryWrites });
    else server.start({ entry: 'server', env: serverEnv });

    if (plan.sequence === 'opening') {
      await Promise.race([sleep(plan.killAt * this.estimates.open), server.exited]);
      await this.kill(server, run, plan.sequence);
      await this.check(run, plan.sequence);
      return 'opening';
    }

    const started = await server.untilServing(STUCK_MS);
    if (!started.serving) {
      // The kill before left a folder the server cannot start on.
      const blame = this.last ?? { run, sequence: plan.sequence };
      this.problem(blame.run, blame.sequence, 'opens', `the server does not start on the folder: ${lastLine(started.exit.stderr || server.lines.join('\n'))}`);
      await this.restart();
      return 'not started';
    }
    this.learn('open', performance.now() - opening);
    this.mark('serving');
    const client = new Client(`http://127.0.0.1:${port}`, this.o.token, this.ledger, run, this.report.refusals);
    for (let i = 0; i < plan.warmupWrites; i++) await client.perform(this.maker.any());

    let diedIn = plan.sequence as string;
    if (plan.sequence === 'random') {
      await this.writeUntilKilled(client, server, run, plan.sequence, plan.killAt * RANDOM_WINDOW_MS);
    } else if (plan.sequence === 'import-write') {
      // Orders, as in issue 13: an order import goes its own way into the embedded store.
      await client.perform(this.maker.importOrders(5 + Math.floor(this.writeRandom() * 60)));
      await client.perform(this.maker.any());
      await sleep(plan.killAt * 20);
      await this.kill(server, run, plan.sequence);
    } else if (plan.sequence === 'import') {
      const write = this.maker.anyImport();
      const importing = client.perform(write);
      await Promise.race([sleep(plan.killAt * 1.3 * this.estimates.import), importing]);
      await this.kill(server, run, plan.sequence);
      const outcome = await importing;
      if (outcome.answered) this.learn('import', outcome.ms);
    } else if (plan.sequence === 'checkpoint') {
      diedIn = await this.killInCheckpoint(client, server, run, plan);
    } else {
      await this.writeUntilKilled(client, server, run, plan.sequence, plan.serverKillAt * SERVER_WINDOW_MS);
      const dump = path.join(this.dumps, `run-${run}.dump`);
      const [backupCli, restoreCli] = clis;
      if (!backupCli) throw new Error('a backup needs its CLI process');
      if (plan.sequence === 'backup') {
        diedIn = await this.cli(backupCli, env, ['backup', dump], 'backup', plan.killAt, run, plan.sequence);
      } else {
        const backedUp = await this.cli(backupCli, env, ['backup', dump], 'backup', null, run, plan.sequence);
        if (backedUp !== 'finished') {
          await this.check(run, plan.sequence);
          return `backup ${backedUp}`;
        }
        if (!restoreCli) throw new Error('a restore needs its CLI process');
        rmSync(this.dir, { recursive: true, force: true });
        mkdirSync(this.dir);
        diedIn = await this.cli(restoreCli, env, ['restore', dump], 'restore', plan.killAt, run, plan.sequence);
        await this.check(run, plan.sequence, { dump, killed: diedIn === 'killed' }, env);
        return `restore ${diedIn}`;
      }
      diedIn = `backup ${diedIn}`;
    }
    await this.check(run, plan.sequence);
    return diedIn;
  }

  /** Writes of every kind until the kill lands `ms` after now. */
  private async writeUntilKilled(client: Client, server: EntryProcess, run: number, sequence: Sequence, ms: number): Promise<void> {
    let killed = false;
    const timer = setTimeout(() => ((killed = true), void server.kill()), ms);
    for (let i = 0; !killed && i < MAX_WRITES; i++) {
      await client.perform(this.writeRandom() < IMPORT_SHARE ? this.maker.anyImport() : this.maker.any());
    }
    clearTimeout(timer);
    await this.kill(server, run, sequence);
  }

  /** Writes on a server that checkpoints every few writes, killed a few ms into its nth checkpoint's engine phase. */
  private async killInCheckpoint(client: Client, server: EntryProcess, run: number, plan: RunPlan): Promise<string> {
    let phase = 'outside a checkpoint';
    let engines = 0;
    let killed = false;
    let diedIn = '';
    const killNow = () => {
      if (killed) return;
      killed = true;
      diedIn = `checkpoint ${phase}`;
      void server.kill();
    };
    server.onCheckpoint((p) => {
      phase = p === 'end' ? 'outside a checkpoint' : p;
      if (p === 'engine' && ++engines === plan.nthCheckpoint) setTimeout(killNow, plan.checkpointDelayMs);
    });
    const fallback = setTimeout(killNow, CHECKPOINT_FALLBACK_MS);
    for (let i = 0; !killed && i < MAX_WRITES; i++) await client.perform(this.maker.any());
    clearTimeout(fallback);
    killNow();
    await this.kill(server, run, plan.sequence);
    return diedIn;
  }

  /**
   * Runs `pnpm yulian <args>` in its pre-started process: to its end when killAt is null, else
   * killed at that fraction of the step's learned length. Answers 'finished', 'killed' or 'failed'.
   */
  private async cli(
    cli: EntryProcess,
    env: Record<string, string>,
    args: string[],
    step: 'backup' | 'restore',
    killAt: number | null,
    run: number,
    sequence: Sequence,
  ): Promise<'finished' | 'killed' | 'failed'> {
    await within(cli.loaded, STUCK_MS, 'a CLI child never loaded');
    const started = performance.now();
    cli.start({ entry: 'cli', env, args });
    let exit: Exit;
    if (killAt === null) {
      exit = await cli.untilExit(STUCK_MS);
    } else {
      await Promise.race([sleep(killAt * 1.3 * this.estimates[step]), cli.exited]);
      exit = await this.kill(cli, run, sequence);
    }
    if (exit.signal === 'SIGKILL') return 'killed';
    if (exit.code === 0) {
      this.learn(step, performance.now() - started);
      return 'finished';
    }
    this.problem(run, sequence, step === 'backup' ? 'backup' : 'restore', `pnpm yulian ${args.join(' ')} exited ${exit.code}: ${lastLine(exit.stderr)}`);
    return 'failed';
  }

  /** SIGKILL, counted when the process was still alive for it; a process that died by itself is a problem. */
  private async kill(process: EntryProcess, run: number, sequence: Sequence): Promise<Exit> {
    const exit = await process.kill();
    this.mark('killed');
    if (exit.signal === 'SIGKILL') this.report.kills++;
    else if (exit.code !== 0) {
      const said = process.lines.slice(-4).join(' | ').slice(0, 400);
      this.problem(run, sequence, 'alive', `died by itself (${exit.signal ?? `exit code ${exit.code}`}): ${lastLine(exit.stderr)}; its last lines: ${said}`);
    }
    this.last = { run, sequence };
    return exit;
  }

  private mark(phase: string): void {
    this.phases.push([phase, performance.now()]);
  }

  /**
   * Checks a copy of the folder as the kill left it (the next server recovers the original). After
   * a killed restore that the open refuses, re-runs the restore, which must then finish.
   */
  private async check(run: number, sequence: Sequence, restore?: RestoreExpectation, env?: Record<string, string>): Promise<void> {
    this.mark('step');
    const copy = `${this.dir}-copy`;
    rmSync(copy, { recursive: true, force: true });
    cpSync(this.dir, copy, { recursive: true });
    try {
      const result = await this.checker.check({ dir: copy, view: this.ledger.view(), lane: { prefix: this.prefix, since: this.since }, ...(restore ? { restore } : {}) });
      for (const p of result.problems) this.problem(run, sequence, p.invariant, p.detail);
      if (result.rerun && restore && env) {
        const again = new EntryProcess('cli');
        const rerun = await this.cli(again, env, ['restore', restore.dump], 'restore', null, run, sequence).finally(() => again.kill());
        if (rerun !== 'finished') this.problem(run, sequence, 'rerun', `a second restore after the killed one did not finish (${rerun})`);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
      this.mark('checked');
    }
    if (this.report.problems.some((p) => p.run === run)) await this.restart();
  }

  private problem(run: number, sequence: Sequence, invariant: Invariant, detail: string): void {
    if (this.report.problems.some((p) => p.run === run && p.invariant === invariant && p.detail === detail)) return;
    this.report.problems.push({ lane: this.o.index, run, sequence, invariant, detail });
  }

  /** Gives the folder up and starts again from the template, with nothing the lane wrote. */
  private async restart(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    cpSync(this.o.template, this.dir, { recursive: true });
    this.ledger.reset();
    this.since = new Date().toISOString();
    this.report.resets++;
  }

  private learn(step: keyof Lane['estimates'], ms: number): void {
    // A moving average: the machine's load changes while a soak runs.
    this.estimates[step] = Math.round(this.estimates[step] * 0.6 + ms * 0.4);
  }
}

async function dismiss(prepared: Prepared): Promise<void> {
  await Promise.all([prepared.server, ...prepared.clis].map((p) => p.kill()));
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
