import { ScriptProcess } from './child-process';
import { checkRequestLine, type CheckRequest } from './check-request';
import type { FolderCheck } from './verify-folder';

const SCRIPT = 'test/src/crash/checker-child.ts';
/** A check that takes this long is stuck. */
const CHECK_MS = 120_000;

/**
 * The parent's handle on checker-child.ts: one process checks folder after folder; when an open
 * crashes it, that is the answer (the store does not open), and the next check gets a new process.
 */
export class Checker {
  private child: { process: ScriptProcess; lines: string[]; wake: () => void } | null = null;

  async check(request: CheckRequest): Promise<FolderCheck> {
    const child = this.child ?? this.spawn();
    this.child = child;
    child.process.send(checkRequestLine(request));
    let timer: NodeJS.Timeout | undefined;
    const crashed = child.process.exited.then((exit) => exit);
    const answered = new Promise<string>((resolve) => {
      const look = () => {
        const at = child.lines.findIndex((l) => l.startsWith('result '));
        if (at >= 0) resolve(child.lines.splice(0, at + 1)[at]?.slice('result '.length) ?? '');
        else child.wake = look;
      };
      look();
    });
    const outcome = await Promise.race([
      answered,
      crashed,
      new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), CHECK_MS))),
    ]);
    clearTimeout(timer);
    if (typeof outcome === 'string' && outcome !== 'stuck') return JSON.parse(outcome) as FolderCheck;
    this.child = null;
    if (outcome === 'stuck') {
      child.process.kill('SIGKILL');
      return { problems: [{ invariant: 'opens', detail: `opening and checking it took over ${CHECK_MS} ms` }], rerun: false };
    }
    const tail = outcome.stderr.trim().split('\n').slice(-2).join(' / ').slice(0, 300);
    return { problems: [{ invariant: 'opens', detail: `opening it crashed the process (${outcome.signal ?? `exit code ${outcome.code}`}): ${tail}` }], rerun: false };
  }

  async close(): Promise<void> {
    if (!this.child) return;
    this.child.process.kill('SIGKILL');
    await this.child.process.exited;
    this.child = null;
  }

  private spawn(): { process: ScriptProcess; lines: string[]; wake: () => void } {
    const child: { process: ScriptProcess | null; lines: string[]; wake: () => void } = { process: null, lines: [], wake: () => undefined };
    child.process = new ScriptProcess(SCRIPT, [], (line) => {
      child.lines.push(line);
      child.wake();
    });
    return child as { process: ScriptProcess; lines: string[]; wake: () => void };
  }
}
