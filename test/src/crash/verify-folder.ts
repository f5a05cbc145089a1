import { readFileSync } from 'node:fs';
import { loadConfig, openStore, type GraphStore } from '@yulian/server';
import { countGraph } from '../../../server/src/backup/dump';
import { parseHeader, totalOf, type DumpCounts } from '../../../server/src/backup/format';
import type { LedgerView } from './ledger';
import { verifyStore, type Problem } from './verify';

/** What a restore was to write, and whether it was killed before it said it had. */
export interface RestoreExpectation {
  dump: string;
  killed: boolean;
}

export interface FolderCheck {
  problems: Problem[];
  /**
   * A killed restore left the folder so that the restore must be run again: the open refused it,
   * naming the unfinished restore, or the restore had written nothing yet.
   */
  rerun: boolean;
}

/** Explains a refusal at open as an unfinished restore: issue 13 asks for a clear message. */
const NAMES_RESTORE = /restor/i;

/**
 * Opens a crashed folder (a copy of it) as the server and the CLI do, with store/open.ts and the
 * configuration read from an environment, and checks it against the ledger.
 */
export async function checkFolder(dir: string, view: LedgerView, lane: { prefix: string; since: string }, restore?: RestoreExpectation): Promise<FolderCheck> {
  let store: GraphStore;
  try {
    store = await openStore(loadConfig({ YULIAN_DATA_DIR: dir, NODE_ENV: 'production' }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (restore?.killed && NAMES_RESTORE.test(message)) return { problems: [], rerun: true };
    return { problems: [{ invariant: 'opens', detail: `does not open: ${message.slice(0, 300)}` }], rerun: false };
  }
  try {
    if (restore) {
      const expected = parseHeader(readFileSync(restore.dump, 'utf8').split('\n', 1)[0]).counts;
      const counts = await countGraph(store);
      if (restore.killed && totalOf(counts) === 0) return { problems: [], rerun: true };
      const difference = countDifference(expected, counts);
      // The ledger's checks would only list what the missing part held.
      if (difference) return { problems: [{ invariant: 'restore', detail: `a ${restore.killed ? 'killed' : 'finished'} restore opens without a word, holding ${difference}` }], rerun: false };
    }
    return { problems: await verifyStore(store, view, lane), rerun: false };
  } catch (error) {
    return { problems: [{ invariant: 'opens', detail: `opens, but cannot be read: ${error instanceof Error ? error.message : String(error)}` }], rerun: false };
  } finally {
    await store.close();
  }
}

function countDifference(expected: DumpCounts, actual: DumpCounts): string | null {
  const parts: string[] = [];
  for (const group of ['nodes', 'relationships'] as const) {
    for (const [name, n] of Object.entries(expected[group])) {
      const got = actual[group][name] ?? 0;
      if (got !== n) parts.push(`${got} of ${n} ${name}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : null;
}
