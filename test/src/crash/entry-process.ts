import { createServer } from 'node:net';
import { ScriptProcess, type Exit } from './child-process';
import type { EntryStart } from './entry-start';

const SCRIPT = 'test/src/crash/entry-child.ts';
const SERVING = 'Yulian is serving';

/** How a pre-started entry point ended up: it is serving, or it ended (by itself or killed) first. */
export type Started = { serving: true } | { serving: false; exit: Exit };

/**
 * Children loading at once. Loading is all CPU: on two cores, more at a time only slows each, and
 * the one a lane needs next would wait behind those it needs later. First come, first loaded.
 */
const LOADING_AT_ONCE = 2;
let loadingNow = 0;
const waitingToLoad: (() => void)[] = [];

function takeLoadSlot(): Promise<void> {
  if (loadingNow < LOADING_AT_ONCE) {
    loadingNow++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waitingToLoad.push(resolve));
}

function giveLoadSlot(): void {
  const next = waitingToLoad.shift();
  if (next) next();
  else loadingNow--;
}

/**
 * The parent's handle on one entry-child.ts: spawned as soon as a load slot is free so that it
 * loads while the run before it is still going, told what to run with start(), killed with SIGKILL.
 */
export class EntryProcess {
  readonly exited: Promise<Exit>;
  private process: ScriptProcess | null = null;
  private exitedNow: (exit: Exit) => void = () => undefined;
  private readonly output: string[] = [];
  private servingNow: () => void = () => undefined;
  private readonly serving = new Promise<void>((resolve) => (this.servingNow = resolve));
  private loadedNow: () => void = () => undefined;
  /** Resolves once the child has loaded its modules and waits for start(). */
  readonly loaded = new Promise<void>((resolve) => (this.loadedNow = resolve));
  private checkpointListener: (phase: string) => void = () => undefined;
  private killed = false;

  constructor(kind: 'server' | 'cli') {
    this.exited = new Promise((resolve) => (this.exitedNow = resolve));
    void takeLoadSlot().then(() => {
      if (this.killed) {
        giveLoadSlot();
        return;
      }
      let holdsSlot = true;
      const release = () => {
        if (holdsSlot) giveLoadSlot();
        holdsSlot = false;
      };
      this.process = new ScriptProcess(SCRIPT, [kind], (line) => {
        this.output.push(line);
        if (line === 'loaded') {
          release();
          this.loadedNow();
        } else if (line.startsWith(SERVING)) this.servingNow();
        else if (line.startsWith('checkpoint ')) this.checkpointListener(line.slice('checkpoint '.length));
      });
      this.process.exited.then(
        (exit) => (release(), this.exitedNow(exit)),
        (error: unknown) => (release(), this.exitedNow({ code: null, signal: null, stderr: String(error) })),
      );
    });
  }

  /** Called with each checkpoint phase a checkpointing server passes (start, engine, engine-done, end). */
  onCheckpoint(listener: (phase: string) => void): void {
    this.checkpointListener = listener;
  }

  /** Call after `loaded`. */
  start(spec: EntryStart): void {
    if (!this.process) throw new Error('start() before the child was spawned');
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
      // Not spawned yet: it never will be.
      if (this.process) this.process.kill('SIGKILL');
      else this.exitedNow({ code: null, signal: null, stderr: 'never started' });
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
