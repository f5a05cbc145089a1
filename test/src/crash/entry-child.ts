/**
 * One of the product's real entry points, started ahead of its turn so that the crash matrix can
 * kill it with SIGKILL:
 *   node --import tsx test/src/crash/entry-child.ts server|cli
 * Loading the server's TypeScript takes ~4 s of CPU (the CLI's ~2 s), most of a child's life; so
 * this loads the modules of the server or of the CLI first, prints `loaded`, and waits for one line of JSON on standard input (an EntryStart)
 * before it touches any data folder. Then it runs:
 *   - `server`: server/src/main.ts itself, configured by the environment it is given;
 *   - `checkpointing-server`: the same app built as main.ts and test/src/harness.ts build it, over
 *     a store that checkpoints after every few writes (an option main.ts does not expose) and
 *     prints `checkpoint <phase>` as each checkpoint passes its phases, so the parent can kill
 *     inside one;
 *   - `cli`: server/src/cli/yulian.ts (`pnpm yulian …`) with the given arguments.
 * Lines go out with writeSync, so a line the parent has read was printed before the kill.
 */
import { writeSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../server/src/config';
import { parseEntryStart } from './entry-start';

const say = (line: string) => writeSync(1, `${line}\n`);
const here = path.dirname(fileURLToPath(import.meta.url));

// What main.ts or the CLI imports, loaded before the go line: their own import then finds it cached.
if (process.argv[2] === 'cli') {
  await Promise.all([import('../../../server/src/cli/data-commands'), import('../../../server/src/cli/user-commands'), import('../../../server/src/store/open')]);
} else {
  await Promise.all([
    import('@yulian/seed'),
    import('../../../server/src/auth/demo-accounts'),
    import('../../../server/src/http/app'),
    import('../../../server/src/seeding/load-dataset'),
    import('../../../server/src/store/open'),
  ]);
}

say('loaded');
const line = await new Promise<string>((resolve) => {
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString();
    const end = pending.indexOf('\n');
    if (end < 0) return;
    process.stdin.off('data', onData);
    // Nothing more comes on standard input; left flowing, it would keep a finished CLI alive.
    process.stdin.pause();
    resolve(pending.slice(0, end));
  };
  process.stdin.on('data', onData);
});
const start = parseEntryStart(line);
Object.assign(process.env, start.env);

if (start.entry === 'server') {
  await import('../../../server/src/main');
} else if (start.entry === 'cli') {
  process.argv = [process.argv[0] ?? process.execPath, path.join(here, '../../../server/src/cli/yulian.ts'), ...start.args];
  await import('../../../server/src/cli/yulian');
} else {
  // As store/open.ts opens it, plus the checkpoint options; then as main.ts serves it.
  const [{ EmbeddedStore }, { ensureTradeLinks }, { createApp }] = await Promise.all([
    import('../../../server/src/store/embedded/adapter'),
    import('../../../server/src/store/trade-links'),
    import('../../../server/src/http/app'),
  ]);
  const config = loadConfig();
  if (config.store.kind !== 'embedded') throw new Error('the checkpointing server is for the embedded store');
  const store = await EmbeddedStore.open({
    dataDir: config.store.dataDir,
    queryTimeoutMs: config.queryTimeoutMs,
    bufferPoolBytes: config.store.bufferPoolBytes || undefined,
    checkpointEveryWrites: start.checkpointEveryWrites,
    onCheckpoint: (event) => say(`checkpoint ${event.phase}`),
    log: (message) => say(`log ${message}`),
  });
  await store.ensureSchema();
  await ensureTradeLinks(store);
  const app = createApp({ store, development: false, security: config.security, logistics: config.logistics, imports: config.imports });
  await new Promise<Server>((resolve) => {
    const server = app.listen(config.port, config.host, () => resolve(server));
  });
  say(`Yulian is serving on http://localhost:${config.port} (checkpointing every ${start.checkpointEveryWrites} writes)`);
}
