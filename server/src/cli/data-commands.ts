import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { dumpGraph, type Progress } from '../backup/dump';
import { DumpLineError, totalOf, type DumpCounts } from '../backup/format';
import { restoreGraph, RestoreRefused } from '../backup/restore';
import { loadConfig, type Config } from '../config';
import { EmbeddedStore } from '../store/embedded/adapter';
import { isLockedError } from '../store/embedded/folder-lock';
import { openStore } from '../store/open';
import type { GraphStore } from '../store/port';
import { StoreProblem, UsageError } from './cli-errors';

/**
 * pnpm yulian backup <file>   the whole graph as a dump (backup/format.ts), written page by page
 * pnpm yulian restore <file>  a dump into an empty store, every line checked before anything is written;
 *                             a store a killed restore left part-written is emptied first
 *
 * Both open the configured store themselves; the embedded store admits one process, so the server
 * must be stopped (which also keeps a backup from mixing states). Progress goes to standard error,
 * the summary to standard output.
 */

export interface DataCommandIo {
  out(line: string): void;
  warn(line: string): void;
}

export async function runDataCommand(command: 'backup' | 'restore', args: string[], io: DataCommandIo): Promise<void> {
  const [file, extra] = args;
  if (!file) throw new UsageError(`${command}: <file> is missing\nusage: pnpm yulian ${command} <file>`);
  if (extra !== undefined) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(extra)}; give one file`);
  const target = path.resolve(file);
  if (command === 'backup') {
    if (existsSync(target)) throw new UsageError(`<file>: ${target} exists; a backup never overwrites a file, so choose a new name or remove it first`);
    if (!existsSync(path.dirname(target))) throw new UsageError(`<file>: the folder ${path.dirname(target)} does not exist`);
  } else if (!existsSync(target) || !statSync(target).isFile()) {
    throw new UsageError(`<file>: there is no file ${target}`);
  }

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    throw new StoreProblem(error instanceof Error ? error.message : String(error));
  }
  const store = await openForData(config, command);
  // A restore marks the embedded folder while it writes, so that a killed one is neither served nor backed up as whole.
  const marker = store instanceof EmbeddedStore ? store.restoreMarker : undefined;
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    if (command === 'backup') {
      const counts = await dumpGraph(store, target, { onProgress: progressPrinter('backup', io) });
      io.out(`backed up ${describe(counts)} to ${target} (${statSync(target).size} bytes) in ${seconds()} s`);
    } else {
      if (await marker?.present()) io.warn('restore: the store holds part of a restore that did not finish; it is emptied before the dump is written');
      const counts = await restoreGraph(store, target, { onProgress: progressPrinter('restore', io), marker }).catch((error: unknown) => {
        if (error instanceof DumpLineError) throw new UsageError(`${target}, ${error.message}; nothing was written`);
        if (error instanceof RestoreRefused) throw new StoreProblem(error.message);
        throw error;
      });
      io.out(`restored ${describe(counts)} from ${target} in ${seconds()} s`);
    }
  } finally {
    await store.close();
  }
}

async function openForData(config: Config, command: string): Promise<GraphStore> {
  try {
    return await openStore(config, { restoring: command === 'restore' });
  } catch (error) {
    if (config.store.kind === 'embedded' && isLockedError(error)) {
      throw new StoreProblem(
        `the embedded store in ${config.store.dataDir} is in use by another process, most likely a running Yulian server. ` +
          `Stop the server first: ${command} opens the store directly.`,
      );
    }
    throw new StoreProblem(`cannot open the store: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function describe(counts: DumpCounts): string {
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  return `${sum(counts.nodes)} nodes and ${sum(counts.relationships)} relationships (${totalOf(counts)} lines)`;
}

/** At most a line a second, and the last one always. */
function progressPrinter(command: string, io: DataCommandIo): (progress: Progress & { phase?: string }) => void {
  let last = 0;
  return ({ done, total, phase }) => {
    const now = performance.now();
    if (done < total && now - last < 1000) return;
    last = now;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    io.warn(`${command}${phase ? ` (${phase})` : ''}: ${done} of ${total} lines, ${percent}%`);
  };
}
