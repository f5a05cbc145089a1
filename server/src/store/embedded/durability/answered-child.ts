/**
 * Commits through EmbeddedStore and reports, after each answered write, how far the log reached,
 * then waits to be killed (replay.test.ts):
 *   node --import tsx answered-child.ts <dataDir>
 * Writes district `500100` alone, then 400 districts `6…` in one transaction (a commit of many
 * 4 KiB log writes), printing `answered <first code> <answered log bytes>` after each.
 */
import { writeSync } from 'node:fs';
import { EmbeddedStore } from '../adapter';
import { readAnswered } from '../answered-log';
import { upsertDistricts } from '../../queries';

const [dataDir = ''] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

const district = (code: string) => ({ code, nameZh: `区${code}`, nameEn: code, inRegion: true, level: 'district', province: '重庆', lat: 29, lng: 106 });

const store = await EmbeddedStore.open({ dataDir, maxDbSizeBytes: 2 ** 30, log: () => undefined });
await store.ensureSchema();
await store.write((tx) => tx.run(upsertDistricts([district('500100')])));
say(`answered 500100 ${readAnswered(dataDir)}`);
const many = Array.from({ length: 400 }, (_, i) => district(`6${String(i).padStart(5, '0')}`));
await store.write(async (tx) => {
  for (const d of many) await tx.run(upsertDistricts([d]));
});
say(`answered 600000 ${readAnswered(dataDir)}`);
say('written');
setInterval(() => undefined, 60_000);
