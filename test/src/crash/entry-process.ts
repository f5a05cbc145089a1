import { createServer } from 'node:net';
import { ScriptProcess, type Exit } from './child-process';
import type { EntryStart } from './entry-start';

const SCRIPT = 'test/src/crash/entry-child.ts';
const SERVING = 'Yulian is serving';

/** How a pre-started entry point ended up: it is serving, or it ended (by itself or killed) first. */
export type Started = { serving: true } | { serving: false; exit: Exit };

/**
 * The parent's handle on one entry-child.ts: spawned at once so that it loads while the run before
 * it is still going, told what to run with start(), killed with SIGKILL.
 */
export class EntryProcess {
  readonly exited: Promise<Exit>;
  private readonly process: ScriptProcess;
  private readonly output: string[] = [];
  private servingNow: () => void = () => undefined;
  private readonly serving = new Promise<void>((resolve) => (this.servingNow = resolve));
  private loadedNow: () => void = () => undefined;
  /** Resolves once the child has loaded its modules and waits for start(). */
  readonly loaded = new Promise<void>((resolve) => (this.loadedNow = resolve));
  private checkpointListener: (phase: string) => void = () => undefined;
  private killed = false;

  constructor() {
    this.process = new ScriptProcess(SCRIPT, [], (line) => {
      this.output.push(line);
      if (line === 'loaded') this.loadedNow();
      else if (line.startsWith(SERVING)) this.servingNow();
      else if (line.startsWith('checkpoint ')) this.checkpointListener(line.slice('checkpoint '.length));
    });
    this.exited = this.process.exited;
  }

  /** Called with each checkpoint phase a checkpointing server passes (start, engine, engine-done, end). */
  onCheckpoint(listener: (phase: string) => void): void {
    this.checkpointListener = listener;
  }

  start(spec: EntryStart): void {
    this.process.send(JSON.stringify(spec));
  }

  /** Waits until a server prints that it serves, or the process ends first, or `ms` pass (then it is killed). */
  async untilServing(ms: number): Promise<Started> {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.serving.then((): Started => ({ serving: true })),
      this.exited.then((exit): Started => ({ serving: false, exit })),
      new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms))),
    ]);
    clearTimeout(timer);
    if (outcome !== 'late') return outcome;
    const exit = await this.kill();
    return { serving: false, exit: { ...exit, stderr: `not serving after ${ms} ms\n${exit.stderr}` } };
  }

  /** Waits for the process to end by itself for at most `ms`; then kills it. */
  async untilExit(ms: number): Promise<Exit & { late: boolean }> {
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([this.exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms)))]);
    clearTimeout(timer);
    if (late) return { ...(await this.kill()), late: true };
    return { ...(await this.exited), late: false };
  }

  /** SIGKILL, once; answers how the process ended (it may have ended before). */
  async kill(): Promise<Exit> {
    if (!this.killed) {
      this.killed = true;
      this.process.kill('SIGKILL');
    }
    return this.exited;
  }

  get lines(): readonly string[] {
    return this.output;
  }
}

/** A free loopback port, for a server that must be told its port (main.ts prints the configured one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
