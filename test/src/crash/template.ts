import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleDataset } from '@yulian/seed';
import { EmbeddedStore, loadDataset } from '@yulian/server';
import { tokenFor } from '../roles';

/** Address space each store of the parent reserves; the engine's default is far more. */
const TEMPLATE_DB_BYTES = 2 ** 33;

/**
 * The article's data and an admin session, in a folder that every lane copies at its start and
 * after a store had to be given up: seeding it once here spares each lane the seed's bulk load
 * and the demo accounts' password hashing. Closed, so checkpointed: the copies start with no log.
 */
export async function makeTemplate(): Promise<{ dir: string; token: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-matrix-template-'));
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: TEMPLATE_DB_BYTES });
  try {
    await store.ensureSchema();
    await loadDataset(store, articleDataset, new Date('2025-05-14T00:00:00Z'));
    return { dir, token: await tokenFor(store, { role: 'ADMIN' }) };
  } finally {
    await store.close();
  }
}
