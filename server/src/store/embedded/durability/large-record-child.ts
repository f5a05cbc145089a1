/**
 * The large-record test's process, so that it can be killed with SIGKILL and so that an engine crash
 * on open (a segfault) ends it rather than the test:
 *   node --import tsx large-record-child.ts write|read store|raw-checksums <dataDir> <characters>
 * `store` goes through EmbeddedStore, opened as the server opens it; `raw-checksums` opens the engine
 * directly with WAL checksums on, its default. `write` commits five districts, one per transaction,
 * the second named with <characters> Chinese characters (three bytes each), prints `written` and
 * waits to be killed; automatic checkpoints are off and the log stays far below the adapter's
 * threshold, so nothing is checkpointed before the kill. `read` prints `rows <json>` or
 * `open-failed <message>`.
 */
import { writeSync } from 'node:fs';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { EmbeddedStore } from '../adapter';
import { DATABASE_FILE } from '../engine-files';
import { upsertDistricts } from '../../queries';

const [action, via, dataDir = '', characters = '0'] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);
const DB_BYTES = 2 ** 30;

const district = (n: number) => ({
  code: `5001${n}`,
  nameZh: n === 1 ? '渝'.repeat(Number(characters)) : `区${n}`,
  nameEn: `district ${n}`,
  inRegion: true,
  level: 'district',
  province: '重庆',
  lat: 29,
  lng: 106,
});

interface Row {
  code: string;
  length: number;
}

async function viaStore(): Promise<void> {
  let store: EmbeddedStore;
  try {
    store = await EmbeddedStore.open({ dataDir, maxDbSizeBytes: DB_BYTES, log: () => undefined });
  } catch (error) {
    say(`open-failed ${error instanceof Error ? error.message : String(error)}`);
    process.exit(3);
  }
  if (action === 'write') {
    await store.ensureSchema();
    for (let n = 0; n < 5; n++) await store.write((tx) => tx.run(upsertDistricts([district(n)])));
    say('written');
    return;
  }
  const rows = await store.read<Row & Record<string, unknown>>({
    name: 'largeRecordRows',
    cypher: 'MATCH (d:District) RETURN d.code AS code, size(d.nameZh) AS length ORDER BY code',
    params: {},
  });
  say(`rows ${JSON.stringify(rows)}`);
  process.exit(0);
}

async function viaEngineWithChecksums(): Promise<void> {
  // The engine's defaults but for automatic checkpoints: checksums on, replay failures thrown.
  const db = new lbug.Database(path.join(dataDir, DATABASE_FILE), 2 ** 28, true, false, DB_BYTES, false, -1, true, true);
  try {
    await db.init();
  } catch (error) {
    say(`open-failed ${error instanceof Error ? error.message : String(error)}`);
    process.exit(3);
  }
  const conn = new lbug.Connection(db);
  await conn.init();
  const query = async (text: string) => {
    const results = [await conn.query(text)].flat();
    const rows = await results.at(-1)?.getAll();
    for (const result of results) result.close();
    return rows ?? [];
  };
  if (action === 'write') {
    await query('CALL force_checkpoint_on_close=false');
    await query('CREATE NODE TABLE District(code STRING PRIMARY KEY, nameZh STRING)');
    await query('CHECKPOINT');
    const statement = await conn.prepare('CREATE (:District {code: $code, nameZh: $nameZh})');
    for (let n = 0; n < 5; n++) {
      const { code, nameZh } = district(n);
      for (const result of [await conn.execute(statement, { code, nameZh })].flat()) result.close();
    }
    say('written');
    return;
  }
  const rows = await query('MATCH (d:District) RETURN d.code AS code, size(d.nameZh) AS length ORDER BY code');
  say(`rows ${JSON.stringify(rows)}`);
  process.exit(0);
}

await (via === 'store' ? viaStore() : viaEngineWithChecksums());
// Written: stay alive, holding the log as it is, until the test kills this process.
setInterval(() => undefined, 60_000);
