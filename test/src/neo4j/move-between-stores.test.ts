import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpGraph } from '../../../server/src/backup/dump';
import { restoreGraph } from '../../../server/src/backup/restore';
import { createUserWithPassword, openNeo4jTestStore, openTempStore } from '../harness';
import { tokenFor } from '../roles';

/**
 * Switching engines is a backup of one restored into the other (README, "Switching to Neo4j"):
 * the embedded store's dump, restored into Neo4j and dumped there, is the same file, and so is the
 * way back. Ids, numbers, dates, lists and awkward text all survive both engines' types.
 */

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'yulian-move-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The dump without its header's creation time. */
const contentOf = (file: string) => readFileSync(file, 'utf8').split('\n').slice(1);

describe('moving data between the embedded store and Neo4j', () => {
  it('restores an embedded backup into Neo4j and back again without a difference', async () => {
    const embedded = await openTempStore();
    const fromEmbedded = path.join(work, 'embedded.jsonl');
    try {
      await createUserWithPassword(embedded.store, { username: 'mover', password: 'a long enough password', role: 'ADMIN', displayName: '搬迁 "quoted" \\ 🚗' });
      await tokenFor(embedded.store, { role: 'FIRM', firmId: 'anrui' });
      await dumpGraph(embedded.store, fromEmbedded);
    } finally {
      await embedded.close();
    }

    const neo4j = await openNeo4jTestStore({ seed: false });
    const fromNeo4j = path.join(work, 'neo4j.jsonl');
    try {
      await restoreGraph(neo4j.store, fromEmbedded);
      await dumpGraph(neo4j.store, fromNeo4j);
    } finally {
      await neo4j.close();
    }
    expect(contentOf(fromNeo4j)).toEqual(contentOf(fromEmbedded));

    const back = await openTempStore({ seed: false });
    const roundTrip = path.join(work, 'back.jsonl');
    try {
      await restoreGraph(back.store, fromNeo4j);
      await dumpGraph(back.store, roundTrip);
    } finally {
      await back.close();
    }
    expect(contentOf(roundTrip)).toEqual(contentOf(fromEmbedded));
  }, 240_000);
});
